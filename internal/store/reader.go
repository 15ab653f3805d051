package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"

	"github.com/awsmap/awsmap/internal/model"
)

// Reader is a read-only view of an inventory, for user SQL, audits and
// reports. Its connection is opened with mode=ro, may attach nothing, and
// runs user statements under an authorizer that allows reads only (see
// Query). It is not safe for concurrent use.
type Reader struct {
	conn  *sqlite3.Conn
	path  string
	views []string                  // TEMP views created, in order
	typed map[string]model.TypeInfo // by view name: the types UseScan offers whose view no query has named yet
	// accounts limit UseScan's views (UseAccounts); nil: every account.
	accounts []string
	guarded  bool // the authorizer and query_only are in place
}

// ScanInfo summarises one scan for listings (--list-scans).
type ScanInfo struct {
	ID           int64
	StartedAt    string // RFC 3339 UTC
	FinishedAt   string // "" while running
	Status       string
	AccountID    string
	AccountAlias string
	Profile      string
	Regions      []string
	Services     []string
	ToolVersion  string
	Resources    int64
	APICalls     int64
	Failures     int64
	Duration     time.Duration
}

// OpenReader opens the inventory at path read-only. The file must exist.
// An inventory written by an older awsmap is migrated first (through a
// short read-write open); one written by a newer awsmap is refused.
func OpenReader(path string) (*Reader, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("inventory path %q: %w", path, err)
	}
	switch _, err := os.Stat(abs); {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("no inventory at %s: run `awsmap` (or `awsmap demo`) first", path)
	case err != nil:
		return nil, fmt.Errorf("inventory: %w", err)
	}
	if err := identify(abs); err != nil {
		return nil, err
	}
	conn, err := openCurrent(abs)
	if err != nil {
		return nil, err
	}
	r := &Reader{conn: conn, path: abs}
	conn.Limit(sqlite3.LIMIT_ATTACHED, 0)
	// Reading may create the -shm file: make it 0600 too. Someone else's
	// inventory cannot be changed, and need not be to be read.
	err = secureFiles(abs)
	if errors.Is(err, fs.ErrPermission) {
		err = nil
	}
	if err = errors.Join(err, r.guard()); err != nil {
		conn.Close()
		return nil, err
	}
	return r, nil
}

// SchemaVersions returns the schema version of the inventory at path (0 when
// there is no file) and the version this awsmap writes. Open and OpenReader
// upgrade an older inventory in place, which takes a while when it is large:
// callers can say so first.
func SchemaVersions(path string) (stored, current int64, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return 0, schemaVersion, fmt.Errorf("inventory path %q: %w", path, err)
	}
	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		return 0, schemaVersion, nil
	}
	conn, stored, err := openReadOnly(abs)
	if err != nil {
		return 0, schemaVersion, err
	}
	return stored, schemaVersion, conn.Close()
}

// openCurrent opens a read-only connection on an inventory at the current
// schema version, upgrading an older one first, and marking aborted the
// scans whose process died (kill -9), so readers never show them running.
func openCurrent(abs string) (*sqlite3.Conn, error) {
	conn, version, err := openReadOnly(abs)
	if err != nil {
		return nil, err
	}
	if version == schemaVersion {
		stale, err := staleScans(conn, time.Now())
		if err != nil {
			conn.Close()
			return nil, err
		}
		if len(stale) == 0 {
			return conn, nil
		}
	}
	conn.Close()
	switch {
	case version == 0:
		return nil, fmt.Errorf("%s is not an awsmap inventory", abs)
	case version > schemaVersion:
		return nil, fmt.Errorf("%s: %w", abs, newerSchemaError(version))
	}
	db, err := Open(abs)
	if err != nil {
		return nil, fmt.Errorf("upgrade inventory: %w", err)
	}
	if err := db.Close(); err != nil {
		return nil, fmt.Errorf("upgrade inventory: %w", err)
	}
	conn, _, err = openReadOnly(abs)
	return conn, err
}

func openReadOnly(abs string) (*sqlite3.Conn, int64, error) {
	conn, err := openConn(abs, true)
	if err != nil {
		return nil, 0, err
	}
	version, err := userVersion(conn)
	if err != nil {
		conn.Close()
		return nil, 0, fmt.Errorf("%s: %w", abs, err)
	}
	return conn, version, nil
}

