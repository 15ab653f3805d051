-- name: secrets-no-rotation
-- title: Secrets Manager secrets without rotation
-- description: Secrets whose automatic rotation is off.
-- category: security
-- severity: medium
-- reads: secretsmanager/secret
SELECT account_id, region, service, type, id, name,
  details ->> '$.last_rotated' AS last_rotated,
  details ->> '$.last_changed' AS last_changed
FROM resources
WHERE service = 'secretsmanager' AND type = 'secret' AND coalesce(details ->> '$.rotation_enabled', 0) = 0
ORDER BY account_id, region, id
