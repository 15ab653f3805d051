-- name: ecr-mutable-tags
-- title: ECR repositories with mutable tags
-- description: Repositories where an image tag can be moved to another image.
-- category: security
-- severity: low
-- reads: ecr/repository
SELECT account_id, region, service, type, id, name, details ->> '$.uri' AS uri
FROM resources
WHERE service = 'ecr' AND type = 'repository' AND details ->> '$.image_tag_mutability' = 'MUTABLE'
ORDER BY account_id, region, id
