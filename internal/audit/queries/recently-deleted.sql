-- name: recently-deleted
-- title: Resources deleted in the last N days
-- description: Resources a scan of the last :days days no longer found (their collection succeeded: a failed one never deletes anything) and that have not come back. gone_at is the start of that scan; awsmap history ID shows the rest.
-- category: hygiene
-- severity: info
-- params: days=7
-- reads: *
SELECT g.account_id, g.region, g.service, g.type, g.id, g.name,
  (SELECT started_at FROM main.scans WHERE id = g.gone_scan) AS gone_at
FROM (
  SELECT account_id, region, service, type, id, name, max(end_scan) AS gone_scan
  FROM main.resource_versions
  WHERE end_scan >= (SELECT coalesce(min(id), 1 << 62) FROM main.scans
    WHERE status IN ('complete', 'partial') AND julianday(started_at) >= julianday(:now) - :days)
  GROUP BY account_id, region, service, type, id
) AS g
WHERE NOT EXISTS (SELECT 1 FROM resources r WHERE r.id = g.id AND r.region = g.region
  AND r.account_id = g.account_id AND r.type = g.type AND r.service = g.service)
ORDER BY g.gone_scan DESC, g.account_id, g.region, g.service, g.type, g.id
