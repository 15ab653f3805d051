// Package store keeps the awsmap inventory in one SQLite file: the scans
// ledger, the resource and relationship history as validity intervals, and
// the read-only query surface.
//
// # Tables and views
//
//   - scans: one row per scan (status running|complete|partial|aborted).
//   - resource_versions: every version of every resource, valid for the
//     scans in [first_scan, end_scan); end_scan is NULL for the current one.
//   - relationship_versions: every edge, with the same interval scheme.
//   - collections: one row per (scan, account, region, service, type) the
//     engine attempted, with its outcome; region "*" covers all regions.
//   - api_calls: the ledger of API calls per (scan, account, region,
//     service, operation).
//   - resources (view): the current resources, with first_seen and
//     last_changed taken from the scans that opened them.
//   - relationships (view): the current edges (from_* columns, kind, to_*).
//   - coverage (view): the collection outcomes and errors of every scan.
//
// A [Reader] shadows resources, relationships and coverage with TEMP VIEWs
// for the scan it was asked to show ([Reader.UseScan]), and adds one typed
// view per resource type (ec2_instances...). Empty optional strings (arn,
// name, created_at, error codes and messages) are stored as NULL. Times are
// RFC 3339 UTC strings, so comparing strings compares times.
//
// # Writing
//
// One goroutine writes a scan through a [Writer]: resources are staged in a
// TEMP table of the writer's own connection, then merged into the history
// in one IMMEDIATE transaction by [Writer.Finish]. A scan that never
// finishes leaves the history untouched.
package store

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/ncruces/go-sqlite3"
)

const (
	// busyTimeout is how long a statement waits for another connection's
	// lock before failing with SQLITE_BUSY.
	busyTimeout = 30 * time.Second
	// mainCacheKiB and tempCacheKiB are the page caches of the main and
	// temp schemas, in KiB. Measured on 1M-resource scans (BenchmarkScan),
	// a 24 MiB main cache gives 35-38k resources/s and a 188 MB peak RSS;
	// 16 MiB, 24k/s and 130 MB; 32 MiB, no faster and 236 MB.
	mainCacheKiB = 24 << 10
	tempCacheKiB = 16 << 10
	// pageSize is the page size of new inventories: large rows (tags and
	// details) and bulk merges run faster on 16 KiB pages than on 4 KiB.
	pageSize = 16 << 10
	// walLimit is the size the WAL file is truncated to after a checkpoint.
	walLimit = 64 << 20
	dirMode  = 0o700
	fileMode = 0o600
)

// DB is a read-write inventory. It is not safe for concurrent use: one
// goroutine writes scans through it.
type DB struct {
	conn   *sqlite3.Conn
	path   string
	active *Writer
}

// Open opens the inventory at path for writing, creating it (and its parent
// directory, mode 0700) if needed. A file that is not an awsmap inventory
// is refused with a *NotInventoryError before anything is written. The file
// and its -wal and -shm companions are made 0600 on every open. The schema
// is created or migrated, and scans left running by processes that no
// longer exist are marked aborted.
func Open(path string) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("inventory path %q: %w", path, err)
	}
	if err := identify(abs); err != nil {
		return nil, err
	}
	if err := prepareFiles(abs); err != nil {
		return nil, err
	}
	conn, err := openConn(abs, false)
	if err != nil {
		return nil, err
	}
	db := &DB{conn: conn, path: abs}
	if err := db.init(); err != nil {
		conn.Close()
		return nil, err
	}
	return db, nil
}

// init configures the connection, migrates the schema and recovers scans
// abandoned by dead processes.
func (db *DB) init() error {
	err := db.conn.Exec(fmt.Sprintf(`PRAGMA page_size=%d;
		PRAGMA journal_mode=WAL;
		PRAGMA synchronous=NORMAL;
		PRAGMA journal_size_limit=%d;
		PRAGMA analysis_limit=1000;`, pageSize, walLimit))
	if err != nil {
		return fmt.Errorf("configure %s: %w", db.path, err)
	}
	if err := registerEdgeKey(db.conn); err != nil {
		return err
	}
	if err := migrate(db.conn); err != nil {
		return fmt.Errorf("migrate %s: %w", db.path, err)
	}
	if err := markInventory(db.conn); err != nil {
		return fmt.Errorf("mark %s as an inventory: %w", db.path, err)
	}
	if err := secureFiles(db.path); err != nil {
		return err
	}
	if err := recoverStale(db.conn, time.Now()); err != nil {
		return fmt.Errorf("recover abandoned scans in %s: %w", db.path, err)
	}
	return nil
}

// Path returns the absolute path of the inventory file.
func (db *DB) Path() string { return db.path }

// Close closes the inventory. A scan still in progress is aborted first.
func (db *DB) Close() error {
	var abortErr error
	if db.active != nil {
		abortErr = db.active.Abort(ScanResult{})
	}
	return errors.Join(abortErr, db.conn.Close())
}

// openConn opens a connection with the URI of path (read-only if asked),
// the busy timeout and the page cache size.
func openConn(abs string, readOnly bool) (*sqlite3.Conn, error) {
	query := url.Values{}
	if readOnly {
		query.Set("mode", "ro")
	} else {
		// New -wal files take the mode of the database file.
		query.Set("modeof", abs)
	}
	uri := (&url.URL{Scheme: "file", Path: abs, RawQuery: query.Encode()}).String()
	conn, err := sqlite3.Open(uri)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", abs, err)
	}
	err = errors.Join(
		conn.BusyTimeout(busyTimeout),
		conn.Exec(fmt.Sprintf(`PRAGMA cache_size=-%d; PRAGMA temp.cache_size=-%d;`, mainCacheKiB, tempCacheKiB)),
	)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("configure %s: %w", abs, err)
	}
	return conn, nil
}

// prepareFiles creates the parent directory (0700) and the database file
// (0600) when missing, tightens an existing parent directory the user owns,
// and re-applies 0600 to the file and its companions.
func prepareFiles(abs string) error {
	dir := filepath.Dir(abs)
	switch _, err := os.Stat(dir); {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, dirMode); err != nil {
			return fmt.Errorf("create inventory directory: %w", err)
		}
		if err := os.Chmod(dir, dirMode); err != nil {
			return fmt.Errorf("inventory directory: %w", err)
		}
	case err != nil:
		return fmt.Errorf("inventory directory: %w", err)
	default:
		if err := tightenDir(dir); err != nil {
			return err
		}
	}
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE, fileMode)
	if err != nil {
		return fmt.Errorf("create inventory: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("create inventory: %w", err)
	}
	return secureFiles(abs)
}

// tightenDir makes an existing directory 0700 when it is under the user's
// control: owned by the effective user, neither "/" nor the home directory
// itself, not a shared sticky directory (/tmp), and, for root, inside the
// home directory (root owns the system directories it must not lock down).
func tightenDir(dir string) error {
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("inventory directory: %w", err)
	}
	if fi.Mode().Perm() == dirMode || !underUserControl(dir, fi) {
		return nil
	}
	if err := os.Chmod(dir, dirMode); err != nil {
		return fmt.Errorf("inventory directory: %w", err)
	}
	return nil
}

// secureFiles makes the database file and its -wal and -shm companions (when
// present) readable by their owner only.
func secureFiles(abs string) error {
	for _, name := range []string{abs, abs + "-wal", abs + "-shm"} {
		fi, err := os.Stat(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("inventory file: %w", err)
		}
		if fi.Mode().Perm() == fileMode {
			continue
		}
		if err := os.Chmod(name, fileMode); err != nil {
			return fmt.Errorf("inventory file: %w", err)
		}
	}
	return nil
}
