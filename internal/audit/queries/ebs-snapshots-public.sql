-- name: ebs-snapshots-public
-- title: EBS snapshots shared publicly
-- description: Snapshots anyone can copy (createVolumePermission group all).
-- category: security
-- severity: critical
-- reads: ec2/snapshot
SELECT account_id, region, service, type, id, name,
  details ->> '$.volume_id' AS volume_id, details ->> '$.encrypted' AS encrypted
FROM resources
WHERE service = 'ec2' AND type = 'snapshot' AND details ->> '$.shared_publicly' = 1
ORDER BY account_id, region, id
