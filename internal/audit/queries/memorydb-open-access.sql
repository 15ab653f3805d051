-- name: memorydb-open-access
-- title: MemoryDB clusters any client may use
-- description: Clusters using the open-access ACL: any client that reaches them connects without a user or password.
-- category: security
-- severity: high
-- reads: memorydb/cluster
SELECT account_id, region, service, type, id, name, details ->> '$.tls_enabled' AS tls_enabled
FROM resources
WHERE service = 'memorydb' AND type = 'cluster' AND details ->> '$.acl_name' = 'open-access'
ORDER BY account_id, region, id
