-- name: apigateway-data-trace-enabled
-- title: API Gateway stages logging full requests and responses
-- description: REST API stages with data tracing on for all methods: request and response bodies, tokens and personal data included, are written to CloudWatch Logs. Meant for debugging, not production.
-- category: security
-- severity: medium
-- reads: apigateway/stage
SELECT account_id, region, service, type, id, name, details ->> '$.rest_api_id' AS rest_api_id
FROM resources
WHERE service = 'apigateway' AND type = 'stage' AND details ->> '$.data_trace_enabled' = 1
ORDER BY account_id, region, id
