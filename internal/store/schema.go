package store

import (
	"fmt"

	"github.com/ncruces/go-sqlite3"

	"github.com/awsmap/awsmap/internal/model"
)

// migrations are applied in order; the schema version (PRAGMA user_version)
// is the number of migrations applied. Never edit a released migration:
// append a new one.
var migrations = []string{schemaV1, schemaV2, schemaV3, schemaV4, schemaV5}

// schemaVersion is the version this build writes and reads.
var schemaVersion = int64(len(migrations))

// schemaV1 creates the ledger, the history and the current-state views.
//
// Scan ids in the *_scan columns refer to scans(id); they are not declared
// as foreign keys so that bulk merges skip the checks. Merges happen in scan
// id order (see Writer.Finish), so end_scan > first_scan always holds.
const schemaV1 = `
CREATE TABLE scans (
	id               INTEGER PRIMARY KEY AUTOINCREMENT,
	started_at       TEXT NOT NULL,
	finished_at      TEXT,
	status           TEXT NOT NULL CHECK (status IN ('running', 'complete', 'partial', 'aborted')),
	account_id       TEXT,
	account_alias    TEXT,
	profile          TEXT,
	regions          TEXT NOT NULL DEFAULT '[]',
	services         TEXT NOT NULL DEFAULT '[]',
	tool_version     TEXT,
	options          TEXT NOT NULL DEFAULT '{}',
	resource_count   INTEGER NOT NULL DEFAULT 0,
	api_calls        INTEGER NOT NULL DEFAULT 0,
	failures         INTEGER NOT NULL DEFAULT 0,
	duration_seconds REAL,
	pid              INTEGER,
	host             TEXT
) STRICT;

CREATE TABLE resource_versions (
	vid             INTEGER PRIMARY KEY,
	account_id      TEXT NOT NULL,
	region          TEXT NOT NULL,
	service         TEXT NOT NULL,
	type            TEXT NOT NULL,
	id              TEXT NOT NULL,
	arn             TEXT,
	name            TEXT,
	created_at      TEXT,
	is_default      INTEGER NOT NULL DEFAULT 0,
	tags            TEXT NOT NULL DEFAULT '{}',
	details         TEXT NOT NULL DEFAULT '{}',
	hash            INTEGER NOT NULL,
	first_seen_scan INTEGER NOT NULL,
	first_scan      INTEGER NOT NULL,
	end_scan        INTEGER,
	CHECK (end_scan IS NULL OR end_scan > first_scan)
) STRICT;

-- One current version per key. The id comes first: lookups by key (the
-- merge, user queries by id) then mostly compare one short string.
CREATE UNIQUE INDEX resource_versions_current
	ON resource_versions (id, region, account_id, type, service) WHERE end_scan IS NULL;
-- The current versions of one collection: typed views (service, type) and
-- the retirement of what a collection no longer returned. end_scan, always
-- NULL here, makes the index covering for the retirement.
CREATE INDEX resource_versions_collection
	ON resource_versions (service, type, account_id, region, end_scan) WHERE end_scan IS NULL;
-- Versions opened and closed by a scan (diffs).
CREATE INDEX resource_versions_first_scan ON resource_versions (first_scan);
CREATE INDEX resource_versions_end_scan
	ON resource_versions (end_scan) WHERE end_scan IS NOT NULL;

CREATE TABLE relationship_versions (
	rid             INTEGER PRIMARY KEY,
	from_account_id TEXT NOT NULL,
	from_region     TEXT NOT NULL,
	from_service    TEXT NOT NULL,
	from_type       TEXT NOT NULL,
	from_id         TEXT NOT NULL,
	kind            TEXT NOT NULL,
	to_account_id   TEXT NOT NULL,
	to_region       TEXT NOT NULL,
	to_service      TEXT NOT NULL,
	to_type         TEXT NOT NULL,
	to_id           TEXT NOT NULL,
	first_scan      INTEGER NOT NULL,
	end_scan        INTEGER,
	CHECK (end_scan IS NULL OR end_scan > first_scan)
) STRICT;

CREATE UNIQUE INDEX relationship_versions_current ON relationship_versions (
	from_id, to_id, kind, from_region, from_account_id, from_type, from_service,
	to_region, to_account_id, to_type, to_service) WHERE end_scan IS NULL;
-- The current edges from one collection's resources, for their retirement
-- (covering, like resource_versions_collection).
CREATE INDEX relationship_versions_collection ON relationship_versions (
	from_service, from_type, from_account_id, from_region, end_scan) WHERE end_scan IS NULL;
-- What points at a resource (security group users, subnet members...).
CREATE INDEX relationship_versions_to ON relationship_versions (
	to_id, to_region, to_account_id, to_type, to_service) WHERE end_scan IS NULL;
CREATE INDEX relationship_versions_first_scan ON relationship_versions (first_scan);
CREATE INDEX relationship_versions_end_scan
	ON relationship_versions (end_scan) WHERE end_scan IS NOT NULL;

CREATE TABLE collections (
	scan_id       INTEGER NOT NULL,
	account_id    TEXT NOT NULL,
	region        TEXT NOT NULL,
	service       TEXT NOT NULL,
	type          TEXT NOT NULL,
	outcome       TEXT NOT NULL CHECK (outcome IN
		('ok', 'partial', 'denied', 'throttled', 'unsupported', 'not_found', 'error', 'skipped')),
	operation     TEXT,
	error_code    TEXT,
	error_message TEXT,
	items         INTEGER NOT NULL DEFAULT 0,
	duration_ms   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (scan_id, account_id, region, service, type)
) STRICT, WITHOUT ROWID;

CREATE TABLE api_calls (
	scan_id       INTEGER NOT NULL,
	account_id    TEXT NOT NULL,
	region        TEXT NOT NULL,
	service       TEXT NOT NULL,
	operation     TEXT NOT NULL,
	calls         INTEGER NOT NULL DEFAULT 0,
	pages         INTEGER NOT NULL DEFAULT 0,
	items         INTEGER NOT NULL DEFAULT 0,
	retries       INTEGER NOT NULL DEFAULT 0,
	throttles     INTEGER NOT NULL DEFAULT 0,
	errors        INTEGER NOT NULL DEFAULT 0,
	outcome       TEXT NOT NULL CHECK (outcome IN
		('ok', 'partial', 'denied', 'throttled', 'unsupported', 'not_found', 'error', 'skipped')),
	error_code    TEXT,
	error_message TEXT,
	duration_ms   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (scan_id, account_id, region, service, operation)
) STRICT, WITHOUT ROWID;

CREATE VIEW resources AS
SELECT v.account_id, v.region, v.service, v.type, v.id, v.arn, v.name,
	v.created_at, v.is_default, v.tags, v.details,
	fs.started_at AS first_seen, lc.started_at AS last_changed, v.vid
FROM resource_versions AS v
JOIN scans AS fs ON fs.id = v.first_seen_scan
JOIN scans AS lc ON lc.id = v.first_scan
WHERE v.end_scan IS NULL;

CREATE VIEW relationships AS
SELECT r.from_account_id, r.from_region, r.from_service, r.from_type, r.from_id,
	r.kind,
	r.to_account_id, r.to_region, r.to_service, r.to_type, r.to_id,
	fs.started_at AS first_seen, r.rid
FROM relationship_versions AS r
JOIN scans AS fs ON fs.id = r.first_scan
WHERE r.end_scan IS NULL;

CREATE VIEW coverage AS
SELECT scan_id, account_id, region, service, type, outcome,
	operation, error_code, error_message, items
FROM collections;
`

