-- name: resources-by-tag
-- title: Resources carrying a tag, with its value
-- description: Resources that have the :tag tag, and its value.
-- category: hygiene
-- severity: info
-- params: tag=Owner
-- reads:
SELECT r.account_id, r.region, r.service, r.type, r.id, r.name, t.value AS tag_value
FROM resources r, json_each(r.tags) t
WHERE t.key = :tag
ORDER BY tag_value, r.account_id, r.service, r.id
