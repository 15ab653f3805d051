-- name: gp2-volumes
-- title: gp2 EBS volumes
-- description: gp2 volumes; gp3 gives the same baseline for about 20% less.
-- category: migration
-- severity: low
-- reads: ec2/volume
SELECT account_id, region, service, type, id, name, details ->> '$.size_gb' AS size_gb
FROM resources
WHERE service = 'ec2' AND type = 'volume' AND details ->> '$.volume_type' = 'gp2'
ORDER BY account_id, region, id
