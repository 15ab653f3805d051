-- name: acm-expiring
-- title: ACM certificates expiring soon
-- description: Certificates expiring within :days days, or already expired, that are in use or not renewable.
-- category: security
-- severity: high
-- params: days=30
-- reads: acm/certificate
SELECT account_id, region, service, type, id, name,
  details ->> '$.domain_name' AS domain_name, details ->> '$.not_after' AS not_after,
  CAST(julianday(details ->> '$.not_after') - julianday(:now) AS INTEGER) AS days_left,
  details ->> '$.in_use' AS in_use, details ->> '$.renewal_eligibility' AS renewal_eligibility
FROM resources
WHERE service = 'acm' AND type = 'certificate'
  AND julianday(details ->> '$.not_after') - julianday(:now) < :days
ORDER BY days_left, account_id, region, id
