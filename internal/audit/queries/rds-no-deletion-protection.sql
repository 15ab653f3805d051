-- name: rds-no-deletion-protection
-- title: RDS instances without deletion protection
-- description: DB instances that can be deleted with one API call.
-- category: hygiene
-- severity: low
-- reads: rds/db-instance
SELECT account_id, region, service, type, id, name, details ->> '$.engine' AS engine
FROM resources
WHERE service = 'rds' AND type = 'db-instance' AND details ->> '$.deletion_protection' = 0
ORDER BY account_id, region, id
