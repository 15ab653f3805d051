-- name: opensearch-unencrypted
-- title: OpenSearch domains without encryption
-- description: Domains missing encryption at rest, node-to-node encryption, or HTTPS enforcement.
-- category: security
-- severity: high
-- reads: opensearch/domain
-- references: Security Hub Opensearch.1, Opensearch.3, Opensearch.8
SELECT account_id, region, service, type, id, name, details ->> '$.encryption_at_rest' AS at_rest,
  details ->> '$.node_to_node_encryption' AS node_to_node, details ->> '$.enforce_https' AS enforce_https
FROM resources
WHERE service = 'opensearch' AND type = 'domain'
  AND (details ->> '$.encryption_at_rest' = 0 OR details ->> '$.node_to_node_encryption' = 0 OR details ->> '$.enforce_https' = 0)
ORDER BY account_id, region, id
