-- name: dynamodb-no-pitr
-- title: DynamoDB tables without point-in-time recovery
-- description: Tables that cannot be restored to a point in time.
-- category: hygiene
-- severity: medium
-- reads: dynamodb/table
SELECT account_id, region, service, type, id, name, details ->> '$.size_bytes' AS size_bytes
FROM resources
WHERE service = 'dynamodb' AND type = 'table' AND coalesce(details ->> '$.pitr_enabled', 0) = 0
ORDER BY account_id, region, id
