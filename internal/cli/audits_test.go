package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

const auditAcct = "111122223333"

// auditInventory writes one scan with rs and cols. It points AWSMAP_CONFIG
// and AWSMAP_QUERIES at empty temporary ones with t.Setenv (no flag names
// them), so the tests using it are not parallel.
func auditInventory(t *testing.T, rs []*model.Resource, cols []store.Collection) string {
	t.Helper()
	t.Setenv("AWSMAP_CONFIG", filepath.Join(t.TempDir(), "config"))
	t.Setenv("AWSMAP_QUERIES", t.TempDir())
	path := filepath.Join(t.TempDir(), "inv.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := db.BeginScan(store.ScanMeta{AccountID: auditAcct, AccountAlias: "acme-prod", Profile: "prod"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Finish(store.ScanResult{Status: "partial", Collections: cols}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func iamUser(id string, details map[string]any, tags map[string]string) *model.Resource {
	if tags == nil {
		tags = map[string]string{}
	}
	return &model.Resource{Key: model.Key{Account: auditAcct, Region: "global", Service: "iam", Type: "user", ID: id},
		Name: id, Tags: tags, Details: details}
}

func TestNamedQueryUnknownWhenIAMDenied(t *testing.T) {
	db := auditInventory(t, nil, []store.Collection{
		{AccountID: auditAcct, Region: "global", Service: "iam", Type: "user", Outcome: "denied", Operation: "ListUsers", ErrorCode: "AccessDenied"},
		{AccountID: auditAcct, Region: "global", Service: "iam", Type: "group", Outcome: "denied", Operation: "ListGroups", ErrorCode: "AccessDenied"},
		{AccountID: auditAcct, Region: "global", Service: "iam", Type: "policy", Outcome: "ok"},
	})
	code, out, errs := awsmap(t, "query", "--db", db, "-n", "admin-users")
	if code != 0 || !strings.Contains(errs, "UNKNOWN for "+auditAcct+"/global: iam user ListUsers AccessDenied") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if strings.Contains(errs, "No results.") {
		t.Errorf("an incomplete result looks clean: %q", errs)
	}
	_ = out
	code, _, _ = awsmap(t, "query", "--db", db, "-n", "admin-users", "--fail-on", "incomplete")
	if code != ExitIncomplete {
		t.Errorf("--fail-on incomplete: exit %d, want %d", code, ExitIncomplete)
	}
	code, out, _ = awsmap(t, "query", "--db", db, "-n", "admin-users", "-f", "json")
	var env struct {
		Complete   bool
		Findings   []map[string]any
		Incomplete []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &env); err != nil || code != 0 {
		t.Fatalf("json: %v %q", err, out)
	}
	if env.Complete || len(env.Incomplete) != 2 || env.Incomplete[0]["error_code"] != "AccessDenied" {
		t.Errorf("envelope %+v", env)
	}
}

func TestNamedQueryFailOnFindings(t *testing.T) {
	cols := []store.Collection{{AccountID: auditAcct, Region: "global", Service: "iam", Type: "user", Outcome: "ok"}}
	db := auditInventory(t, []*model.Resource{
		iamUser("alice", map[string]any{"mfa_active": false, "console_access": true}, nil),
		iamUser("bob", map[string]any{"mfa_active": true, "console_access": true}, nil),
	}, cols)
	code, out, errs := awsmap(t, "query", "--db", db, "-n", "console-users-without-mfa", "--fail-on", "findings", "-f", "csv")
	if code != ExitFindings || !strings.Contains(out, "alice") || strings.Contains(out, "bob") || strings.Contains(errs, "UNKNOWN") {
		t.Errorf("exit %d, out %q, err %q", code, out, errs)
	}
	code, _, _ = awsmap(t, "query", "--db", db, "-n", "root-no-mfa", "--fail-on", "findings")
	if code != ExitIncomplete { // account-summary never collected: cannot claim clean
		t.Errorf("exit %d, want %d", code, ExitIncomplete)
	}
	code, _, _ = awsmap(t, "query", "--db", db, "-n", "users-without-mfa", "--fail-on", "incomplete")
	if code != 0 {
		t.Errorf("findings with --fail-on incomplete: exit %d", code)
	}
	code, _, _ = awsmap(t, "query", "--db", db, "-n", "users-without-mfa", "-a", "acme-prod", "--fail-on", "findings")
	if code != ExitFindings {
		t.Errorf("-a alias: exit %d", code)
	}
}

func TestNamedQueryUsageErrors(t *testing.T) {
	db := auditInventory(t, nil, nil)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-n", "admin-user"}, "did you mean admin-users"},
		{[]string{"-n", "old-access-keys", "-P", "dayz=3"}, "did you mean days"},
		{[]string{"-n", "old-access-keys", "-P", "days=1; DROP TABLE scans"}, "must be a number"},
		{[]string{"-n", "old-access-keys", "-P", "days"}, "not key=value"},
		{[]string{"-n", "admin-users", "-a", "acme-prd"}, "did you mean acme-prod"},
		{[]string{"-n", "admin-users", "-a", "x' OR '1'='1"}, "unknown account"},
		{[]string{"-n", "admin-users", "--fail-on", "always"}, "--fail-on"},
		{[]string{"-n", "missing-tag", "-P", "service=ec3"}, "did you mean ec2"},
		{[]string{"-S", "nope"}, "unknown query"},
		{[]string{"-P", "days=3", "SELECT 1"}, "apply to named queries"},
	} {
		before, _ := os.ReadFile(db)
		code, _, errs := awsmap(t, append([]string{"query", "--db", db}, tc.args...)...)
		if code != ExitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", tc.args, code, errs, tc.want)
		}
		if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
			t.Errorf("%v changed the inventory", tc.args)
		}
	}
}

