-- name: rds-reservations-expiring
-- title: RDS reserved instances expiring soon
-- description: Active reservations ending within :days days: the instances they cover go back to on-demand prices unless renewed.
-- category: cost
-- severity: medium
-- params: days=30
-- reads: rds/reserved-db-instance
SELECT account_id, region, service, type, id, name, details ->> '$.instance_class' AS instance_class,
  details ->> '$.instance_count' AS instance_count, details ->> '$.end_time' AS end_time,
  CAST(julianday(details ->> '$.end_time') - julianday(:now) AS INTEGER) AS days_left
FROM resources
WHERE service = 'rds' AND type = 'reserved-db-instance' AND details ->> '$.state' = 'active'
  AND julianday(details ->> '$.end_time') - julianday(:now) < :days
ORDER BY days_left, account_id, region, id
