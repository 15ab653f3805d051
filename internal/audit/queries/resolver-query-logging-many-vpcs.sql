-- name: resolver-query-logging-many-vpcs
-- title: Route 53 Resolver query logging shared by many VPCs
-- description: Query log configurations associated with more than :vpcs VPCs (one destination sees every DNS query).
-- category: security
-- severity: info
-- params: vpcs=10
-- reads: route53resolver/query-log-config
SELECT account_id, region, service, type, id, name,
  CAST(details ->> '$.association_count' AS INTEGER) AS association_count,
  details ->> '$.destination_arn' AS destination_arn
FROM resources
WHERE service = 'route53resolver' AND type = 'query-log-config'
  AND CAST(details ->> '$.association_count' AS INTEGER) > :vpcs
ORDER BY association_count DESC, account_id, region, id
