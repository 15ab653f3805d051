package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ncruces/go-sqlite3"

	"github.com/awsmap/awsmap/internal/model"
)

var instanceType = model.TypeInfo{Service: "ec2", Type: "instance", Fields: []model.Field{
	{Name: "state", Type: "text"}, {Name: "cpu", Type: "integer"},
}}

// threeScans writes three scans: i-1 renamed each time (one, two, three),
// i-2 present in the first two only, i-3 from the second on; the second
// scan's EC2 collection failed in eu-west-1. It returns the path.
func threeScans(t *testing.T) string {
	t.Helper()
	db, path := newTestDB(t)
	ok := collected("us-east-1", OutcomeOK)
	runScan(t, db, scanInput{resources: []*model.Resource{
		instance("us-east-1", "i-1", "one"), instance("us-east-1", "i-2", "gone later"),
	}, collections: []Collection{ok}})
	runScan(t, db, scanInput{resources: []*model.Resource{
		instance("us-east-1", "i-1", "two"), instance("us-east-1", "i-2", "gone later"),
		instance("us-east-1", "i-3", "new"),
	}, collections: []Collection{ok, collected("eu-west-1", OutcomeDenied)}})
	runScan(t, db, scanInput{resources: []*model.Resource{
		instance("us-east-1", "i-1", "three"), instance("us-east-1", "i-3", "new"),
	}, collections: []Collection{ok}})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func openTestReader(t *testing.T, path string) *Reader {
	t.Helper()
	r, err := OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func TestAsOfReads(t *testing.T) {
	r := openTestReader(t, threeScans(t))
	tests := []struct {
		selector string
		want     [][]any // id, name from the typed view
		coverage int64   // denied collections shown by coverage
	}{
		{"first", [][]any{{"i-1", "one"}, {"i-2", "gone later"}}, 0},
		{"previous", [][]any{{"i-1", "two"}, {"i-2", "gone later"}, {"i-3", "new"}}, 1},
		{"latest", [][]any{{"i-1", "three"}, {"i-3", "new"}}, 0},
		{"current", [][]any{{"i-1", "three"}, {"i-3", "new"}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.selector, func(t *testing.T) {
			var id int64
			if tt.selector != "current" {
				var err error
				if id, err = r.ResolveScan(tt.selector); err != nil {
					t.Fatal(err)
				}
			}
			if err := r.UseScan(id, []model.TypeInfo{instanceType}); err != nil {
				t.Fatal(err)
			}
			got := queryAll(t, r, `SELECT id, name FROM ec2_instances ORDER BY id`)
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("ec2_instances: %v, want %v", got, tt.want)
			}
			denied := queryAll(t, r, `SELECT count(*) FROM coverage WHERE outcome = 'denied'`)
			if denied[0][0] != tt.coverage {
				t.Errorf("coverage shows %v denied collections, want %d", denied[0][0], tt.coverage)
			}
		})
	}
}

func TestTypedViewColumns(t *testing.T) {
	r := openTestReader(t, threeScans(t))
	if err := r.UseScan(0, []model.TypeInfo{instanceType}); err != nil {
		t.Fatal(err)
	}
	rows, err := r.Query(context.Background(), `SELECT * FROM ec2_instances WHERE id = ?`, "i-1")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	wantCols := []string{"account_id", "region", "service", "type", "id", "arn", "name", "created_at",
		"is_default", "tags", "first_seen", "last_changed", "state", "cpu", "details"}
	if !slices.Equal(rows.Columns, wantCols) {
		t.Errorf("columns %v, want %v", rows.Columns, wantCols)
	}
	if !rows.Next() {
		t.Fatalf("no row: %v", rows.Err())
	}
	v := rows.Values()
	if v[12] != "running" || v[13] != int64(2) || v[7] != nil || v[8] != int64(0) {
		t.Errorf("state, cpu, created_at, is_default = %#v, %#v, %#v, %#v", v[12], v[13], v[7], v[8])
	}
}

// A typed view exists for every statement that names it, however quoted or
// cased, and every one appears to a statement that lists the schema; a view
// no statement names is not created.
func TestTypedViewsAppearWhenNamed(t *testing.T) {
	r := openTestReader(t, threeScans(t))
	vpcType := model.TypeInfo{Service: "ec2", Type: "vpc", Fields: []model.Field{{Name: "cidr"}}}
	if err := r.UseScan(0, []model.TypeInfo{instanceType, vpcType}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`SELECT count(*) FROM "EC2_Instances"`, `SELECT count(*) FROM [ec2_instances]`, `SELECT count(*) FROM main.resources, ec2_instances USING (id)`} {
		if got := queryAll(t, r, q); got[0][0] != int64(2) {
			t.Errorf("%s = %v, want 2", q, got)
		}
	}
	if slices.Contains(r.views, "ec2_vpcs") {
		t.Error("ec2_vpcs was created though no statement named it")
	}
	for _, q := range []string{`SELECT name FROM pragma_table_list WHERE name LIKE 'ec2%' ORDER BY 1`, `SELECT name FROM sqlite_temp_master WHERE name LIKE 'ec2%' ORDER BY 1`} {
		if got := queryAll(t, r, q); !slices.EqualFunc(got, [][]any{{"ec2_instances"}, {"ec2_vpcs"}}, slices.Equal) {
			t.Errorf("%s = %v, want both typed views", q, got)
		}
	}
	first, err := r.ResolveScan("first")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.UseScan(first, []model.TypeInfo{instanceType, vpcType}); err != nil {
		t.Fatal(err)
	}
	if got := queryAll(t, r, `SELECT name FROM ec2_instances ORDER BY id`); !slices.EqualFunc(got, [][]any{{"one"}, {"gone later"}}, slices.Equal) {
		t.Errorf("after switching to the first scan: %v", got)
	}
	if _, err := r.Query(context.Background(), `DELETE FROM ec2_vpcs`); err == nil {
		t.Error("a write naming a typed view was run")
	}
}

func TestCheckTypes(t *testing.T) {
	tests := []struct {
		name string
		t    model.TypeInfo
	}{
		{"renamed field colliding with a field", model.TypeInfo{Service: "ec2", Type: "vpc", Fields: []model.Field{{Name: "name"}, {Name: "vpc_name"}}}},
		{"field not snake_case", model.TypeInfo{Service: "ec2", Type: "vpc", Fields: []model.Field{{Name: "CidrBlock"}}}},
		{"field with a quote", model.TypeInfo{Service: "ec2", Type: "vpc", Fields: []model.Field{{Name: "a'b"}}}},
		{"duplicate field", model.TypeInfo{Service: "ec2", Type: "vpc", Fields: []model.Field{{Name: "a"}, {Name: "a"}}}},
		{"view shadowing a table", model.TypeInfo{Service: "api", Type: "call"}},
		{"duplicate view", instanceType},
	}
	for _, tt := range tests {
		if err := CheckTypes([]model.TypeInfo{instanceType, tt.t}); err == nil {
			t.Errorf("%s: accepted", tt.name)
		}
	}
	if err := CheckTypes([]model.TypeInfo{instanceType}); err != nil {
		t.Errorf("valid type refused: %v", err)
	}
}

func TestResolveScan(t *testing.T) {
	path := threeScans(t)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := db.BeginScan(ScanMeta{}) // aborted scans do not count
	if err != nil {
		t.Fatal(err)
	}
	if err := errors.Join(w.Abort(ScanResult{}), db.Close()); err != nil {
		t.Fatal(err)
	}
	r := openTestReader(t, path)
	tests := []struct {
		selector string
		want     int64
		wantErr  string // what the error says
	}{
		{"first", 1, ""}, {"previous", 2, ""}, {"latest", 3, ""}, {" 2 ", 2, ""},
		{"4", 0, "scan 4 was aborted at 20"}, {"5", 0, "1, 2, 3"}, {"0", 0, "1, 2, 3"}, {"yesterday", 0, "1, 2, 3"},
	}
	for _, tt := range tests {
		got, err := r.ResolveScan(tt.selector)
		if (err != nil) != (tt.wantErr != "") || got != tt.want {
			t.Errorf("ResolveScan(%q) = %d, %v; want %d (error: %q)", tt.selector, got, err, tt.want, tt.wantErr)
		}
		if err != nil && !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ResolveScan(%q) error %q does not say %q", tt.selector, err, tt.wantErr)
		}
	}
	scans, err := r.Scans()
	if err != nil {
		t.Fatal(err)
	}
	var statuses []string
	for _, s := range scans {
		statuses = append(statuses, s.Status)
	}
	if want := []string{"complete", "complete", "complete", "aborted"}; !slices.Equal(statuses, want) {
		t.Errorf("Scans statuses %v, want %v", statuses, want)
	}
	if s := scans[1]; s.Resources != 3 || !slices.Equal(s.Regions, []string{"us-east-1"}) || s.Failures != 1 {
		t.Errorf("Scans()[1] = %+v", s)
	}
}

func TestOpenReaderMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.db")
	_, err := OpenReader(path)
	if err == nil || !strings.Contains(err.Error(), "no inventory at "+path) {
		t.Errorf("OpenReader on a missing file: %v", err)
	}
	if _, statErr := os.Stat(path); statErr == nil {
		t.Error("OpenReader created the file")
	}
}

