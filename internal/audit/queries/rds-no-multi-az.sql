-- name: rds-no-multi-az
-- title: Single-AZ RDS instances
-- description: DB instances outside a cluster without a Multi-AZ standby.
-- category: hygiene
-- severity: low
-- reads: rds/db-instance
SELECT account_id, region, service, type, id, name,
  details ->> '$.engine' AS engine, details ->> '$.instance_class' AS instance_class
FROM resources
WHERE service = 'rds' AND type = 'db-instance' AND details ->> '$.multi_az' = 0
  AND coalesce(details ->> '$.cluster_id', '') = ''
ORDER BY account_id, region, id
