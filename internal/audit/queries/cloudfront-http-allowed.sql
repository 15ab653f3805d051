-- name: cloudfront-http-allowed
-- title: CloudFront distributions serving plain HTTP
-- description: Distributions whose default behaviour allows HTTP without redirecting to HTTPS.
-- category: security
-- severity: medium
-- reads: cloudfront/distribution
SELECT account_id, region, service, type, id, name, details ->> '$.domain_name' AS domain_name
FROM resources
WHERE service = 'cloudfront' AND type = 'distribution' AND details ->> '$.viewer_protocol_policy' = 'allow-all'
ORDER BY account_id, id
