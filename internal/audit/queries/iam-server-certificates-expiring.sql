-- name: iam-server-certificates-expiring
-- title: IAM server certificates expiring soon or expired
-- description: Server certificates stored in IAM (used by classic load balancers and CloudFront) expiring within :days days, or already expired; IAM never renews them.
-- category: security
-- severity: high
-- params: days=30
-- reads: iam/server-certificate
SELECT account_id, region, service, type, id, name, details ->> '$.expiration' AS expiration,
  CAST(julianday(details ->> '$.expiration') - julianday(:now) AS INTEGER) AS days_left, details ->> '$.path' AS path
FROM resources
WHERE service = 'iam' AND type = 'server-certificate'
  AND julianday(details ->> '$.expiration') - julianday(:now) < :days
ORDER BY days_left, account_id, id
