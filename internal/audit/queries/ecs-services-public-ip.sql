-- name: ecs-services-public-ip
-- title: ECS services giving their tasks public IP addresses
-- description: Services (awsvpc network mode) whose tasks get a public IP address, reachable from the internet where security groups allow.
-- category: security
-- severity: medium
-- reads: ecs/service
-- references: Security Hub ECS.2
SELECT account_id, region, service, type, id, name, details ->> '$.cluster' AS cluster, details ->> '$.launch_type' AS launch_type
FROM resources
WHERE service = 'ecs' AND type = 'service' AND details ->> '$.assign_public_ip' = 1
ORDER BY account_id, region, id
