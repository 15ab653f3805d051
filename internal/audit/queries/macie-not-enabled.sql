-- name: macie-not-enabled
-- title: Regions where Amazon Macie is not enabled
-- description: Regions scanned where Macie is off for the account (the collection was recorded unsupported, NotEnabled) or paused. A region whose Macie session could not be read (denied, error) is UNKNOWN, not clean.
-- category: security
-- severity: low
-- reads: macie2/session
-- references: Security Hub Macie.1
SELECT c.account_id, c.region, c.service, c.type, '' AS id, '' AS name, c.error_message AS reason
FROM coverage c
WHERE c.service = 'macie2' AND c.type = 'session' AND c.outcome = 'unsupported' AND c.error_code = 'NotEnabled'
UNION ALL
SELECT s.account_id, s.region, s.service, s.type, s.id, s.name, 'Macie is ' || coalesce(s.details ->> '$.status', 'of unknown status') AS reason
FROM resources s
WHERE s.service = 'macie2' AND s.type = 'session' AND coalesce(s.details ->> '$.status', '') <> 'ENABLED'
ORDER BY 1, 2, 5
