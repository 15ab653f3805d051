-- name: elasticache-no-backups
-- title: ElastiCache replication groups without automatic backups
-- description: Redis/Valkey replication groups that keep no automatic snapshots (retention 0 days).
-- category: security
-- severity: low
-- reads: elasticache/replication-group
-- references: Security Hub ElastiCache.1
SELECT account_id, region, service, type, id, name, details ->> '$.engine' AS engine
FROM resources
WHERE service = 'elasticache' AND type = 'replication-group' AND details ->> '$.snapshot_retention' = 0
ORDER BY account_id, region, id
