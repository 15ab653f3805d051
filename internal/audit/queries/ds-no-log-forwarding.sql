-- name: ds-no-log-forwarding
-- title: Managed Microsoft AD directories that do not forward their security logs
-- description: AWS Managed Microsoft AD directories whose domain controller security logs go to no CloudWatch Logs log group.
-- category: security
-- severity: low
-- reads: ds/directory
SELECT account_id, region, service, type, id, name, details ->> '$.edition' AS edition
FROM resources
WHERE service = 'ds' AND type = 'directory' AND details ->> '$.directory_type' = 'MicrosoftAD'
  AND json_array_length(details, '$.log_groups') = 0
ORDER BY account_id, region, id
