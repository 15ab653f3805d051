-- name: backup-vaults-not-locked
-- title: Backup vaults without Vault Lock
-- description: Standard backup vaults without Vault Lock: anyone with delete permissions (or ransomware using them) can delete the recovery points.
-- category: security
-- severity: low
-- reads: backup/vault
SELECT account_id, region, service, type, id, name, details ->> '$.recovery_points' AS recovery_points
FROM resources
WHERE service = 'backup' AND type = 'vault' AND details ->> '$.vault_type' = 'BACKUP_VAULT' AND details ->> '$.locked' = 0
ORDER BY account_id, region, id
