-- name: vpn-tunnels-down
-- title: Site-to-site VPN connections with tunnels down
-- description: Available VPN connections with a tunnel that is not UP: no redundancy left, or no connectivity at all when none is up.
-- category: hygiene
-- severity: medium
-- reads: ec2/vpn-connection
SELECT account_id, region, service, type, id, name, details ->> '$.tunnels' AS tunnels, details ->> '$.tunnels_up' AS tunnels_up,
  details ->> '$.customer_gateway_id' AS customer_gateway_id
FROM resources
WHERE service = 'ec2' AND type = 'vpn-connection' AND details ->> '$.state' = 'available'
  AND details ->> '$.tunnels_up' < details ->> '$.tunnels'
ORDER BY account_id, region, id
