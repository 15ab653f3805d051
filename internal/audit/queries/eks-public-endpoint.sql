-- name: eks-public-endpoint
-- title: EKS clusters with a public API endpoint
-- description: Clusters whose Kubernetes API is reachable from the internet, with the allowed CIDRs.
-- category: security
-- severity: high
-- reads: eks/cluster
-- references: CIS EKS 5.4.2
SELECT account_id, region, service, type, id, name,
  details ->> '$.public_access_cidrs' AS public_access_cidrs, details ->> '$.version' AS version
FROM resources
WHERE service = 'eks' AND type = 'cluster' AND details ->> '$.endpoint_public_access' = 1
ORDER BY account_id, region, id
