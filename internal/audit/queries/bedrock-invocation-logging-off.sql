-- name: bedrock-invocation-logging-off
-- title: Regions where Bedrock model invocations are not logged
-- description: Regions scanned where Bedrock model invocation logging is not configured (the collection was recorded unsupported, NotEnabled): prompts and responses leave no trace. A region whose configuration could not be read is UNKNOWN, not clean.
-- category: security
-- severity: low
-- reads: bedrock/invocation-logging
SELECT c.account_id, c.region, c.service, c.type, '' AS id, '' AS name, c.error_message AS reason
FROM coverage c
WHERE c.service = 'bedrock' AND c.type = 'invocation-logging' AND c.outcome = 'unsupported' AND c.error_code = 'NotEnabled'
ORDER BY 1, 2
