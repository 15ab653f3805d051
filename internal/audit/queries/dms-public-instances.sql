-- name: dms-public-instances
-- title: Publicly accessible DMS replication instances
-- description: Replication instances with a public IP address, reachable from the internet where security groups allow.
-- category: security
-- severity: high
-- reads: dms/replication-instance
-- references: Security Hub DMS.1
SELECT account_id, region, service, type, id, name, details ->> '$.instance_class' AS instance_class
FROM resources
WHERE service = 'dms' AND type = 'replication-instance' AND details ->> '$.publicly_accessible' = 1
ORDER BY account_id, region, id
