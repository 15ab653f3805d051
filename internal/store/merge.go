package store

import (
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
	latest, err := queryInt64(conn, `SELECT max(id) FROM scans WHERE status IN ('complete', 'partial')`)
	if err != nil {
		return 0, fmt.Errorf("latest merged scan: %w", err)
	}
	if latest < id {
		return id, nil
	}
	err = exec(conn, `INSERT INTO scans (started_at, status, account_id, account_alias, profile,
			regions, services, tool_version, options, pid, host)
		SELECT started_at, status, account_id, account_alias, profile,
			regions, services, tool_version, options, pid, host
		FROM scans WHERE id = ?`, id)
	if err != nil {
		return 0, fmt.Errorf("renumber scan: %w", err)
	}
	newID := conn.LastInsertRowID()
	if err := exec(conn, `DELETE FROM scans WHERE id = ?`, id); err != nil {
		return 0, fmt.Errorf("renumber scan: %w", err)
	}
	return newID, nil
}

// writeLedger inserts the scan's collections and API calls.
func writeLedger(conn *sqlite3.Conn, scan int64, res ScanResult) error {
	for _, c := range res.Collections {
		err := exec(conn, `INSERT INTO collections (scan_id, account_id, region, service, type,
				outcome, operation, error_code, error_message, items, duration_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			scan, c.AccountID, c.Region, c.Service, c.Type, c.Outcome, nullable(c.Operation),
			nullable(c.ErrorCode), nullable(c.ErrorMessage), c.Items, c.Duration.Milliseconds())
		if err != nil {
			return fmt.Errorf("collection %s/%s/%s/%s: %w", c.AccountID, c.Region, c.Service, c.Type, err)
		}
	}
	for _, a := range res.Calls {
		err := exec(conn, `INSERT INTO api_calls (scan_id, account_id, region, service, operation,
				calls, pages, items, retries, throttles, errors, outcome, error_code, error_message, duration_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			scan, a.AccountID, a.Region, a.Service, a.Operation, a.Calls, a.Pages, a.Items,
			a.Retries, a.Throttles, a.Errors, a.Outcome, nullable(a.ErrorCode),
			nullable(a.ErrorMessage), a.Duration.Milliseconds())
		if err != nil {
			return fmt.Errorf("api call %s/%s/%s %s: %w", a.AccountID, a.Region, a.Service, a.Operation, err)
		}
	}
	return nil
}

// closeScan sets the final status and counts of a scan. The counts come from
// what was written: staged resources, ledger calls, and failed collections
// (partial, denied, throttled or error).
func closeScan(conn *sqlite3.Conn, scan int64, status string, d time.Duration) error {
	err := exec(conn, `UPDATE scans SET status = ?1, finished_at = ?2,
			resource_count = (SELECT count(*) FROM temp.staged_resources),
			api_calls = (SELECT coalesce(sum(calls), 0) FROM api_calls WHERE scan_id = ?3),
			failures = (SELECT count(*) FROM collections WHERE scan_id = ?3
				AND outcome IN ('partial', 'denied', 'throttled', 'error')),
			duration_seconds = ?4
		WHERE id = ?3`, status, formatTime(time.Now()), scan, d.Seconds())
	if err != nil {
		return fmt.Errorf("record scan status: %w", err)
	}
	return nil
}

// vouched selects the current versions whose (account, region, service,
// type) was collected by scan ?1 with outcome ok or partial (a collection in
// region "*" vouches for every region). Only those may be retired.
const vouchedResources = `
	SELECT v.vid FROM main.collections AS c
	CROSS JOIN main.resource_versions AS v
		ON v.end_scan IS NULL AND v.service = c.service AND v.type = c.type
		AND v.account_id = c.account_id AND (c.region = '*' OR v.region = c.region)
	WHERE c.scan_id = ?1 AND c.outcome IN ('ok', 'partial')
	AND NOT EXISTS (SELECT 1 FROM temp.staged_resources AS s
		WHERE s.service = v.service AND s.type = v.type AND s.account_id = v.account_id
		AND s.region = v.region AND s.id = v.id)`

const vouchedRelationships = `
	SELECT r.rid FROM main.collections AS c
	CROSS JOIN main.relationship_versions AS r
		ON r.end_scan IS NULL AND r.from_service = c.service AND r.from_type = c.type
		AND r.from_account_id = c.account_id AND (c.region = '*' OR r.from_region = c.region)
	WHERE c.scan_id = ?1 AND c.outcome IN ('ok', 'partial')
	AND NOT EXISTS (SELECT 1 FROM temp.staged_relationships AS s
		WHERE s.from_service = r.from_service AND s.from_type = r.from_type
		AND s.from_account_id = r.from_account_id AND s.from_region = r.from_region
		AND s.from_id = r.from_id AND s.kind = r.kind
		AND s.to_account_id = r.to_account_id AND s.to_region = r.to_region
		AND s.to_service = r.to_service AND s.to_type = r.to_type AND s.to_id = r.to_id)`

// mergeSteps merge the staging tables of scan ?1 into the history:
//
//  1. plan: the staged resources that are new or whose hash changed, with
//     the current version they replace (unchanged ones cost no write at all);
//  2. retire the current versions missing from a vouched collection;
//  3. close the versions replaced by a changed one;
//  4. open the new versions, carrying first_seen_scan over;
//  5. retire the missing edges of vouched collections (keyed on the from
//     side) and open the new ones.
var mergeSteps = []struct{ name, sql string }{
	{"plan", `CREATE TEMP TABLE merge_plan (
			srow INTEGER PRIMARY KEY, old_vid INTEGER, first_seen INTEGER)`},
	{"plan", `INSERT INTO temp.merge_plan (srow, old_vid, first_seen)
		SELECT s.rowid, v.vid, v.first_seen_scan
		FROM temp.staged_resources AS s
		LEFT JOIN main.resource_versions AS v
			ON v.end_scan IS NULL AND v.service = s.service AND v.type = s.type
			AND v.account_id = s.account_id AND v.region = s.region AND v.id = s.id
		WHERE v.vid IS NULL OR v.hash <> s.hash`},
	{"retire resources", `UPDATE main.resource_versions SET end_scan = ?1
		WHERE vid IN (` + vouchedResources + `)`},
	{"close changed resources", `UPDATE main.resource_versions SET end_scan = ?1
		WHERE vid IN (SELECT old_vid FROM temp.merge_plan WHERE old_vid IS NOT NULL)`},
	{"open resource versions", `INSERT INTO main.resource_versions (account_id, region, service, type, id,
			arn, name, created_at, is_default, tags, details, hash, first_seen_scan, first_scan)
		SELECT s.account_id, s.region, s.service, s.type, s.id, s.arn, s.name, s.created_at,
			s.is_default, s.tags, s.details, s.hash, coalesce(p.first_seen, ?1), ?1
		FROM temp.merge_plan AS p
		CROSS JOIN temp.staged_resources AS s ON s.rowid = p.srow`},
	{"plan", `DROP TABLE temp.merge_plan`},
	{"retire relationships", `UPDATE main.relationship_versions SET end_scan = ?1
		WHERE rid IN (` + vouchedRelationships + `)`},
	{"open relationships", `INSERT INTO main.relationship_versions (
			from_account_id, from_region, from_service, from_type, from_id, kind,
			to_account_id, to_region, to_service, to_type, to_id, first_scan)
		SELECT s.from_account_id, s.from_region, s.from_service, s.from_type, s.from_id, s.kind,
			s.to_account_id, s.to_region, s.to_service, s.to_type, s.to_id, ?1
		FROM temp.staged_relationships AS s
		WHERE NOT EXISTS (SELECT 1 FROM main.relationship_versions AS r
			WHERE r.end_scan IS NULL
			AND r.from_service = s.from_service AND r.from_type = s.from_type
			AND r.from_account_id = s.from_account_id AND r.from_region = s.from_region
			AND r.from_id = s.from_id AND r.kind = s.kind
			AND r.to_account_id = s.to_account_id AND r.to_region = s.to_region
			AND r.to_service = s.to_service AND r.to_type = s.to_type AND r.to_id = s.to_id)`},
}

// merge applies mergeSteps for scan, inside the caller's transaction.
func merge(conn *sqlite3.Conn, scan int64) error {
	for _, step := range mergeSteps {
		if err := mergeStep(conn, step.sql, scan); err != nil {
			return fmt.Errorf("merge (%s): %w", step.name, err)
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
