-- name: unused-eips
-- title: Unassociated Elastic IPs
-- description: Elastic IPs associated with no instance or network interface; billed by the hour.
-- category: cost
-- severity: low
-- reads: ec2/elastic-ip
SELECT account_id, region, service, type, id, name, details ->> '$.public_ip' AS public_ip
FROM resources
WHERE service = 'ec2' AND type = 'elastic-ip'
  AND coalesce(details ->> '$.association_id', '') = ''
  AND coalesce(details ->> '$.instance_id', '') = ''
  AND coalesce(details ->> '$.network_interface_id', '') = ''
ORDER BY account_id, region, id
