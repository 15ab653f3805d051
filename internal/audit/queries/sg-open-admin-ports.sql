-- name: sg-open-admin-ports
-- title: Security groups open to the world on admin or database ports
-- description: Inbound rules from anywhere covering 22, 3389, 5432, 3306, 6379, 9200 or 27017.
-- category: security
-- severity: critical
-- reads: ec2/security-group
-- references: CIS 5.2, CIS 5.3
WITH ranges AS (
  SELECT g.account_id, g.region, g.service, g.type, g.id, g.name, o.value AS rng
  FROM resources g, json_each(g.details, '$.open_ports_to_world') o
  WHERE g.service = 'ec2' AND g.type = 'security-group'
),
hits AS (
  SELECT r.*, p.value AS port FROM ranges r, json_each('[22, 3389, 5432, 3306, 6379, 9200, 27017]') p
  WHERE r.rng IN ('all:all', 'tcp:all')
     OR (r.rng LIKE 'tcp:%-%'
         AND CAST(substr(r.rng, 5, instr(r.rng, '-') - 5) AS INTEGER) <= p.value
         AND CAST(substr(r.rng, instr(r.rng, '-') + 1) AS INTEGER) >= p.value)
)
SELECT account_id, region, service, type, id, name, group_concat(DISTINCT port) AS open_admin_ports
FROM hits
GROUP BY account_id, region, service, type, id, name
ORDER BY account_id, region, id
