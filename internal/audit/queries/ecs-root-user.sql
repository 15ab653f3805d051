-- name: ecs-root-user
-- title: ECS task definitions running as root
-- description: Task definitions where a container has no non-root user.
-- category: security
-- severity: medium
-- reads: ecs/task-definition
SELECT account_id, region, service, type, id, name, details ->> '$.family' AS family
FROM resources
WHERE service = 'ecs' AND type = 'task-definition' AND details ->> '$.any_runs_as_root' = 1
ORDER BY account_id, region, id
