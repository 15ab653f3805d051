-- name: transfer-no-logging
-- title: Transfer Family servers without logs
-- description: Servers with neither a logging role nor structured log destinations: logins and file operations leave no trace.
-- category: security
-- severity: medium
-- reads: transfer/server
SELECT account_id, region, service, type, id, name, details ->> '$.endpoint_type' AS endpoint_type
FROM resources
WHERE service = 'transfer' AND type = 'server' AND details ->> '$.logging_role' = ''
  AND json_array_length(details, '$.log_destinations') = 0
ORDER BY account_id, region, id
