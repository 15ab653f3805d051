-- name: apigateway-stages-no-access-logs
-- title: API Gateway stages without access logging
-- description: REST, HTTP and WebSocket API stages that send no access logs: who called the API is not recorded.
-- category: security
-- severity: medium
-- reads: apigateway/stage, apigatewayv2/stage
-- references: Security Hub APIGateway.9
SELECT account_id, region, service, type, id, name, details ->> '$.deployment_id' AS deployment_id
FROM resources
WHERE ((service = 'apigateway' AND type = 'stage') OR (service = 'apigatewayv2' AND type = 'stage'))
  AND coalesce(details ->> '$.access_log_destination', '') = ''
ORDER BY account_id, region, service, id
