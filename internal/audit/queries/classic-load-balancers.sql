-- name: classic-load-balancers
-- title: Classic load balancers
-- description: Classic ELBs, to migrate to Application or Network Load Balancers.
-- category: migration
-- severity: low
-- reads: elb/load-balancer
SELECT account_id, region, service, type, id, name,
  details ->> '$.scheme' AS scheme, details ->> '$.instance_count' AS instances
FROM resources
WHERE service = 'elb' AND type = 'load-balancer'
ORDER BY account_id, region, id
