-- name: iam-changes
-- title: IAM users, roles, groups, policies and the password policy created, modified or deleted in the last N days
-- description: One row per IAM user, role, group, instance profile, customer managed policy or password policy created, modified or deleted (no longer found by a successful collection) in the last :days days, with when; what changed: awsmap history ID or awsmap diff -s iam.
-- category: security
-- severity: medium
-- params: days=7
-- reads: iam/user, iam/role, iam/group, iam/policy, iam/instance-profile, iam/password-policy
WITH recent AS (SELECT coalesce(min(id), 1 << 62) AS since FROM main.scans
  WHERE status IN ('complete', 'partial') AND julianday(started_at) >= julianday(:now) - :days)
SELECT account_id, region, service, type, id, name, change, changed_at FROM (
  SELECT r.account_id, r.region, r.service, r.type, r.id, r.name,
    CASE WHEN v.first_seen_scan >= (SELECT since FROM recent) AND v.first_seen_scan > (SELECT min(id) FROM main.scans
      WHERE status IN ('complete', 'partial')) THEN 'created' ELSE 'modified' END AS change,
    r.last_changed AS changed_at
  FROM resources r JOIN main.resource_versions v ON v.vid = r.vid
  WHERE r.service = 'iam' AND r.type IN ('user', 'role', 'group', 'policy', 'instance-profile', 'password-policy')
    AND v.first_scan >= (SELECT since FROM recent)
    AND v.first_scan > (SELECT min(id) FROM main.scans WHERE status IN ('complete', 'partial'))
  UNION ALL
  SELECT g.account_id, g.region, g.service, g.type, g.id, g.name, 'deleted',
    (SELECT started_at FROM main.scans WHERE id = g.gone_scan)
  FROM (
    SELECT account_id, region, service, type, id, name, max(end_scan) AS gone_scan
    FROM main.resource_versions
    WHERE service = 'iam' AND type IN ('user', 'role', 'group', 'policy', 'instance-profile', 'password-policy')
      AND end_scan >= (SELECT since FROM recent)
    GROUP BY account_id, region, service, type, id
  ) AS g
  WHERE NOT EXISTS (SELECT 1 FROM resources r WHERE r.id = g.id AND r.region = g.region
    AND r.account_id = g.account_id AND r.type = g.type AND r.service = g.service)
)
ORDER BY changed_at DESC, account_id, type, id
