-- name: terminate-after-passed
-- title: Resources past their TerminateAfter date
-- description: Resources whose :tag tag holds a date (YYYY-MM-DD or RFC 3339) that has passed.
-- category: cost
-- severity: medium
-- params: tag=TerminateAfter
-- reads:
SELECT r.account_id, r.region, r.service, r.type, r.id, r.name, t.value AS terminate_after
FROM resources r, json_each(r.tags) t
WHERE t.key = :tag AND julianday(t.value) IS NOT NULL AND julianday(t.value) < julianday(:now)
ORDER BY r.account_id, r.service, r.id
