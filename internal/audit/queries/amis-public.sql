-- name: amis-public
-- title: Public AMIs
-- description: Machine images owned by the account that anyone can launch.
-- category: security
-- severity: high
-- reads: ec2/ami
SELECT account_id, region, service, type, id, name, details ->> '$.creation_date' AS creation_date
FROM resources
WHERE service = 'ec2' AND type = 'ami' AND details ->> '$.public' = 1
ORDER BY account_id, region, id
