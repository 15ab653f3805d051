-- name: rds-clusters-no-deletion-protection
-- title: RDS and Aurora clusters without deletion protection
-- description: Database clusters that one API call can delete.
-- category: security
-- severity: low
-- reads: rds/db-cluster
-- references: Security Hub RDS.7
SELECT account_id, region, service, type, id, name, details ->> '$.engine' AS engine
FROM resources
WHERE service = 'rds' AND type = 'db-cluster' AND details ->> '$.deletion_protection' = 0
ORDER BY account_id, region, id
