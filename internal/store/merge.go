package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// claimLatestID returns the id under which scan id may merge: id itself,
// unless a scan with a higher id has merged already (two processes scanning
// at once), in which case the scans row is moved to a fresh id. Merging in
// id order keeps every validity interval [first_scan, end_scan) well formed.
// It runs inside the merge transaction.
func claimLatestID(conn *sqlite3.Conn, id int64) (int64, error) {
	latest, err := queryInt64(conn, `SELECT max(id) FROM scans WHERE ledger = 1`)
	if err != nil {
		return 0, fmt.Errorf("latest merged scan: %w", err)
	}
	if latest < id {
		return id, nil
	}
	err = execSQL(conn, `INSERT INTO scans (started_at, status, account_id, account_alias, profile,
			regions, services, tool_version, options, pid, host)
		SELECT started_at, status, account_id, account_alias, profile,
			regions, services, tool_version, options, pid, host
		FROM scans WHERE id = ?`, id)
	if err != nil {
		return 0, fmt.Errorf("renumber scan: %w", err)
	}
	newID := conn.LastInsertRowID()
	if err := execSQL(conn, `DELETE FROM scans WHERE id = ?`, id); err != nil {
		return 0, fmt.Errorf("renumber scan: %w", err)
	}
	return newID, nil
}

// writeLedger records the scan's collections and API calls. They are kept
// as validity intervals: staged in TEMP tables, they close the current rows
// they differ from (or that this scan did not repeat) and open rows for
// what is new or changed; an unchanged row writes nothing. The merge's
// retirement rule reads temp.scan_collections. Scans write ledgers in id
// order (claimLatestID), so intervals stay well formed.
func writeLedger(conn *sqlite3.Conn, scan int64, res ScanResult) error {
	if err := conn.Exec(ledgerTemp); err != nil {
		return fmt.Errorf("stage ledger: %w", err)
	}
	i, err := execRows(conn, `INSERT INTO temp.scan_collections (account_id, region, service, type,
			outcome, operation, error_code, error_message, items, ekey_low, ekey_high)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, res.Collections, func(c Collection) []any {
		low, high := edgeRange(c.AccountID, c.Service, c.Type, c.Region)
		return []any{c.AccountID, c.Region, c.Service, c.Type, c.Outcome, nullable(c.Operation),
			nullable(c.ErrorCode), nullable(c.ErrorMessage), c.Items, low, high}
	})
	if err != nil {
		c := res.Collections[i]
		return fmt.Errorf("collection %s/%s/%s/%s: %w", c.AccountID, c.Region, c.Service, c.Type, err)
	}
	i, err = execRows(conn, `INSERT INTO temp.scan_calls (account_id, region, service, operation,
			calls, pages, items, retries, throttles, errors, outcome, error_code, error_message)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, res.Calls, func(a APICall) []any {
		return []any{a.AccountID, a.Region, a.Service, a.Operation, a.Calls, a.Pages, a.Items,
			a.Retries, a.Throttles, a.Errors, a.Outcome, nullable(a.ErrorCode), nullable(a.ErrorMessage)}
	})
	if err != nil {
		a := res.Calls[i]
		return fmt.Errorf("api call %s/%s/%s %s: %w", a.AccountID, a.Region, a.Service, a.Operation, err)
	}
	timings := map[string][2]int64{}
	for _, c := range res.Collections {
		t := timings[c.Service]
		t[0] += c.Duration.Milliseconds()
		timings[c.Service] = t
	}
	for _, a := range res.Calls {
		t := timings[a.Service]
		t[1] += a.Duration.Milliseconds()
		timings[a.Service] = t
	}
	for _, step := range ledgerSteps {
		if err := mergeStep(conn, step, scan); err != nil {
			return fmt.Errorf("ledger: %w", err)
		}
	}
	for svc, t := range timings {
		err := execSQL(conn, `INSERT INTO scan_timings (scan_id, service, collections_ms, calls_ms) VALUES (?, ?, ?, ?)`,
			scan, svc, t[0], t[1])
		if err != nil {
			return fmt.Errorf("timings of %s: %w", svc, err)
		}
	}
	return execSQL(conn, `UPDATE scans SET ledger = 1 WHERE id = ?`, scan)
}

