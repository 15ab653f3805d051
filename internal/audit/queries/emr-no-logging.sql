-- name: emr-no-logging
-- title: EMR clusters that do not archive their logs
-- description: Active clusters with no S3 log location: step, application and node logs are lost when the cluster terminates.
-- category: hygiene
-- severity: low
-- reads: emr/cluster
SELECT account_id, region, service, type, id, name, details ->> '$.state' AS state
FROM resources
WHERE service = 'emr' AND type = 'cluster' AND details ->> '$.log_uri' = ''
ORDER BY account_id, region, id
