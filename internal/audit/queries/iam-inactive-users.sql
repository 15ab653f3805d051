-- name: iam-inactive-users
-- title: IAM users that never logged in and have no access keys
-- description: Users whose password was never used and who have no access key: likely leftovers.
-- category: hygiene
-- severity: low
-- reads: iam/user
-- references: CIS 1.12
SELECT account_id, region, service, type, id, name, created_at
FROM resources
WHERE service = 'iam' AND type = 'user'
  AND coalesce(details ->> '$.password_last_used', '') = ''
  AND coalesce(json_array_length(details, '$.access_keys'), 0) = 0
ORDER BY account_id, id
