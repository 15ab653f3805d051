-- name: admin-users
-- title: IAM users with administrator access
-- description: Users with AdministratorAccess or a customer policy allowing *:* attached directly or through a group.
-- category: security
-- severity: critical
-- reads: iam/user, iam/group, iam/policy
-- references: CIS 1.16
WITH admin_policies AS MATERIALIZED (
  SELECT account_id, name FROM resources
  WHERE service = 'iam' AND type = 'policy' AND details ->> '$.allows_admin' = 1
),
is_admin_policy(account_id, policy) AS MATERIALIZED (
  SELECT account_id, name FROM admin_policies
),
admin_groups AS MATERIALIZED (
  SELECT g.account_id, g.name FROM resources g, json_each(g.details, '$.attached_policies') p
  WHERE g.service = 'iam' AND g.type = 'group'
    AND (p.value = 'AdministratorAccess'
      OR EXISTS (SELECT 1 FROM is_admin_policy a WHERE a.account_id = g.account_id AND a.policy = p.value))
)
SELECT u.account_id, u.region, u.service, u.type, u.id, u.name,
  CASE WHEN EXISTS (SELECT 1 FROM json_each(u.details, '$.attached_policies') p
      WHERE p.value = 'AdministratorAccess'
         OR EXISTS (SELECT 1 FROM is_admin_policy a WHERE a.account_id = u.account_id AND a.policy = p.value))
    THEN 'DIRECT' ELSE 'VIA GROUP' END AS admin_source,
  u.details ->> '$.mfa_active' AS mfa_active,
  u.details ->> '$.groups' AS groups
FROM resources u
WHERE u.service = 'iam' AND u.type = 'user'
  AND (EXISTS (SELECT 1 FROM json_each(u.details, '$.attached_policies') p
         WHERE p.value = 'AdministratorAccess'
            OR EXISTS (SELECT 1 FROM is_admin_policy a WHERE a.account_id = u.account_id AND a.policy = p.value))
    OR EXISTS (SELECT 1 FROM json_each(u.details, '$.groups') g
         JOIN admin_groups ag ON ag.account_id = u.account_id AND ag.name = g.value))
ORDER BY u.account_id, u.id