const ledgerTemp = `
CREATE TEMP TABLE IF NOT EXISTS scan_collections (
	account_id TEXT NOT NULL, region TEXT NOT NULL, service TEXT NOT NULL, type TEXT NOT NULL,
	outcome TEXT NOT NULL, operation TEXT, error_code TEXT, error_message TEXT, items INTEGER NOT NULL,
	ekey_low INTEGER NOT NULL, ekey_high INTEGER NOT NULL,
	PRIMARY KEY (service, type, account_id, region));
CREATE TEMP TABLE IF NOT EXISTS scan_calls (
	account_id TEXT NOT NULL, region TEXT NOT NULL, service TEXT NOT NULL, operation TEXT NOT NULL,
	calls INTEGER NOT NULL, pages INTEGER NOT NULL, items INTEGER NOT NULL, retries INTEGER NOT NULL,
	throttles INTEGER NOT NULL, errors INTEGER NOT NULL, outcome TEXT NOT NULL, error_code TEXT, error_message TEXT,
	PRIMARY KEY (service, operation, account_id, region));
DELETE FROM temp.scan_collections;
DELETE FROM temp.scan_calls;`

// ledgerSteps close the ledger rows this scan did not repeat exactly, then
// open rows for everything not current any more (new or changed).
var ledgerSteps = []string{
	`UPDATE main.collection_versions AS v SET end_scan = ?1 WHERE v.end_scan IS NULL AND NOT EXISTS (
		SELECT 1 FROM temp.scan_collections AS n WHERE n.service = v.service AND n.type = v.type
			AND n.account_id = v.account_id AND n.region = v.region AND n.outcome = v.outcome
			AND n.operation IS v.operation AND n.error_code IS v.error_code
			AND n.error_message IS v.error_message AND n.items = v.items)`,
	`INSERT INTO main.collection_versions (account_id, region, service, type, outcome, operation,
			error_code, error_message, items, first_scan)
		SELECT n.account_id, n.region, n.service, n.type, n.outcome, n.operation,
			n.error_code, n.error_message, n.items, ?1
		FROM temp.scan_collections AS n WHERE NOT EXISTS (
			SELECT 1 FROM main.collection_versions AS v WHERE v.end_scan IS NULL
				AND v.service = n.service AND v.type = n.type AND v.account_id = n.account_id AND v.region = n.region)`,
	`UPDATE main.call_versions AS v SET end_scan = ?1 WHERE v.end_scan IS NULL AND NOT EXISTS (
		SELECT 1 FROM temp.scan_calls AS n WHERE n.service = v.service AND n.operation = v.operation
			AND n.account_id = v.account_id AND n.region = v.region AND n.calls = v.calls
			AND n.pages = v.pages AND n.items = v.items AND n.retries = v.retries
			AND n.throttles = v.throttles AND n.errors = v.errors AND n.outcome = v.outcome
			AND n.error_code IS v.error_code AND n.error_message IS v.error_message)`,
	`INSERT INTO main.call_versions (account_id, region, service, operation, calls, pages, items,
			retries, throttles, errors, outcome, error_code, error_message, first_scan)
		SELECT n.account_id, n.region, n.service, n.operation, n.calls, n.pages, n.items,
			n.retries, n.throttles, n.errors, n.outcome, n.error_code, n.error_message, ?1
		FROM temp.scan_calls AS n WHERE NOT EXISTS (
			SELECT 1 FROM main.call_versions AS v WHERE v.end_scan IS NULL
				AND v.service = n.service AND v.operation = n.operation
				AND v.account_id = n.account_id AND v.region = n.region)`,
}

// closeScan sets the final status and counts of a scan: the resources seen,
// and from the ledger the API calls and the failed collections (partial,
// denied, throttled or error).
func closeScan(conn *sqlite3.Conn, scan int64, status string, resources int64, d time.Duration) error {
	err := execSQL(conn, `UPDATE scans SET status = ?1, finished_at = ?2,
			resource_count = ?5,
			api_calls = (SELECT coalesce(sum(calls), 0) FROM temp.scan_calls),
			failures = (SELECT count(*) FROM temp.scan_collections
				WHERE outcome IN ('partial', 'denied', 'throttled', 'error')),
			duration_seconds = ?4
		WHERE id = ?3`, status, formatTime(time.Now()), scan, d.Seconds(), resources)
	if err != nil {
		return fmt.Errorf("record scan status: %w", err)
	}
	return nil
}