// Close closes the reader.
func (r *Reader) Close() error { return r.conn.Close() }

// Path returns the absolute path of the inventory file.
func (r *Reader) Path() string { return r.path }

// Scans lists every scan, oldest first.
func (r *Reader) Scans() ([]ScanInfo, error) {
	stmt, _, err := r.conn.Prepare(`SELECT id, started_at, coalesce(finished_at, ''), status,
			coalesce(account_id, ''), coalesce(account_alias, ''), coalesce(profile, ''),
			regions, services, coalesce(tool_version, ''),
			resource_count, api_calls, failures, coalesce(duration_seconds, 0)
		FROM main.scans ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list scans: %w", err)
	}
	defer stmt.Close()
	var out []ScanInfo
	for stmt.Step() {
		s := ScanInfo{
			ID: stmt.ColumnInt64(0), StartedAt: stmt.ColumnText(1), FinishedAt: stmt.ColumnText(2),
			Status: stmt.ColumnText(3), AccountID: stmt.ColumnText(4), AccountAlias: stmt.ColumnText(5),
			Profile: stmt.ColumnText(6), ToolVersion: stmt.ColumnText(9),
			Resources: stmt.ColumnInt64(10), APICalls: stmt.ColumnInt64(11), Failures: stmt.ColumnInt64(12),
			Duration: time.Duration(stmt.ColumnFloat(13) * float64(time.Second)),
		}
		err := errors.Join(
			json.Unmarshal(stmt.ColumnRawText(7), &s.Regions),
			json.Unmarshal(stmt.ColumnRawText(8), &s.Services))
		if err != nil {
			return nil, fmt.Errorf("list scans: scan %d: %w", s.ID, err)
		}
		out = append(out, s)
	}
	if err := stmt.Err(); err != nil {
		return nil, fmt.Errorf("list scans: %w", err)
	}
	return out, nil
}

// ResolveScan turns a scan selector into a scan id: "latest", "previous"
// (the one before latest), "first", or a number. Only complete and partial
// scans count; aborted and running ones never merged anything.
func (r *Reader) ResolveScan(selector string) (int64, error) {
	ids, err := r.mergedScans()
	if err != nil {
		return 0, err
	}
	if len(ids) == 0 {
		return 0, fmt.Errorf("no complete or partial scan in %s: run `awsmap` (or `awsmap demo`) first", r.path)
	}
	return r.pickScan(selector, ids)
}

// pickScan resolves a scan selector among ids (ascending, not empty).
func (r *Reader) pickScan(selector string, ids []int64) (int64, error) {
	pick := func(i int) (int64, error) {
		if i < 0 || i >= len(ids) {
			return 0, unknownScanError(selector, ids)
		}
		return ids[i], nil
	}
	switch strings.ToLower(strings.TrimSpace(selector)) {
	case "latest":
		return pick(len(ids) - 1)
	case "previous":
		return pick(len(ids) - 2)
	case "first":
		return pick(0)
	}
	n, err := strconv.ParseInt(strings.TrimSpace(selector), 10, 64)
	if err != nil {
		return 0, unknownScanError(selector, ids)
	}
	for _, id := range ids {
		if id == n {
			return id, nil
		}
	}
	if err := r.unmergedScanError(n); err != nil {
		return 0, err
	}
	return 0, unknownScanError(selector, ids)
}

// unmergedScanError explains why scan n, which exists but was never merged
// into the history (aborted, or still running), cannot be shown; it is nil
// when there is no such scan.
func (r *Reader) unmergedScanError(n int64) error {
	stmt, _, err := r.conn.Prepare(`SELECT status, coalesce(finished_at, started_at) FROM main.scans WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("list scans: %w", err)
	}
	defer stmt.Close()
	if err := stmt.BindInt64(1, n); err != nil {
		return err
	}
	if !stmt.Step() {
		return stmt.Err()
	}
	status, at := stmt.ColumnText(0), stmt.ColumnText(1)
	if status == StatusRunning {
		return fmt.Errorf("scan %d is still running (started at %s); its data is not stored yet", n, at)
	}
	return fmt.Errorf("scan %d was %s at %s; its data was not stored", n, status, at)
}

