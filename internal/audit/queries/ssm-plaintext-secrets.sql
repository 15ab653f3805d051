-- name: ssm-plaintext-secrets
-- title: SSM parameters named like secrets but stored as plain String
-- description: String parameters whose name suggests a password, secret, token or key.
-- category: security
-- severity: medium
-- reads: ssm/parameter
SELECT account_id, region, service, type, id, name, details ->> '$.type' AS parameter_type
FROM resources
WHERE service = 'ssm' AND type = 'parameter' AND details ->> '$.type' IN ('String', 'StringList')
  AND (lower(name) LIKE '%password%' OR lower(name) LIKE '%secret%' OR lower(name) LIKE '%token%'
    OR lower(name) LIKE '%apikey%' OR lower(name) LIKE '%api_key%' OR lower(name) LIKE '%private_key%')
ORDER BY account_id, region, id