func TestQueryListAndShow(t *testing.T) {
	db := auditInventory(t, nil, nil)
	code, out, errs := awsmap(t, "query", "--db", db, "--list", "-f", "csv")
	if code != 0 || strings.Count(out, "\n") < 61 || !strings.HasPrefix(out, "name,category,severity,params,title") {
		t.Errorf("exit %d, %d lines, stderr %q", code, strings.Count(out, "\n"), errs)
	}
	code, out, _ = awsmap(t, "query", "--db", db, "--show", "old-access-keys")
	if code != 0 || !strings.Contains(out, "-- params: days=90") || !strings.Contains(out, "SELECT") {
		t.Errorf("show: %d %q", code, out)
	}
}

func TestQueryFormatFromConfig(t *testing.T) {
	db := auditInventory(t, nil, nil)
	if code, _, errs := awsmap(t, "config", "set", "query_format", "csv"); code != 0 {
		t.Fatal(errs)
	}
	_, out, _ := awsmap(t, "query", "--db", db, "SELECT 1 AS a")
	if out != "a\n1\n" {
		t.Errorf("config query_format ignored: %q", out)
	}
	_, out, _ = awsmap(t, "query", "--db", db, "-f", "json", "SELECT 1 AS a")
	if !strings.Contains(out, `"a":1`) {
		t.Errorf("flag does not win over config: %q", out)
	}
	// db from config
	if code, _, errs := awsmap(t, "config", "set", "db", db); code != 0 {
		t.Fatal(errs)
	}
	t.Setenv("AWSMAP_DB", "")
	if code, out, errs := awsmap(t, "query", "SELECT 2 AS b"); code != 0 || out != "b\n2\n" {
		t.Errorf("config db ignored: %d %q %q", code, out, errs)
	}
}

