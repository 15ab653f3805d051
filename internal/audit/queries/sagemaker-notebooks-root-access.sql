-- name: sagemaker-notebooks-root-access
-- title: SageMaker notebook instances with root access
-- description: Notebook instances whose users can become root: they can change the instance's software and reach its role's credentials unrestricted.
-- category: security
-- severity: medium
-- reads: sagemaker/notebook-instance
-- references: Security Hub SageMaker.3
SELECT account_id, region, service, type, id, name, details ->> '$.role_arn' AS role_arn
FROM resources
WHERE service = 'sagemaker' AND type = 'notebook-instance' AND details ->> '$.root_access' = 'Enabled'
ORDER BY account_id, region, id
