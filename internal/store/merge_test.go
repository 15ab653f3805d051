package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ncruces/go-sqlite3"

	"github.com/awsmap/awsmap/internal/model"
)

// TestHistoryMerge runs a first scan that sees i-1 (us-east-1, edge to
// subnet-1) and i-2 (eu-west-1), then a second scan, and checks the
// versions of i-1 and of its edges. Scan numbers in want are ordinals
// (1: first scan, 2: second scan, 0: still current).
func TestHistoryMerge(t *testing.T) {
	web := func() *model.Resource { return instance("us-east-1", "i-1", "web") }
	db2 := instance("eu-west-1", "i-2", "db")
	bothOK := []Collection{collected("us-east-1", OutcomeOK), collected("eu-west-1", OutcomeOK)}
	first := scanInput{
		resources:   []*model.Resource{web(), db2},
		edges:       []model.Relationship{edge("us-east-1", "i-1", "subnet-1")},
		collections: bothOK,
	}
	kept := []version{{firstSeen: 1, first: 1, end: 0, name: "web"}}
	retired := []version{{firstSeen: 1, first: 1, end: 2, name: "web"}}
	edgeKept := []version{{first: 1, end: 0, name: "subnet-1"}}
	edgeRetired := []version{{first: 1, end: 2, name: "subnet-1"}}
	renamed := web()
	renamed.Name = "web2"
	retagged := web()
	retagged.Tags = map[string]string{"Name": "web", "env": "prod"}
	stopped := web()
	stopped.Details = map[string]any{"state": "stopped", "cpu": 2}
	missing := func(outcomes ...Collection) scanInput {
		return scanInput{resources: []*model.Resource{db2}, collections: outcomes}
	}

	tests := []struct {
		name        string
		second      scanInput
		want        []version
		wantEdges   []version
		wantNoWrite bool
	}{
		{name: "unchanged", second: first, want: kept, wantEdges: edgeKept, wantNoWrite: true},
		{name: "renamed", second: scanInput{resources: []*model.Resource{renamed, db2}, collections: bothOK},
			want: []version{ver(1, 1, 2, "web"), ver(1, 2, 0, "web2")}, wantEdges: edgeRetired},
		{name: "tags changed", second: scanInput{resources: []*model.Resource{retagged, db2},
			edges: first.edges, collections: bothOK},
			want: []version{ver(1, 1, 2, "web"), ver(1, 2, 0, "web")}, wantEdges: edgeKept},
		{name: "details changed", second: scanInput{resources: []*model.Resource{stopped, db2},
			edges: first.edges, collections: bothOK},
			want: []version{ver(1, 1, 2, "web"), ver(1, 2, 0, "web")}, wantEdges: edgeKept},
		{name: "missing after ok", second: missing(bothOK...), want: retired, wantEdges: edgeRetired},
		{name: "missing after partial", second: missing(collected("us-east-1", OutcomePartial)),
			want: retired, wantEdges: edgeRetired},
		{name: "missing after denied", second: missing(collected("us-east-1", OutcomeDenied)),
			want: kept, wantEdges: edgeKept},
		{name: "missing after throttled", second: missing(collected("us-east-1", OutcomeThrottled)),
			want: kept, wantEdges: edgeKept},
		{name: "missing after error", second: missing(collected("us-east-1", OutcomeError)),
			want: kept, wantEdges: edgeKept},
		{name: "missing after skipped", second: missing(collected("us-east-1", OutcomeSkipped)),
			want: kept, wantEdges: edgeKept},
		{name: "missing without collection", second: missing(), want: kept, wantEdges: edgeKept},
		{name: "missing, only another region collected", second: missing(collected("eu-west-1", OutcomeOK)),
			want: kept, wantEdges: edgeKept},
		{name: "missing, only another type collected", second: missing(Collection{AccountID: testAccount,
			Region: "us-east-1", Service: "ec2", Type: "volume", Outcome: OutcomeOK}),
			want: kept, wantEdges: edgeKept},
		{name: "missing after all-regions collection", second: missing(collected(model.AllRegions, OutcomeOK)),
			want: retired, wantEdges: edgeRetired},
		{name: "missing after failed all-regions collection",
			second: missing(collected(model.AllRegions, OutcomeError)), want: kept, wantEdges: edgeKept},
		{name: "edge retargeted", second: scanInput{resources: []*model.Resource{web(), db2},
			edges: []model.Relationship{edge("us-east-1", "i-1", "subnet-2")}, collections: bothOK},
			want: kept, wantEdges: []version{ver(0, 1, 2, "subnet-1"), ver(0, 2, 0, "subnet-2")}},
		{name: "edge missing after denied", second: scanInput{resources: []*model.Resource{web(), db2},
			collections: []Collection{collected("us-east-1", OutcomeDenied)}},
			want: kept, wantEdges: edgeKept},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, _ := newTestDB(t)
			s1 := runScan(t, db, first)
			before := resourceVersions(t, db, "i-1")
			writes := 0
			db.conn.UpdateHook(func(_ sqlite3.AuthorizerActionCode, schema, table string, _ int64) {
				if schema == "main" && (table == "resource_versions" || table == "relationship_versions") {
					writes++
				}
			})
			s2 := runScan(t, db, tt.second)
			db.conn.UpdateHook(nil)

			ids := map[int64]int64{0: 0, 1: s1, 2: s2}
			checkVersions(t, "i-1", resourceVersions(t, db, "i-1"), tt.want, ids, true)
			checkVersions(t, "edges of i-1", edgeVersions(t, db, "i-1"), tt.wantEdges, ids, false)
			if tt.wantNoWrite {
				if writes != 0 {
					t.Errorf("unchanged scan wrote %d history rows", writes)
				}
				if after := resourceVersions(t, db, "i-1"); !slices.Equal(after, before) {
					t.Errorf("versions changed: %v -> %v", before, after)
				}
				if n := count(t, db, `SELECT count(*) FROM resource_versions`); n != 2 {
					t.Errorf("resource_versions has %d rows, want 2", n)
				}
			}
		})
	}
}

