-- name: sns-unencrypted
-- title: SNS topics without a KMS key
-- description: Topics without server-side encryption.
-- category: security
-- severity: low
-- reads: sns/topic
SELECT account_id, region, service, type, id, name
FROM resources
WHERE service = 'sns' AND type = 'topic' AND coalesce(details ->> '$.kms_key_id', '') = ''
ORDER BY account_id, region, id
