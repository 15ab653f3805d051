-- name: cloudtrail-not-multi-region
-- title: CloudTrail trails limited to one region
-- description: Trails that record only their home region's events.
-- category: security
-- severity: medium
-- reads: cloudtrail/trail
-- references: CIS 3.1
SELECT account_id, region, service, type, id, name, details ->> '$.is_logging' AS is_logging
FROM resources
WHERE service = 'cloudtrail' AND type = 'trail' AND coalesce(details ->> '$.multi_region', 0) = 0
ORDER BY account_id, region, id