// checkVersions compares versions, ignoring row ids, after mapping scan
// ordinals in want to scan ids.
func checkVersions(t *testing.T, what string, got, want []version, ids map[int64]int64, firstSeen bool) {
	t.Helper()
	mapped := make([]version, len(want))
	for i, w := range want {
		mapped[i] = version{first: ids[w.first], end: ids[w.end], name: w.name}
		if firstSeen {
			mapped[i].firstSeen = ids[w.firstSeen]
		}
	}
	got = withoutIDs(got)
	if !firstSeen {
		for i := range got {
			got[i].firstSeen = 0
		}
	}
	if !slices.Equal(got, mapped) {
		t.Errorf("%s: versions %+v, want %+v", what, got, mapped)
	}
}

func TestFirstSeenCarriedAcrossVersions(t *testing.T) {
	db, path := newTestDB(t)
	var scans []int64
	for _, name := range []string{"a", "b", "c"} {
		scans = append(scans, runScan(t, db, scanInput{
			resources:   []*model.Resource{instance("us-east-1", "i-1", name)},
			collections: []Collection{collected("us-east-1", OutcomeOK)},
		}))
	}
	// Distinct start times, to tell first_seen from last_changed.
	for i, id := range scans {
		if err := execSQL(db.conn, `UPDATE scans SET started_at = ? WHERE id = ?`,
			[]string{"2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"}[i], id); err != nil {
			t.Fatal(err)
		}
	}
	for _, v := range resourceVersions(t, db, "i-1") {
		if v.firstSeen != scans[0] {
			t.Errorf("version %+v: first_seen_scan %d, want %d", v, v.firstSeen, scans[0])
		}
	}
	r, err := OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got := queryAll(t, r, `SELECT name, first_seen, last_changed FROM resources`)
	want := [][]any{{"c", "2024-01-01T00:00:00Z", "2024-03-01T00:00:00Z"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("resources: %v, want %v", got, want)
	}
}

func TestReappearingResourceIsNew(t *testing.T) {
	db, _ := newTestDB(t)
	ok := []Collection{collected("us-east-1", OutcomeOK)}
	seen := scanInput{resources: []*model.Resource{instance("us-east-1", "i-1", "web")}, collections: ok}
	s1 := runScan(t, db, seen)
	s2 := runScan(t, db, scanInput{collections: ok})
	s3 := runScan(t, db, seen)
	got := withoutIDs(resourceVersions(t, db, "i-1"))
	want := []version{ver(s1, s1, s2, "web"), ver(s3, s3, 0, "web")}
	if !slices.Equal(got, want) {
		t.Errorf("versions %+v, want %+v", got, want)
	}
}

func TestDuplicateAddLastWins(t *testing.T) {
	db, _ := newTestDB(t)
	runScan(t, db, scanInput{resources: []*model.Resource{
		instance("us-east-1", "i-1", "old"), instance("us-east-1", "i-1", "new"),
	}})
	got := resourceVersions(t, db, "i-1")
	if len(got) != 1 || got[0].name != "new" {
		t.Errorf("versions %+v, want one named new", got)
	}
	if n := count(t, db, `SELECT resource_count FROM scans`); n != 1 {
		t.Errorf("resource_count %d, want 1", n)
	}
}

// Duplicates are dropped in SQL only when Go saw a key hash repeat, and the
// first scan of an empty history skips the plan: both paths must agree.
func TestDuplicatesOnFirstAndLaterScans(t *testing.T) {
	db, _ := newTestDB(t)
	in := scanInput{
		resources: []*model.Resource{
			instance("us-east-1", "i-1", "old"), instance("us-east-1", "i-2", "two"), instance("us-east-1", "i-1", "new"),
		},
		edges: []model.Relationship{edge("us-east-1", "i-1", "i-2"), edge("us-east-1", "i-1", "i-2")},
	}
	first := runScan(t, db, in)
	// A later scan: i-1 changes back to "old" then to "again"; i-2 repeats unchanged.
	in.resources = []*model.Resource{
		instance("us-east-1", "i-1", "old"), instance("us-east-1", "i-2", "two"),
		instance("us-east-1", "i-2", "two"), instance("us-east-1", "i-1", "again"),
	}
	second := runScan(t, db, in)
	if got, want := withoutIDs(resourceVersions(t, db, "i-1")),
		[]version{ver(first, first, second, "new"), ver(first, second, 0, "again")}; !slices.Equal(got, want) {
		t.Errorf("i-1 versions %+v, want %+v", got, want)
	}
	if got := resourceVersions(t, db, "i-2"); len(got) != 1 {
		t.Errorf("i-2 versions %+v, want the first scan's only", got)
	}
	if got := edgeVersions(t, db, "i-1"); len(got) != 1 {
		t.Errorf("edges from i-1 %+v, want one, current since the first scan", got)
	}
	if n := count(t, db, `SELECT resource_count FROM scans WHERE id = ?`, second); n != 2 {
		t.Errorf("resource_count %d, want 2", n)
	}
}

func TestAbortKeepsLedgerAndHistory(t *testing.T) {
	db, _ := newTestDB(t)
	ok := []Collection{collected("us-east-1", OutcomeOK)}
	runScan(t, db, scanInput{resources: []*model.Resource{instance("us-east-1", "i-1", "web")}, collections: ok})
	before := resourceVersions(t, db, "i-1")

	w, err := db.BeginScan(ScanMeta{AccountID: testAccount})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(instance("us-east-1", "i-1", "changed")); err != nil {
		t.Fatal(err)
	}
	calls := []APICall{{AccountID: testAccount, Region: "us-east-1", Service: "ec2",
		Operation: "DescribeInstances", Calls: 3, Outcome: OutcomeOK}}
	if err := w.Abort(ScanResult{Collections: ok, Calls: calls}); err != nil {
		t.Fatal(err)
	}
	if got := resourceVersions(t, db, "i-1"); !slices.Equal(got, before) {
		t.Errorf("history changed by an aborted scan: %+v -> %+v", before, got)
	}
	id := w.ScanID()
	if status := count(t, db, `SELECT count(*) FROM scans WHERE id = ? AND status = 'aborted'
		AND finished_at IS NOT NULL AND api_calls = 3`, id); status != 1 {
		t.Errorf("scan %d is not recorded as aborted with its counts", id)
	}
	if n := count(t, db, `SELECT count(*) FROM collections WHERE scan_id = ?`, id); n != 1 {
		t.Errorf("aborted scan kept %d collections, want 1", n)
	}
	if err := w.Add(instance("us-east-1", "i-9", "late")); err == nil {
		t.Error("Add after Abort succeeded")
	}
}

func TestWriterRejects(t *testing.T) {
	db, _ := newTestDB(t)
	w, err := db.BeginScan(ScanMeta{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort(ScanResult{})
	noRegion := instance("", "i-1", "x")
	allRegions := instance(model.AllRegions, "i-1", "x")
	badEdge := edge("us-east-1", "i-1", "subnet-1")
	badEdge.Kind = ""
	tests := []struct {
		name string
		err  error
	}{
		{"second BeginScan", func() error { _, err := db.BeginScan(ScanMeta{}); return err }()},
		{"resource without region", w.Add(noRegion)},
		{"resource in region *", w.Add(allRegions)},
		{"relationship without kind", w.Relate(badEdge)},
		{"unserialisable details", w.Add(&model.Resource{Key: instance("us-east-1", "i-2", "").Key,
			Details: map[string]any{"f": func() {}}})},
		{"finish with status aborted", w.Finish(ScanResult{Status: StatusAborted})},
		{"invalid outcome", w.Finish(ScanResult{Status: StatusComplete,
			Collections: []Collection{collected("us-east-1", "fine")}})},
	}
	for _, tt := range tests {
		if tt.err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	if err := w.Relate(badEdge); err == nil || !strings.Contains(err.Error(), "i-1 --> ") ||
		!strings.Contains(err.Error(), "subnet-1: empty kind") {
		t.Errorf("a rejected edge is named in the error, got %v", err)
	}
}

func TestOutOfOrderFinishRenumbers(t *testing.T) {
	_, path := newTestDB(t)
	a, b := openTwice(t, path)
	wa, err := a.BeginScan(ScanMeta{AccountID: testAccount})
	if err != nil {
		t.Fatal(err)
	}
	wb, err := b.BeginScan(ScanMeta{AccountID: testAccount})
	if err != nil {
		t.Fatal(err)
	}
	ok := ScanResult{Status: StatusComplete, Collections: []Collection{collected("us-east-1", OutcomeOK)}}
	if err := errors.Join(wb.Add(instance("us-east-1", "i-1", "from b")), wb.Finish(ok)); err != nil {
		t.Fatal(err)
	}
	startedA := wa.ScanID()
	if err := errors.Join(wa.Add(instance("us-east-1", "i-1", "from a")), wa.Finish(ok)); err != nil {
		t.Fatal(err)
	}
	if wa.ScanID() <= wb.ScanID() {
		t.Fatalf("scan a finished last with id %d (started as %d), b has %d", wa.ScanID(), startedA, wb.ScanID())
	}
	got := withoutIDs(resourceVersions(t, a, "i-1"))
	want := []version{ver(wb.ScanID(), wb.ScanID(), wa.ScanID(), "from b"),
		ver(wb.ScanID(), wa.ScanID(), 0, "from a")}
	if !slices.Equal(got, want) {
		t.Errorf("versions %+v, want %+v", got, want)
	}
	if n := count(t, a, `SELECT count(*) FROM scans WHERE id = ?`, startedA); n != 0 {
		t.Errorf("the old id %d of scan a is still in scans", startedA)
	}
}

// openTwice opens two independent connections on path, as two processes.
func openTwice(t *testing.T, path string) (*DB, *DB) {
	t.Helper()
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return a, b
}

func TestStagingBatches(t *testing.T) {
	db, _ := newTestDB(t)
	// A full batch whose last row is "old", then "new" alone in the partial
	// batch Finish flushes: it must not re-insert the full batch's rows.
	var first []*model.Resource
	for i := range stageRows - 1 {
		first = append(first, instance("us-east-1", fmt.Sprintf("i-%d", i), "filler"))
	}
	first = append(first, instance("us-east-1", "i-x", "old"), instance("us-east-1", "i-x", "new"))
	runScan(t, db, scanInput{resources: first})
	if got := resourceVersions(t, db, "i-x"); len(got) != 1 || got[0].name != "new" {
		t.Errorf("i-x: versions %+v, want one named new", got)
	}
	// Enough rows for several staging transactions.
	var many []*model.Resource
	for i := range 2*stagingBatch + 7 {
		many = append(many, instance("eu-west-1", fmt.Sprintf("i-%d", i), "more"))
	}
	runScan(t, db, scanInput{resources: many})
	if n, want := count(t, db, `SELECT count(*) FROM resources`), int64(stageRows+2*stagingBatch+7); n != want {
		t.Errorf("%d resources, want %d", n, want)
	}
}

func TestStagingFailureOnlyAborts(t *testing.T) {
	db, _ := newTestDB(t)
	w, err := db.BeginScan(ScanMeta{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.conn.Exec(`DROP TABLE temp.staged_resources`); err != nil {
		t.Fatal(err)
	}
	var addErr error
	for i := 0; i < stageRows && addErr == nil; i++ {
		addErr = w.Add(instance("us-east-1", fmt.Sprintf("i-%d", i), "lost"))
	}
	if addErr == nil {
		t.Fatal("staging into a dropped table succeeded")
	}
	if err := w.Finish(ScanResult{Status: StatusComplete}); err == nil || !strings.Contains(err.Error(), "abort") {
		t.Errorf("Finish after a staging failure: %v", err)
	}
	if err := w.Abort(ScanResult{}); err != nil {
		t.Errorf("Abort: %v", err)
	}
	if n := count(t, db, `SELECT count(*) FROM scans WHERE status = 'aborted'`); n != 1 {
		t.Errorf("%d aborted scans, want 1", n)
	}
}

func TestWriteTransactionWaitsForTheLock(t *testing.T) {
	_, path := newTestDB(t)
	holder, waiter := openTwice(t, path)
	if err := waiter.conn.BusyTimeout(20 * time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if err := holder.conn.Exec(`BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	released := make(chan error)
	go func() {
		time.Sleep(300 * time.Millisecond)
		released <- holder.conn.Exec(`COMMIT`)
	}()
	ran := false
	err := inImmediate(waiter.conn, 10*time.Second, func() error { ran = true; return nil })
	if err := <-released; err != nil {
		t.Fatal(err)
	}
	if err != nil || !ran {
		t.Errorf("inImmediate behind a 300ms lock (20ms busy timeout): %v, ran %v", err, ran)
	}
}
