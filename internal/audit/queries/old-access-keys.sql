-- name: old-access-keys
-- title: Active IAM access keys older than N days
-- description: One row per active access key created more than :days days ago.
-- category: security
-- severity: medium
-- params: days=90
-- reads: iam/user
-- references: CIS 1.14
SELECT u.account_id, u.region, u.service, u.type, u.id, u.name,
  k.value ->> '$.id' AS access_key_id,
  k.value ->> '$.created' AS key_created,
  CAST(julianday(:now) - julianday(k.value ->> '$.created') AS INTEGER) AS age_days,
  k.value ->> '$.last_used' AS last_used
FROM resources u, json_each(u.details, '$.access_keys') k
WHERE u.service = 'iam' AND u.type = 'user'
  AND k.value ->> '$.status' = 'Active'
  AND julianday(:now) - julianday(k.value ->> '$.created') > :days
ORDER BY u.account_id, u.id, access_key_id
