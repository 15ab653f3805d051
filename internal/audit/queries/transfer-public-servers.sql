-- name: transfer-public-servers
-- title: Internet-facing Transfer Family servers
-- description: Servers reachable from the internet (a PUBLIC endpoint, or a VPC endpoint with Elastic IPs), with their protocols and identity provider.
-- category: security
-- severity: medium
-- reads: transfer/server
SELECT account_id, region, service, type, id, name, details ->> '$.endpoint_type' AS endpoint_type,
  details ->> '$.protocols' AS protocols, details ->> '$.identity_provider_type' AS identity_provider_type
FROM resources
WHERE service = 'transfer' AND type = 'server' AND details ->> '$.internet_facing' = 1
ORDER BY account_id, region, id
