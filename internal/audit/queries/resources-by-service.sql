-- name: resources-by-service
-- title: Resource count per service and type
-- description: Number of resources per account, service and type (id is service/type).
-- category: hygiene
-- severity: info
-- reads:
SELECT account_id, '*' AS region, service, type, service || '/' || type AS id, NULL AS name, count(*) AS resources
FROM resources
GROUP BY account_id, service, type
ORDER BY account_id, resources DESC
