-- name: rds-snapshots-public
-- title: RDS snapshots shared publicly
-- description: Manual DB snapshots anyone can restore.
-- category: security
-- severity: critical
-- reads: rds/db-snapshot
-- references: CIS 2.3.3
SELECT account_id, region, service, type, id, name,
  details ->> '$.db_instance_id' AS db_instance_id, details ->> '$.encrypted' AS encrypted
FROM resources
WHERE service = 'rds' AND type = 'db-snapshot' AND details ->> '$.shared_publicly' = 1
ORDER BY account_id, region, id
