-- name: rds-unencrypted
-- title: Unencrypted RDS instances
-- description: DB instances without storage encryption.
-- category: security
-- severity: high
-- reads: rds/db-instance
-- references: CIS 2.3.1
SELECT account_id, region, service, type, id, name, details ->> '$.engine' AS engine
FROM resources
WHERE service = 'rds' AND type = 'db-instance' AND details ->> '$.storage_encrypted' = 0
ORDER BY account_id, region, id
