-- name: ecs-privileged
-- title: ECS task definitions with privileged containers
-- description: Task definitions where a container runs privileged (root on the host).
-- category: security
-- severity: high
-- reads: ecs/task-definition
SELECT account_id, region, service, type, id, name, details ->> '$.family' AS family
FROM resources
WHERE service = 'ecs' AND type = 'task-definition' AND details ->> '$.any_privileged' = 1
ORDER BY account_id, region, id
