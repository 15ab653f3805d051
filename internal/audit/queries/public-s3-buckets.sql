-- name: public-s3-buckets
-- title: Public S3 buckets
-- description: Buckets that are public through their policy or ACL, not neutralised by a public access block.
-- category: security
-- severity: critical
-- reads: s3/bucket
-- references: CIS 2.1.4
SELECT account_id, region, service, type, id, name,
  details ->> '$.policy_is_public' AS policy_is_public,
  details ->> '$.acl_public' AS acl_public
FROM resources
WHERE service = 's3' AND type = 'bucket' AND details ->> '$.is_public' = 1
ORDER BY account_id, id
