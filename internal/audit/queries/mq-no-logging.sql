-- name: mq-no-logging
-- title: Amazon MQ brokers without logs
-- description: Brokers that publish no general logs to CloudWatch Logs, or ActiveMQ brokers without audit logs.
-- category: security
-- severity: low
-- reads: mq/broker
-- references: Security Hub MQ.2
SELECT account_id, region, service, type, id, name, details ->> '$.engine_type' AS engine_type,
  details ->> '$.general_logs' AS general_logs, details ->> '$.audit_logs' AS audit_logs
FROM resources
WHERE service = 'mq' AND type = 'broker'
  AND (details ->> '$.general_logs' = 0 OR (details ->> '$.engine_type' = 'ACTIVEMQ' AND details ->> '$.audit_logs' = 0))
ORDER BY account_id, region, id
