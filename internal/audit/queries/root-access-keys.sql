-- name: root-access-keys
-- title: Root user has access keys
-- description: Accounts whose root user has access keys.
-- category: security
-- severity: critical
-- reads: iam/account-summary
-- references: CIS 1.4
SELECT account_id, region, service, type, id, name
FROM resources
WHERE service = 'iam' AND type = 'account-summary' AND details ->> '$.root_access_keys_present' = 1
ORDER BY account_id
