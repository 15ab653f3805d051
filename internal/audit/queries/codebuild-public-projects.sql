-- name: codebuild-public-projects
-- title: CodeBuild projects with public build results
-- description: Projects whose builds (logs and artifacts) anyone on the internet can read.
-- category: security
-- severity: high
-- reads: codebuild/project
SELECT account_id, region, service, type, id, name, details ->> '$.source_type' AS source_type
FROM resources
WHERE service = 'codebuild' AND type = 'project' AND details ->> '$.visibility' = 'PUBLIC_READ'
ORDER BY account_id, region, id
