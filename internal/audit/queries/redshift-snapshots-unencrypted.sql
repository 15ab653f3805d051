-- name: redshift-snapshots-unencrypted
-- title: Unencrypted Redshift snapshots
-- description: Manual cluster snapshots whose data is not encrypted at rest.
-- category: security
-- severity: medium
-- reads: redshift/cluster-snapshot
SELECT account_id, region, service, type, id, name, details ->> '$.cluster' AS cluster, created_at
FROM resources
WHERE service = 'redshift' AND type = 'cluster-snapshot' AND details ->> '$.encrypted' = 0
ORDER BY account_id, region, id
