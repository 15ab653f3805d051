-- name: ram-shares-external
-- title: Resource shares with principals outside the organization
-- description: RAM resource shares owned by the account that share resources (subnets, transit gateways, license configurations...) with principals outside the organization.
-- category: security
-- severity: medium
-- reads: ram/resource-share
SELECT account_id, region, service, type, id, name, details ->> '$.principals' AS principals, details ->> '$.resources' AS resources
FROM resources
WHERE service = 'ram' AND type = 'resource-share' AND details ->> '$.external_principals' = 1
ORDER BY account_id, region, id