// migrate brings the schema to schemaVersion. It runs the missing
// migrations inside one IMMEDIATE transaction and re-reads the version
// there, so two processes opening a new file at once apply them once.
func migrate(conn *sqlite3.Conn) error {
	version, err := userVersion(conn)
	if err != nil || version == schemaVersion {
		return err
	}
	if version > schemaVersion {
		return newerSchemaError(version)
	}
	return inImmediate(conn, busyTimeout, func() error {
		version, err := userVersion(conn)
		switch {
		case err != nil:
			return err
		case version > schemaVersion:
			return newerSchemaError(version)
		}
		for i := version; i < schemaVersion; i++ {
			if err := conn.Exec(migrations[i]); err != nil {
				return fmt.Errorf("migration %d: %w", i+1, err)
			}
		}
		return conn.Exec(fmt.Sprintf(`PRAGMA user_version=%d`, schemaVersion))
	})
}

func userVersion(conn *sqlite3.Conn) (int64, error) {
	v, err := queryInt64(conn, `PRAGMA user_version`)
	if err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

func newerSchemaError(version int64) error {
	return fmt.Errorf("inventory schema %d is newer than this awsmap supports (%d): upgrade awsmap",
		version, schemaVersion)
}

// schemaV2 stores the ledger and the coverage like the history: as validity
// intervals, so a scan whose collections and calls ended as in the previous
// scan writes nothing for them (they were most of a re-scan's growth). The
// collections, api_calls and coverage views keep their columns for scans
// that recorded a ledger (scans.ledger); per-operation durations become
// per-service totals in scan_timings. Rows of earlier scans are valid for
// their own scan only.
const schemaV2 = `
CREATE TABLE collection_versions (
	account_id    TEXT NOT NULL,
	region        TEXT NOT NULL,
	service       TEXT NOT NULL,
	type          TEXT NOT NULL,
	outcome       TEXT NOT NULL CHECK (outcome IN
		('ok', 'partial', 'denied', 'throttled', 'unsupported', 'not_found', 'error', 'skipped')),
	operation     TEXT,
	error_code    TEXT,
	error_message TEXT,
	items         INTEGER NOT NULL DEFAULT 0,
	first_scan    INTEGER NOT NULL,
	end_scan      INTEGER
) STRICT;
CREATE UNIQUE INDEX collection_versions_current
	ON collection_versions (service, type, account_id, region) WHERE end_scan IS NULL;
CREATE INDEX collection_versions_scans ON collection_versions (first_scan, end_scan);
-- Audits ask for the collections of one type in one account across scans.
CREATE INDEX collection_versions_type ON collection_versions (service, type, account_id, first_scan);

CREATE TABLE call_versions (
	account_id    TEXT NOT NULL,
	region        TEXT NOT NULL,
	service       TEXT NOT NULL,
	operation     TEXT NOT NULL,
	calls         INTEGER NOT NULL DEFAULT 0,
	pages         INTEGER NOT NULL DEFAULT 0,
	items         INTEGER NOT NULL DEFAULT 0,
	retries       INTEGER NOT NULL DEFAULT 0,
	throttles     INTEGER NOT NULL DEFAULT 0,
	errors        INTEGER NOT NULL DEFAULT 0,
	outcome       TEXT NOT NULL CHECK (outcome IN
		('ok', 'partial', 'denied', 'throttled', 'unsupported', 'not_found', 'error', 'skipped')),
	error_code    TEXT,
	error_message TEXT,
	first_scan    INTEGER NOT NULL,
	end_scan      INTEGER
) STRICT;
CREATE UNIQUE INDEX call_versions_current
	ON call_versions (service, operation, account_id, region) WHERE end_scan IS NULL;
CREATE INDEX call_versions_scans ON call_versions (first_scan, end_scan);

CREATE TABLE scan_timings (
	scan_id        INTEGER NOT NULL,
	service        TEXT NOT NULL,
	collections_ms INTEGER NOT NULL DEFAULT 0,
	calls_ms       INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (scan_id, service)
) STRICT, WITHOUT ROWID;

ALTER TABLE scans ADD COLUMN ledger INTEGER NOT NULL DEFAULT 0;

INSERT INTO collection_versions SELECT account_id, region, service, type, outcome, operation,
	error_code, error_message, items, scan_id, scan_id + 1 FROM collections;
INSERT INTO call_versions SELECT account_id, region, service, operation, calls, pages, items,
	retries, throttles, errors, outcome, error_code, error_message, scan_id, scan_id + 1 FROM api_calls;
INSERT INTO scan_timings SELECT scan_id, service, sum(c), sum(a) FROM (
	SELECT scan_id, service, duration_ms AS c, 0 AS a FROM collections
	UNION ALL SELECT scan_id, service, 0, duration_ms FROM api_calls) GROUP BY 1, 2;
UPDATE scans SET ledger = 1 WHERE id IN (SELECT scan_id FROM collections UNION SELECT scan_id FROM api_calls);

DROP VIEW coverage;
DROP TABLE collections;
DROP TABLE api_calls;

CREATE VIEW collections AS
SELECT s.id AS scan_id, c.account_id, c.region, c.service, c.type, c.outcome,
	c.operation, c.error_code, c.error_message, c.items
FROM scans AS s
JOIN collection_versions AS c ON c.first_scan <= s.id AND (c.end_scan IS NULL OR c.end_scan > s.id)
WHERE s.ledger = 1;

CREATE VIEW api_calls AS
SELECT s.id AS scan_id, c.account_id, c.region, c.service, c.operation, c.calls, c.pages,
	c.items, c.retries, c.throttles, c.errors, c.outcome, c.error_code, c.error_message
FROM scans AS s
JOIN call_versions AS c ON c.first_scan <= s.id AND (c.end_scan IS NULL OR c.end_scan > s.id)
WHERE s.ledger = 1;

CREATE VIEW coverage AS
SELECT scan_id, account_id, region, service, type, outcome,
	operation, error_code, error_message, items
FROM collections;
`

// schemaV3 cuts the indexes every new edge pays for, the largest cost of a
// first scan's merge: three indexes of four to eleven text columns become
// two small ones (a first 100k-edge merge takes about 30% less CPU). Current
// edges are keyed by ekey, the edge's 64-bit hash (edgeHash, computed in
// Go); the merge compares the columns of the rows whose ekey matches, so a
// collision costs time, never correctness. The per-collection index goes:
// the merge retires edges by a pass over the current ones (schema 4 makes
// that a range per collection of the ekey index). What points at a
// resource is found by to_id alone: the other columns of the target rarely
// narrow it further.
const schemaV3 = `
ALTER TABLE relationship_versions ADD COLUMN ekey INTEGER NOT NULL DEFAULT 0;
UPDATE relationship_versions SET ekey = awsmap_edge_key(
	from_account_id, from_region, from_service, from_type, from_id, kind,
	to_account_id, to_region, to_service, to_type, to_id);
DROP INDEX relationship_versions_current;
CREATE INDEX relationship_versions_current ON relationship_versions (ekey) WHERE end_scan IS NULL;
DROP INDEX relationship_versions_collection;
DROP INDEX relationship_versions_to;
CREATE INDEX relationship_versions_to ON relationship_versions (to_id) WHERE end_scan IS NULL;
`

// schemaV4 recomputes every ekey: edgeHash now puts the from side's
// collection in the high bits, so that the merge retires the edges of the
// collections a scan covered through one index range each instead of a
// pass over every current edge. It also indexes current edges by from_id
// ("what does this resource point at"), which schema 3 left to a full
// pass: 3% more file and a few percent more merge time at 100k edges. The
// current-state views, for other SQLite clients, read scan times through
// primary-key subqueries like awsmap's own (store.scanTime).
const schemaV4 = `
CREATE INDEX relationship_versions_from ON relationship_versions (from_id) WHERE end_scan IS NULL;
UPDATE relationship_versions SET ekey = awsmap_edge_key(
	from_account_id, from_region, from_service, from_type, from_id, kind,
	to_account_id, to_region, to_service, to_type, to_id);

DROP VIEW resources;
CREATE VIEW resources AS
SELECT v.account_id, v.region, v.service, v.type, v.id, v.arn, v.name,
	v.created_at, v.is_default, v.tags, v.details,
	(SELECT started_at FROM scans WHERE id = v.first_seen_scan) AS first_seen,
	(SELECT started_at FROM scans WHERE id = v.first_scan) AS last_changed, v.vid
FROM resource_versions AS v
WHERE v.end_scan IS NULL;

DROP VIEW relationships;
CREATE VIEW relationships AS
SELECT r.from_account_id, r.from_region, r.from_service, r.from_type, r.from_id,
	r.kind,
	r.to_account_id, r.to_region, r.to_service, r.to_type, r.to_id,
	(SELECT started_at FROM scans WHERE id = r.first_scan) AS first_seen, r.rid
FROM relationship_versions AS r
WHERE r.end_scan IS NULL;
`

// schemaV5 gives every scan one scan_accounts row per account it covered
// (see docs/org-setup.md): an organization scan is one scans row whose
// account_id is NULL, with its accounts, their names, OU paths and outcomes
// (ok, partial, denied, not_scanned, aborted) in scan_accounts. A
// single-account scan keeps its account in scans.account_id as before.
// Earlier scans are split into rows here: the demo used to store its
// accounts comma-joined in scans.account_id, which becomes NULL. Their
// per-account resource counts are unknown (NULL) when several accounts
// shared one scan; a partial scan's account is partial when one of its
// collections in that scan failed.
const schemaV5 = `
CREATE TABLE scan_accounts (
	scan_id       INTEGER NOT NULL,
	account_id    TEXT NOT NULL,
	account_name  TEXT,
	account_alias TEXT,
	ou_path       TEXT, -- OU ids from the root: r-ab12/ou-ab12-11111111
	ou_names      TEXT, -- the same path by name: Root/Workloads
	profile       TEXT,
	role_arn      TEXT,
	status        TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'denied', 'not_scanned', 'aborted')),
	error_code    TEXT,
	error_message TEXT,
	resources     INTEGER,
	PRIMARY KEY (scan_id, account_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX scan_accounts_account ON scan_accounts (account_id, scan_id);

INSERT OR IGNORE INTO scan_accounts (scan_id, account_id, account_alias, profile, status, resources)
WITH RECURSIVE parts (scan_id, one, rest) AS (
	SELECT id, '', account_id || ',' FROM scans
	WHERE coalesce(account_id, '') <> '' AND status <> 'running'
	UNION ALL
	SELECT scan_id, trim(substr(rest, 1, instr(rest, ',') - 1)), substr(rest, instr(rest, ',') + 1)
	FROM parts WHERE rest <> '')
SELECT s.id, p.one,
	CASE WHEN instr(s.account_id, ',') = 0 THEN s.account_alias END,
	s.profile,
	CASE
		WHEN s.status = 'aborted' THEN 'aborted'
		WHEN s.status = 'partial' AND EXISTS (SELECT 1 FROM collections c
			WHERE c.scan_id = s.id AND c.account_id = p.one
			AND c.outcome IN ('partial', 'denied', 'throttled', 'error', 'skipped')) THEN 'partial'
		ELSE 'ok'
	END,
	CASE WHEN instr(s.account_id, ',') = 0 THEN s.resource_count END
FROM parts AS p JOIN scans AS s ON s.id = p.scan_id
WHERE p.one <> '';
UPDATE scans SET account_id = NULL, account_alias = NULL WHERE instr(account_id, ',') > 0;
`

// registerEdgeKey makes edgeHash available to migrations and to
// resolveGuesses as the SQL function awsmap_edge_key(from account, region,
// service, type, id, kind, to account, region, service, type, id).
func registerEdgeKey(conn *sqlite3.Conn) error {
	err := conn.CreateFunction("awsmap_edge_key", 11, sqlite3.DETERMINISTIC|sqlite3.INNOCUOUS,
		func(ctx sqlite3.Context, arg ...sqlite3.Value) {
			key := func(i int) model.Key {
				return model.Key{Account: arg[i].Text(), Region: arg[i+1].Text(), Service: arg[i+2].Text(),
					Type: arg[i+3].Text(), ID: arg[i+4].Text()}
			}
			ctx.ResultInt64(edgeHash(model.Relationship{From: key(0), Kind: arg[5].Text(), To: key(6)}))
		})
	if err != nil {
		return fmt.Errorf("register awsmap_edge_key: %w", err)
	}
	return nil
}
