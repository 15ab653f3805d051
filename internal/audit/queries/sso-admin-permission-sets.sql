-- name: sso-admin-permission-sets
-- title: Identity Center permission sets granting AdministratorAccess
-- description: Permission sets with the AWS managed AdministratorAccess policy attached: every assignment of them is an administrator of the account.
-- category: security
-- severity: high
-- reads: sso-admin/permission-set
SELECT p.account_id, p.region, p.service, p.type, p.id, p.name, p.details ->> '$.session_duration' AS session_duration
FROM resources p
WHERE p.service = 'sso-admin' AND p.type = 'permission-set'
  AND EXISTS (SELECT 1 FROM json_each(p.details, '$.managed_policies') m WHERE m.value LIKE 'arn:%:iam::aws:policy/AdministratorAccess')
ORDER BY p.account_id, p.region, p.id
