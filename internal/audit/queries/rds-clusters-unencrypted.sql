-- name: rds-clusters-unencrypted
-- title: Unencrypted RDS and Aurora clusters
-- description: Database clusters whose storage is not encrypted at rest (encryption cannot be turned on in place: restore an encrypted copy).
-- category: security
-- severity: high
-- reads: rds/db-cluster
-- references: Security Hub RDS.27
SELECT account_id, region, service, type, id, name, details ->> '$.engine' AS engine
FROM resources
WHERE service = 'rds' AND type = 'db-cluster' AND details ->> '$.storage_encrypted' = 0
ORDER BY account_id, region, id
