-- name: s3-no-encryption
-- title: S3 buckets without default encryption
-- description: Buckets with no default encryption configuration (encryption_algorithm none; unknown where GetBucketEncryption failed, which the collection reports).
-- category: security
-- severity: medium
-- reads: s3/bucket
-- references: CIS 2.1.1
SELECT account_id, region, service, type, id, name
FROM resources
WHERE service = 's3' AND type = 'bucket' AND details ->> '$.encryption_algorithm' = 'none'
ORDER BY account_id, id
