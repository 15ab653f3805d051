-- name: resources-per-account-service
-- title: Resource count per account and service
-- description: Number of resources per account and service (id is account/service).
-- category: hygiene
-- severity: info
-- reads:
SELECT account_id, '*' AS region, service, '*' AS type, account_id || '/' || service AS id, NULL AS name,
  count(*) AS resources
FROM resources
GROUP BY account_id, service
ORDER BY account_id, service
