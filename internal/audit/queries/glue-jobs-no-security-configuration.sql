-- name: glue-jobs-no-security-configuration
-- title: Glue jobs without a security configuration
-- description: ETL jobs whose S3 output, CloudWatch logs and job bookmarks are not encrypted by a Glue security configuration.
-- category: security
-- severity: low
-- reads: glue/job
SELECT account_id, region, service, type, id, name, details ->> '$.command' AS command, details ->> '$.role' AS role
FROM resources
WHERE service = 'glue' AND type = 'job' AND details ->> '$.security_configuration' = ''
ORDER BY account_id, region, id
