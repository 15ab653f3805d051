-- name: kms-keys-pending-deletion
-- title: KMS keys pending deletion
-- description: Customer keys scheduled for deletion: check nothing still needs them before the date.
-- category: hygiene
-- severity: medium
-- reads: kms/key
SELECT account_id, region, service, type, id, name,
  details ->> '$.deletion_date' AS deletion_date, details ->> '$.aliases' AS aliases
FROM resources
WHERE service = 'kms' AND type = 'key' AND details ->> '$.key_state' = 'PendingDeletion'
ORDER BY deletion_date, account_id, region, id
