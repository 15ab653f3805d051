package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ncruces/go-sqlite3"
)

// orgAccounts are the accounts of the organization scans below.
var orgAccounts = []ScanAccount{
	{ID: "111111111111", Name: "management", Alias: "mgmt", OUPath: "r-ab12", OUNames: "Root",
		Profile: "org", Status: AccountOK},
	{ID: "222222222222", Name: "prod", OUPath: "r-ab12/ou-ab12-prod0001", OUNames: "Root/Workloads",
		RoleARN: "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole", Status: AccountOK},
	{ID: "333333333333", Name: "sandbox", OUPath: "r-ab12/ou-ab12-sand0001", OUNames: "Root/Sandbox",
		RoleARN: "arn:aws:iam::333333333333:role/OrganizationAccountAccessRole", Status: AccountOK},
}

// orgScan writes one organization scan: one instance per scanned account,
// an ok collection for each, and denied collections for denied accounts.
func orgScan(t *testing.T, db *DB, accounts []ScanAccount, instances map[string][]string) int64 {
	t.Helper()
	w, err := db.BeginScan(ScanMeta{Profile: "org", Regions: []string{"us-east-1"}})
	if err != nil {
		t.Fatal(err)
	}
	res := ScanResult{Status: StatusComplete, Accounts: accounts}
	for _, a := range accounts {
		outcome := OutcomeOK
		if a.Status == AccountDenied {
			outcome, res.Status = OutcomeDenied, StatusPartial
		}
		res.Collections = append(res.Collections, Collection{AccountID: a.ID, Region: "us-east-1",
			Service: "ec2", Type: "instance", Outcome: outcome, ErrorCode: a.ErrorCode})
		for _, id := range instances[a.ID] {
			r := instance("us-east-1", id, id)
			r.Account = a.ID
			if err := w.Add(r); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Finish(res); err != nil {
		t.Fatal(err)
	}
	return w.ScanID()
}

// TestOrganizationScan: one scans row with a NULL account, one
// scan_accounts row per account with its resource count; a denied account
// on the next scan keeps its resources (nothing retired) and is listed
// denied, while a scanned account's vanished resource is retired.
func TestOrganizationScan(t *testing.T) {
	db, path := newTestDB(t)
	first := orgScan(t, db, orgAccounts, map[string][]string{
		"111111111111": {"i-m"}, "222222222222": {"i-p1", "i-p2"}, "333333333333": {"i-s"}})
	second := slices.Clone(orgAccounts)
	second[2].Status, second[2].ErrorCode, second[2].ErrorMessage = AccountDenied, "AccessDenied", "not authorized to perform sts:AssumeRole"
	last := orgScan(t, db, second, map[string][]string{"111111111111": {"i-m"}, "222222222222": {"i-p1"}})

	if n := count(t, db, `SELECT count(*) FROM scans WHERE account_id IS NOT NULL`); n != 0 {
		t.Errorf("%d scans rows name an account, want 0 (organization scans list them in scan_accounts)", n)
	}
	r := currentState(t, db, path)
	got := readerRows(t, r, `SELECT scan_id, account_id, status, resources FROM scan_accounts ORDER BY 1, 2`)
	want := []string{
		fmt.Sprintf("[%d 111111111111 ok 1]", first), fmt.Sprintf("[%d 222222222222 ok 2]", first),
		fmt.Sprintf("[%d 333333333333 ok 1]", first),
		fmt.Sprintf("[%d 111111111111 ok 1]", last), fmt.Sprintf("[%d 222222222222 ok 1]", last),
		fmt.Sprintf("[%d 333333333333 denied 0]", last),
	}
	if !slices.Equal(got, want) {
		t.Errorf("scan_accounts:\n got %v\nwant %v", got, want)
	}
	if got := readerRows(t, r, `SELECT account_id, id FROM resources ORDER BY 1, 2`); !slices.Equal(got,
		[]string{"[111111111111 i-m]", "[222222222222 i-p1]", "[333333333333 i-s]"}) {
		t.Errorf("current resources %v: i-p2 retired, the denied account's i-s kept", got)
	}

	infos, err := r.Accounts()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, a := range infos {
		lines = append(lines, fmt.Sprintf("%s %s %s %d %s", a.ID, a.Name, a.OUNames, a.Resources, a.Coverage()))
	}
	if want := []string{"111111111111 management Root 1 ok", "222222222222 prod Root/Workloads 1 ok",
		"333333333333 sandbox Root/Sandbox 1 denied (AccessDenied)"}; !slices.Equal(lines, want) {
		t.Errorf("Accounts:\n got %q\nwant %q", lines, want)
	}
}

// TestResolveAccounts: -a takes ids, names, aliases and profiles; --ou OU
// ids or names on the path; ambiguity and unknown names are errors.
func TestResolveAccounts(t *testing.T) {
	db, path := newTestDB(t)
	orgScan(t, db, orgAccounts, nil)
	r := currentState(t, db, path)
	for _, tc := range []struct {
		accounts, ous []string
		want          []string
		err           string
	}{
		{want: nil},
		{accounts: []string{"222222222222"}, want: []string{"222222222222"}},
		{accounts: []string{"Prod", "mgmt"}, want: []string{"111111111111", "222222222222"}},
		{accounts: []string{"org"}, want: []string{"111111111111"}},
		{ous: []string{"ou-ab12-sand0001"}, want: []string{"333333333333"}},
		{ous: []string{"root"}, accounts: []string{"sandbox"}, want: []string{"111111111111", "222222222222", "333333333333"}},
		{accounts: []string{"prdo"}, err: `unknown account "prdo" (did you mean prod?)`},
		{ous: []string{"ou-nope"}, err: `unknown organizational unit "ou-nope"`},
	} {
		got, err := r.ResolveAccounts(tc.accounts, tc.ous)
		var unknown *UnknownAccountError
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err) || !errors.As(err, &unknown)):
			t.Errorf("ResolveAccounts(%q, %q) error = %v, want %q", tc.accounts, tc.ous, err, tc.err)
		case tc.err == "" && (err != nil || !slices.Equal(got, tc.want)):
			t.Errorf("ResolveAccounts(%q, %q) = %q, %v; want %q", tc.accounts, tc.ous, got, err, tc.want)
		}
	}
}

