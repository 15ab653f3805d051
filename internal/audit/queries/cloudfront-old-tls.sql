-- name: cloudfront-old-tls
-- title: CloudFront distributions accepting TLS older than 1.2
-- description: Distributions serving their own domain names (aliases) whose security policy lets viewers connect with SSLv3, TLS 1.0 or TLS 1.1.
-- category: security
-- severity: medium
-- reads: cloudfront/distribution
-- references: Security Hub CloudFront.15
SELECT account_id, region, service, type, id, name, details ->> '$.minimum_protocol_version' AS minimum_protocol_version,
  details ->> '$.aliases' AS aliases
FROM resources
WHERE service = 'cloudfront' AND type = 'distribution' AND json_array_length(details, '$.aliases') > 0
  AND details ->> '$.minimum_protocol_version' NOT LIKE 'TLSv1.2%' AND details ->> '$.minimum_protocol_version' NOT LIKE 'TLSv1.3%'
ORDER BY account_id, id
