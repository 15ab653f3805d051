-- name: kms-no-rotation
-- title: Customer KMS keys without rotation
-- description: Enabled symmetric customer managed keys with automatic rotation off.
-- category: security
-- severity: medium
-- reads: kms/key
-- references: CIS 3.6
SELECT account_id, region, service, type, id, name,
  details ->> '$.aliases' AS aliases, details ->> '$.description' AS description
FROM resources
WHERE service = 'kms' AND type = 'key' AND details ->> '$.key_manager' = 'CUSTOMER'
  AND details ->> '$.key_state' = 'Enabled'
  AND coalesce(details ->> '$.key_spec', 'SYMMETRIC_DEFAULT') = 'SYMMETRIC_DEFAULT'
  AND coalesce(details ->> '$.origin', 'AWS_KMS') = 'AWS_KMS'
  AND coalesce(details ->> '$.rotation_enabled', 0) = 0
ORDER BY account_id, region, id
