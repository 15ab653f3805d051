-- name: ecs-writable-root-fs
-- title: ECS task definitions with a writable root filesystem
-- description: Task definitions where a container's root filesystem is not read-only.
-- category: security
-- severity: low
-- reads: ecs/task-definition
SELECT account_id, region, service, type, id, name, details ->> '$.family' AS family
FROM resources
WHERE service = 'ecs' AND type = 'task-definition' AND details ->> '$.any_writable_root_fs' = 1
ORDER BY account_id, region, id
