-- name: root-no-mfa
-- title: Root user without MFA
-- description: Accounts whose root user has no MFA device.
-- category: security
-- severity: critical
-- reads: iam/account-summary
-- references: CIS 1.5
SELECT account_id, region, service, type, id, name
FROM resources
WHERE service = 'iam' AND type = 'account-summary' AND details ->> '$.root_mfa_enabled' = 0
ORDER BY account_id
