-- name: cloudtrail-no-log-validation
-- title: CloudTrail trails without log file validation
-- description: Trails whose log files can be altered without detection.
-- category: security
-- severity: medium
-- reads: cloudtrail/trail
-- references: CIS 3.2
SELECT account_id, region, service, type, id, name
FROM resources
WHERE service = 'cloudtrail' AND type = 'trail' AND coalesce(details ->> '$.log_file_validation', 0) = 0
ORDER BY account_id, region, id
