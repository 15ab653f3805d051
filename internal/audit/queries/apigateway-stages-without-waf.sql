-- name: apigateway-stages-without-waf
-- title: Public REST API stages without a WAF web ACL
-- description: Stages of edge-optimized or regional REST APIs (private APIs left out) no WAF web ACL protects. A stage whose API was not collected counts as public.
-- category: security
-- severity: medium
-- reads: apigateway/stage, apigateway/rest-api
-- references: Security Hub APIGateway.4
SELECT s.account_id, s.region, s.service, s.type, s.id, s.name, s.details ->> '$.rest_api_id' AS rest_api_id
FROM resources s
WHERE s.service = 'apigateway' AND s.type = 'stage' AND coalesce(s.details ->> '$.web_acl_arn', '') = ''
  AND NOT EXISTS (SELECT 1 FROM resources a, json_each(a.details, '$.endpoint_types') t
    WHERE a.service = 'apigateway' AND a.type = 'rest-api' AND a.account_id = s.account_id AND a.region = s.region
      AND a.id = s.details ->> '$.rest_api_id' AND t.value = 'PRIVATE')
ORDER BY s.account_id, s.region, s.id
