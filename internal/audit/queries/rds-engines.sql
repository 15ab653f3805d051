-- name: rds-engines
-- title: RDS engines and versions in use
-- description: Count of DB instances per engine and version (id is "engine version").
-- category: migration
-- severity: info
-- reads: rds/db-instance
SELECT account_id, region, service, type,
  (details ->> '$.engine') || ' ' || (details ->> '$.engine_version') AS id,
  details ->> '$.engine' AS name, count(*) AS instances
FROM resources
WHERE service = 'rds' AND type = 'db-instance'
GROUP BY account_id, region, service, type, details ->> '$.engine', details ->> '$.engine_version'
ORDER BY account_id, region, id
