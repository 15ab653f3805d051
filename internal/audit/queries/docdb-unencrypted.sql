-- name: docdb-unencrypted
-- title: Unencrypted DocumentDB clusters
-- description: DocumentDB clusters whose storage is not encrypted at rest (encryption cannot be turned on in place: restore an encrypted copy).
-- category: security
-- severity: high
-- reads: docdb/cluster
SELECT account_id, region, service, type, id, name, details ->> '$.engine_version' AS engine_version
FROM resources
WHERE service = 'docdb' AND type = 'cluster' AND details ->> '$.storage_encrypted' = 0
ORDER BY account_id, region, id
