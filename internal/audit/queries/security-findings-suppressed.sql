-- name: security-findings-suppressed
-- title: Suppression rules hiding security findings
-- description: GuardDuty filters that archive findings, Inspector filters that suppress them and Macie filters that archive them: each hides matching findings from everyone, worth reviewing.
-- category: security
-- severity: info
-- reads: guardduty/filter, inspector2/filter, macie2/findings-filter
SELECT account_id, region, service, type, id, name, details ->> '$.action' AS action,
  coalesce(nullif(details ->> '$.reason', ''), details ->> '$.description') AS description
FROM resources
WHERE ((service = 'guardduty' AND type = 'filter' AND details ->> '$.action' = 'ARCHIVE')
    OR (service = 'inspector2' AND type = 'filter' AND details ->> '$.action' = 'SUPPRESS')
    OR (service = 'macie2' AND type = 'findings-filter' AND details ->> '$.action' = 'ARCHIVE'))
ORDER BY account_id, region, service, id
