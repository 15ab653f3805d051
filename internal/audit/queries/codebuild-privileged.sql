-- name: codebuild-privileged
-- title: CodeBuild projects running builds privileged
-- description: Projects whose builds run Docker in privileged mode (root on the build host); needed only to build container images.
-- category: security
-- severity: medium
-- reads: codebuild/project
SELECT account_id, region, service, type, id, name, details ->> '$.image' AS image
FROM resources
WHERE service = 'codebuild' AND type = 'project' AND details ->> '$.privileged_mode' = 1
ORDER BY account_id, region, id
