-- name: policies-allow-admin
-- title: Customer IAM policies allowing *:*
-- description: Customer managed policies with an Allow of every action on every resource.
-- category: security
-- severity: high
-- reads: iam/policy
-- references: CIS 1.16
SELECT account_id, region, service, type, id, name,
  details ->> '$.attachment_count' AS attachments
FROM resources
WHERE service = 'iam' AND type = 'policy' AND details ->> '$.allows_admin' = 1
ORDER BY account_id, id
