-- name: fsx-no-backups
-- title: FSx file systems without automatic backups
-- description: File systems that keep no automatic daily backups (scratch Lustre file systems, which cannot, left out).
-- category: security
-- severity: low
-- reads: fsx/file-system
SELECT account_id, region, service, type, id, name, details ->> '$.file_system_type' AS file_system_type,
  details ->> '$.storage_capacity_gb' AS storage_capacity_gb
FROM resources
WHERE service = 'fsx' AND type = 'file-system' AND details ->> '$.backup_retention_days' = 0
  AND coalesce(details ->> '$.deployment_type', '') NOT LIKE 'SCRATCH%'
ORDER BY account_id, region, id
