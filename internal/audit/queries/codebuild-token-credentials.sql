-- name: codebuild-token-credentials
-- title: CodeBuild source credentials held as passwords or personal tokens
-- description: Source provider credentials CodeBuild stores itself as a password or a personal access token (long-lived, tied to a person), rather than through CodeConnections, OAuth or Secrets Manager.
-- category: security
-- severity: medium
-- reads: codebuild/source-credential
SELECT account_id, region, service, type, id, name, details ->> '$.server_type' AS server_type, details ->> '$.auth_type' AS auth_type
FROM resources
WHERE service = 'codebuild' AND type = 'source-credential' AND details ->> '$.auth_type' IN ('BASIC_AUTH', 'PERSONAL_ACCESS_TOKEN')
ORDER BY account_id, region, id
