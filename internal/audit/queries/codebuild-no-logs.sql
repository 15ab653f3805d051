-- name: codebuild-no-logs
-- title: CodeBuild projects that keep no build logs
-- description: Projects with both CloudWatch Logs and S3 logs disabled.
-- category: security
-- severity: medium
-- reads: codebuild/project
-- references: Security Hub CodeBuild.4
SELECT account_id, region, service, type, id, name, details ->> '$.source_type' AS source_type
FROM resources
WHERE service = 'codebuild' AND type = 'project' AND details ->> '$.cloudwatch_logs' = 'DISABLED' AND details ->> '$.s3_logs' = 'DISABLED'
ORDER BY account_id, region, id
