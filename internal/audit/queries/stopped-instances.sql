-- name: stopped-instances
-- title: Stopped EC2 instances
-- description: Instances in the stopped state; their volumes are still billed.
-- category: cost
-- severity: low
-- reads: ec2/instance
SELECT account_id, region, service, type, id, name,
  details ->> '$.instance_type' AS instance_type,
  details ->> '$.state_reason' AS state_reason,
  details ->> '$.launch_time' AS launch_time
FROM resources
WHERE service = 'ec2' AND type = 'instance' AND details ->> '$.state' = 'stopped'
ORDER BY account_id, region, id
