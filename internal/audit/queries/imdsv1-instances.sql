-- name: imdsv1-instances
-- title: EC2 instances allowing IMDSv1
-- description: Instances that do not require session tokens (IMDSv2) for the metadata service.
-- category: security
-- severity: medium
-- reads: ec2/instance
-- references: CIS 5.6
SELECT account_id, region, service, type, id, name, details ->> '$.state' AS state
FROM resources
WHERE service = 'ec2' AND type = 'instance' AND details ->> '$.imdsv2_required' = 0
ORDER BY account_id, region, id
