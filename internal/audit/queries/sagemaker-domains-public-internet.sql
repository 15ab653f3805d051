-- name: sagemaker-domains-public-internet
-- title: SageMaker Studio domains whose apps reach the internet directly
-- description: Domains in PublicInternetOnly mode: Studio apps reach the internet through SageMaker, outside the VPC's controls.
-- category: security
-- severity: medium
-- reads: sagemaker/domain
SELECT account_id, region, service, type, id, name, details ->> '$.auth_mode' AS auth_mode
FROM resources
WHERE service = 'sagemaker' AND type = 'domain' AND details ->> '$.app_network_access' = 'PublicInternetOnly'
ORDER BY account_id, region, id
