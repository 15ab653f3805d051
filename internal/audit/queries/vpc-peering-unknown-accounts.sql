-- name: vpc-peering-unknown-accounts
-- title: VPC peering with accounts outside the estate
-- description: Peering connections (any status but deleted) whose other side is an account never scanned and never listed as a member of the organization. Without the organization's account list the answer is UNKNOWN, not clean.
-- category: security
-- severity: medium
-- reads: ec2/vpc-peering-connection, organizations/account
WITH known AS (
  SELECT account_id FROM main.collection_versions
  UNION SELECT id FROM main.resource_versions WHERE service = 'organizations' AND type = 'account')
SELECT p.account_id, p.region, p.service, p.type, p.id, p.name, p.details ->> '$.status' AS status,
  CASE WHEN p.details ->> '$.requester_account_id' = p.account_id THEN p.details ->> '$.accepter_account_id'
    ELSE p.details ->> '$.requester_account_id' END AS peer_account,
  CASE WHEN p.details ->> '$.requester_account_id' = p.account_id THEN p.details ->> '$.accepter_vpc_id'
    ELSE p.details ->> '$.requester_vpc_id' END AS peer_vpc
FROM resources p
WHERE p.service = 'ec2' AND p.type = 'vpc-peering-connection'
  AND (p.details ->> '$.requester_account_id' NOT IN (SELECT account_id FROM known)
    OR p.details ->> '$.accepter_account_id' NOT IN (SELECT account_id FROM known))
ORDER BY p.account_id, p.region, p.id
