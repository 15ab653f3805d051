-- name: sg-open-port
-- title: Security groups open to the world on a given TCP port
-- description: Security groups with an inbound rule from anywhere that covers TCP port :port.
-- category: security
-- severity: high
-- params: port=22
-- reads: ec2/security-group
-- references: CIS 5.2
SELECT g.account_id, g.region, g.service, g.type, g.id, g.name, group_concat(o.value) AS matching_ranges
FROM resources g, json_each(g.details, '$.open_ports_to_world') o
WHERE g.service = 'ec2' AND g.type = 'security-group'
  AND (o.value IN ('all:all', 'tcp:all')
    OR (o.value LIKE 'tcp:%-%'
        AND CAST(substr(o.value, 5, instr(o.value, '-') - 5) AS INTEGER) <= :port
        AND CAST(substr(o.value, instr(o.value, '-') + 1) AS INTEGER) >= :port))
GROUP BY g.account_id, g.region, g.service, g.type, g.id, g.name
ORDER BY g.account_id, g.region, g.id
