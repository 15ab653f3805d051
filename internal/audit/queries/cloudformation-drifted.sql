-- name: cloudformation-drifted
-- title: CloudFormation stacks that drifted
-- description: Stacks whose last drift detection found changes made outside CloudFormation.
-- category: hygiene
-- severity: low
-- reads: cloudformation/stack
SELECT account_id, region, service, type, id, name, details ->> '$.drift_checked' AS drift_checked
FROM resources
WHERE service = 'cloudformation' AND type = 'stack' AND details ->> '$.drift_status' = 'DRIFTED'
ORDER BY account_id, region, id
