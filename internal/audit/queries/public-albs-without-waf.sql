-- name: public-albs-without-waf
-- title: Internet-facing application load balancers without a WAF web ACL
-- description: Internet-facing application load balancers no WAF web ACL protects (no wafv2 protects relationship). A region whose load balancers or web ACLs, with what they protect, were not collected completely is UNKNOWN, not clean.
-- category: security
-- severity: medium
-- reads: elbv2/load-balancer, wafv2/web-acl
-- references: AWS WAF: protect internet-facing ALBs
SELECT lb.account_id, lb.region, lb.service, lb.type, lb.id, lb.name, lb.details ->> '$.dns_name' AS dns_name
FROM resources lb
WHERE lb.service = 'elbv2' AND lb.type = 'load-balancer'
  AND lb.details ->> '$.type' = 'application' AND lb.details ->> '$.scheme' = 'internet-facing'
  AND NOT EXISTS (SELECT 1 FROM relationships r
    WHERE r.from_service = 'wafv2' AND r.from_type = 'web-acl' AND r.kind = 'protects'
      AND r.to_account_id = lb.account_id AND r.to_region = lb.region
      AND r.to_service = 'elbv2' AND r.to_type = 'load-balancer' AND r.to_id = lb.id)
ORDER BY lb.account_id, lb.region, lb.id
