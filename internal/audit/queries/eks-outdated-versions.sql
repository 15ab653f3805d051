-- name: eks-outdated-versions
-- title: EKS clusters on old Kubernetes versions
-- description: Clusters on a Kubernetes version older than 1.N (N = :min_minor). The default, 34, flags 1.33 and older, which left standard support during 2026: they are billed extended support (six times the hourly cluster price) and are then upgraded by AWS. Raise it as versions age.
-- category: migration
-- severity: medium
-- params: min_minor=34
-- reads: eks/cluster
SELECT account_id, region, service, type, id, name, details ->> '$.version' AS version,
  details ->> '$.platform_version' AS platform_version
FROM resources
WHERE service = 'eks' AND type = 'cluster' AND details ->> '$.version' LIKE '1.%'
  AND CAST(substr(details ->> '$.version', 3) AS INTEGER) < :min_minor
ORDER BY account_id, region, id
