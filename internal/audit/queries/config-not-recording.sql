-- name: config-not-recording
-- title: Regions where AWS Config is not recording
-- description: Regions scanned without a configuration recorder (the collection was recorded unsupported, NotEnabled) or whose recorder is stopped. A region whose recorders could not be read (denied, error, status unknown) is UNKNOWN, not clean.
-- category: security
-- severity: medium
-- reads: config/configuration-recorder
-- references: CIS 3.3
SELECT c.account_id, c.region, c.service, c.type, '' AS id, '' AS name, c.error_message AS reason
FROM coverage c
WHERE c.service = 'config' AND c.type = 'configuration-recorder' AND c.outcome = 'unsupported' AND c.error_code = 'NotEnabled'
UNION ALL
SELECT account_id, region, service, type, id, name, 'the recorder is stopped' AS reason
FROM resources
WHERE service = 'config' AND type = 'configuration-recorder' AND details ->> '$.recording' = 0
ORDER BY 1, 2, 5
