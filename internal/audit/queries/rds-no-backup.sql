-- name: rds-no-backup
-- title: RDS instances without automated backups
-- description: DB instances with a backup retention of 0 days.
-- category: security
-- severity: high
-- reads: rds/db-instance
SELECT account_id, region, service, type, id, name, details ->> '$.engine' AS engine
FROM resources
WHERE service = 'rds' AND type = 'db-instance' AND details ->> '$.backup_retention_days' = 0
  AND coalesce(details ->> '$.cluster_id', '') = ''
ORDER BY account_id, region, id
