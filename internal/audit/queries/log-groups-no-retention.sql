-- name: log-groups-no-retention
-- title: CloudWatch log groups that never expire
-- description: Log groups without a retention period, with their stored bytes.
-- category: cost
-- severity: low
-- reads: logs/log-group
SELECT account_id, region, service, type, id, name, details ->> '$.stored_bytes' AS stored_bytes
FROM resources
WHERE service = 'logs' AND type = 'log-group'
  AND (details ->> '$.never_expires' = 1 OR coalesce(details ->> '$.retention_days', 0) = 0)
ORDER BY account_id, region, id