// mergedScans returns the ids of the complete and partial scans, ascending.
func (r *Reader) mergedScans() ([]int64, error) {
	stmt, _, err := r.conn.Prepare(`SELECT id FROM main.scans
		WHERE status IN ('complete', 'partial') ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list scans: %w", err)
	}
	defer stmt.Close()
	var ids []int64
	for stmt.Step() {
		ids = append(ids, stmt.ColumnInt64(0))
	}
	if err := stmt.Err(); err != nil {
		return nil, fmt.Errorf("list scans: %w", err)
	}
	return ids, nil
}

// maxListedScans bounds the ids quoted in an unknown-scan error.
const maxListedScans = 20

func unknownScanError(selector string, ids []int64) error {
	shown := ids
	more := ""
	if len(ids) > maxListedScans {
		shown = ids[len(ids)-maxListedScans:]
		more = fmt.Sprintf(" (and %d older; see --list-scans)", len(ids)-maxListedScans)
	}
	list := make([]string, len(shown))
	for i, id := range shown {
		list[i] = strconv.FormatInt(id, 10)
	}
	return fmt.Errorf("unknown scan %q: use latest, previous, first or one of %s%s",
		selector, strings.Join(list, ", "), more)
}

// UseScan makes the unqualified names resources, relationships and coverage
// show scan id (0: the current state, with the coverage of the latest
// scan), by creating TEMP VIEWs that shadow main's views, and offers one
// typed view per type (TypeInfo.View(), e.g. ec2_instances) over resources.
// main.resources and the other main views stay reachable when qualified.
// It may be called again to switch scans.
//
// Query creates a typed view when a statement first names it (every one
// when a statement reads the schema): creating all of them here took most
// of a short query's time, as SQLite scans its schema table for each view
// it adds.
func (r *Reader) UseScan(id int64, types []model.TypeInfo) error {
	if err := CheckTypes(types); err != nil {
		return err
	}
	coverageScan, err := r.coverageScan(id)
	if err != nil {
		return err
	}
	if err := r.unguard(); err != nil {
		return err
	}
	err = r.replaceViews(scanViews(id, coverageScan, r.accounts))
	r.typed = make(map[string]model.TypeInfo, len(types))
	for _, t := range types {
		r.typed[t.View()] = t
	}
	return errors.Join(err, r.guard())
}

// createViewsNamedIn creates the typed views that query names, or all of
// them when it reads the schema (PRAGMA table_list, sqlite_schema).
func (r *Reader) createViewsNamedIn(query string) error {
	var names []string
	for _, word := range sqlWord.FindAllString(strings.ToLower(query), -1) {
		if schemaNames[word] {
			names = slices.Sorted(maps.Keys(r.typed))
			break
		}
		if _, ok := r.typed[word]; ok && !slices.Contains(names, word) {
			names = append(names, word)
		}
	}
	if len(names) == 0 {
		return nil
	}
	if err := r.unguard(); err != nil {
		return err
	}
	var err error
	for _, name := range names {
		if err = r.createView(typedView(r.typed[name])); err != nil {
			break
		}
		delete(r.typed, name)
	}
	return errors.Join(err, r.guard())
}

// coverageScan checks id and returns the scan whose collections the
// coverage view shows: id itself, or the latest merged scan for id 0.
func (r *Reader) coverageScan(id int64) (int64, error) {
	ids, err := r.mergedScans()
	if err != nil {
		return 0, err
	}
	if id == 0 {
		if len(ids) == 0 {
			return 0, nil
		}
		return ids[len(ids)-1], nil
	}
	for _, merged := range ids {
		if merged == id {
			return id, nil
		}
	}
	return 0, unknownScanError(strconv.FormatInt(id, 10), ids)
}

// replaceViews drops the TEMP views of a previous UseScan and creates views.
func (r *Reader) replaceViews(views []view) error {
	for _, name := range slices.Backward(r.views) {
		if err := r.conn.Exec(`DROP VIEW IF EXISTS temp.` + sqlite3.QuoteIdentifier(name)); err != nil {
			return fmt.Errorf("drop view %s: %w", name, err)
		}
	}
	r.views = r.views[:0]
	for _, v := range views {
		if err := r.createView(v); err != nil {
			return err
		}
	}
	return nil
}

func (r *Reader) createView(v view) error {
	if err := r.conn.Exec(v.sql); err != nil {
		return fmt.Errorf("create view %s: %w", v.name, err)
	}
	r.views = append(r.views, v.name)
	return nil
}
