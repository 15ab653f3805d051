package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ncruces/go-sqlite3"
)

// applicationID marks a SQLite file as an awsmap inventory (PRAGMA
// application_id, "awmp"), so that awsmap can recognise its own files
// before writing to one.
const applicationID = 0x61776d70

// NotInventoryError says that a file exists and is not an awsmap inventory.
// awsmap leaves such a file exactly as it found it.
type NotInventoryError struct {
	Path   string
	Reason string
}

func (e *NotInventoryError) Error() string {
	return fmt.Sprintf("%s is not an awsmap inventory (%s); it was left unchanged: choose another --db", e.Path, e.Reason)
}

// Check tells, without writing anything, whether the file at path may be
// opened as an inventory: it is missing, empty, or an awsmap inventory.
// Anything else is a *NotInventoryError.
func Check(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("inventory path %q: %w", path, err)
	}
	return identify(abs)
}

// identify is Check on an absolute path. It reads the file through a
// read-only connection, so neither the file nor its mode changes.
func identify(abs string) error {
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("inventory: %w", err)
	case !fi.Mode().IsRegular():
		return &NotInventoryError{Path: abs, Reason: "not a regular file"}
	case fi.Size() == 0:
		return nil
	}
	notSQLite := &NotInventoryError{Path: abs, Reason: "not a SQLite database"}
	conn, err := openConn(abs, true)
	if errors.Is(err, sqlite3.NOTADB) {
		return notSQLite
	}
	if err != nil {
		return err
	}
	defer conn.Close()
	kind, err := fileKind(conn)
	if errors.Is(err, sqlite3.NOTADB) {
		return notSQLite
	}
	if err != nil {
		return fmt.Errorf("inventory %s: %w", abs, err)
	}
	if kind != "" {
		return &NotInventoryError{Path: abs, Reason: kind}
	}
	return nil
}

// fileKind returns "" for an awsmap inventory or an empty database, and
// otherwise what the file looks like. Inventories written before the
// application id are recognised by their schema version and tables.
func fileKind(conn *sqlite3.Conn) (string, error) {
	appID, err := queryInt64(conn, `PRAGMA application_id`)
	if err != nil {
		return "", err
	}
	version, err := queryInt64(conn, `PRAGMA user_version`)
	if err != nil {
		return "", err
	}
	tables, err := queryInt64(conn, `SELECT count(*) FROM sqlite_master`)
	if err != nil {
		return "", err
	}
	ours, err := queryInt64(conn, `SELECT count(*) FROM sqlite_master
		WHERE type = 'table' AND name IN ('scans', 'resource_versions', 'relationship_versions')`)
	if err != nil {
		return "", err
	}
	switch {
	case appID == applicationID:
		return "", nil
	case appID != 0:
		return fmt.Sprintf("another application's database, application_id 0x%08x", uint32(appID)), nil
	case version == 0 && tables == 0:
		return "", nil
	case version > 0 && ours == 3:
		return "", nil
	}
	return fmt.Sprintf("a SQLite database with %d schema objects that are not awsmap's", tables), nil
}

// markInventory stamps the application id on an inventory that lacks it
// (new files, and inventories written before it existed).
func markInventory(conn *sqlite3.Conn) error {
	id, err := queryInt64(conn, `PRAGMA application_id`)
	if err != nil || id == applicationID {
		return err
	}
	return conn.Exec(fmt.Sprintf(`PRAGMA application_id=%d`, applicationID))
}

// IsDemoInventory tells, without writing anything, whether the file at path
// is an inventory that only `awsmap demo` wrote: every scan in it records
// the option "demo": true. Such a file may be rebuilt without asking.
func IsDemoInventory(path string) (bool, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false, fmt.Errorf("inventory path %q: %w", path, err)
	}
	if err := identify(abs); err != nil {
		var notInventory *NotInventoryError
		if errors.As(err, &notInventory) {
			return false, nil
		}
		return false, err
	}
	if fi, err := os.Stat(abs); err != nil || fi.Size() == 0 {
		return false, nil
	}
	conn, err := openConn(abs, true)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	if ours, err := queryInt64(conn, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'scans'`); err != nil || ours == 0 {
		return false, err
	}
	demo, err := queryInt64(conn, `SELECT count(*) > 0 AND count(*) = count(CASE WHEN json_extract(options, '$.demo') = 1 THEN 1 END)
		FROM scans`)
	return demo == 1, err
}
