-- name: weak-password-policy
-- title: Missing or weak IAM password policy
-- description: Accounts with no password policy, or one requiring fewer than :min_length characters or allowing reuse.
-- category: security
-- severity: medium
-- params: min_length=14
-- reads: iam/password-policy
-- references: CIS 1.8, CIS 1.9
SELECT account_id, region, service, type, id, name,
  details ->> '$.exists' AS policy_exists,
  details ->> '$.minimum_password_length' AS minimum_length,
  details ->> '$.password_reuse_prevention' AS reuse_prevention
FROM resources
WHERE service = 'iam' AND type = 'password-policy'
  AND (coalesce(details ->> '$.exists', 0) = 0
    OR coalesce(details ->> '$.minimum_password_length', 0) < :min_length
    OR coalesce(details ->> '$.password_reuse_prevention', 0) = 0)
ORDER BY account_id
