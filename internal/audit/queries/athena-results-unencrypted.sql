-- name: athena-results-unencrypted
-- title: Athena workgroups that do not encrypt query results
-- description: Workgroups with no results encryption, or whose settings clients may override (enforce configuration off).
-- category: security
-- severity: medium
-- reads: athena/workgroup
SELECT account_id, region, service, type, id, name, details ->> '$.results_encryption' AS results_encryption,
  details ->> '$.enforce_configuration' AS enforced
FROM resources
WHERE service = 'athena' AND type = 'workgroup'
  AND (length(details ->> '$.results_encryption') = 0 OR details ->> '$.enforce_configuration' = 0)
ORDER BY account_id, region, id