func TestQueryRefusesWrites(t *testing.T) {
	path := threeScans(t)
	r := openTestReader(t, path)
	if err := r.UseScan(0, []model.TypeInfo{instanceType}); err != nil {
		t.Fatal(err)
	}
	before := newFileState(t, path)
	outside := filepath.Join(t.TempDir(), "copy.db")
	tests := []struct{ sql, keyword string }{
		{`INSERT INTO scans (started_at, status) VALUES ('x', 'running')`, "INSERT"},
		{`UPDATE resource_versions SET name = 'x'`, "UPDATE"},
		{`DELETE FROM scans`, "DELETE"},
		{`DELETE FROM resources`, "DELETE"},
		{`DROP TABLE scans`, "DROP"},
		{`DROP VIEW resources`, "DROP"},
		{`CREATE TABLE t (a)`, "CREATE"},
		{`CREATE TEMP TABLE t (a)`, "CREATE"},
		{`CREATE TEMP VIEW v AS SELECT 1`, "CREATE"},
		{`ALTER TABLE scans ADD COLUMN x`, "ALTER"},
		{fmt.Sprintf(`ATTACH '%s' AS other`, outside), "ATTACH"},
		{`DETACH main`, "DETACH"},
		{`PRAGMA query_only=0`, "PRAGMA"},
		{`PRAGMA journal_mode=delete`, "PRAGMA"},
		{`PRAGMA user_version=5`, "PRAGMA"},
		{`VACUUM`, "VACUUM"},
		{fmt.Sprintf(`VACUUM INTO '%s'`, outside), "VACUUM"},
		{`REINDEX`, "REINDEX"},
		{`ANALYZE`, "ANALYZE"},
		{`BEGIN IMMEDIATE`, "BEGIN"},
		{`SELECT 1; DELETE FROM scans`, "DELETE"},
		{`SELECT 1; SELECT 2`, "SELECT"},
		{`WITH x AS (SELECT 1) DELETE FROM scans`, "WITH"},
		{`  /* c */ -- c
		  delete from scans`, "DELETE"},
	}
	for _, tt := range tests {
		rows, err := r.Query(context.Background(), tt.sql)
		var ro *ReadOnlyError
		if !errors.As(err, &ro) {
			if rows != nil {
				rows.Close()
			}
			t.Errorf("%s: got %v, want a ReadOnlyError", tt.sql, err)
			continue
		}
		if ro.Statement != tt.keyword || !strings.Contains(err.Error(), "read-only") {
			t.Errorf("%s: refused as %q (%v), want %q", tt.sql, ro.Statement, err, tt.keyword)
		}
	}
	if _, err := os.Stat(outside); err == nil {
		t.Errorf("a refused statement created %s", outside)
	}
	if after := newFileState(t, path); !after.equal(before) {
		t.Errorf("inventory changed by refused statements: %v -> %v", before.mtime, after.mtime)
	}
	// Reads still work, including the allowed pragmas and trailing trivia.
	for _, sql := range []string{`SELECT count(*) FROM resources;  -- done`, `PRAGMA table_info(resources)`,
		`SELECT name FROM pragma_table_info('scans')`, `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3) SELECT x FROM n`,
		`SELECT json_each.value FROM scans, json_each(scans.regions)`} {
		queryAll(t, r, sql)
	}
}

