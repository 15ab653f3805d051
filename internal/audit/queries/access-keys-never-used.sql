-- name: access-keys-never-used
-- title: Active IAM access keys never used
-- description: Active access keys created more than :days days ago that have never been used.
-- category: security
-- severity: medium
-- params: days=7
-- reads: iam/user
-- references: CIS 1.12
SELECT u.account_id, u.region, u.service, u.type, u.id, u.name,
  k.value ->> '$.id' AS access_key_id,
  k.value ->> '$.created' AS key_created
FROM resources u, json_each(u.details, '$.access_keys') k
WHERE u.service = 'iam' AND u.type = 'user'
  AND k.value ->> '$.status' = 'Active'
  AND coalesce(k.value ->> '$.last_used', '') = ''
  AND julianday(:now) - julianday(k.value ->> '$.created') > :days
ORDER BY u.account_id, u.id, access_key_id
