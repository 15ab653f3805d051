package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

// inventory writes a small one-scan inventory without AWS.
func fixtureInventory(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "inv.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := db.BeginScan(store.ScanMeta{AccountID: "111122223333"})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"i-1", "i-2", "i-3"} {
		r := &model.Resource{Key: model.Key{Account: "111122223333", Region: "us-east-1", Service: "ec2", Type: "instance", ID: id},
			Name: "web " + id, Tags: map[string]string{"Owner": "a"}, Details: map[string]any{"state": "running", "instance_type": "t3.micro"}}
		if err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Finish(store.ScanResult{Status: "complete", Collections: []store.Collection{{
		AccountID: "111122223333", Region: "us-east-1", Service: "ec2", Type: "instance", Outcome: "ok", Items: 3}}}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestQueryRefusesWritesWithExit2AndLeavesTheFile(t *testing.T) {
	t.Parallel()
	db := fixtureInventory(t)
	before, _ := os.ReadFile(db)
	for _, sql := range []string{
		"DELETE FROM scans", "DROP TABLE scans", "INSERT INTO scans(id) VALUES (99)",
		"UPDATE resource_versions SET name = 'x'", "ATTACH DATABASE 'x.db' AS x",
		"PRAGMA user_version = 7", "PRAGMA query_only = 0", "VACUUM", "SELECT 1; DELETE FROM scans",
		"CREATE TABLE t(x)",
	} {
		code, out, errs := awsmap(t, "query", "--db", db, sql)
		if code != ExitUsage || out != "" || !strings.Contains(errs, "refused") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and a refusal", sql, code, out, errs)
		}
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(before, after) {
		t.Error("the inventory file changed after refused statements")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(db), "x.db")); err == nil {
		t.Error("ATTACH created a file")
	}
}

func TestQuerySQLErrorExits2WithSQLiteMessage(t *testing.T) {
	t.Parallel()
	code, _, errs := awsmap(t, "query", "--db", fixtureInventory(t), "SELECT nope FROM resources")
	if code != ExitUsage || !strings.Contains(errs, "no such column: nope") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
}

func TestQueryMachineFormatsAreCleanOnStdout(t *testing.T) {
	t.Parallel()
	db := fixtureInventory(t)
	sql := "SELECT id, name, tags, state FROM ec2_instances ORDER BY id"
	_, out, errs := awsmap(t, "query", "--db", db, "-f", "json", sql)
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 3 {
		t.Fatalf("json stdout not a 3-row array (%v): %q", err, out)
	}
	if tags, ok := rows[0]["tags"].(map[string]any); !ok || tags["Owner"] != "a" || rows[0]["state"] != "running" {
		t.Errorf("json row = %v; want tags as an object and the typed view's state column", rows[0])
	}
	if !strings.Contains(errs, "(3 rows)") {
		t.Errorf("row count not on stderr: %q", errs)
	}
	_, out, _ = awsmap(t, "query", "--db", db, "-f", "csv", sql)
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 4 || recs[0][0] != "id" {
		t.Fatalf("csv stdout (%v): %q", err, out)
	}
	_, out, _ = awsmap(t, "query", "--db", db, "-f", "ndjson", sql)
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 3 {
		t.Fatalf("ndjson lines = %d: %q", len(lines), out)
	}
}

func TestQueryFromFileAndBadInput(t *testing.T) {
	t.Parallel()
	db := fixtureInventory(t)
	file := filepath.Join(t.TempDir(), "q.sql")
	os.WriteFile(file, []byte("-- count\nSELECT count(*) AS n FROM resources"), 0o600)
	code, out, _ := awsmap(t, "query", "--db", db, "-F", file, "-f", "csv")
	if code != 0 || out != "n\n3\n" {
		t.Fatalf("-F: exit %d out %q", code, out)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"query", "--db", db}, "no SQL given"},
		{[]string{"query", "--db", db, "-f", "xml", "SELECT 1"}, `unknown format "xml"`},
		{[]string{"query", "--db", db, "--scan", "42", "SELECT 1"}, "42"},
		{[]string{"query", "--db", filepath.Join(t.TempDir(), "none.db"), "SELECT 1"}, "no inventory"},
	}
	for _, tt := range tests {
		code, _, errs := awsmap(t, tt.args...)
		if code == 0 || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d stderr %q; want an error mentioning %q", tt.args, code, errs, tt.want)
		}
	}
}

// TestQueryFileWithHeader runs a -F file with a "-- name:" header like a
// named query: declared parameters from -P, --fail-on, header errors naming
// the file, while a file with other leading comments stays plain SQL.
func TestQueryFileWithHeader(t *testing.T) {
	t.Parallel()
	db := fixtureInventory(t)
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	file := write("of-type.sql", `-- name: instances-of-type
-- params: itype=t3.micro
-- reads: ec2/instance
SELECT account_id, region, service, type, id, name FROM ec2_instances
WHERE instance_type = :itype ORDER BY id`)
	tests := []struct {
		args []string
		code int
		rows int
	}{
		{[]string{"-F", file}, ExitOK, 3},
		{[]string{"-F", file, "-P", "itype=m5.large"}, ExitOK, 0},
		{[]string{"-F", file, "--fail-on", "findings"}, ExitFindings, 3},
		{[]string{"-F", file, "-a", "111122223333"}, ExitOK, 3},
	}
	for _, tt := range tests {
		code, out, errs := awsmap(t, append([]string{"query", "--db", db, "-f", "csv"}, tt.args...)...)
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != tt.code || err != nil || len(recs) != tt.rows+1 {
			t.Errorf("%v: exit %d, %d csv records (%v), stderr %q; want exit %d and %d rows",
				tt.args, code, len(recs), err, errs, tt.code, tt.rows)
		}
	}

	for _, bad := range []struct{ text, want string }{
		{"-- name: Bad Name\nSELECT 1", "bad.sql:1"},
		{"-- name: undeclared\nSELECT account_id, region, service, type, id, name FROM resources WHERE id = :who",
			"does not declare"},
	} {
		code, _, errs := awsmap(t, "query", "--db", db, "-F", write("bad.sql", bad.text))
		if code != ExitUsage || !strings.Contains(errs, bad.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", bad.text, code, errs, bad.want)
		}
	}
	plain := write("plain.sql", "-- how many\nSELECT count(*) AS n FROM resources")
	if code, _, errs := awsmap(t, "query", "--db", db, "-F", plain, "-P", "x=1"); code != ExitUsage ||
		!strings.Contains(errs, "apply to named queries") {
		t.Errorf("-P with a plain -F file: exit %d, stderr %q; want 2", code, errs)
	}
}
