-- name: workspaces-unencrypted
-- title: WorkSpaces with unencrypted volumes
-- description: Desktops whose root or user volume is not encrypted (encryption is chosen at launch: rebuild to change it).
-- category: security
-- severity: medium
-- reads: workspaces/workspace
-- references: Security Hub WorkSpaces.1, WorkSpaces.2
SELECT account_id, region, service, type, id, name, details ->> '$.user_name' AS user_name,
  details ->> '$.root_volume_encrypted' AS root_encrypted, details ->> '$.user_volume_encrypted' AS user_encrypted
FROM resources
WHERE service = 'workspaces' AND type = 'workspace'
  AND (details ->> '$.root_volume_encrypted' = 0 OR details ->> '$.user_volume_encrypted' = 0)
ORDER BY account_id, region, id
