-- name: rds-public
-- title: Publicly accessible RDS instances
-- description: DB instances with a public endpoint.
-- category: security
-- severity: high
-- reads: rds/db-instance
-- references: CIS 2.3.3
SELECT account_id, region, service, type, id, name,
  details ->> '$.engine' AS engine, details ->> '$.endpoint_address' AS endpoint
FROM resources
WHERE service = 'rds' AND type = 'db-instance' AND details ->> '$.publicly_accessible' = 1
ORDER BY account_id, region, id
