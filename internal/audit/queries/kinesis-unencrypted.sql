-- name: kinesis-unencrypted
-- title: Kinesis data streams without server-side encryption
-- description: Streams whose records are stored unencrypted (encryption type NONE).
-- category: security
-- severity: medium
-- reads: kinesis/stream
SELECT account_id, region, service, type, id, name, details ->> '$.stream_mode' AS stream_mode
FROM resources
WHERE service = 'kinesis' AND type = 'stream' AND details ->> '$.encryption_type' = 'NONE'
ORDER BY account_id, region, id
