-- name: transfer-plaintext-ftp
-- title: Transfer Family servers serving plain FTP
-- description: Servers with FTP among their protocols: credentials and files cross the network unencrypted.
-- category: security
-- severity: high
-- reads: transfer/server
SELECT account_id, region, service, type, id, name, details ->> '$.protocols' AS protocols
FROM resources
WHERE service = 'transfer' AND type = 'server' AND details ->> '$.plaintext_ftp' = 1
ORDER BY account_id, region, id
