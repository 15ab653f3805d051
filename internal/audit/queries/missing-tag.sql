-- name: missing-tag
-- title: Resources missing a tag
-- description: Resources without a non-empty :tag tag (AWS default resources excluded).
-- category: hygiene
-- severity: low
-- params: tag=Owner
-- reads:
SELECT r.account_id, r.region, r.service, r.type, r.id, r.name
FROM resources r
WHERE r.is_default = 0
  AND NOT EXISTS (SELECT 1 FROM json_each(r.tags) t WHERE t.key = :tag AND t.value <> '')
ORDER BY r.account_id, r.service, r.type, r.region, r.id
