-- name: cloudtrail-not-logging
-- title: CloudTrail trails that are not logging
-- description: Trails whose recording is stopped.
-- category: security
-- severity: high
-- reads: cloudtrail/trail
-- references: CIS 3.1
SELECT account_id, region, service, type, id, name, details ->> '$.home_region' AS home_region
FROM resources
WHERE service = 'cloudtrail' AND type = 'trail' AND coalesce(details ->> '$.is_logging', 0) = 0
ORDER BY account_id, region, id
