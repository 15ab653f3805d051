-- name: secrets-not-accessed
-- title: Secrets not accessed in N days
-- description: Secrets older than :days days that were never read, or not read in the last :days days.
-- category: hygiene
-- severity: low
-- params: days=90
-- reads: secretsmanager/secret
SELECT account_id, region, service, type, id, name,
  details ->> '$.last_accessed' AS last_accessed, created_at
FROM resources
WHERE service = 'secretsmanager' AND type = 'secret'
  AND julianday(:now) - julianday(coalesce(nullif(details ->> '$.last_accessed', ''), created_at)) > :days
ORDER BY account_id, region, id
