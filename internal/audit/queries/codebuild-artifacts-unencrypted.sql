-- name: codebuild-artifacts-unencrypted
-- title: CodeBuild projects writing unencrypted artifacts
-- description: Projects whose build artifacts are written to S3 with encryption disabled.
-- category: security
-- severity: medium
-- reads: codebuild/project
-- references: Security Hub CodeBuild.7
SELECT account_id, region, service, type, id, name, details ->> '$.service_role' AS service_role
FROM resources
WHERE service = 'codebuild' AND type = 'project' AND details ->> '$.artifacts_encryption_disabled' = 1
ORDER BY account_id, region, id
