-- name: eks-no-audit-logging
-- title: EKS clusters without control plane audit logs
-- description: Clusters whose Kubernetes audit log is not sent to CloudWatch Logs: who did what through the API is not recorded.
-- category: security
-- severity: medium
-- reads: eks/cluster
-- references: Security Hub EKS.8
SELECT account_id, region, service, type, id, name, details ->> '$.logging_enabled_types' AS logging_enabled_types
FROM resources
WHERE service = 'eks' AND type = 'cluster' AND json_type(details, '$.logging_enabled_types') = 'array'
  AND NOT EXISTS (SELECT 1 FROM json_each(details, '$.logging_enabled_types') l WHERE l.value = 'audit')
ORDER BY account_id, region, id
