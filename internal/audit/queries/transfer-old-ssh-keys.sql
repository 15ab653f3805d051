-- name: transfer-old-ssh-keys
-- title: Transfer Family users with old SSH keys
-- description: Service-managed users whose oldest SSH key was imported more than :days days ago.
-- category: security
-- severity: low
-- params: days=365
-- reads: transfer/user
SELECT account_id, region, service, type, id, name, details ->> '$.oldest_ssh_key_imported' AS oldest_ssh_key_imported,
  details ->> '$.ssh_key_count' AS ssh_key_count
FROM resources
WHERE service = 'transfer' AND type = 'user'
  AND julianday(:now) - julianday(details ->> '$.oldest_ssh_key_imported') > :days
ORDER BY account_id, region, id
