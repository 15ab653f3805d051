-- name: policies-passrole-star
-- title: Customer IAM policies allowing iam:PassRole on *
-- description: Policies that let their holders pass any role to a service (privilege escalation).
-- category: security
-- severity: high
-- reads: iam/policy
SELECT account_id, region, service, type, id, name,
  details ->> '$.attachment_count' AS attachments
FROM resources
WHERE service = 'iam' AND type = 'policy' AND details ->> '$.allows_passrole_star' = 1
ORDER BY account_id, id
