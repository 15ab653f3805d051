-- name: resources-by-account
-- title: Resource count per account
-- description: Number of resources per account (id is the account).
-- category: hygiene
-- severity: info
-- reads:
SELECT account_id, '*' AS region, '*' AS service, '*' AS type, account_id AS id, NULL AS name, count(*) AS resources
FROM resources
GROUP BY account_id
ORDER BY resources DESC
