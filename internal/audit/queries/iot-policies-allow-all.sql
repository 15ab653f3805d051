-- name: iot-policies-allow-all
-- title: IoT policies allowing every action on every resource
-- description: Policies whose default version allows iot:* (or *) on every resource: any device holding them can act as any other.
-- category: security
-- severity: high
-- reads: iot/policy
SELECT account_id, region, service, type, id, name, details ->> '$.default_version' AS default_version
FROM resources
WHERE service = 'iot' AND type = 'policy' AND details ->> '$.allows_all' = 1
ORDER BY account_id, region, id
