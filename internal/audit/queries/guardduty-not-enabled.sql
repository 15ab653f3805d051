-- name: guardduty-not-enabled
-- title: Regions where GuardDuty is not enabled
-- description: Regions scanned where GuardDuty has no detector (the collection was recorded unsupported, NotEnabled) or only a suspended one. A region whose detectors could not be listed (denied, error) is UNKNOWN, not clean.
-- category: security
-- severity: high
-- reads: guardduty/detector
-- references: Security Hub GuardDuty.1
SELECT c.account_id, c.region, c.service, c.type, '' AS id, '' AS name, c.error_message AS reason
FROM coverage c
WHERE c.service = 'guardduty' AND c.type = 'detector' AND c.outcome = 'unsupported' AND c.error_code = 'NotEnabled'
UNION ALL
SELECT d.account_id, d.region, d.service, d.type, d.id, d.name, 'the detector is ' || coalesce(d.details ->> '$.status', 'of unknown status') AS reason
FROM resources d
WHERE d.service = 'guardduty' AND d.type = 'detector' AND coalesce(d.details ->> '$.status', '') <> 'ENABLED'
  AND NOT EXISTS (SELECT 1 FROM resources e WHERE e.service = 'guardduty' AND e.type = 'detector'
    AND e.account_id = d.account_id AND e.region = d.region AND e.details ->> '$.status' = 'ENABLED')
ORDER BY 1, 2, 5
