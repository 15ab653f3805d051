-- name: cognito-user-pools-mfa-off
-- title: Cognito user pools without MFA
-- description: User pools whose users cannot use multi-factor authentication at all (MFA OFF), with the approximate number of users.
-- category: security
-- severity: medium
-- reads: cognito-idp/user-pool
-- references: Security Hub Cognito.3
SELECT account_id, region, service, type, id, name, details ->> '$.estimated_users' AS estimated_users,
  details ->> '$.self_signup' AS self_signup
FROM resources
WHERE service = 'cognito-idp' AND type = 'user-pool' AND details ->> '$.mfa_configuration' = 'OFF'
ORDER BY account_id, region, id
