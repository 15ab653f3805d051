-- name: unused-key-pairs
-- title: EC2 key pairs no instance uses
-- description: Key pairs not referenced by any collected instance in their region.
-- category: hygiene
-- severity: low
-- reads: ec2/key-pair, ec2/instance
SELECT k.account_id, k.region, k.service, k.type, k.id, k.name, k.details ->> '$.create_time' AS create_time
FROM resources k
WHERE k.service = 'ec2' AND k.type = 'key-pair'
  AND NOT EXISTS (SELECT 1 FROM resources i WHERE i.service = 'ec2' AND i.type = 'instance'
    AND i.account_id = k.account_id AND i.region = k.region AND i.details ->> '$.key_name' = k.name)
ORDER BY k.account_id, k.region, k.id
