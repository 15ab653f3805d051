-- name: encryption-status
-- title: S3 bucket default encryption
-- description: Every bucket with its default encryption algorithm (empty when none is recorded).
-- category: hygiene
-- severity: info
-- reads: s3/bucket
SELECT account_id, region, service, type, id, name,
  details ->> '$.encryption_algorithm' AS encryption,
  details ->> '$.kms_key_id' AS kms_key_id,
  details ->> '$.bucket_key_enabled' AS bucket_key_enabled
FROM resources
WHERE service = 's3' AND type = 'bucket'
ORDER BY account_id, id
