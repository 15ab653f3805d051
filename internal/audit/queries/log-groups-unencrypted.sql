-- name: log-groups-unencrypted
-- title: CloudWatch log groups without a KMS key
-- description: Log groups encrypted only with the service default key.
-- category: security
-- severity: info
-- reads: logs/log-group
SELECT account_id, region, service, type, id, name
FROM resources
WHERE service = 'logs' AND type = 'log-group' AND coalesce(details ->> '$.kms_key_id', '') = ''
ORDER BY account_id, region, id
