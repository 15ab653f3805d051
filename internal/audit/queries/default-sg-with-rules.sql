-- name: default-sg-with-rules
-- title: Default security groups that allow traffic
-- description: The default security group of a VPC should have no inbound or outbound rules.
-- category: security
-- severity: medium
-- reads: ec2/security-group
-- references: CIS 5.4
SELECT account_id, region, service, type, id, name,
  details ->> '$.vpc_id' AS vpc_id,
  json_array_length(details, '$.ingress_rules') AS ingress_rules,
  json_array_length(details, '$.egress_rules') AS egress_rules
FROM resources
WHERE service = 'ec2' AND type = 'security-group' AND details ->> '$.group_name' = 'default'
  AND (json_array_length(details, '$.ingress_rules') > 0 OR json_array_length(details, '$.egress_rules') > 0)
ORDER BY account_id, region, id
