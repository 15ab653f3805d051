-- name: dax-unencrypted
-- title: DAX clusters without encryption
-- description: DynamoDB Accelerator clusters missing encryption at rest or TLS between clients and the cluster.
-- category: security
-- severity: medium
-- reads: dax/cluster
-- references: Security Hub DynamoDB.3, DynamoDB.7
SELECT account_id, region, service, type, id, name, details ->> '$.encryption_at_rest' AS at_rest,
  details ->> '$.endpoint_encryption' AS endpoint_encryption
FROM resources
WHERE service = 'dax' AND type = 'cluster'
  AND (details ->> '$.encryption_at_rest' = 0 OR details ->> '$.endpoint_encryption' = 'NONE')
ORDER BY account_id, region, id
