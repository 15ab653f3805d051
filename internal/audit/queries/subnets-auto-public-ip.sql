-- name: subnets-auto-public-ip
-- title: Subnets that give instances a public IP by default
-- description: Non-default subnets where every instance launched gets a public IPv4 address unless told otherwise (the default VPC's subnets do so by design and are left out).
-- category: security
-- severity: low
-- reads: ec2/subnet
-- references: Security Hub EC2.15
SELECT account_id, region, service, type, id, name, details ->> '$.vpc_id' AS vpc_id, details ->> '$.cidr_block' AS cidr_block
FROM resources
WHERE service = 'ec2' AND type = 'subnet' AND is_default = 0 AND details ->> '$.map_public_ip_on_launch' = 1
ORDER BY account_id, region, id
