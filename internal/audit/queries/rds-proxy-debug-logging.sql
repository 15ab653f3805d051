-- name: rds-proxy-debug-logging
-- title: RDS proxies logging SQL statements
-- description: Proxies with debug logging on: SQL statements, and the data in them, are written to CloudWatch Logs. Meant for troubleshooting, not production.
-- category: security
-- severity: low
-- reads: rds/db-proxy
SELECT account_id, region, service, type, id, name, details ->> '$.engine_family' AS engine_family
FROM resources
WHERE service = 'rds' AND type = 'db-proxy' AND details ->> '$.debug_logging' = 1
ORDER BY account_id, region, id
