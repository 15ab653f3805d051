-- name: ebs-snapshots-unencrypted
-- title: Unencrypted EBS snapshots
-- description: Snapshots without encryption at rest.
-- category: security
-- severity: low
-- reads: ec2/snapshot
SELECT account_id, region, service, type, id, name,
  details ->> '$.volume_id' AS volume_id, details ->> '$.start_time' AS start_time
FROM resources
WHERE service = 'ec2' AND type = 'snapshot' AND details ->> '$.encrypted' = 0
ORDER BY account_id, region, id
