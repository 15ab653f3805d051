-- name: alarms-without-actions
-- title: CloudWatch alarms that notify nobody
-- description: Alarms with actions disabled or no alarm action.
-- category: hygiene
-- severity: low
-- reads: cloudwatch/alarm
SELECT account_id, region, service, type, id, name, details ->> '$.state' AS state
FROM resources
WHERE service = 'cloudwatch' AND type = 'alarm'
  AND (coalesce(details ->> '$.actions_enabled', 0) = 0 OR coalesce(json_array_length(details, '$.alarm_actions'), 0) = 0)
ORDER BY account_id, region, id
