-- name: roles-trusting-everyone
-- title: IAM roles anyone can assume
-- description: Roles whose trust policy allows the principal "*".
-- category: security
-- severity: critical
-- reads: iam/role
SELECT account_id, region, service, type, id, name,
  details ->> '$.trust_principals' AS trust_principals
FROM resources
WHERE service = 'iam' AND type = 'role' AND details ->> '$.trusts_everyone' = 1
ORDER BY account_id, id
