-- name: console-users-without-mfa
-- title: IAM users with console access and no MFA
-- description: Users who can log in to the console with a password alone.
-- category: security
-- severity: critical
-- reads: iam/user
-- references: CIS 1.10
SELECT account_id, region, service, type, id, name,
  details ->> '$.password_last_used' AS password_last_used
FROM resources
WHERE service = 'iam' AND type = 'user' AND details ->> '$.console_access' = 1
  AND coalesce(details ->> '$.mfa_active', 0) = 0
ORDER BY account_id, id
