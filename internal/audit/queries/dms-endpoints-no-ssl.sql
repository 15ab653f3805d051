-- name: dms-endpoints-no-ssl
-- title: DMS database endpoints without SSL
-- description: Source or target database endpoints (with a server name; S3, DynamoDB and stream endpoints left out) whose data crosses the network unencrypted.
-- category: security
-- severity: medium
-- reads: dms/endpoint
-- references: Security Hub DMS.9
SELECT account_id, region, service, type, id, name, details ->> '$.endpoint_type' AS endpoint_type, details ->> '$.engine' AS engine,
  details ->> '$.server_name' AS server_name
FROM resources
WHERE service = 'dms' AND type = 'endpoint' AND details ->> '$.ssl_mode' = 'none' AND coalesce(details ->> '$.server_name', '') <> ''
ORDER BY account_id, region, id
