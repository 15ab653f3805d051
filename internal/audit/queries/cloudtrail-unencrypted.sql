-- name: cloudtrail-unencrypted
-- title: CloudTrail trails without KMS encryption
-- description: Trails whose log files are not encrypted with a customer KMS key.
-- category: security
-- severity: low
-- reads: cloudtrail/trail
-- references: CIS 3.5
SELECT account_id, region, service, type, id, name
FROM resources
WHERE service = 'cloudtrail' AND type = 'trail' AND coalesce(details ->> '$.kms_key_id', '') = ''
ORDER BY account_id, region, id
