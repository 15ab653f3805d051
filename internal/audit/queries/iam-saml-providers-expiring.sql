-- name: iam-saml-providers-expiring
-- title: IAM SAML providers whose metadata expires soon
-- description: SAML identity providers whose metadata document expires within :days days, or has expired: federated sign-in through them stops working.
-- category: security
-- severity: medium
-- params: days=30
-- reads: iam/saml-provider
SELECT account_id, region, service, type, id, name, details ->> '$.valid_until' AS valid_until,
  CAST(julianday(details ->> '$.valid_until') - julianday(:now) AS INTEGER) AS days_left
FROM resources
WHERE service = 'iam' AND type = 'saml-provider'
  AND julianday(details ->> '$.valid_until') - julianday(:now) < :days
ORDER BY days_left, account_id, id
