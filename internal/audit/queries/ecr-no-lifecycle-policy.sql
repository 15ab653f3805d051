-- name: ecr-no-lifecycle-policy
-- title: ECR repositories without a lifecycle policy
-- description: Repositories that never expire old images: storage is billed per GB-month and grows with every push.
-- category: cost
-- severity: low
-- reads: ecr/repository
SELECT account_id, region, service, type, id, name, details ->> '$.uri' AS uri, created_at
FROM resources
WHERE service = 'ecr' AND type = 'repository' AND details ->> '$.lifecycle_policy_present' = 0
ORDER BY account_id, region, id