// sameKey and sameEdge compare the key columns of two rows (format with the
// two table aliases). The merge looks resources up through the unique index
// on these columns and edges by their ekey (schemaV3); the duplicate search
// finds candidates by hash; these make the matches exact.
const (
	sameKey = `%[1]s.id = %[2]s.id AND %[1]s.region = %[2]s.region AND %[1]s.type = %[2]s.type
		AND %[1]s.service = %[2]s.service AND %[1]s.account_id = %[2]s.account_id`
	sameEdge = `%[1]s.from_id = %[2]s.from_id AND %[1]s.to_id = %[2]s.to_id AND %[1]s.kind = %[2]s.kind
		AND %[1]s.from_region = %[2]s.from_region AND %[1]s.from_type = %[2]s.from_type
		AND %[1]s.from_service = %[2]s.from_service AND %[1]s.from_account_id = %[2]s.from_account_id
		AND %[1]s.to_region = %[2]s.to_region AND %[1]s.to_type = %[2]s.to_type
		AND %[1]s.to_service = %[2]s.to_service AND %[1]s.to_account_id = %[2]s.to_account_id`
)

// dropDuplicates removes the duplicates of each staging table (the last
// resource staged for a key wins; repeated edges collapse). The rows whose
// key hash repeats (listed in temp.repeated_keys) are copied aside and
// compared there, so the cost follows the repeats, not the table. It
// touches only TEMP tables, so it runs before the merge takes the write
// lock, and may run again if Finish is retried.
var dropDuplicates = map[string]string{
	"staged_resources":     dropDuplicatesSQL("staged_resources", "khash", sameKey),
	"staged_relationships": dropDuplicatesSQL("staged_relationships", "ekey", sameEdge),
}

// dropDuplicatesSQL is the dropDuplicates statement of a staging table,
// given its key hash column and its key comparison (sameKey or sameEdge).
func dropDuplicatesSQL(table, hash, same string) string {
	return fmt.Sprintf(`WITH r AS MATERIALIZED (SELECT rowid AS rid, * FROM temp.%[1]s
			WHERE %[2]s IN (SELECT h FROM temp.repeated_keys))
		DELETE FROM temp.%[1]s WHERE rowid IN (
			SELECT s.rid FROM r AS s JOIN r AS t ON t.%[2]s = s.%[2]s AND t.rid > s.rid AND %[3]s)`,
		table, hash, fmt.Sprintf(same, "t", "s"))
}

// mergeResources and mergeRelationships merge the staging tables of scan ?1
// into the history, inside the write transaction:
//
//  1. plan: each staged resource with the current version of its key, if
//     any, and whether it changed (unchanged ones then cost no write);
//  2. retire the current versions of vouched collections that no staged
//     resource matched: only a collection of the version's (account,
//     service, type) in its region, or in region "*", with outcome ok or
//     partial in this scan, vouches for it;
//  3. close the versions replaced by changed resources;
//  4. open versions for new and changed resources, carrying first_seen_scan;
//  5. the same for edges (keyed on the from side's collection), which are
//     either current or new: an edge has no content to change. An edge's
//     ekey starts with bits of its from side's collection (edgeHash), so
//     the edges a collection vouches for are one range of the ekey index
//     (scan_collections.ekey_low and ekey_high): a rescan of one service
//     reads that service's edges only, without a second index per
//     collection for every insert to keep up.
//
// Without current versions (a first scan) there is nothing to match, close
// or retire: every staged row opens a version (openAll).
var mergeResources = []step{
	{"plan", `CREATE TEMP TABLE merge_plan (
		srow INTEGER PRIMARY KEY, old_vid INTEGER, first_seen INTEGER, changed INTEGER NOT NULL)`},
	{"plan", `INSERT INTO temp.merge_plan (srow, old_vid, first_seen, changed)
		SELECT s.rowid, v.vid, v.first_seen_scan, v.vid IS NULL OR v.hash <> s.hash
		FROM temp.staged_resources AS s
		LEFT JOIN main.resource_versions AS v
			ON v.end_scan IS NULL AND ` + fmt.Sprintf(sameKey, "v", "s")},
	{"plan", `CREATE INDEX temp.merge_plan_old ON merge_plan (old_vid)`},
	// Region "*" has its own branch: an OR in the join would make SQLite
	// read every region of a type for each collection.
	{"retire resources", `UPDATE main.resource_versions SET end_scan = ?1 WHERE vid IN (` +
		fmt.Sprintf(unplannedResources, "AND v.region = c.region", "c.region <> '*'") + " UNION ALL " +
		fmt.Sprintf(unplannedResources, "", "c.region = '*'") + ")"},
	{"close changed resources", `UPDATE main.resource_versions SET end_scan = ?1 WHERE vid IN (
		SELECT old_vid FROM temp.merge_plan WHERE changed AND old_vid IS NOT NULL)`},
	{"open resource versions", `INSERT INTO main.resource_versions (account_id, region, service, type, id,
			arn, name, created_at, is_default, tags, details, hash, first_seen_scan, first_scan)
		SELECT s.account_id, s.region, s.service, s.type, s.id, s.arn, s.name, s.created_at,
			s.is_default, s.tags, s.details, s.hash, coalesce(p.first_seen, ?1), ?1
		FROM temp.merge_plan AS p
		CROSS JOIN temp.staged_resources AS s ON s.rowid = p.srow
		WHERE p.changed`},
	{"plan", `DROP TABLE temp.merge_plan`},
}

