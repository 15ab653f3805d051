package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/awsmap/awsmap/internal/model"
)

// TestMigrationKeysStoredEdges opens inventories of schema 2 (no ekey)
// and schema 3 (ekeys of an older layout, here 0) holding two current
// edges and one closed edge: the migration gives each its ekey (edgeHash,
// as the merge computes it for staged edges), and the next scan matches
// the stored edges by that key (one kept, not duplicated) and retires the
// one it no longer saw. SchemaVersions tells the versions before and after.
func TestMigrationKeysStoredEdges(t *testing.T) {
	if stored, _, err := SchemaVersions(filepath.Join(t.TempDir(), "none.db")); stored != 0 || err != nil {
		t.Fatalf("SchemaVersions of a missing file = %d, %v; want 0", stored, err)
	}
	for from := 2; from <= 3; from++ {
		t.Run(fmt.Sprintf("from schema %d", from), func(t *testing.T) {
			testMigrationKeysStoredEdges(t, from)
		})
	}
}

func testMigrationKeysStoredEdges(t *testing.T, from int) {
	path := filepath.Join(t.TempDir(), "old.db")
	conn, err := openConn(path, false)
	if err != nil {
		t.Fatal(err)
	}
	kept, dropped, closed := edge("us-east-1", "i-1", "subnet-1"), edge("us-east-1", "i-2", "subnet-2"),
		edge("us-east-1", "i-1", "subnet-0")
	err = registerEdgeKey(conn)
	for _, m := range migrations[:from] {
		err = errors.Join(err, conn.Exec(m))
	}
	err = errors.Join(err, conn.Exec(fmt.Sprintf(`PRAGMA user_version=%d;
		INSERT INTO scans (id, started_at, status, ledger) VALUES
			(1, '2026-01-01T00:00:00Z', 'complete', 1), (2, '2026-01-02T00:00:00Z', 'complete', 1);`, from)))
	for _, e := range []struct {
		rel   model.Relationship
		first int64
		end   any
	}{{closed, 1, 2}, {kept, 1, nil}, {dropped, 2, nil}} {
		if err != nil {
			break
		}
		err = execSQL(conn, `INSERT INTO relationship_versions (from_account_id, from_region, from_service,
				from_type, from_id, kind, to_account_id, to_region, to_service, to_type, to_id, first_scan, end_scan)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			e.rel.From.Account, e.rel.From.Region, e.rel.From.Service, e.rel.From.Type, e.rel.From.ID, e.rel.Kind,
			e.rel.To.Account, e.rel.To.Region, e.rel.To.Service, e.rel.To.Type, e.rel.To.ID, e.first, e.end)
	}
	if err = errors.Join(err, conn.Close()); err != nil {
		t.Fatal(err)
	}

	if stored, current, err := SchemaVersions(path); stored != int64(from) || current != schemaVersion || err != nil {
		t.Fatalf("SchemaVersions before Open = %d, %d, %v; want %d, %d", stored, current, err, from, schemaVersion)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v := count(t, db, `PRAGMA user_version`); v != schemaVersion {
		t.Fatalf("schema version %d after Open, want %d", v, schemaVersion)
	}
	if stored, _, err := SchemaVersions(path); stored != schemaVersion || err != nil {
		t.Fatalf("SchemaVersions after Open = %d, %v; want %d", stored, err, schemaVersion)
	}
	for _, rel := range []model.Relationship{kept, dropped, closed} {
		n := count(t, db, `SELECT count(*) FROM relationship_versions WHERE ekey = ? AND from_id = ? AND to_id = ?`,
			edgeHash(rel), rel.From.ID, rel.To.ID)
		if n != 1 {
			t.Errorf("edge %s -> %s: %d rows with its ekey, want 1", rel.From.ID, rel.To.ID, n)
		}
	}

	s3 := runScan(t, db, scanInput{
		resources:   []*model.Resource{instance("us-east-1", "i-1", "web")},
		edges:       []model.Relationship{kept},
		collections: []Collection{collected("us-east-1", OutcomeOK)},
	})
	checkVersions(t, "edges of i-1", edgeVersions(t, db, "i-1"),
		[]version{ver(0, 1, 2, "subnet-0"), ver(0, 1, 0, "subnet-1")}, map[int64]int64{0: 0, 1: 1, 2: 2}, false)
	checkVersions(t, "edges of i-2", edgeVersions(t, db, "i-2"),
		[]version{ver(0, 2, 3, "subnet-2")}, map[int64]int64{0: 0, 2: 2, 3: s3}, false)
}