// TestUseAccounts: the views of a reader limited to accounts hide the
// others' resources, edges and coverage.
func TestUseAccounts(t *testing.T) {
	db, path := newTestDB(t)
	orgScan(t, db, orgAccounts, map[string][]string{"111111111111": {"i-m"}, "222222222222": {"i-p"}})
	r := currentState(t, db, path)
	r.UseAccounts([]string{"222222222222"})
	if err := r.UseScan(0, nil); err != nil {
		t.Fatal(err)
	}
	for sql, want := range map[string]string{
		`SELECT group_concat(id) FROM resources`:                    "[i-p]",
		`SELECT group_concat(DISTINCT account_id) FROM coverage`:    "[222222222222]",
		`SELECT count(*) FROM main.resources`:                       "[2]",
		`SELECT count(DISTINCT account_id) FROM main.scan_accounts`: "[3]",
	} {
		if got := readerRows(t, r, sql); len(got) != 1 || got[0] != want {
			t.Errorf("%s = %v, want %s", sql, got, want)
		}
	}
}

// TestCommaJoinedAccountsRefused: a scan of several accounts must list
// them, never join them into scans.account_id.
func TestCommaJoinedAccountsRefused(t *testing.T) {
	db, _ := newTestDB(t)
	if _, err := db.BeginScan(ScanMeta{AccountID: "111111111111,222222222222"}); err == nil {
		t.Fatal("BeginScan accepted a comma-joined account id")
	}
	w, err := db.BeginScan(ScanMeta{})
	if err != nil {
		t.Fatal(err)
	}
	dup := []ScanAccount{orgAccounts[0], orgAccounts[0]}
	if err := w.Finish(ScanResult{Status: StatusComplete, Accounts: dup}); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("Finish with an account twice: %v", err)
	}
	if err := w.Abort(ScanResult{}); err != nil {
		t.Fatal(err)
	}
}

// TestMigrationSplitsJoinedAccounts opens a schema 4 inventory holding a
// single-account scan, a partial demo scan of two comma-joined accounts
// (one with a failed collection) and an aborted one: schema 5 gives each
// account its scan_accounts row and clears the joined scans.account_id.
func TestMigrationSplitsJoinedAccounts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	conn, err := openConn(path, false)
	if err != nil {
		t.Fatal(err)
	}
	err = registerEdgeKey(conn)
	for _, m := range migrations[:4] {
		err = errors.Join(err, conn.Exec(m))
	}
	err = errors.Join(err, conn.Exec(`PRAGMA user_version=4;
		INSERT INTO scans (id, started_at, status, account_id, account_alias, profile, resource_count, ledger) VALUES
			(1, '2026-01-01T00:00:00Z', 'complete', '111111111111', 'solo', 'prod', 7, 1),
			(2, '2026-01-02T00:00:00Z', 'partial', '111111111111,222222222222', 'demo', 'demo', 9, 1),
			(3, '2026-01-03T00:00:00Z', 'aborted', '111111111111, 222222222222', 'demo', 'demo', 0, 1);
		INSERT INTO collection_versions (account_id, region, service, type, outcome, first_scan, end_scan) VALUES
			('111111111111', 'us-east-1', 'ec2', 'instance', 'ok', 2, NULL),
			('222222222222', 'us-east-1', 'ec2', 'instance', 'denied', 2, NULL);`))
	if err = errors.Join(err, conn.Close()); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var rows []string
	eachRow(t, db, `SELECT scan_id || ' ' || account_id || ' ' || coalesce(account_alias, '-') || ' ' ||
			status || ' ' || coalesce(resources, '?') FROM scan_accounts WHERE ?1 <> '' ORDER BY scan_id, account_id`,
		"all", func(stmt *sqlite3.Stmt) { rows = append(rows, stmt.ColumnText(0)) })
	want := []string{"1 111111111111 solo ok 7", "2 111111111111 - ok ?", "2 222222222222 - partial ?",
		"3 111111111111 - aborted ?", "3 222222222222 - aborted ?"}
	if !slices.Equal(rows, want) {
		t.Errorf("scan_accounts after migration:\n got %q\nwant %q", rows, want)
	}
	if n := count(t, db, `SELECT count(*) FROM scans WHERE instr(account_id, ',') > 0 OR (id > 1 AND account_id IS NOT NULL)`); n != 0 {
		t.Errorf("%d scans keep a joined account id", n)
	}
}
