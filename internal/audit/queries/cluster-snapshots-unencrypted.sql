-- name: cluster-snapshots-unencrypted
-- title: Unencrypted Aurora, DocumentDB and Neptune cluster snapshots
-- description: Manual cluster snapshots whose data is not encrypted at rest.
-- category: security
-- severity: medium
-- reads: rds/db-cluster-snapshot, docdb/cluster-snapshot, neptune/cluster-snapshot
SELECT account_id, region, service, type, id, name, details ->> '$.db_cluster_id' AS db_cluster_id, details ->> '$.engine' AS engine
FROM resources
WHERE ((service = 'rds' AND type = 'db-cluster-snapshot') OR (service = 'docdb' AND type = 'cluster-snapshot')
    OR (service = 'neptune' AND type = 'cluster-snapshot'))
  AND details ->> '$.storage_encrypted' = 0
ORDER BY account_id, region, service, id
