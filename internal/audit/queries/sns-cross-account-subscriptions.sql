-- name: sns-cross-account-subscriptions
-- title: SNS subscriptions delivering to accounts outside the estate
-- description: Subscriptions whose endpoint is an AWS resource (queue, function, stream...) of an account never scanned and never listed as a member of the organization: the topic's messages leave the estate. Without the organization's account list the answer is UNKNOWN, not clean.
-- category: security
-- severity: medium
-- reads: sns/subscription, organizations/account
WITH known AS (
  SELECT account_id FROM main.collection_versions
  UNION SELECT id FROM main.resource_versions WHERE service = 'organizations' AND type = 'account'),
-- arn:partition:service:region:account:resource, one field cut at a time
r1 AS (SELECT s.*, substr(s.details ->> '$.endpoint', 5) AS rest FROM resources s
  WHERE s.service = 'sns' AND s.type = 'subscription' AND s.details ->> '$.endpoint' LIKE 'arn:%'),
r2 AS (SELECT r1.*, substr(rest, instr(rest, ':') + 1) AS rest2 FROM r1),
r3 AS (SELECT r2.*, substr(rest2, instr(rest2, ':') + 1) AS rest3 FROM r2),
r4 AS (SELECT r3.*, substr(rest3, instr(rest3, ':') + 1) AS rest4 FROM r3),
arns AS (SELECT r4.*, substr(rest4, 1, instr(rest4, ':') - 1) AS endpoint_account FROM r4)
SELECT account_id, region, service, type, id, name, details ->> '$.endpoint' AS endpoint, endpoint_account
FROM arns
WHERE endpoint_account <> '' AND endpoint_account NOT IN (SELECT account_id FROM known)
ORDER BY account_id, region, id
