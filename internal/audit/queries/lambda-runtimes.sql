-- name: lambda-runtimes
-- title: Lambda runtimes in use
-- description: Count of functions per runtime (id is the runtime; container images count as "image").
-- category: migration
-- severity: info
-- reads: lambda/function
SELECT account_id, region, service, type,
  coalesce(nullif(details ->> '$.runtime', ''), 'image') AS id,
  coalesce(nullif(details ->> '$.runtime', ''), 'image') AS name, count(*) AS functions
FROM resources
WHERE service = 'lambda' AND type = 'function'
GROUP BY account_id, region, service, type, coalesce(nullif(details ->> '$.runtime', ''), 'image')
ORDER BY account_id, region, id
