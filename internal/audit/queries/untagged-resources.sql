-- name: untagged-resources
-- title: Resources without any tag
-- description: Resources with no tag at all (AWS default resources excluded). Filter with -P service=...
-- category: hygiene
-- severity: low
-- reads:
SELECT account_id, region, service, type, id, name
FROM resources
WHERE (tags IS NULL OR tags IN ('{}', 'null', '')) AND is_default = 0
ORDER BY account_id, service, type, region, id
