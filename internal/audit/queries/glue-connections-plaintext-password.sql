-- name: glue-connections-plaintext-password
-- title: Glue connections with a plaintext password
-- description: Connections whose properties hold a PASSWORD in plain text (not in Secrets Manager, not encrypted by the Data Catalog); awsmap stores only that it is there, never the password.
-- category: security
-- severity: high
-- reads: glue/connection
SELECT account_id, region, service, type, id, name, details ->> '$.connection_type' AS connection_type
FROM resources
WHERE service = 'glue' AND type = 'connection' AND details ->> '$.plaintext_password' = 1
ORDER BY account_id, region, id
