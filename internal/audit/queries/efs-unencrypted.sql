-- name: efs-unencrypted
-- title: Unencrypted EFS file systems
-- description: File systems without encryption at rest.
-- category: security
-- severity: medium
-- reads: efs/file-system
-- references: CIS 2.4.1
SELECT account_id, region, service, type, id, name, details ->> '$.size_bytes' AS size_bytes
FROM resources
WHERE service = 'efs' AND type = 'file-system' AND details ->> '$.encrypted' = 0
ORDER BY account_id, region, id
