-- name: lambda-secret-like-env
-- title: Lambda environment variables named like secrets
-- description: Functions with environment variable names containing PASSWORD, SECRET, TOKEN or KEY (names only; values are never stored).
-- category: security
-- severity: medium
-- reads: lambda/function
SELECT f.account_id, f.region, f.service, f.type, f.id, f.name, group_concat(e.value) AS variables
FROM resources f, json_each(f.details, '$.environment_variable_names') e
WHERE f.service = 'lambda' AND f.type = 'function'
  AND (upper(e.value) LIKE '%PASSWORD%' OR upper(e.value) LIKE '%SECRET%'
    OR upper(e.value) LIKE '%TOKEN%' OR upper(e.value) LIKE '%API_KEY%' OR upper(e.value) LIKE '%PRIVATE_KEY%')
GROUP BY f.account_id, f.region, f.service, f.type, f.id, f.name
ORDER BY f.account_id, f.region, f.id
