-- name: cognito-user-pools-weak-passwords
-- title: Cognito user pools accepting short passwords
-- description: User pools whose password policy accepts passwords shorter than :min_length characters.
-- category: security
-- severity: medium
-- params: min_length=12
-- reads: cognito-idp/user-pool
SELECT account_id, region, service, type, id, name, details ->> '$.password_minimum_length' AS password_minimum_length,
  details ->> '$.mfa_configuration' AS mfa_configuration
FROM resources
WHERE service = 'cognito-idp' AND type = 'user-pool' AND details ->> '$.password_minimum_length' < :min_length
ORDER BY account_id, region, id
