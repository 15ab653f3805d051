-- name: sagemaker-notebooks-direct-internet
-- title: SageMaker notebook instances with direct internet access
-- description: Notebook instances that reach the internet outside any VPC control (no security group, NAT or proxy in the path).
-- category: security
-- severity: high
-- reads: sagemaker/notebook-instance
-- references: Security Hub SageMaker.2
SELECT account_id, region, service, type, id, name, details ->> '$.subnet_id' AS subnet_id
FROM resources
WHERE service = 'sagemaker' AND type = 'notebook-instance' AND details ->> '$.direct_internet_access' = 'Enabled'
ORDER BY account_id, region, id
