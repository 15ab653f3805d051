-- name: s3-no-logging
-- title: S3 buckets without access logging
-- description: Buckets with server access logging off.
-- category: security
-- severity: low
-- reads: s3/bucket
-- references: CIS 3.6
SELECT account_id, region, service, type, id, name
FROM resources
WHERE service = 's3' AND type = 'bucket' AND coalesce(details ->> '$.logging_enabled', 0) = 0
ORDER BY account_id, id
