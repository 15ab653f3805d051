-- name: codebuild-plaintext-secrets
-- title: CodeBuild plaintext environment variables named like secrets
-- description: Projects with PLAINTEXT environment variables whose names contain PASSWORD, SECRET, TOKEN or KEY (names and types only; values are never stored): secrets belong in Parameter Store or Secrets Manager.
-- category: security
-- severity: high
-- reads: codebuild/project
SELECT p.account_id, p.region, p.service, p.type, p.id, p.name, group_concat(e.value ->> '$.name') AS variables
FROM resources p, json_each(p.details, '$.environment_variables') e
WHERE p.service = 'codebuild' AND p.type = 'project' AND e.value ->> '$.type' = 'PLAINTEXT'
  AND (upper(e.value ->> '$.name') LIKE '%PASSWORD%' OR upper(e.value ->> '$.name') LIKE '%SECRET%'
    OR upper(e.value ->> '$.name') LIKE '%TOKEN%' OR upper(e.value ->> '$.name') LIKE '%API_KEY%' OR upper(e.value ->> '$.name') LIKE '%PRIVATE_KEY%')
GROUP BY p.account_id, p.region, p.service, p.type, p.id, p.name
ORDER BY p.account_id, p.region, p.id
