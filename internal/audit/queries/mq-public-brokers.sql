-- name: mq-public-brokers
-- title: Publicly accessible Amazon MQ brokers
-- description: Brokers with a public endpoint (reachable from the internet, guarded only by their users' passwords).
-- category: security
-- severity: high
-- reads: mq/broker
SELECT account_id, region, service, type, id, name, details ->> '$.engine_type' AS engine_type
FROM resources
WHERE service = 'mq' AND type = 'broker' AND details ->> '$.publicly_accessible' = 1
ORDER BY account_id, region, id
