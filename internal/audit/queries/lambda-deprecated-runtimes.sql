-- name: lambda-deprecated-runtimes
-- title: Lambda functions on deprecated runtimes
-- description: Functions whose runtime AWS no longer supports (or soon will not).
-- category: migration
-- severity: medium
-- reads: lambda/function
SELECT account_id, region, service, type, id, name, details ->> '$.runtime' AS runtime
FROM resources
WHERE service = 'lambda' AND type = 'function'
  AND details ->> '$.runtime' IN ('python2.7', 'python3.6', 'python3.7', 'python3.8',
    'nodejs', 'nodejs4.3', 'nodejs6.10', 'nodejs8.10', 'nodejs10.x', 'nodejs12.x', 'nodejs14.x', 'nodejs16.x',
    'java8', 'go1.x', 'ruby2.5', 'ruby2.7', 'dotnetcore1.0', 'dotnetcore2.0', 'dotnetcore2.1',
    'dotnetcore3.1', 'dotnet6', 'provided')
ORDER BY account_id, region, id
