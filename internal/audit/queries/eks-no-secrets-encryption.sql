-- name: eks-no-secrets-encryption
-- title: EKS clusters without envelope encryption of secrets
-- description: Clusters whose Kubernetes secrets are not encrypted with a KMS key.
-- category: security
-- severity: medium
-- reads: eks/cluster
SELECT account_id, region, service, type, id, name, details ->> '$.version' AS version
FROM resources
WHERE service = 'eks' AND type = 'cluster' AND coalesce(details ->> '$.secrets_encryption', 0) = 0
ORDER BY account_id, region, id
