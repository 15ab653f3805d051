-- name: s3-no-versioning
-- title: S3 buckets without versioning
-- description: Buckets whose versioning is not Enabled (never enabled or suspended).
-- category: hygiene
-- severity: low
-- reads: s3/bucket
SELECT account_id, region, service, type, id, name,
  coalesce(details ->> '$.versioning', '') AS versioning
FROM resources
WHERE service = 's3' AND type = 'bucket' AND coalesce(details ->> '$.versioning', '') <> 'Enabled'
ORDER BY account_id, id
