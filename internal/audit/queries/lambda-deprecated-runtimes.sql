-- name: lambda-deprecated-runtimes
-- title: Lambda functions on deprecated runtimes
-- description: Functions whose runtime AWS no longer supports (or soon will not), as of December 2026: Node.js 20 and older, Python 3.9 and older, Ruby 3.2 and older, .NET 8 and older, Java 8 on Amazon Linux 1, Go 1.x and the original provided runtime.
-- category: migration
-- severity: medium
-- reads: lambda/function
SELECT account_id, region, service, type, id, name, details ->> '$.runtime' AS runtime
FROM resources
WHERE service = 'lambda' AND type = 'function'
  AND details ->> '$.runtime' IN ('python2.7', 'python3.6', 'python3.7', 'python3.8', 'python3.9',
    'nodejs', 'nodejs4.3', 'nodejs6.10', 'nodejs8.10', 'nodejs10.x', 'nodejs12.x', 'nodejs14.x', 'nodejs16.x', 'nodejs18.x', 'nodejs20.x',
    'java8', 'go1.x', 'ruby2.5', 'ruby2.7', 'ruby3.2', 'dotnetcore1.0', 'dotnetcore2.0', 'dotnetcore2.1',
    'dotnetcore3.1', 'dotnet6', 'dotnet8', 'provided', 'nodejs4.3-edge')
ORDER BY account_id, region, id