func TestQueryErrors(t *testing.T) {
	r := openTestReader(t, threeScans(t))
	_, err := r.Query(context.Background(), `SELECT * FROM nowhere`)
	var ro *ReadOnlyError
	if err == nil || errors.As(err, &ro) || !strings.Contains(err.Error(), "no such table: nowhere") {
		t.Errorf("syntax error: %v", err)
	}
	if _, err := r.Query(context.Background(), ` -- nothing`); err == nil {
		t.Error("empty statement accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rows, err := r.Query(ctx, `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
	}
	if !errors.Is(rows.Err(), context.Canceled) {
		t.Errorf("cancelled query: %v", rows.Err())
	}
	// The connection is usable again after the cancelled query.
	if got := queryAll(t, r, `SELECT ?, ?, ?`, 1, "two", nil); !slices.Equal(got[0], []any{int64(1), "two", nil}) {
		t.Errorf("after cancel: %v", got)
	}
}

// fileState is the content and modification time of a file.
type fileState struct {
	data  []byte
	mtime int64
}

func (f fileState) equal(o fileState) bool { return bytes.Equal(f.data, o.data) && f.mtime == o.mtime }

func newFileState(t *testing.T, path string) fileState {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fileState{data, fi.ModTime().UnixNano()}
}

// TestGuardLayers runs forbidden statements straight on the reader's
// connection, past Query's own checks: the authorizer, PRAGMA query_only,
// mode=ro and the attach limit must still stop every one of them.
func TestGuardLayers(t *testing.T) {
	path := threeScans(t)
	r := openTestReader(t, path)
	before := newFileState(t, path)
	outside := filepath.Join(t.TempDir(), "copy.db")
	for _, sql := range []string{
		`DELETE FROM scans`, `UPDATE resource_versions SET name = 'x'`, `DROP TABLE scans`,
		`CREATE TEMP TABLE t (a)`, `PRAGMA query_only=0`, `PRAGMA user_version=5`,
		`PRAGMA journal_mode=delete`, `VACUUM`, fmt.Sprintf(`VACUUM INTO '%s'`, outside),
		fmt.Sprintf(`ATTACH '%s' AS other`, outside), `REINDEX`, `ANALYZE`, `BEGIN IMMEDIATE`,
	} {
		stmt, _, err := r.conn.Prepare(sql)
		if err == nil {
			err = stmt.Exec()
			stmt.Close()
		}
		if err == nil {
			t.Errorf("%s: ran on the read-only connection", sql)
		}
	}
	if _, err := os.Stat(outside); err == nil {
		t.Errorf("a forbidden statement created %s", outside)
	}
	if after := newFileState(t, path); !after.equal(before) {
		t.Error("inventory changed by forbidden statements")
	}
	if n := queryAll(t, r, `SELECT count(*) FROM scans`); n[0][0] != int64(3) {
		t.Errorf("scans: %v", n)
	}
}

// TestGuardLayersAlone lifts the other defences to check that each one
// refuses writes on its own.
func TestGuardLayersAlone(t *testing.T) {
	path := threeScans(t)
	r := openTestReader(t, path)
	lift := func(t *testing.T) {
		t.Helper()
		if err := errors.Join(r.conn.SetAuthorizer(nil), r.conn.Exec(`PRAGMA query_only=0`)); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if err := r.guard(); err != nil {
				t.Fatal(err)
			}
		})
	}
	run := func(sql string) error {
		stmt, _, err := r.conn.Prepare(sql)
		if err != nil {
			return err
		}
		defer stmt.Close()
		return stmt.Exec()
	}
	t.Run("statement read-only check", func(t *testing.T) {
		lift(t)
		_, err := r.Query(context.Background(), `WITH x AS (SELECT 1) DELETE FROM scans`)
		var ro *ReadOnlyError
		if !errors.As(err, &ro) || ro.Statement != "WITH" {
			t.Errorf("got %v, want a ReadOnlyError", err)
		}
	})
	t.Run("mode=ro", func(t *testing.T) {
		lift(t)
		if err := run(`DELETE FROM scans`); err == nil {
			t.Error("DELETE ran")
		}
	})
	t.Run("attach limit", func(t *testing.T) {
		lift(t)
		if err := run(`ATTACH ':memory:' AS other`); err == nil {
			t.Error("ATTACH ran")
		}
	})
	t.Run("query_only", func(t *testing.T) {
		if err := r.conn.SetAuthorizer(nil); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.guard() })
		if err := run(`CREATE TEMP TABLE t (a)`); err == nil {
			t.Error("CREATE TEMP TABLE ran")
		}
	})
}

