package store

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/awsmap/awsmap/internal/model"
)

// foreignDB writes a SQLite database of another application at path (mode
// 0644, rollback journal) with the given setup SQL.
func foreignDB(t *testing.T, path, setup string) {
	t.Helper()
	conn, err := openConn(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := conn.Exec(setup); err != nil {
		t.Fatal(err)
	}
	if err := conn.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOpenRefusesForeignFilesUntouched: Open and OpenReader refuse what is
// not an awsmap inventory with a NotInventoryError, and leave the file
// byte for byte and mode for mode as it was, with no -wal or -shm beside it.
func TestOpenRefusesForeignFilesUntouched(t *testing.T) {
	for _, c := range []struct{ name, setup, text string }{
		{name: "another app's tables", setup: `CREATE TABLE resources (id TEXT); INSERT INTO resources VALUES ('x');`},
		{name: "a schema version of its own", setup: `PRAGMA user_version=3; CREATE TABLE notes (body TEXT);`},
		{name: "another application id", setup: `PRAGMA application_id=1234; CREATE TABLE t (x);`},
		{name: "a look-alike without the id or version", setup: `CREATE TABLE scans (id); CREATE TABLE resource_versions (id); CREATE TABLE relationship_versions (id);`},
		{name: "not SQLite", text: "name,value\nalice,1\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "other.db")
			if c.text != "" {
				if err := os.WriteFile(path, []byte(c.text), 0o644); err != nil {
					t.Fatal(err)
				}
			} else {
				foreignDB(t, path, c.setup)
			}
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var notInv *NotInventoryError
			if db, err := Open(path); !errors.As(err, &notInv) {
				if err == nil {
					db.Close()
				}
				t.Fatalf("Open = %v, want a NotInventoryError", err)
			}
			if r, err := OpenReader(path); !errors.As(err, &notInv) {
				if err == nil {
					r.Close()
				}
				t.Fatalf("OpenReader = %v, want a NotInventoryError", err)
			}
			if err := Check(path); !errors.As(err, &notInv) {
				t.Fatalf("Check = %v, want a NotInventoryError", err)
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) {
				t.Error("the file changed")
			}
			checkMode(t, path, 0o644)
			for _, companion := range []string{path + "-wal", path + "-journal"} {
				if _, err := os.Stat(companion); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("%s exists (%v)", companion, err)
				}
			}
		})
	}
}

// TestOpenAcceptsInventoriesAndEmptyFiles: a missing or empty file becomes
// an inventory with the application id; an inventory written before the id
// existed (schema version and tables, id 0) is recognised and stamped.
func TestOpenAcceptsInventoriesAndEmptyFiles(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	legacy := filepath.Join(dir, "legacy.db")
	db, err := Open(legacy)
	if err != nil {
		t.Fatal(err)
	}
	runScan(t, db, scanInput{resources: []*model.Resource{instance("us-east-1", "i-1", "web")}})
	err = errors.Join(db.conn.Exec(`PRAGMA application_id=0`), db.Close())
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{filepath.Join(dir, "new.db"), empty, legacy} {
		if err := Check(path); err != nil {
			t.Fatalf("Check(%s) = %v", path, err)
		}
		db, err := Open(path)
		if err != nil {
			t.Fatalf("Open(%s) = %v", path, err)
		}
		id, err := queryInt64(db.conn, `PRAGMA application_id`)
		if err = errors.Join(err, db.Close()); err != nil {
			t.Fatal(err)
		}
		if id != applicationID {
			t.Errorf("%s: application_id %#x, want %#x", path, id, applicationID)
		}
	}
}
