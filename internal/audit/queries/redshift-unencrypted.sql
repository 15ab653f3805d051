-- name: redshift-unencrypted
-- title: Unencrypted Redshift clusters
-- description: Provisioned clusters without encryption at rest.
-- category: security
-- severity: high
-- reads: redshift/cluster
SELECT account_id, region, service, type, id, name, details ->> '$.node_type' AS node_type
FROM resources
WHERE service = 'redshift' AND type = 'cluster' AND details ->> '$.encrypted' = 0
ORDER BY account_id, region, id
