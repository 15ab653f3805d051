-- name: users-without-mfa
-- title: IAM users without an MFA device
-- description: IAM users whose MFA is not active, with their last console login and access key count.
-- category: security
-- severity: high
-- reads: iam/user
-- references: CIS 1.10
SELECT account_id, region, service, type, id, name,
  details ->> '$.console_access' AS console_access,
  details ->> '$.password_last_used' AS password_last_used,
  json_array_length(details, '$.access_keys') AS access_keys
FROM resources
WHERE service = 'iam' AND type = 'user' AND coalesce(details ->> '$.mfa_active', 0) = 0
ORDER BY account_id, id
