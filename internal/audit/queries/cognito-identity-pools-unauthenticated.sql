-- name: cognito-identity-pools-unauthenticated
-- title: Cognito identity pools handing out guest credentials
-- description: Identity pools that give AWS credentials (their unauthenticated role) to anyone, without any sign-in.
-- category: security
-- severity: medium
-- reads: cognito-identity/identity-pool
-- references: Security Hub Cognito.2
SELECT account_id, region, service, type, id, name, details ->> '$.roles.unauthenticated' AS unauthenticated_role
FROM resources
WHERE service = 'cognito-identity' AND type = 'identity-pool' AND details ->> '$.allow_unauthenticated_identities' = 1
ORDER BY account_id, region, id
