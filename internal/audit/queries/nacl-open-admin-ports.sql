-- name: nacl-open-admin-ports
-- title: Network ACLs allowing SSH or RDP from anywhere
-- description: Network ACLs with an inbound allow entry from 0.0.0.0/0 or ::/0 covering port 22 or 3389 (all protocols included). Entries are shown with their rule number: a lower-numbered deny entry may still block the traffic.
-- category: security
-- severity: medium
-- reads: ec2/network-acl
-- references: CIS 5.1, Security Hub EC2.21
SELECT a.account_id, a.region, a.service, a.type, a.id, a.name, a.details ->> '$.vpc_id' AS vpc_id,
  group_concat((e.value ->> '$.rule_number') || ' ' || (e.value ->> '$.protocol') || ' '
    || coalesce(nullif(e.value ->> '$.cidr', ''), e.value ->> '$.ipv6_cidr')
    || coalesce(' ' || (e.value ->> '$.from_port') || '-' || (e.value ->> '$.to_port'), ''), '; ') AS open_entries,
  json_array_length(a.details, '$.associated_subnet_ids') AS subnets
FROM resources a, json_each(a.details, '$.entries') e
WHERE a.service = 'ec2' AND a.type = 'network-acl'
  AND e.value ->> '$.egress' = 0 AND e.value ->> '$.action' = 'allow'
  AND (e.value ->> '$.cidr' = '0.0.0.0/0' OR e.value ->> '$.ipv6_cidr' = '::/0')
  AND (e.value ->> '$.protocol' = 'all'
    OR (e.value ->> '$.protocol' IN ('6', '17') AND ((e.value ->> '$.from_port' <= 22 AND e.value ->> '$.to_port' >= 22)
      OR (e.value ->> '$.from_port' <= 3389 AND e.value ->> '$.to_port' >= 3389))))
GROUP BY a.account_id, a.region, a.service, a.type, a.id, a.name
ORDER BY a.account_id, a.region, a.id
