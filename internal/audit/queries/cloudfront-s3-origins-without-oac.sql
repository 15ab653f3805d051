-- name: cloudfront-s3-origins-without-oac
-- title: CloudFront S3 origins read without origin access control
-- description: Distributions with an S3 origin reached without origin access control or identity: the bucket must be readable by everyone for CloudFront to serve it.
-- category: security
-- severity: medium
-- reads: cloudfront/distribution
-- references: Security Hub CloudFront.13
SELECT d.account_id, d.region, d.service, d.type, d.id, d.name, group_concat(o.value ->> '$.domain', ', ') AS s3_origins
FROM resources d, json_each(d.details, '$.origins') o
WHERE d.service = 'cloudfront' AND d.type = 'distribution'
  AND o.value ->> '$.type' = 's3' AND o.value ->> '$.origin_access' = 'none'
GROUP BY d.account_id, d.region, d.service, d.type, d.id, d.name
ORDER BY d.account_id, d.id
