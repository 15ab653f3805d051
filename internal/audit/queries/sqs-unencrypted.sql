-- name: sqs-unencrypted
-- title: SQS queues without encryption
-- description: Queues with neither SQS-managed nor KMS server-side encryption.
-- category: security
-- severity: low
-- reads: sqs/queue
SELECT account_id, region, service, type, id, name
FROM resources
WHERE service = 'sqs' AND type = 'queue' AND coalesce(details ->> '$.sse_enabled', 0) = 0
  AND coalesce(details ->> '$.kms_key_id', '') = ''
ORDER BY account_id, region, id
