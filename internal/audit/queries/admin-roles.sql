-- name: admin-roles
-- title: IAM roles with administrator access
-- description: Roles with AdministratorAccess or a customer policy allowing *:* attached.
-- category: security
-- severity: high
-- reads: iam/role, iam/policy
-- references: CIS 1.16
SELECT r.account_id, r.region, r.service, r.type, r.id, r.name,
  r.details ->> '$.attached_policies' AS attached_policies,
  r.details ->> '$.trust_principals' AS trust_principals
FROM resources r
WHERE r.service = 'iam' AND r.type = 'role'
  AND EXISTS (SELECT 1 FROM json_each(r.details, '$.attached_policies') p
    WHERE p.value = 'AdministratorAccess'
       OR EXISTS (SELECT 1 FROM resources a WHERE a.service = 'iam' AND a.type = 'policy'
            AND a.account_id = r.account_id AND a.name = p.value AND a.details ->> '$.allows_admin' = 1))
ORDER BY r.account_id, r.id
