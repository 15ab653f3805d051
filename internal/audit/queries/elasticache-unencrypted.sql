-- name: elasticache-unencrypted
-- title: ElastiCache replication groups without encryption
-- description: Replication groups missing encryption at rest or in transit.
-- category: security
-- severity: medium
-- reads: elasticache/replication-group
SELECT account_id, region, service, type, id, name,
  details ->> '$.at_rest_encryption' AS at_rest, details ->> '$.transit_encryption' AS in_transit
FROM resources
WHERE service = 'elasticache' AND type = 'replication-group'
  AND (coalesce(details ->> '$.at_rest_encryption', 0) = 0 OR coalesce(details ->> '$.transit_encryption', 0) = 0)
ORDER BY account_id, region, id
