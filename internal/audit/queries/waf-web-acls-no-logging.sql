-- name: waf-web-acls-no-logging
-- title: WAF web ACLs without logging
-- description: Web ACLs (regional or CloudFront) whose requests are not logged: blocked and allowed requests leave no trace to investigate.
-- category: security
-- severity: medium
-- reads: wafv2/web-acl
-- references: Security Hub WAF.11
SELECT account_id, region, service, type, id, name, details ->> '$.scope' AS scope, details ->> '$.rule_count' AS rule_count
FROM resources
WHERE service = 'wafv2' AND type = 'web-acl' AND details ->> '$.logging_enabled' = 0
ORDER BY account_id, region, id
