-- name: launch-configurations
-- title: Auto Scaling launch configurations
-- description: Launch configurations, deprecated in favour of launch templates.
-- category: migration
-- severity: low
-- reads: autoscaling/launch-configuration
SELECT account_id, region, service, type, id, name, details ->> '$.instance_type' AS instance_type
FROM resources
WHERE service = 'autoscaling' AND type = 'launch-configuration'
ORDER BY account_id, region, id
