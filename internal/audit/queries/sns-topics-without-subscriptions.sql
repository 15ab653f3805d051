-- name: sns-topics-without-subscriptions
-- title: SNS topics nobody listens to
-- description: Topics with no confirmed subscription.
-- category: hygiene
-- severity: low
-- reads: sns/topic
SELECT account_id, region, service, type, id, name,
  details ->> '$.subscriptions_pending' AS subscriptions_pending
FROM resources
WHERE service = 'sns' AND type = 'topic' AND coalesce(details ->> '$.subscriptions_confirmed', 0) = 0
ORDER BY account_id, region, id
