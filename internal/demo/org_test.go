package demo

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestOrganizationPath: the demo reaches its accounts as `awsmap --org`
// does (the organization's tree, AssumeRole into the members): one scans
// row without an account, one scan_accounts row per account with its name
// and OU. When the members' roles cannot be assumed on the next scan,
// they are recorded denied, their collections denied in coverage, and
// none of their resources is retired.
func TestOrganizationPath(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "org.db")
	est := New(Options{Seed: 4, Size: 300, Now: testNow})
	if _, err := scanInto(context.Background(), path, est.Scan(0), scanOptions{Regions: fewRegions}); err != nil {
		t.Fatal(err)
	}
	got := rows(t, path, `SELECT a.account_id, a.account_name, a.ou_names, a.status, coalesce(a.role_arn, a.profile),
			a.resources = (SELECT count(*) FROM resources r WHERE r.account_id = a.account_id)
		FROM scan_accounts a ORDER BY 1`)
	want := [][]string{
		{"111122223333", "acme-production", "Root", "ok", "demo", "1"},
		{"444455556666", "acme-staging", "Root/Workloads", "ok", "arn:aws:iam::444455556666:role/OrganizationAccountAccessRole", "1"},
		{"777788889999", "acme-shared-services", "Root/Infrastructure", "ok", "arn:aws:iam::777788889999:role/OrganizationAccountAccessRole", "1"},
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("scan_accounts:\n got %q\nwant %q", got, want)
	}
	if n := count(t, path, `SELECT count(*) FROM scans WHERE account_id IS NOT NULL OR account_alias IS NOT NULL`); n != 0 {
		t.Errorf("%d scans rows name an account", n)
	}
	if n := count(t, path, `SELECT count(*) FROM api_calls WHERE service = 'sts' AND operation = 'AssumeRole'`); n != 2 {
		t.Errorf("%d AssumeRole ledger rows, want one per member account", n)
	}

	before := count(t, path, `SELECT count(*) FROM resources WHERE account_id <> '111122223333'`)
	r, err := scanInto(context.Background(), path, est.Scan(1), scanOptions{Serve: ServeOptions{Deny: []string{"STS.AssumeRole"}}, Regions: fewRegions})
	if err != nil {
		t.Fatal(err)
	}
	got = rows(t, path, `SELECT account_id, status, error_code FROM scan_accounts WHERE scan_id = `+strconv.FormatInt(r.ScanID, 10)+` ORDER BY 1`)
	want = [][]string{{"111122223333", "ok", ""}, {"444455556666", "denied", "AccessDenied"}, {"777788889999", "denied", "AccessDenied"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("scan_accounts of the denied scan:\n got %q\nwant %q", got, want)
	}
	if after := count(t, path, `SELECT count(*) FROM resources WHERE account_id <> '111122223333'`); after != before {
		t.Errorf("members' resources %d -> %d: nothing of a denied account may be retired", before, after)
	}
	outcomes := rows(t, path, `SELECT DISTINCT outcome FROM coverage WHERE scan_id = `+strconv.FormatInt(r.ScanID, 10)+` AND account_id = '444455556666'`)
	if len(outcomes) != 1 || outcomes[0][0] != "denied" || r.Failed == 0 {
		t.Errorf("coverage of a denied account: %v (failed collections %d)", outcomes, r.Failed)
	}
	if s := rows(t, path, `SELECT status FROM scans WHERE id = `+strconv.FormatInt(r.ScanID, 10)); s[0][0] != "partial" {
		t.Errorf("scan status %s, want partial", strings.Join(s[0], ""))
	}
}
