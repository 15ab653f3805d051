-- name: cloudfront-without-waf
-- title: CloudFront distributions without a WAF web ACL
-- description: Enabled distributions no WAF web ACL protects.
-- category: security
-- severity: medium
-- reads: cloudfront/distribution
-- references: Security Hub CloudFront.6
SELECT account_id, region, service, type, id, name, details ->> '$.aliases' AS aliases
FROM resources
WHERE service = 'cloudfront' AND type = 'distribution' AND details ->> '$.enabled' = 1
  AND coalesce(details ->> '$.web_acl_id', '') = ''
ORDER BY account_id, id
