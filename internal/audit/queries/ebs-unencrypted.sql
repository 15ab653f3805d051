-- name: ebs-unencrypted
-- title: Unencrypted EBS volumes
-- description: Volumes without encryption at rest.
-- category: security
-- severity: medium
-- reads: ec2/volume
-- references: CIS 2.2.1
SELECT account_id, region, service, type, id, name,
  details ->> '$.size_gb' AS size_gb, details ->> '$.state' AS state,
  details ->> '$.attached_instance_ids' AS attached_instance_ids
FROM resources
WHERE service = 'ec2' AND type = 'volume' AND details ->> '$.encrypted' = 0
ORDER BY account_id, region, id
