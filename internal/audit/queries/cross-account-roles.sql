-- name: cross-account-roles
-- title: IAM roles trusting other AWS accounts
-- description: Roles whose trust policy lets a principal of another account assume them.
-- category: security
-- severity: medium
-- reads: iam/role
SELECT account_id, region, service, type, id, name,
  details ->> '$.trust_principals' AS trust_principals,
  details ->> '$.last_used' AS last_used
FROM resources
WHERE service = 'iam' AND type = 'role' AND details ->> '$.trusts_other_accounts' = 1
ORDER BY account_id, id
