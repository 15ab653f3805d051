-- name: redshift-no-automated-snapshots
-- title: Redshift clusters without automated snapshots
-- description: Provisioned clusters that keep no automated snapshots (retention 0 days).
-- category: security
-- severity: medium
-- reads: redshift/cluster
-- references: Security Hub Redshift.3
SELECT account_id, region, service, type, id, name, details ->> '$.node_type' AS node_type
FROM resources
WHERE service = 'redshift' AND type = 'cluster' AND details ->> '$.automated_snapshot_retention_days' = 0
ORDER BY account_id, region, id
