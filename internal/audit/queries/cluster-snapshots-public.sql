-- name: cluster-snapshots-public
-- title: Public Aurora, DocumentDB and Neptune cluster snapshots
-- description: Manual cluster snapshots any AWS account may restore, that is read the whole database of.
-- category: security
-- severity: critical
-- reads: rds/db-cluster-snapshot, docdb/cluster-snapshot, neptune/cluster-snapshot
-- references: Security Hub RDS.1
SELECT account_id, region, service, type, id, name, details ->> '$.db_cluster_id' AS db_cluster_id, details ->> '$.engine' AS engine
FROM resources
WHERE ((service = 'rds' AND type = 'db-cluster-snapshot') OR (service = 'docdb' AND type = 'cluster-snapshot')
    OR (service = 'neptune' AND type = 'cluster-snapshot'))
  AND details ->> '$.shared_publicly' = 1
ORDER BY account_id, region, service, id
