-- name: s3-no-public-access-block
-- title: S3 buckets without a full public access block
-- description: Buckets where the four public access block settings are not all on.
-- category: security
-- severity: medium
-- reads: s3/bucket
-- references: CIS 2.1.4
SELECT account_id, region, service, type, id, name,
  details ->> '$.public_access_block_configured' AS block_configured,
  details ->> '$.is_public' AS is_public
FROM resources
WHERE service = 's3' AND type = 'bucket' AND coalesce(details ->> '$.public_access_block_enabled', 0) = 0
ORDER BY account_id, id
