-- name: recently-created
-- title: Resources created in the last N days
-- description: Resources AWS says were created in the last :days days; where AWS gives no creation time, those first seen by a scan of that window other than the inventory's first. Every change between two scans: awsmap diff.
-- category: hygiene
-- severity: info
-- params: days=7
-- reads: *
SELECT r.account_id, r.region, r.service, r.type, r.id, r.name, r.created_at, r.first_seen
FROM resources r JOIN main.resource_versions v ON v.vid = r.vid
WHERE CASE WHEN coalesce(r.created_at, '') <> '' THEN julianday(r.created_at) >= julianday(:now) - :days
  ELSE v.first_seen_scan >= (SELECT coalesce(min(id), 1 << 62) FROM main.scans
      WHERE status IN ('complete', 'partial') AND julianday(started_at) >= julianday(:now) - :days)
    AND v.first_seen_scan > (SELECT min(id) FROM main.scans WHERE status IN ('complete', 'partial')) END
ORDER BY coalesce(nullif(r.created_at, ''), r.first_seen) DESC, r.account_id, r.region, r.service, r.type, r.id
