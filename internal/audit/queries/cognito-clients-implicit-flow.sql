-- name: cognito-clients-implicit-flow
-- title: Cognito app clients allowing the OAuth implicit flow
-- description: User pool app clients that hand tokens out in the redirect URL (implicit grant), where browser history, logs and referrers can leak them; the code flow with PKCE replaces it.
-- category: security
-- severity: medium
-- reads: cognito-idp/user-pool-client
SELECT c.account_id, c.region, c.service, c.type, c.id, c.name, c.details ->> '$.oauth_flows' AS oauth_flows,
  c.details ->> '$.callback_urls' AS callback_urls
FROM resources c
WHERE c.service = 'cognito-idp' AND c.type = 'user-pool-client'
  AND EXISTS (SELECT 1 FROM json_each(c.details, '$.oauth_flows') f WHERE f.value = 'implicit')
ORDER BY c.account_id, c.region, c.id
