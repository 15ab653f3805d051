-- name: vpcs-without-flow-logs
-- title: VPCs without flow logs
-- description: VPCs with no flow log attached to the VPC itself.
-- category: security
-- severity: medium
-- reads: ec2/vpc, ec2/flow-log
-- references: CIS 3.7
SELECT v.account_id, v.region, v.service, v.type, v.id, v.name, v.is_default
FROM resources v
WHERE v.service = 'ec2' AND v.type = 'vpc'
  AND NOT EXISTS (SELECT 1 FROM resources f WHERE f.service = 'ec2' AND f.type = 'flow-log'
    AND f.account_id = v.account_id AND f.region = v.region AND f.details ->> '$.resource_id' = v.id)
ORDER BY v.account_id, v.region, v.id
