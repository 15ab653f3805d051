-- name: glue-crawlers-failing
-- title: Glue crawlers whose last crawl failed
-- description: Crawlers whose last run failed: the tables of their database are no longer kept up to date.
-- category: hygiene
-- severity: low
-- reads: glue/crawler
SELECT account_id, region, service, type, id, name, details ->> '$.database' AS database, details ->> '$.schedule' AS schedule
FROM resources
WHERE service = 'glue' AND type = 'crawler' AND details ->> '$.last_crawl_status' = 'FAILED'
ORDER BY account_id, region, id