// unplannedResources selects the current versions that a collection
// vouching in this scan covers and no staged resource matched: %[1]s adds
// to the join with the collection, %[2]s selects the collections.
const unplannedResources = `
		SELECT v.vid FROM temp.scan_collections AS c
		CROSS JOIN main.resource_versions AS v
			ON v.end_scan IS NULL AND v.service = c.service AND v.type = c.type
			AND v.account_id = c.account_id %[1]s
		WHERE c.outcome IN ('ok', 'partial') AND %[2]s
			AND NOT EXISTS (SELECT 1 FROM temp.merge_plan AS p WHERE p.old_vid = v.vid)`

var mergeRelationships = []step{
	{"plan relationships", `CREATE TEMP TABLE edge_plan (srow INTEGER PRIMARY KEY, old_rid INTEGER)`},
	{"plan relationships", `INSERT INTO temp.edge_plan (srow, old_rid)
		SELECT s.rowid, r.rid
		FROM temp.staged_relationships AS s
		LEFT JOIN main.relationship_versions AS r
			ON r.end_scan IS NULL AND r.ekey = s.ekey AND ` + fmt.Sprintf(sameEdge, "r", "s")},
	{"plan relationships", `CREATE INDEX temp.edge_plan_old ON edge_plan (old_rid)`},
	// Unmatched edges in a vouching collection's ekey range are found in the
	// index alone; the columns, read for those only, rule out collisions.
	{"retire relationships", `WITH unmatched AS MATERIALIZED (
			SELECT r.rid, c.service, c.type, c.account_id, c.region FROM temp.scan_collections AS c
			CROSS JOIN main.relationship_versions AS r INDEXED BY relationship_versions_current
				ON r.end_scan IS NULL AND r.ekey BETWEEN c.ekey_low AND c.ekey_high
			WHERE c.outcome IN ('ok', 'partial')
				AND NOT EXISTS (SELECT 1 FROM temp.edge_plan AS p WHERE p.old_rid = r.rid))
		UPDATE main.relationship_versions AS r SET end_scan = ?1 FROM unmatched AS u
		WHERE r.rid = u.rid AND r.from_service = u.service AND r.from_type = u.type
			AND r.from_account_id = u.account_id AND u.region IN ('*', r.from_region)`},
	{"open relationships", `INSERT INTO main.relationship_versions (
			from_account_id, from_region, from_service, from_type, from_id, kind,
			to_account_id, to_region, to_service, to_type, to_id, ekey, first_scan)
		SELECT s.from_account_id, s.from_region, s.from_service, s.from_type, s.from_id, s.kind,
			s.to_account_id, s.to_region, s.to_service, s.to_type, s.to_id, s.ekey, ?1
		FROM temp.edge_plan AS p
		CROSS JOIN temp.staged_relationships AS s ON s.rowid = p.srow
		WHERE p.old_rid IS NULL`},
	{"plan relationships", `DROP TABLE temp.edge_plan`},
}

// step is one statement of a merge.
type step struct{ name, sql string }

// tableMerges are the merges of the two history tables, each with the
// statement that replaces it when the table has no current version.
var tableMerges = []struct {
	table   string
	steps   []step
	openAll string
}{
	{"resource_versions", mergeResources, `INSERT INTO main.resource_versions (account_id, region,
			service, type, id, arn, name, created_at, is_default, tags, details, hash, first_seen_scan, first_scan)
		SELECT account_id, region, service, type, id, arn, name, created_at,
			is_default, tags, details, hash, ?1, ?1
		FROM temp.staged_resources`},
	{"relationship_versions", mergeRelationships, `INSERT INTO main.relationship_versions (
			from_account_id, from_region, from_service, from_type, from_id, kind,
			to_account_id, to_region, to_service, to_type, to_id, ekey, first_scan)
		SELECT from_account_id, from_region, from_service, from_type, from_id, kind,
			to_account_id, to_region, to_service, to_type, to_id, ekey, ?1
		FROM temp.staged_relationships`},
}

