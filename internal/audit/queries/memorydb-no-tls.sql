-- name: memorydb-no-tls
-- title: MemoryDB clusters without TLS
-- description: Clusters whose clients talk to them unencrypted.
-- category: security
-- severity: medium
-- reads: memorydb/cluster
SELECT account_id, region, service, type, id, name, details ->> '$.engine' AS engine, details ->> '$.acl_name' AS acl_name
FROM resources
WHERE service = 'memorydb' AND type = 'cluster' AND details ->> '$.tls_enabled' = 0
ORDER BY account_id, region, id
