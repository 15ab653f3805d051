-- name: default-vpcs
-- title: Default VPCs
-- description: The default VPC of each region; many teams delete them.
-- category: hygiene
-- severity: low
-- reads: ec2/vpc
SELECT account_id, region, service, type, id, name, details ->> '$.cidr_block' AS cidr_block
FROM resources
WHERE service = 'ec2' AND type = 'vpc' AND is_default = 1
ORDER BY account_id, region, id
