-- name: lambda-high-memory
-- title: Lambda functions with large memory settings
-- description: Functions configured with more than :memory MB, largest first.
-- category: cost
-- severity: info
-- params: memory=512
-- reads: lambda/function
SELECT account_id, region, service, type, id, name,
  CAST(details ->> '$.memory_mb' AS INTEGER) AS memory_mb, details ->> '$.runtime' AS runtime
FROM resources
WHERE service = 'lambda' AND type = 'function' AND CAST(details ->> '$.memory_mb' AS INTEGER) > :memory
ORDER BY memory_mb DESC, account_id, region, id