func TestTagsFilters(t *testing.T) {
	vol := func(id string, tags map[string]string) *model.Resource {
		return &model.Resource{Key: model.Key{Account: auditAcct, Region: "us-east-1", Service: "ec2", Type: "volume", ID: id},
			Tags: tags, Details: map[string]any{}}
	}
	db := auditInventory(t, []*model.Resource{
		vol("vol-ok", map[string]string{"Owner": "a", "Environment": "p"}),
		vol("vol-half", map[string]string{"Owner": "a"}),
		vol("vol-bare", nil),
	}, []store.Collection{{AccountID: auditAcct, Region: "us-east-1", Service: "ec2", Type: "volume", Outcome: "ok"}})
	ids := func(args ...string) string {
		code, out, errs := awsmap(t, append([]string{"tags", "--db", db, "-f", "csv"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: %d %s", args, code, errs)
		}
		var got []string
		for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
			got = append(got, strings.Split(line, ",")[4])
		}
		return strings.Join(got, " ")
	}
	if got := ids("-R", "Owner,Environment", "--noncompliant-only"); got != "vol-bare vol-half" {
		t.Errorf("--noncompliant-only: %q", got)
	}
	if got := ids("-R", "Owner,Environment", "--untagged-only"); got != "vol-bare" {
		t.Errorf("--untagged-only: %q", got)
	}
	if code, out, _ := awsmap(t, "config", "set", "required_tags", "Owner"); code != 0 {
		t.Fatal(out)
	}
	if got := ids(); got != "vol-bare" {
		t.Errorf("config required_tags: %q", got)
	}
	code, _, errs := awsmap(t, "tags", "--db", db, "--untagged-only", "--noncompliant-only")
	if code != ExitUsage {
		t.Errorf("both flags: exit %d %q", code, errs)
	}
	code, out, _ := awsmap(t, "tags", "--db", db, "-R", "Owner")
	if code != 0 || !strings.Contains(out, "Overall compliance 66.7% (2 / 3)") {
		t.Errorf("table: %q", out)
	}
}

func TestWasteCommand(t *testing.T) {
	db := auditInventory(t, []*model.Resource{
		{Key: model.Key{Account: auditAcct, Region: "us-east-1", Service: "ec2", Type: "volume", ID: "vol-1"},
			Details: map[string]any{"state": "available", "size_gb": 100, "volume_type": "gp2"}},
	}, []store.Collection{{AccountID: auditAcct, Region: "us-east-1", Service: "ec2", Type: "volume", Outcome: "ok"}})
	code, out, errs := awsmap(t, "waste", "--db", db, "-t", "unattached-ebs,gp2-volume")
	if code != 0 || !strings.Contains(out, "estimated $10.00/month") /* one resource counted once */ || !strings.Contains(errs, "estimate") {
		t.Errorf("exit %d\n%s\n%s", code, out, errs)
	}
	code, _, errs = awsmap(t, "waste", "--db", db, "-t", "unattached-eb")
	if code != ExitUsage || !strings.Contains(errs, "did you mean unattached-ebs") {
		t.Errorf("unknown rule: %d %q", code, errs)
	}
	_, out, _ = awsmap(t, "waste", "--db", db, "-f", "json", "--summary", "-t", "unattached-ebs")
	var rep struct {
		PricesAsOf string  `json:"prices_as_of"`
		Cost       float64 `json:"estimated_monthly_usd"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.PricesAsOf == "" || rep.Cost != 10 {
		t.Errorf("json: %v %s", err, out)
	}
	code, _, errs = awsmap(t, "waste", "--db", db, "-t", "idle-nat-gateway", "--fail-on", "incomplete")
	if code != ExitIncomplete || !strings.Contains(errs, "UNKNOWN for "+auditAcct+"/us-east-1: ec2 nat-gateway never collected") {
		t.Errorf("incomplete: %d %q", code, errs)
	}
}

// A finding awsmap cannot price says UNKNOWN rather than $0.00.
func TestWasteUnpricedFindings(t *testing.T) {
	db := auditInventory(t, []*model.Resource{
		{Key: model.Key{Account: auditAcct, Region: "us-east-1", Service: "emr", Type: "cluster", ID: "j-1"},
			Details: map[string]any{"state": "WAITING", "auto_terminate": false}},
	}, []store.Collection{{AccountID: auditAcct, Region: "us-east-1", Service: "emr", Type: "cluster", Outcome: "ok"}})
	code, out, errs := awsmap(t, "waste", "--db", db, "-t", "idle-emr-cluster")
	if code != 0 || !strings.Contains(out, "plus 1 finding(s) of UNKNOWN cost") || !strings.Contains(out, "(1, cost UNKNOWN)") ||
		strings.Contains(out, "0.00  ") {
		t.Errorf("exit %d\n%s\n%s", code, out, errs)
	}
	_, out, _ = awsmap(t, "waste", "--db", db, "-t", "idle-emr-cluster", "-f", "csv")
	if !strings.Contains(out, ",UNKNOWN,") {
		t.Errorf("csv:\n%s", out)
	}
}

func TestConfigCommand(t *testing.T) {
	// Not parallel: t.Setenv.
	path := filepath.Join(t.TempDir(), "cfg")
	t.Setenv("AWSMAP_CONFIG", path)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"config"}, 0, "nothing set"},
		{[]string{"config", "set", "workers", "4"}, 0, "workers=4"},
		{[]string{"config", "get", "workers"}, 0, "workers=4"},
		{[]string{"config", "list"}, 0, "workers=4"},
		{[]string{"config", "set", "workers", "x"}, ExitUsage, ""},
		{[]string{"config", "set", "colour", "x"}, ExitUsage, ""},
		{[]string{"config", "get", "colour"}, ExitUsage, ""},
		{[]string{"config", "delete", "workers"}, 0, "workers deleted"},
		{[]string{"config", "get", "workers"}, 0, "workers is not set"},
	} {
		code, out, errs := awsmap(t, tc.args...)
		if code != tc.code || !strings.Contains(out, tc.want) {
			t.Errorf("%v: exit %d, out %q, err %q", tc.args, code, out, errs)
		}
	}
}
