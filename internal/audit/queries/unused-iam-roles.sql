-- name: unused-iam-roles
-- title: IAM roles not used in N days
-- description: Roles older than :days days never assumed, or not assumed in the last :days days (service-linked roles excluded).
-- category: hygiene
-- severity: low
-- params: days=90
-- reads: iam/role
SELECT account_id, region, service, type, id, name, details ->> '$.last_used' AS last_used, created_at
FROM resources
WHERE service = 'iam' AND type = 'role'
  AND coalesce(details ->> '$.path', '') NOT LIKE '/aws-service-role/%'
  AND julianday(:now) - julianday(coalesce(nullif(details ->> '$.last_used', ''), created_at)) > :days
ORDER BY account_id, id