func TestAuthorizer(t *testing.T) {
	tests := []struct {
		action sqlite3.AuthorizerActionCode
		name   string
		want   sqlite3.AuthorizerReturnCode
	}{
		{sqlite3.AUTH_SELECT, "", sqlite3.AUTH_OK},
		{sqlite3.AUTH_READ, "scans", sqlite3.AUTH_OK},
		{sqlite3.AUTH_FUNCTION, "", sqlite3.AUTH_OK},
		{sqlite3.AUTH_RECURSIVE, "", sqlite3.AUTH_OK},
		{sqlite3.AUTH_PRAGMA, "table_info", sqlite3.AUTH_OK},
		{sqlite3.AUTH_PRAGMA, "TABLE_LIST", sqlite3.AUTH_OK},
		{sqlite3.AUTH_PRAGMA, "query_only", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_PRAGMA, "user_version", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_PRAGMA, "journal_mode", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_INSERT, "scans", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_UPDATE, "scans", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_DELETE, "scans", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_CREATE_TEMP_TABLE, "t", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_CREATE_TEMP_VIEW, "v", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_DROP_TABLE, "scans", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_ALTER_TABLE, "main", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_ATTACH, "x.db", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_DETACH, "main", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_REINDEX, "", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_ANALYZE, "", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_TRANSACTION, "BEGIN", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_SAVEPOINT, "BEGIN", sqlite3.AUTH_DENY},
		{sqlite3.AUTH_CREATE_VTABLE, "t", sqlite3.AUTH_DENY},
	}
	for _, tt := range tests {
		if got := authorize(tt.action, tt.name, "", "", ""); got != tt.want {
			t.Errorf("authorize(%d, %q) = %d, want %d", tt.action, tt.name, got, tt.want)
		}
	}
}
