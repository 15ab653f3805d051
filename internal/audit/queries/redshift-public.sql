-- name: redshift-public
-- title: Publicly accessible Redshift clusters
-- description: Provisioned clusters with a public endpoint (reachable from the internet where security groups allow).
-- category: security
-- severity: high
-- reads: redshift/cluster
SELECT account_id, region, service, type, id, name, details ->> '$.endpoint' AS endpoint
FROM resources
WHERE service = 'redshift' AND type = 'cluster' AND details ->> '$.publicly_accessible' = 1
ORDER BY account_id, region, id
