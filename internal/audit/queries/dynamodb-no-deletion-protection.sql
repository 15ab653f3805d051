-- name: dynamodb-no-deletion-protection
-- title: DynamoDB tables without deletion protection
-- description: Tables that one API call can delete, with their size.
-- category: security
-- severity: low
-- reads: dynamodb/table
-- references: Security Hub DynamoDB.6
SELECT account_id, region, service, type, id, name, details ->> '$.item_count' AS item_count, details ->> '$.size_bytes' AS size_bytes
FROM resources
WHERE service = 'dynamodb' AND type = 'table' AND details ->> '$.deletion_protection' = 0
ORDER BY account_id, region, id
