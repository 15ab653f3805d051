-- name: resources-by-region
-- title: Resource count per region
-- description: Number of resources per account and region (id is the region).
-- category: hygiene
-- severity: info
-- reads:
SELECT account_id, region, '*' AS service, '*' AS type, region AS id, NULL AS name, count(*) AS resources
FROM resources
GROUP BY account_id, region
ORDER BY account_id, resources DESC
