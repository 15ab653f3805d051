-- name: cloudformation-failed
-- title: CloudFormation stacks in a failed state
-- description: Stacks left in a *_FAILED or ROLLBACK_COMPLETE state.
-- category: hygiene
-- severity: low
-- reads: cloudformation/stack
SELECT account_id, region, service, type, id, name,
  details ->> '$.status' AS status, details ->> '$.status_reason' AS status_reason
FROM resources
WHERE service = 'cloudformation' AND type = 'stack'
  AND (details ->> '$.status' LIKE '%FAILED' OR details ->> '$.status' = 'ROLLBACK_COMPLETE')
ORDER BY account_id, region, id
