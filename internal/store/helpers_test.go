package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/ncruces/go-sqlite3"

	"github.com/awsmap/awsmap/internal/model"
)

const testAccount = "111111111111"

// newTestDB opens a fresh inventory in a temporary directory.
func newTestDB(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "inventory.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// instance returns an EC2 instance of testAccount.
func instance(region, id, name string) *model.Resource {
	return &model.Resource{
		Key:     model.Key{Account: testAccount, Region: region, Service: "ec2", Type: "instance", ID: id},
		ARN:     fmt.Sprintf("arn:aws:ec2:%s:%s:instance/%s", region, testAccount, id),
		Name:    name,
		Tags:    map[string]string{"Name": name},
		Details: map[string]any{"state": "running", "cpu": 2},
	}
}

// collected is a collection of EC2 instances in region with outcome.
func collected(region, outcome string) Collection {
	return Collection{AccountID: testAccount, Region: region, Service: "ec2", Type: "instance", Outcome: outcome}
}

// edge is an instance -in-> subnet relationship.
func edge(region, from, to string) model.Relationship {
	return model.Relationship{
		From: model.Key{Account: testAccount, Region: region, Service: "ec2", Type: "instance", ID: from},
		Kind: "in",
		To:   model.Key{Account: testAccount, Region: region, Service: "ec2", Type: "subnet", ID: to},
	}
}

// scanInput is what one test scan sees.
type scanInput struct {
	resources   []*model.Resource
	edges       []model.Relationship
	collections []Collection
}

// runScan writes one complete scan and returns its id.
func runScan(t *testing.T, db *DB, in scanInput) int64 {
	t.Helper()
	w, err := db.BeginScan(ScanMeta{AccountID: testAccount, Regions: []string{"us-east-1"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range in.resources {
		if err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range in.edges {
		if err := w.Relate(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Finish(ScanResult{Status: StatusComplete, Collections: in.collections}); err != nil {
		t.Fatal(err)
	}
	return w.ScanID()
}

// version is one row of resource_versions or relationship_versions.
type version struct {
	id, firstSeen, first, end int64 // end 0: current
	name                      string
}

// ver builds an expected version (row id ignored).
func ver(firstSeen, first, end int64, name string) version {
	return version{firstSeen: firstSeen, first: first, end: end, name: name}
}

// withoutIDs clears the row ids of versions, to compare them with ver.
func withoutIDs(vs []version) []version {
	for i := range vs {
		vs[i].id = 0
	}
	return vs
}

// resourceVersions returns the versions of a resource id, oldest first.
func resourceVersions(t *testing.T, db *DB, id string) []version {
	t.Helper()
	return versionsOf(t, db, `SELECT vid, first_seen_scan, first_scan, coalesce(end_scan, 0), coalesce(name, '')
		FROM resource_versions WHERE id = ? ORDER BY vid`, id)
}

// edgeVersions returns the versions of the edges from a resource id.
func edgeVersions(t *testing.T, db *DB, from string) []version {
	t.Helper()
	return versionsOf(t, db, `SELECT rid, first_scan, first_scan, coalesce(end_scan, 0), to_id
		FROM relationship_versions WHERE from_id = ? ORDER BY rid`, from)
}

func versionsOf(t *testing.T, db *DB, sql, id string) []version {
	t.Helper()
	var out []version
	eachRow(t, db, sql, id, func(stmt *sqlite3.Stmt) {
		out = append(out, version{stmt.ColumnInt64(0), stmt.ColumnInt64(1), stmt.ColumnInt64(2),
			stmt.ColumnInt64(3), stmt.ColumnText(4)})
	})
	return out
}

// eachRow runs sql on the writer's connection with id bound to ?1 and
// calls row for each result row.
func eachRow(t *testing.T, db *DB, sql, id string, row func(*sqlite3.Stmt)) {
	t.Helper()
	stmt, _, err := db.conn.Prepare(sql)
	if err != nil {
		t.Fatal(err)
	}
	defer stmt.Close()
	if err := stmt.BindText(1, id); err != nil {
		t.Fatal(err)
	}
	for stmt.Step() {
		row(stmt)
	}
	if err := stmt.Err(); err != nil {
		t.Fatal(err)
	}
}

// count runs a count query on the writer's connection.
func count(t testing.TB, db *DB, sql string, args ...any) int64 {
	t.Helper()
	n, err := queryInt64(db.conn, sql, args...)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// queryAll runs a read-only query and returns its rows.
func queryAll(t *testing.T, r *Reader, sql string, args ...any) [][]any {
	t.Helper()
	rows, err := r.Query(context.Background(), sql, args...)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		out = append(out, rows.Values())
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return out
}

// currentState closes db (at path) and opens a reader on its current state,
// closed when the test ends.
func currentState(t *testing.T, db *DB, path string) *Reader {
	t.Helper()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	if err := r.UseScan(0, nil); err != nil {
		t.Fatal(err)
	}
	return r
}

// readerRows runs sql on r and returns its rows, each printed with fmt.Sprint.
func readerRows(t *testing.T, r *Reader, sql string, args ...any) []string {
	t.Helper()
	rows, err := r.Query(context.Background(), sql, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		out = append(out, fmt.Sprint(rows.Values()))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
