-- name: msk-public-access
-- title: MSK clusters with public broker access
-- description: Provisioned clusters whose brokers have public IP addresses, reachable from the internet where security groups allow.
-- category: security
-- severity: high
-- reads: kafka/cluster
-- references: Security Hub MSK.4
SELECT account_id, region, service, type, id, name, details ->> '$.unauthenticated_access' AS unauthenticated_access
FROM resources
WHERE service = 'kafka' AND type = 'cluster' AND details ->> '$.public_access' = 1
ORDER BY account_id, region, id
