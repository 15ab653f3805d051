-- name: open-security-groups
-- title: Security groups open to the internet
-- description: Security groups with an inbound rule from 0.0.0.0/0 or ::/0, and the port ranges concerned.
-- category: security
-- severity: high
-- reads: ec2/security-group
-- references: CIS 5.2, CIS 5.3
SELECT account_id, region, service, type, id, name,
  details ->> '$.vpc_id' AS vpc_id,
  details ->> '$.open_ports_to_world' AS open_ports
FROM resources
WHERE service = 'ec2' AND type = 'security-group' AND details ->> '$.open_to_world' = 1
ORDER BY account_id, region, id
