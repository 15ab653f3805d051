package audit

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

func TestAdminUsersUnknownWhenIAMDenied(t *testing.T) {
	cols := []store.Collection{
		{AccountID: acct, Region: "global", Service: "iam", Type: "user", Outcome: store.OutcomeDenied,
			Operation: "ListUsers", ErrorCode: "AccessDenied"},
		{AccountID: acct, Region: "global", Service: "iam", Type: "group", Outcome: store.OutcomeOK, Operation: "ListGroups"},
		// iam/policy never collected
		{AccountID: acct, Region: "us-east-1", Service: "ec2", Type: "instance", Outcome: store.OutcomeOK},
	}
	r := fixture(t, nil, cols)
	lib, _ := Builtin()
	q, _ := lib.Get("admin-users")
	res, err := Run(ctx, r, q, nil, Scope{Types: types, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, g := range res.Incomplete {
		lines = append(lines, g.String())
	}
	want := []string{
		"UNKNOWN for " + acct + "/global: iam user ListUsers AccessDenied",
		"UNKNOWN for " + acct + "/global: iam policy never collected",
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("gaps = %q, want %q", lines, want)
	}
}

func TestCompletenessRegionsAndHistory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "inv.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	scan := func(cols ...store.Collection) {
		w, err := db.BeginScan(store.ScanMeta{AccountID: acct})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Finish(store.ScanResult{Status: store.StatusPartial, Collections: cols}); err != nil {
			t.Fatal(err)
		}
	}
	c := func(region, outcome string) store.Collection {
		return store.Collection{AccountID: acct, Region: region, Service: "ec2", Type: "volume", Outcome: outcome, Operation: "DescribeVolumes"}
	}
	scan(c("us-east-1", "ok"), c("eu-west-1", "ok"))                                                                                  // scan 1
	scan(c("us-east-1", "error"))                                                                                                     // scan 2: eu-west-1 not rescanned
	scan(c("us-east-1", "ok"), store.Collection{AccountID: acct, Region: "ap-south-1", Service: "s3", Type: "bucket", Outcome: "ok"}) // scan 3
	// Scan 4 is aborted: its ledger is kept, but it vouches for nothing.
	w, err := db.BeginScan(store.ScanMeta{AccountID: acct})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(store.ScanResult{Collections: []store.Collection{c("us-east-1", "error")}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	r, err := store.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	reads := []TypeRef{{"ec2", "volume"}}
	for _, tc := range []struct {
		scan int64
		want []string
	}{
		{1, nil},
		{2, []string{"us-east-1:error"}},
		{3, []string{"ap-south-1:missing"}}, // a region known to the account, never collected for volumes
		{4, []string{"ap-south-1:missing"}}, // the aborted scan's error does not count
	} {
		gaps, err := Completeness(ctx, r, types, reads, tc.scan, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, g := range gaps {
			got = append(got, g.Region+":"+g.Outcome)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("scan %d: gaps %v, want %v", tc.scan, got, tc.want)
		}
	}
	if gaps, _ := Completeness(ctx, r, types, reads, 3, []string{"999999999999"}); len(gaps) != 0 {
		t.Errorf("other account: %v", gaps)
	}

	// A ledger loaded once answers as a fresh read would, and one loaded
	// for another scan is not used.
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, ok := lib.Get("ebs-unencrypted")
	if !ok {
		t.Fatal("no ebs-unencrypted")
	}
	ledger, err := LoadLedger(ctx, r, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, scanID := range []int64{2, 3} {
		fresh, err := Run(ctx, r, q, nil, Scope{ScanID: scanID, Types: types})
		if err != nil {
			t.Fatal(err)
		}
		loaded, err := Run(ctx, r, q, nil, Scope{ScanID: scanID, Types: types, Ledger: ledger})
		if err != nil {
			t.Fatal(err)
		}
		if len(fresh.Incomplete) != 1 || !reflect.DeepEqual(fresh.Incomplete, loaded.Incomplete) {
			t.Errorf("scan %d: with the ledger of scan 2 %v, without %v", scanID, loaded.Incomplete, fresh.Incomplete)
		}
	}
}

func TestParamsAreBoundNotSpliced(t *testing.T) {
	rs := []*model.Resource{
		withTags(res("ec2/volume", "v1", d{}), map[string]string{"Owner": "alice"}),
		res("iam/user", "u", d{"access_keys": []any{key("AK", "Active", "2020-01-01T00:00:00Z", "")}}),
	}
	r := fixture(t, rs, okCollections(rs, nil))
	lib, _ := Builtin()
	before := dump(t, r)
	for _, tc := range []struct {
		query, param, value string
		wantErr             bool
		wantRows            int
	}{
		{"old-access-keys", "days", "1; DROP TABLE scans", true, 0},
		{"old-access-keys", "days", "' OR 1=1 --", true, 0},
		{"missing-tag", "tag", "' OR 1=1 --", false, 2},           // no resource has that key: literal
		{"resources-by-tag", "tag", "Owner' OR '1'='1", false, 0}, // literal key, no match
		{"resources-by-tag", "tag", "Owner", false, 1},            // control
		{"missing-tag", "region", "us-east-1'; DELETE FROM scans; --", true, 0},
		{"missing-tag", "service", "ec2' OR 1=1 --", true, 0},
		{"missing-tag", "nosuch", "x", true, 0},
	} {
		q, _ := lib.Get(tc.query)
		res, err := Run(ctx, r, q, map[string]string{tc.param: tc.value}, Scope{Types: types, Now: testNow})
		if (err != nil) != tc.wantErr {
			t.Errorf("%s -P %s=%q: err = %v", tc.query, tc.param, tc.value, err)
			continue
		}
		if err != nil && !IsUsage(err) {
			t.Errorf("%s -P %s=%q: not a usage error: %v", tc.query, tc.param, tc.value, err)
		}
		if err == nil && len(res.Rows) != tc.wantRows {
			t.Errorf("%s -P %s=%q: %d rows, want %d", tc.query, tc.param, tc.value, len(res.Rows), tc.wantRows)
		}
	}
	// Account filters are bound values, never SQL; several accounts are
	// an IN list.
	q, _ := lib.Get("resources-by-tag")
	for _, tc := range []struct {
		accounts []string
		rows     int
	}{{[]string{"' OR 1=1 --"}, 0}, {[]string{"999999999999", acct}, 1}, {[]string{"999999999999"}, 0}} {
		res, err := Run(ctx, r, q, map[string]string{"tag": "Owner"}, Scope{Now: testNow, Accounts: tc.accounts})
		if err != nil || len(res.Rows) != tc.rows {
			t.Errorf("accounts %q: %d rows, %v; want %d", tc.accounts, len(res.Rows), err, tc.rows)
		}
	}
	if after := dump(t, r); after != before {
		t.Error("the inventory changed")
	}
}

func dump(t *testing.T, r *store.Reader) string {
	t.Helper()
	rows, err := r.Query(ctx, `SELECT (SELECT count(*) FROM main.scans) || '/' || (SELECT count(*) FROM main.resource_versions)`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	rows.Next()
	return store.Text(rows.Values()[0])
}

func TestUserQueries(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	override := "-- name: admin-users\n-- title: mine\n-- category: security\n-- severity: low\n" +
		"SELECT account_id, region, service, type, id, name FROM resources WHERE 0\n"
	write("a.sql", override)
	lib, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if q, _ := lib.Get("admin-users"); q.Title != "mine" || q.Source == "builtin" {
		t.Errorf("user file did not override: %+v", q)
	}
	builtin, _ := Builtin()
	if len(lib.Names()) != len(builtin.Names()) {
		t.Errorf("override added a query")
	}

	// A user file that tries to write is refused and changes nothing.
	evil := write("evil.sql", "-- name: evil\n-- title: evil\nDELETE FROM scans\n")
	evil2 := write("evil2.sql", "-- name: evil2\n-- title: evil\nSELECT 1 AS account_id; DELETE FROM scans\n")
	lib, err = Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	rs := []*model.Resource{res("ec2/volume", "v", d{})}
	r := fixture(t, rs, okCollections(rs, nil))
	before := dump(t, r)
	beforeFile, _ := os.ReadFile(evil)
	for _, n := range []string{"evil", "evil2"} {
		q, _ := lib.Get(n)
		if _, err := Run(ctx, r, q, nil, Scope{Types: types}); err == nil || !IsUsage(err) {
			t.Errorf("%s: err = %v, want a refusal", n, err)
		}
	}
	if dump(t, r) != before {
		t.Error("the inventory changed")
	}
	if afterFile, _ := os.ReadFile(evil); !bytes.Equal(afterFile, beforeFile) {
		t.Error("the query file changed")
	}
	_ = evil2
}

func TestMalformedHeaders(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{"-- name: x\n-- colour: red\nSELECT 1", "f.sql:2: unknown header key"},
		{"-- name: x\n-- severity: huge\nSELECT 1", "f.sql:2: severity"},
		{"-- name: x\n-- category: fun\nSELECT 1", "f.sql:2: category"},
		{"-- name: x\n-- params: 9bad\nSELECT 1", "f.sql:2: params"},
		{"-- name: x\n-- reads: iam\nSELECT 1", "f.sql:2: reads"},
		{"-- name: x\n-- this is prose\nSELECT 1", "f.sql:2: header line"},
		{"-- title: no name\nSELECT 1", "f.sql:1: header has no"},
		{"-- name: x\nSELECT :days", "does not declare"},
		{"-- name: x\n-- params: days=1\nSELECT ?", "parameter form"},
		{"-- name: x\n-- name: y\nSELECT 1", "f.sql:2: header key \"name\" given twice"},
	} {
		_, err := Parse("f.sql", []byte(tc.body))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.body, err, tc.want)
		}
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bad.sql"), []byte("-- name: bad\n-- oops\nSELECT 1"), 0o600)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "bad.sql:2") {
		t.Errorf("Load: %v", err)
	}
}

func TestHasHeader(t *testing.T) {
	for _, tc := range []struct {
		body string
		want bool
	}{
		{"-- name: x\nSELECT 1", true},
		{"-- title: t\n--\n-- Name: x\nSELECT 1", true},
		{"-- how many\nSELECT count(*) FROM resources", false},
		{"\n-- name: x\nSELECT 1", false}, // a blank line ends the header
		{"SELECT 1 -- name: x", false},
		{"-- the name: of it\nSELECT 1", false},
	} {
		if got := HasHeader([]byte(tc.body)); got != tc.want {
			t.Errorf("HasHeader(%q) = %v, want %v", tc.body, got, tc.want)
		}
	}
}

func TestRewriteParams(t *testing.T) {
	sql, names, err := rewriteParams("SELECT ':x', \"a:b\", :a, :b -- :c\n, /* :d */ :a")
	if err != nil {
		t.Fatal(err)
	}
	if want := "SELECT ':x', \"a:b\", ?1, ?2 -- :c\n, /* :d */ ?1"; sql != want || !reflect.DeepEqual(names, []string{"a", "b"}) {
		t.Errorf("got %q %v", sql, names)
	}
}

// A bucket whose public-ness is unknown (no policy status, no document:
// is_public null) is not listed as public nor passed as clean: its
// collection is partial, and public-s3-buckets says UNKNOWN there.
func TestPublicBucketsUnknownWhereThePolicyIsUnknown(t *testing.T) {
	rs := []*model.Resource{
		res("s3/bucket", "open", d{"is_public": true, "policy_is_public": true}),
		res("s3/bucket", "unknown", d{"acl_public": false}),
	}
	r := fixture(t, rs, []store.Collection{{AccountID: acct, Region: "us-east-1", Service: "s3", Type: "bucket",
		Outcome: store.OutcomePartial, Operation: "GetBucketPolicy", ErrorCode: "AccessDenied"}})
	lib, _ := Builtin()
	q, _ := lib.Get("public-s3-buckets")
	res, err := Run(ctx, r, q, nil, Scope{Types: types, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res.Rows); !reflect.DeepEqual(got, []string{"open"}) || len(res.Incomplete) != 1 {
		t.Errorf("rows %v, gaps %v", got, res.Incomplete)
	}
}

// Without a catalog a global type would look regional and be UNKNOWN in
// every region: Run refuses instead.
func TestRunRefusesAMissingCatalog(t *testing.T) {
	r := fixture(t, nil, []store.Collection{{AccountID: acct, Region: "global", Service: "iam", Type: "user", Outcome: store.OutcomeOK}})
	lib, _ := Builtin()
	q, _ := lib.Get("admin-users")
	if _, err := Run(context.Background(), r, q, nil, Scope{Now: testNow}); err == nil || !strings.Contains(err.Error(), "no type catalog") {
		t.Fatalf("err %v, want a refusal for the missing catalog", err)
	}
	if _, err := Run(context.Background(), r, q, nil, Scope{Types: types, Now: testNow}); err != nil {
		t.Fatal(err)
	}
}
