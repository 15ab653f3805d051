package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ncruces/go-sqlite3"

	"github.com/awsmap/awsmap/internal/demo"
	"github.com/awsmap/awsmap/internal/diff"
	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

// TestDiffMatchesDemoDrift scans two scans of the demo estate and checks
// the diff against the estate's own record of its drift (demo.Drift): per
// account and type, the same number of resources added and removed, and
// of tagged ones whose modification shows in their LastModified tag.
func TestDiffMatchesDemoDrift(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "demo.db")
	est := demo.New(demo.Options{Seed: 11, Size: 1500, Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	for s := range 3 {
		if _, err := runDemoScan(context.Background(), path, est.Scan(s), demo.ServeOptions{}, 0, 11); err != nil {
			t.Fatal(err)
		}
	}
	// Some demo types carry no tags at all (CloudWatch alarms): their
	// modifications cannot be told from those drift causes elsewhere.
	code, out, errs := awsmap(t, "--db", path, "query", "-f", "csv",
		"SELECT DISTINCT service || '/' || type FROM resources WHERE tags <> '{}'")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	tagged := map[string]bool{}
	for _, line := range strings.Split(out, "\n")[1:] {
		tagged[strings.TrimSpace(line)] = true
	}
	for _, tt := range []struct {
		from, to string
		a, b     int // demo scan numbers
	}{{"first", "previous", 0, 1}, {"previous", "latest", 1, 2}, {"first", "latest", 0, 2}} {
		code, out, errs := awsmap(t, "--db", path, "diff", "--from", tt.from, "--to", tt.to, "-f", "json")
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var res diff.Result
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		// Types the demo serves partially (a detail call it does not
		// answer) are unknown on both sides: never added nor removed.
		gapTypes := map[string]bool{}
		for _, g := range res.Incomplete {
			gapTypes[g.Service+"/"+g.Type] = true
		}
		want, kinds := driftCounts(est.Drift(tt.a, tt.b), tagged)
		for k := range gapTypes {
			delete(kinds, k)
		}
		if len(kinds) < 10 {
			t.Fatalf("only %d types drifted with complete collections: %v", len(kinds), kinds)
		}
		got := diffCounts(t, res.Entries, kinds, gapTypes)
		var diffs []string
		for _, k := range sortedKeys(union(want, got)) {
			if _, typ, _ := strings.Cut(k, " "); gapTypes[strings.Fields(typ)[0]] {
				continue
			}
			if want[k] != got[k] {
				diffs = append(diffs, fmt.Sprintf("%s: demo %d, diff %d", k, want[k], got[k]))
			}
		}
		if len(diffs) > 0 {
			t.Errorf("%s to %s: the diff differs from the demo's drift:\n%s", tt.from, tt.to, strings.Join(diffs, "\n"))
		}
	}
}

// driftCounts counts the demo's changes per account, type and change
// ("tag" for the modifications of tagged items of taggedTypes), and lists
// the types.
func driftCounts(changes []demo.Change, taggedTypes map[string]bool) (map[string]int, map[string]bool) {
	counts, kinds := map[string]int{}, map[string]bool{}
	for _, c := range changes {
		k := c.Account + " " + c.Service + "/" + c.Type
		kinds[c.Service+"/"+c.Type] = true
		if c.Change != "modified" {
			counts[k+" "+c.Change]++
		} else if c.Tagged && taggedTypes[c.Service+"/"+c.Type] {
			counts[k+" tag"]++
		}
	}
	return counts, kinds
}

// diffCounts counts the entries of the demo's types like driftCounts (and
// checks that those of gapTypes are never added nor removed): a
// modification counts when it changed the LastModified tag drift sets.
// Other modifications follow from drift elsewhere (an instance stopped
// changes its volumes' attachment state, a user added changes its group).
func diffCounts(t *testing.T, entries []diff.Entry, kinds, gapTypes map[string]bool) map[string]int {
	counts := map[string]int{}
	for _, e := range entries {
		if gapTypes[e.Service+"/"+e.Type] && (e.Change == diff.Added || e.Change == diff.Removed) {
			t.Errorf("%s %s, though its collection is incomplete", e.Change, e.Key)
		}
		if !kinds[e.Service+"/"+e.Type] {
			continue // types drift changes only through others (account summary)
		}
		k := e.Account + " " + e.Service + "/" + e.Type
		switch e.Change {
		case diff.Added, diff.Removed:
			counts[k+" "+e.Change]++
		case diff.Modified:
			for _, tag := range e.Tags {
				if tag.Path == "LastModified" {
					counts[k+" tag"]++
				}
			}
		default:
			t.Errorf("unexpected %s entry %s: %s", e.Change, e.Key, e.Reason)
		}
	}
	return counts
}

func union(a, b map[string]int) map[string]int {
	out := map[string]int{}
	for k, v := range a {
		out[k] += v
	}
	for k, v := range b {
		out[k] += v
	}
	return out
}

// testScan is one scan a test inventory holds.
type testScan struct {
	meta     store.ScanMeta
	rs       []*model.Resource
	cols     []store.Collection
	accounts []store.ScanAccount // an organization scan's accounts
}

// writeInventory writes the scans, complete, into a new inventory (and
// points the config at a fresh file, with t.Setenv: no flag names it, so the
// tests using it are not parallel) and returns its path.
func writeInventory(t *testing.T, scans []testScan) string {
	t.Helper()
	t.Setenv("AWSMAP_CONFIG", filepath.Join(t.TempDir(), "config"))
	path := filepath.Join(t.TempDir(), "inv.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range scans {
		w, err := db.BeginScan(s.meta)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range s.rs {
			if err := w.Add(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Finish(store.ScanResult{Status: store.StatusComplete, Collections: s.cols, Accounts: s.accounts}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// driftInventory writes three scans of one account, on Dec 1, 3 and 5
// 2026 at 10:00 UTC:
//
//  1. sg-1 open on port 22 to the world (<b> in its name), u-1, u-2
//  2. sg-1 open to 10.0.0.0/8 only; IAM denied (users kept, unknown)
//  3. sg-1 unchanged; u-2 gone; u-3 new; a second sg named like sg-1
func driftInventory(t *testing.T) string {
	t.Helper()
	sg := func(id, cidr string) *model.Resource {
		return &model.Resource{Key: model.Key{Account: auditAcct, Region: "us-east-1", Service: "ec2", Type: "security-group", ID: id},
			Name: "web <b>", Tags: map[string]string{"Env": "prod"},
			Details: map[string]any{"ingress_rules": []any{map[string]any{"from_port": 22, "cidrs": []any{cidr}}}}}
	}
	ok := func(service, typ, region string) store.Collection {
		return store.Collection{AccountID: auditAcct, Region: region, Service: service, Type: typ, Outcome: store.OutcomeOK}
	}
	denied := ok("iam", "user", "global")
	denied.Outcome, denied.Operation, denied.ErrorCode = store.OutcomeDenied, "GetAccountAuthorizationDetails", "AccessDenied"
	meta := store.ScanMeta{AccountID: auditAcct, AccountAlias: "acme-prod"}
	scans := []testScan{
		{meta, []*model.Resource{sg("sg-1", "0.0.0.0/0"), iamUser("u-1", nil, nil), iamUser("u-2", nil, nil)},
			[]store.Collection{ok("ec2", "security-group", "us-east-1"), ok("iam", "user", "global")}, nil},
		{meta, []*model.Resource{sg("sg-1", "10.0.0.0/8")}, []store.Collection{ok("ec2", "security-group", "us-east-1"), denied}, nil},
		{meta, []*model.Resource{sg("sg-1", "10.0.0.0/8"), sg("sg-2", "10.0.0.0/8"), iamUser("u-1", nil, nil), iamUser("u-3", nil, nil)},
			[]store.Collection{ok("ec2", "security-group", "us-east-1"), ok("iam", "user", "global")}, nil},
	}
	path := writeInventory(t, scans)
	conn, err := sqlite3.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.Exec(`UPDATE scans SET started_at = '2026-12-0' || (2 * id - 1) || 'T10:00:00Z'`); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDiffCommand(t *testing.T) {
	path := driftInventory(t)
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   []string // substrings
		stderr   []string
		notInOut []string
	}{
		{"defaults: previous to latest", nil, ExitOK,
			[]string{"- removed iam user u-2", "+ added ec2 security-group sg-2"},
			[]string{"Scan 2 (2026-12-03T10:00:00Z) to scan 3 (2026-12-05T10:00:00Z): 1 added, 1 removed, 0 modified, 1 unknown",
				"UNKNOWN at --from (scan 2) for 111122223333/global: iam user GetAccountAuthorizationDetails AccessDenied"},
			[]string{"sg-1"}},
		{"nested field change", []string{"--from", "first", "--to", "2"}, ExitOK,
			[]string{`~ modified ec2 security-group sg-1 "web <b>"`, `    ingress_rules[0].cidrs[0]: "0.0.0.0/0" -> "10.0.0.0/8"`},
			[]string{"UNKNOWN at --to (scan 2) for 111122223333/global: iam user"}, []string{"u-1", "u-2"}},
		{"a time between scans selects the earlier scan", []string{"--from", "2026-12-02", "--to", "2026-12-04T00:00:00Z"}, ExitOK,
			[]string{"ingress_rules[0].cidrs[0]"}, []string{"Scan 1 (2026-12-01T10:00:00Z) to scan 2"}, nil},
		{"unknown, not added, after a denied --from", []string{"--from", "2", "-s", "iam"}, ExitOK,
			[]string{"? unknown iam user u-3", "    UNKNOWN at --from (scan 2) for 111122223333/global: iam user GetAccountAuthorizationDetails AccessDenied"},
			nil, []string{"sg-"}},
		{"change filter and summary", []string{"--type", "removed", "--summary", "-f", "csv"}, ExitOK,
			[]string{"service,type,added,removed,modified,unknown\niam,user,0,1,0,0\n"}, nil, []string{"ec2"}},
		{"tag filter", []string{"--from", "first", "-t", "Env=prod"}, ExitOK, []string{"sg-1", "sg-2"}, nil, []string{"u-2"}},
		{"ignored field", []string{"--from", "first", "--ignore", "ingress_rules", "--type", "modified"}, ExitOK, nil, []string{"0 modified"}, []string{"sg-1"}},
		{"fail on changes", []string{"--fail-on", "changes"}, ExitChanges, nil, nil, nil},
		{"fail on changes: only unknown", []string{"--from", "2", "-s", "iam", "--type", "unknown", "--fail-on", "changes"}, ExitIncomplete, nil, nil, nil},
		{"account alias", []string{"-a", "acme-prod", "--summary"}, ExitOK, []string{"iam"}, nil, nil},
		{"bad change type", []string{"--type", "renamed"}, ExitUsage, nil, []string{`unknown change "renamed"`}, nil},
		{"bad selector", []string{"--from", "last-week"}, ExitUsage, nil, []string{"--from:", "or a time (YYYY-MM-DD"}, nil},
		{"before the first scan", []string{"--from", "2026-11-01"}, ExitUsage, nil, []string{"no scan at or before 2026-11-01T00:00:00Z"}, nil},
		{"reversed", []string{"--from", "latest", "--to", "first"}, ExitUsage, nil, []string{"--from must select an earlier scan"}, nil},
		{"bad region", []string{"-r", "us-east-9"}, ExitUsage, nil, []string{`unknown region "us-east-9"`}, nil},
		{"bad fail-on", []string{"--fail-on", "findings"}, ExitUsage, nil, []string{"valid: changes"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := awsmap(t, append([]string{"--db", path, "diff"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errs)
			}
			for _, want := range tt.stdout {
				if !strings.Contains(out, want) {
					t.Errorf("stdout lacks %q:\n%s", want, out)
				}
			}
			for _, want := range tt.stderr {
				if !strings.Contains(errs, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errs)
				}
			}
			for _, not := range tt.notInOut {
				if strings.Contains(out, not) {
					t.Errorf("stdout has %q:\n%s", not, out)
				}
			}
		})
	}
}

func TestDiffFormats(t *testing.T) {
	path := driftInventory(t)
	out := filepath.Join(t.TempDir(), "diff.html")
	if code, _, errs := awsmap(t, "--db", path, "diff", "--from", "first", "-f", "html", "-o", out); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("-o file mode %v, want 0600", fi.Mode().Perm())
	}
	page, _ := os.ReadFile(out)
	if strings.Contains(string(page), "web <b>") || !strings.Contains(string(page), `id="awsmap-data"`) {
		t.Error("the HTML page is not the report shell, or has a name as markup")
	}
	code, js, _ := awsmap(t, "--db", path, "diff", "--from", "first", "-f", "json")
	var res diff.Result
	if err := json.Unmarshal([]byte(js), &res); code != ExitOK || err != nil {
		t.Fatalf("json: exit %d, %v", code, err)
	}
	if res.From.ID != 1 || res.To.ID != 3 || len(res.Entries) != 4 {
		t.Errorf("json result: %+v", res)
	}
	_, nd, _ := awsmap(t, "--db", path, "diff", "--from", "first", "-f", "ndjson")
	if lines := strings.Count(nd, "\n"); lines != 4 {
		t.Errorf("ndjson: %d lines, want 4:\n%s", lines, nd)
	}
	_, csv, _ := awsmap(t, "--db", path, "diff", "--from", "first", "--to", "2", "-f", "csv")
	if !strings.Contains(csv, `modified,111122223333,us-east-1,ec2,security-group,sg-1,web <b>,2,field,ingress_rules[0].cidrs[0],"""0.0.0.0/0""","""10.0.0.0/8"""`) {
		t.Errorf("csv:\n%s", csv)
	}
}

func TestHistoryCommand(t *testing.T) {
	path := driftInventory(t)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{"by id", []string{"sg-1"}, ExitOK, []string{
			`ec2 security-group sg-1 "web <b>" (111122223333 us-east-1)`,
			"scan 1  2026-12-01T10:00:00Z  added",
			"scan 2  2026-12-03T10:00:00Z  modified\n    ingress_rules[0].cidrs[0]: \"0.0.0.0/0\" -> \"10.0.0.0/8\""}, nil},
		{"gone", []string{"u-2"}, ExitOK, []string{"scan 1  2026-12-01T10:00:00Z  added", "scan 3  2026-12-05T10:00:00Z  removed"}, nil},
		{"ambiguous name", []string{"web <b>"}, ExitUsage, nil, []string{`"web <b>" names 2 resources:`, "sg-1", "sg-2", "narrow with -a, -s or -r"}},
		{"unknown", []string{"sg-9"}, ExitUsage, nil, []string{`no resource with id, ARN or name "sg-9"`}},
		{"field timeline", []string{"sg-1", "--field", "ingress_rules[0].cidrs"}, ExitOK,
			[]string{`2026-12-01T10:00:00Z (scan 1)  2026-12-03T10:00:00Z (scan 2)  ["0.0.0.0/0"]`, `2026-12-03T10:00:00Z (scan 2)  (current)                      ["10.0.0.0/8"]`}, nil},
		{"json", []string{"sg-1", "-f", "json"}, ExitOK, []string{`"change": "modified"`, `"path": "ingress_rules[0].cidrs[0]"`}, nil},
		{"bad path", []string{"sg-1", "--field", "a[x]"}, ExitUsage, nil, []string{"--field: field path"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := awsmap(t, append([]string{"--db", path, "history"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errs)
			}
			for _, want := range tt.stdout {
				if !strings.Contains(out, want) {
					t.Errorf("stdout lacks %q:\n%s", want, out)
				}
			}
			for _, want := range tt.stderr {
				if !strings.Contains(errs, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errs)
				}
			}
		})
	}
}

func TestDiffNeedsTwoScans(t *testing.T) {
	path := auditInventory(t, []*model.Resource{iamUser("u-1", nil, nil)}, nil)
	code, _, errs := awsmap(t, "--db", path, "diff")
	if code != ExitUsage || !strings.Contains(errs, "holds 1 scan(s): a diff needs two") {
		t.Errorf("exit %d: %s", code, errs)
	}
}

// TestScanTimeSelector: --scan takes a time wherever it is accepted; one
// between two scans selects the earlier.
func TestScanTimeSelector(t *testing.T) {
	path := driftInventory(t)
	for _, tt := range []struct{ scan, want string }{
		{"2026-12-04", "3\n"},           // scan 2: sg-1, u-1, u-2 (IAM denied: kept)
		{"2026-12-01T10:00:00Z", "3\n"}, // scan 1
		{"latest", "4\n"},               // scan 3: sg-1, sg-2, u-1, u-3
	} {
		code, out, errs := awsmap(t, "--db", path, "query", "--scan", tt.scan, "-f", "csv", "SELECT count(*) AS n FROM resources")
		if code != ExitOK || out != "n\n"+tt.want {
			t.Errorf("--scan %s: exit %d, %q %s", tt.scan, code, out, errs)
		}
	}
	if code, _, errs := awsmap(t, "--db", path, "query", "--scan", "2026-11-30", "SELECT 1"); code != ExitUsage || !strings.Contains(errs, "no scan at or before") {
		t.Errorf("--scan before the first scan: exit %d, %s", code, errs)
	}
}

// TestDiffOneAccountAtATime: accounts scanned one after the other; -a
// compares an account's own scans, and without it a note says the two
// scans covered different accounts.
func TestDiffOneAccountAtATime(t *testing.T) {
	var scans []testScan
	for _, s := range []struct{ acct, users string }{{"111111111111", "a1"}, {"222222222222", "b1"}, {"111111111111", "a1 a2"}} {
		var rs []*model.Resource
		for _, u := range strings.Fields(s.users) {
			rs = append(rs, &model.Resource{Key: model.Key{Account: s.acct, Region: "global", Service: "iam", Type: "user", ID: u}})
		}
		scans = append(scans, testScan{store.ScanMeta{AccountID: s.acct, Profile: "p" + s.acct[:1]}, rs,
			[]store.Collection{{AccountID: s.acct, Region: "global", Service: "iam", Type: "user", Outcome: store.OutcomeOK}}, nil})
	}
	path := writeInventory(t, scans)
	code, out, errs := awsmap(t, "--db", path, "diff", "-a", "p1")
	if code != ExitOK || !strings.Contains(out, "+ added iam user a2") || !strings.Contains(errs, "Scan 1 (") || strings.Contains(errs, "Note:") {
		t.Errorf("-a: exit %d\n%s%s", code, out, errs)
	}
	code, _, errs = awsmap(t, "--db", path, "diff")
	if code != ExitOK || !strings.Contains(errs, "Note: scan 2 covered 222222222222 and scan 3 covered 111111111111") {
		t.Errorf("no -a: exit %d\n%s", code, errs)
	}
}

// TestDiffAndHistoryOfSeveralAccounts: two organization scans of three
// accounts; -a (repeatable) and --ou limit diff and history to some of them,
// and accounts scanned apart are refused together rather than mispaired.
func TestDiffAndHistoryOfSeveralAccounts(t *testing.T) {
	accts := []store.ScanAccount{
		{ID: "111111111111", Name: "prod", OUPath: "ou-root-apps", OUNames: "apps", Status: store.AccountOK},
		{ID: "222222222222", Name: "stage", OUPath: "ou-root-apps", OUNames: "apps", Status: store.AccountOK},
		{ID: "333333333333", Name: "sandbox", OUPath: "ou-root-play", OUNames: "play", Status: store.AccountOK},
	}
	orgScan := func(users string) testScan {
		s := testScan{accounts: accts}
		for _, a := range accts {
			for _, u := range strings.Fields(users) {
				s.rs = append(s.rs, &model.Resource{Key: model.Key{Account: a.ID, Region: "global", Service: "iam", Type: "user", ID: u + "-" + a.Name}})
			}
			s.cols = append(s.cols, store.Collection{AccountID: a.ID, Region: "global", Service: "iam", Type: "user", Outcome: store.OutcomeOK})
		}
		return s
	}
	lone := testScan{meta: store.ScanMeta{AccountID: "333333333333", Profile: "play"},
		rs:   []*model.Resource{{Key: model.Key{Account: "333333333333", Region: "global", Service: "iam", Type: "user", ID: "u-sandbox"}}},
		cols: []store.Collection{{AccountID: "333333333333", Region: "global", Service: "iam", Type: "user", Outcome: store.OutcomeOK}}}
	path := writeInventory(t, []testScan{orgScan("u"), orgScan("u v"), lone})

	added := func(out string) []string {
		var names []string
		for _, l := range strings.Split(out, "\n") {
			if name, ok := strings.CutPrefix(l, "+ added iam user "); ok {
				names = append(names, strings.Fields(name)[0])
			}
		}
		return names
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-a", "prod", "-a", "222222222222", "--to", "2"}, "v-prod v-stage"},
		{[]string{"-a", "prod,stage", "--to", "2"}, "v-prod v-stage"},
		{[]string{"--ou", "apps", "--to", "2"}, "v-prod v-stage"},
		{[]string{"-a", "stage", "--to", "2"}, "v-stage"},
	} {
		code, out, errs := awsmap(t, append([]string{"--db", path, "diff"}, tt.args...)...)
		if got := strings.Join(added(out), " "); code != ExitOK || got != tt.want {
			t.Errorf("diff %v: exit %d, added %q, want %q\n%s%s", tt.args, code, got, tt.want, out, errs)
		}
	}
	// The sandbox's latest scan is scan 3, the others' scan 2.
	code, _, errs := awsmap(t, "--db", path, "diff", "-a", "prod", "-a", "sandbox")
	if code != ExitUsage || !strings.Contains(errs, "not scanned together") || !strings.Contains(errs, "333333333333: scans 2 to 3") {
		t.Errorf("accounts scanned apart: exit %d, %s", code, errs)
	}
	code, out, errs := awsmap(t, "--db", path, "history", "v-stage", "--ou", "apps", "-a", "sandbox")
	if code != ExitOK || !strings.Contains(out, "iam user v-stage (222222222222 global)") {
		t.Errorf("history --ou: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := awsmap(t, "--db", path, "history", "v-stage", "-a", "prod", "-a", "sandbox"); code != ExitUsage || !strings.Contains(errs, "with the -a, --ou, -s, -r filters given") {
		t.Errorf("history outside the accounts: exit %d, %s", code, errs)
	}
}
