-- name: auto-minor-upgrade-off
-- title: Databases and brokers that do not take minor engine upgrades
-- description: RDS instances, ElastiCache clusters and Amazon MQ brokers with automatic minor version upgrades off: security patches wait for someone to apply them.
-- category: security
-- severity: low
-- reads: rds/db-instance, elasticache/cluster, mq/broker
-- references: Security Hub RDS.13, ElastiCache.2, MQ.3
SELECT account_id, region, service, type, id, name,
  coalesce(details ->> '$.engine', details ->> '$.engine_type') AS engine, details ->> '$.engine_version' AS engine_version
FROM resources
WHERE ((service = 'rds' AND type = 'db-instance') OR (service = 'elasticache' AND type = 'cluster') OR (service = 'mq' AND type = 'broker'))
  AND details ->> '$.auto_minor_version_upgrade' = 0
ORDER BY account_id, region, service, id
