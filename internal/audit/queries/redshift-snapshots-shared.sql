-- name: redshift-snapshots-shared
-- title: Redshift snapshots shared with other accounts
-- description: Manual cluster snapshots other accounts may restore, that is read the data of, with the accounts.
-- category: security
-- severity: medium
-- reads: redshift/cluster-snapshot
SELECT account_id, region, service, type, id, name, details ->> '$.shared_with_accounts' AS shared_with_accounts
FROM resources
WHERE service = 'redshift' AND type = 'cluster-snapshot' AND json_array_length(details, '$.shared_with_accounts') > 0
ORDER BY account_id, region, id
