-- name: rds-snapshots-unencrypted
-- title: Unencrypted RDS snapshots
-- description: Manual DB snapshots without encryption.
-- category: security
-- severity: medium
-- reads: rds/db-snapshot
SELECT account_id, region, service, type, id, name, details ->> '$.db_instance_id' AS db_instance_id
FROM resources
WHERE service = 'rds' AND type = 'db-snapshot' AND details ->> '$.encrypted' = 0
ORDER BY account_id, region, id
