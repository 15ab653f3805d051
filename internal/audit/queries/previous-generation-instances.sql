-- name: previous-generation-instances
-- title: Previous-generation EC2 instance types
-- description: Instances on older families (t1, t2, m1-m4, c1-c4, r3-r4, i2, d2...) that cost more than current ones.
-- category: migration
-- severity: low
-- reads: ec2/instance
SELECT account_id, region, service, type, id, name, details ->> '$.instance_type' AS instance_type
FROM resources
WHERE service = 'ec2' AND type = 'instance'
  AND substr(details ->> '$.instance_type', 1, instr(details ->> '$.instance_type', '.') - 1)
      IN ('t1', 't2', 'm1', 'm2', 'm3', 'm4', 'c1', 'c3', 'c4', 'r3', 'r4', 'i2', 'd2', 'g2', 'p2', 'x1')
ORDER BY account_id, region, id
