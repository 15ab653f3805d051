-- name: ecr-no-scan-on-push
-- title: ECR repositories without scan on push
-- description: Repositories whose images are not scanned for vulnerabilities when pushed.
-- category: security
-- severity: low
-- reads: ecr/repository
SELECT account_id, region, service, type, id, name, details ->> '$.uri' AS uri
FROM resources
WHERE service = 'ecr' AND type = 'repository' AND coalesce(details ->> '$.scan_on_push', 0) = 0
ORDER BY account_id, region, id
