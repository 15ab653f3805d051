-- name: iam-unassigned-mfa-devices
-- title: Virtual MFA devices assigned to nobody
-- description: Virtual MFA devices created but not enabled for any user: leftovers of abandoned enrolments.
-- category: hygiene
-- severity: low
-- reads: iam/virtual-mfa-device
SELECT account_id, region, service, type, id, name, created_at
FROM resources
WHERE service = 'iam' AND type = 'virtual-mfa-device' AND details ->> '$.assigned' = 0
ORDER BY account_id, id