// resolveGuesses gives the staged edges whose target was guessed
// (model.Relationship.ToGuessed) the account and region of the one resource
// with the target's service, type and id: staged in this scan, or else
// current in the history. Edges with no match, or more than one, keep the
// guess. A resolved edge has a new ekey, added to rel's keys so that
// prepareStaged finds it if it now repeats another edge. It reads the
// history outside the write transaction: a bucket moved by a scan merging
// meanwhile is found at its previous place.
func resolveGuesses(conn *sqlite3.Conn, rel *batchInsert) error {
	stmt, _, err := conn.Prepare(resolveGuessesSQL)
	if err != nil {
		return fmt.Errorf("resolve guessed targets: %w", err)
	}
	defer stmt.Close()
	for stmt.Step() {
		rel.keys = append(rel.keys, stmt.ColumnInt64(0))
	}
	if err := stmt.Err(); err != nil {
		return fmt.Errorf("resolve guessed targets: %w", err)
	}
	return nil
}

const resolveGuessesSQL = `WITH
	wanted AS (SELECT DISTINCT to_service AS service, to_type AS type
		FROM temp.staged_relationships WHERE guessed),
	staged AS (SELECT DISTINCT s.service, s.type, s.id, s.account_id, s.region
		FROM temp.staged_resources AS s JOIN wanted AS w ON w.service = s.service AND w.type = s.type),
	known AS (SELECT * FROM staged
		UNION ALL
		SELECT v.service, v.type, v.id, v.account_id, v.region
		FROM wanted AS w JOIN main.resource_versions AS v
			ON v.end_scan IS NULL AND v.service = w.service AND v.type = w.type
		WHERE NOT EXISTS (SELECT 1 FROM staged AS s
			WHERE s.service = v.service AND s.type = v.type AND s.id = v.id)),
	only AS (SELECT service, type, id, min(account_id) AS account_id, min(region) AS region
		FROM known GROUP BY service, type, id HAVING count(*) = 1)
UPDATE temp.staged_relationships AS e
SET to_account_id = o.account_id, to_region = o.region,
	ekey = awsmap_edge_key(e.from_account_id, e.from_region, e.from_service, e.from_type, e.from_id,
		e.kind, o.account_id, o.region, e.to_service, e.to_type, e.to_id)
FROM only AS o
WHERE e.guessed AND o.service = e.to_service AND o.type = e.to_type AND o.id = e.to_id
	AND (o.account_id <> e.to_account_id OR o.region <> e.to_region)
RETURNING ekey`

// prepareStaged drops the duplicates of the staging tables where a key
// hash was staged twice.
func prepareStaged(conn *sqlite3.Conn, batches ...*batchInsert) error {
	for _, b := range batches {
		repeats := b.repeats()
		if len(repeats) == 0 {
			continue
		}
		list, err := json.Marshal(repeats)
		if err == nil {
			err = conn.Exec(`CREATE TEMP TABLE IF NOT EXISTS repeated_keys (h INTEGER PRIMARY KEY);
				DELETE FROM temp.repeated_keys`)
		}
		if err == nil {
			err = execSQL(conn, `INSERT INTO temp.repeated_keys (h) SELECT value FROM json_each(?)`, string(list))
		}
		if err == nil {
			err = conn.Exec(dropDuplicates[b.table])
		}
		if err != nil {
			return fmt.Errorf("drop duplicates of %s: %w", b.table, err)
		}
	}
	return nil
}

// merge merges the staged scan into the history of scan, inside the
// caller's transaction.
func merge(conn *sqlite3.Conn, scan int64) error {
	for _, m := range tableMerges {
		current, err := queryInt64(conn, `SELECT EXISTS (SELECT 1 FROM main.`+m.table+` WHERE end_scan IS NULL)`)
		if err != nil {
			return fmt.Errorf("merge: %w", err)
		}
		steps := m.steps
		if current == 0 {
			steps = []step{{"open " + m.table, m.openAll}}
		}
		for _, step := range steps {
			if err := mergeStep(conn, step.sql, scan); err != nil {
				return fmt.Errorf("merge (%s): %w", step.name, err)
			}
		}
	}
	return nil
}

// mergeStep runs one statement, binding scan to ?1 when it has parameters.
func mergeStep(conn *sqlite3.Conn, sql string, scan int64) error {
	stmt, _, err := conn.Prepare(sql)
	if err != nil {
		return err
	}
	defer stmt.Close()
	if stmt.BindCount() > 0 {
		if err := stmt.BindInt64(1, scan); err != nil {
			return err
		}
	}
	return stmt.Exec()
}
