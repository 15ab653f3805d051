-- name: rds-proxy-no-tls
-- title: RDS proxies that accept connections without TLS
-- description: Proxies that do not require TLS from clients.
-- category: security
-- severity: medium
-- reads: rds/db-proxy
SELECT account_id, region, service, type, id, name, details ->> '$.engine_family' AS engine_family
FROM resources
WHERE service = 'rds' AND type = 'db-proxy' AND details ->> '$.require_tls' = 0
ORDER BY account_id, region, id
