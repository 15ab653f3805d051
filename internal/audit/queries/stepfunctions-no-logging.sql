-- name: stepfunctions-no-logging
-- title: Step Functions state machines without execution logging
-- description: State machines whose logging level is OFF: failed executions leave no trace in CloudWatch Logs (Express workflows keep no other history).
-- category: hygiene
-- severity: low
-- reads: sfn/state-machine
SELECT account_id, region, service, type, id, name, details ->> '$.machine_type' AS machine_type
FROM resources
WHERE service = 'sfn' AND type = 'state-machine' AND details ->> '$.logging_level' = 'OFF'
ORDER BY account_id, region, id
