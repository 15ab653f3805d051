-- name: iot-certificates-expiring
-- title: Active IoT device certificates expiring soon
-- description: Active device certificates expiring within :days days, or already expired: the devices using them can no longer connect.
-- category: security
-- severity: medium
-- params: days=30
-- reads: iot/certificate
SELECT account_id, region, service, type, id, name, details ->> '$.not_after' AS not_after,
  CAST(julianday(details ->> '$.not_after') - julianday(:now) AS INTEGER) AS days_left
FROM resources
WHERE service = 'iot' AND type = 'certificate' AND details ->> '$.status' = 'ACTIVE'
  AND julianday(details ->> '$.not_after') - julianday(:now) < :days
ORDER BY days_left, account_id, region, id
