-- name: sns-http-subscriptions
-- title: SNS subscriptions delivering over plain HTTP
-- description: Confirmed subscriptions whose messages are sent to an http:// endpoint, unencrypted in transit.
-- category: security
-- severity: medium
-- reads: sns/subscription
SELECT account_id, region, service, type, id, name, details ->> '$.endpoint' AS endpoint, details ->> '$.topic_arn' AS topic_arn
FROM resources
WHERE service = 'sns' AND type = 'subscription' AND lower(details ->> '$.endpoint') LIKE 'http://%'
ORDER BY account_id, region, id
