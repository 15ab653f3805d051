-- name: securityhub-not-enabled
-- title: Regions where Security Hub is not enabled
-- description: Regions scanned where the account is not subscribed to Security Hub (the collection was recorded unsupported, NotEnabled), and hubs with no standard enabled. A region whose hub could not be read (denied, error) is UNKNOWN, not clean.
-- category: security
-- severity: medium
-- reads: securityhub/hub
-- references: CIS 4.16
SELECT c.account_id, c.region, c.service, c.type, '' AS id, '' AS name, c.error_message AS reason
FROM coverage c
WHERE c.service = 'securityhub' AND c.type = 'hub' AND c.outcome = 'unsupported' AND c.error_code = 'NotEnabled'
UNION ALL
SELECT account_id, region, service, type, id, name, 'the hub has no standard enabled' AS reason
FROM resources
WHERE service = 'securityhub' AND type = 'hub' AND details ->> '$.standards_count' = 0
ORDER BY 1, 2, 5
