-- name: opensearch-public-domains
-- title: OpenSearch domains with a public endpoint
-- description: Domains outside any VPC: reachable from the internet, guarded by their access policy alone (and fine-grained access control when on).
-- category: security
-- severity: high
-- reads: opensearch/domain
-- references: Security Hub Opensearch.2
SELECT account_id, region, service, type, id, name, details ->> '$.endpoint' AS endpoint,
  details ->> '$.fine_grained_access_control' AS fine_grained_access_control
FROM resources
WHERE service = 'opensearch' AND type = 'domain' AND details ->> '$.public_endpoint' = 1
ORDER BY account_id, region, id
