-- name: inspector-not-enabled
-- title: Regions where Amazon Inspector is not enabled
-- description: Regions scanned where Inspector is off for the account (the collection was recorded unsupported, NotEnabled) or not ENABLED (disabled, suspended, changing). A region whose Inspector status could not be read (denied, error) is UNKNOWN, not clean.
-- category: security
-- severity: medium
-- reads: inspector2/account
-- references: Security Hub Inspector.1
SELECT c.account_id, c.region, c.service, c.type, '' AS id, '' AS name, c.error_message AS reason
FROM coverage c
WHERE c.service = 'inspector2' AND c.type = 'account' AND c.outcome = 'unsupported' AND c.error_code = 'NotEnabled'
UNION ALL
SELECT a.account_id, a.region, a.service, a.type, a.id, a.name, 'Inspector is ' || coalesce(a.details ->> '$.status', 'of unknown status') AS reason
FROM resources a
WHERE a.service = 'inspector2' AND a.type = 'account' AND coalesce(a.details ->> '$.status', '') <> 'ENABLED'
ORDER BY 1, 2, 5
