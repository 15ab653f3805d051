-- name: elasticache-clusters-unencrypted
-- title: Standalone ElastiCache clusters without encryption
-- description: Cache clusters outside any replication group (Memcached, or single-node Redis/Valkey) missing encryption at rest or in transit; replication groups are in elasticache-unencrypted.
-- category: security
-- severity: medium
-- reads: elasticache/cluster
SELECT account_id, region, service, type, id, name, details ->> '$.engine' AS engine,
  details ->> '$.at_rest_encryption' AS at_rest, details ->> '$.transit_encryption' AS in_transit
FROM resources
WHERE service = 'elasticache' AND type = 'cluster' AND coalesce(details ->> '$.replication_group_id', '') = ''
  AND (details ->> '$.at_rest_encryption' = 0 OR details ->> '$.transit_encryption' = 0)
ORDER BY account_id, region, id
