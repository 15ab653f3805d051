-- name: private-ca-expiring
-- title: Private certificate authorities expiring soon
-- description: Active private CAs whose own certificate expires within :days days, or has expired: every certificate they issued stops validating with them.
-- category: security
-- severity: high
-- params: days=90
-- reads: acm-pca/certificate-authority
SELECT account_id, region, service, type, id, name, details ->> '$.ca_type' AS ca_type, details ->> '$.not_after' AS not_after,
  CAST(julianday(details ->> '$.not_after') - julianday(:now) AS INTEGER) AS days_left
FROM resources
WHERE service = 'acm-pca' AND type = 'certificate-authority' AND details ->> '$.status' IN ('ACTIVE', 'EXPIRED')
  AND julianday(details ->> '$.not_after') - julianday(:now) < :days
ORDER BY days_left, account_id, region, id
