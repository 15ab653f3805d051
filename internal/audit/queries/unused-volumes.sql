-- name: unused-volumes
-- title: Unattached EBS volumes
-- description: Volumes in the available state (attached to nothing).
-- category: cost
-- severity: medium
-- reads: ec2/volume
SELECT account_id, region, service, type, id, name,
  details ->> '$.size_gb' AS size_gb, details ->> '$.volume_type' AS volume_type, created_at
FROM resources
WHERE service = 'ec2' AND type = 'volume' AND details ->> '$.state' = 'available'
ORDER BY account_id, region, id
