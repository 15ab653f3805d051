-- name: msk-no-tls
-- title: MSK clusters accepting plaintext from clients
-- description: Provisioned clusters whose client-broker traffic may be unencrypted (PLAINTEXT or TLS_PLAINTEXT), or whose brokers talk to each other unencrypted.
-- category: security
-- severity: high
-- reads: kafka/cluster
SELECT account_id, region, service, type, id, name, details ->> '$.client_broker_encryption' AS client_broker,
  details ->> '$.inter_broker_tls' AS in_cluster
FROM resources
WHERE service = 'kafka' AND type = 'cluster'
  AND (details ->> '$.client_broker_encryption' IN ('PLAINTEXT', 'TLS_PLAINTEXT') OR details ->> '$.inter_broker_tls' = 0)
ORDER BY account_id, region, id
