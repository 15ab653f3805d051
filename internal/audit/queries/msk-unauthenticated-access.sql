-- name: msk-unauthenticated-access
-- title: MSK clusters accepting unauthenticated clients
-- description: Clusters any client that reaches them may use without authenticating.
-- category: security
-- severity: high
-- reads: kafka/cluster
-- references: Security Hub MSK.6
SELECT account_id, region, service, type, id, name, details ->> '$.public_access' AS public_access
FROM resources
WHERE service = 'kafka' AND type = 'cluster' AND details ->> '$.unauthenticated_access' = 1
ORDER BY account_id, region, id
