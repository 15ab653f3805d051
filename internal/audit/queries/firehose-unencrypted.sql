-- name: firehose-unencrypted
-- title: Firehose delivery streams without server-side encryption
-- description: Direct PUT delivery streams whose buffered data is not encrypted at rest (streams reading a Kinesis stream inherit its encryption: see kinesis-unencrypted).
-- category: security
-- severity: medium
-- reads: firehose/delivery-stream
-- references: Security Hub DataFirehose.1
SELECT account_id, region, service, type, id, name, details ->> '$.encryption_status' AS encryption_status,
  details ->> '$.destination_type' AS destination_type
FROM resources
WHERE service = 'firehose' AND type = 'delivery-stream' AND details ->> '$.source_type' = 'DirectPut'
  AND details ->> '$.encryption_status' IN ('DISABLED', 'DISABLING', 'ENABLING_FAILED')
ORDER BY account_id, region, id
