-- name: opensearch-serverless-public
-- title: OpenSearch Serverless network policies open to the internet
-- description: Network policies that make some collection or its dashboards reachable from the internet (guarded by data access policies alone).
-- category: security
-- severity: medium
-- reads: opensearchserverless/security-policy
SELECT account_id, region, service, type, id, name, details ->> '$.rule_count' AS rule_count
FROM resources
WHERE service = 'opensearchserverless' AND type = 'security-policy' AND details ->> '$.policy_type' = 'network'
  AND details ->> '$.allow_from_public' = 1
ORDER BY account_id, region, id
