-- name: public-instances
-- title: EC2 instances with a public IP
-- description: Instances reachable through a public IPv4 address, with their security groups.
-- category: security
-- severity: info
-- reads: ec2/instance
SELECT account_id, region, service, type, id, name,
  details ->> '$.public_ip' AS public_ip, details ->> '$.security_group_ids' AS security_group_ids
FROM resources
WHERE service = 'ec2' AND type = 'instance' AND coalesce(details ->> '$.public_ip', '') <> ''
ORDER BY account_id, region, id
