-- name: emr-no-security-configuration
-- title: EMR clusters without a security configuration
-- description: Active clusters running without a security configuration: no at-rest or in-transit encryption and no Kerberos set by EMR.
-- category: security
-- severity: medium
-- reads: emr/cluster
SELECT account_id, region, service, type, id, name, details ->> '$.state' AS state, details ->> '$.release_label' AS release_label
FROM resources
WHERE service = 'emr' AND type = 'cluster' AND details ->> '$.security_configuration' = ''
ORDER BY account_id, region, id
