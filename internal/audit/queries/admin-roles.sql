-- name: admin-roles
-- title: IAM roles with administrator access
-- description: Roles with AdministratorAccess or a customer policy allowing *:* attached.
-- category: security
-- severity: high
-- reads: iam/role, iam/policy
-- references: CIS 1.16
WITH admin_policies AS MATERIALIZED (
  SELECT account_id, name FROM resources
  WHERE service = 'iam' AND type = 'policy' AND details ->> '$.allows_admin' = 1
)
SELECT r.account_id, r.region, r.service, r.type, r.id, r.name,
  r.details ->> '$.attached_policies' AS attached_policies,
  r.details ->> '$.trust_principals' AS trust_principals
FROM resources r
WHERE r.service = 'iam' AND r.type = 'role'
  AND EXISTS (SELECT 1 FROM json_each(r.details, '$.attached_policies') p
    WHERE p.value = 'AdministratorAccess'
       OR EXISTS (SELECT 1 FROM admin_policies a WHERE a.account_id = r.account_id AND a.name = p.value))
ORDER BY r.account_id, r.id
