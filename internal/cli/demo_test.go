package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awsmap/awsmap/internal/store"
)

func TestDemoRefusesToOverwriteWithoutForce(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := os.WriteFile(path, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Run(testContext(nil), []string{"demo", "--db", path, "--size", "300", "--scans", "1"}, &out, &errb); code != ExitUsage {
		t.Fatalf("exit %d, want %d: %s", code, ExitUsage, errb.String())
	}
	if b, _ := os.ReadFile(path); string(b) != "precious" {
		t.Fatal("the existing file was touched without --force")
	}
	if !strings.Contains(errb.String(), "--force") {
		t.Errorf("the refusal does not mention --force: %s", errb.String())
	}
	errb.Reset()
	code := Run(testContext(nil), []string{"demo", "--db", path, "--size", "300", "--scans", "2", "--force"}, &out, &errb)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if b, _ := os.ReadFile(path); strings.HasPrefix(string(b), "precious") {
		t.Fatal("--force did not replace the file")
	}
	for _, want := range []string{"scan 2/2", "s to store", "Try next:", "awsmap --db " + path + " query"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, errb.String())
		}
	}
}

// TestDemoLockedDownAccount: --deny and --throttle make the estate answer
// like a locked-down, busy account; the scan is stored partial and the
// audits reading what was denied say UNKNOWN.
func TestDemoLockedDownAccount(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "demo.db")
	var out, errb bytes.Buffer
	code := Run(testContext(nil), []string{"demo", "--db", path, "--size", "300", "--scans", "1", "--deny", "iam", "--throttle", "0.1"}, &out, &errb)
	if code != ExitPartial {
		t.Fatalf("exit %d, want %d (partial): %s", code, ExitPartial, errb.String())
	}
	for _, want := range []string{"throttled)", "collections failed", "iam: AccessDenied on GetAccountAuthorizationDetails"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, errb.String())
		}
	}
	errb.Reset()
	code = Run(testContext(nil), []string{"--db", path, "query", "-n", "admin-users"}, &out, &errb)
	if code != ExitOK || !strings.Contains(errb.String(), "/global: iam user GetAccountAuthorizationDetails AccessDenied") {
		t.Errorf("admin-users: exit %d, stderr:\n%s", code, errb.String())
	}
}

func TestDemoRejectsBadSimulation(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--deny", "iamm"}, `unknown service or operation "iamm" (did you mean IAM`},
		{[]string{"--throttle", "1"}, "--throttle must be between 0 and 0.5"},
		{[]string{"--latency", "-1s"}, "--latency must be between 0 and 10s"},
	} {
		path := filepath.Join(t.TempDir(), "demo.db")
		var out, errb bytes.Buffer
		code := Run(testContext(nil), append([]string{"demo", "--db", path, "--size", "300"}, tt.args...), &out, &errb)
		if code != ExitUsage || !strings.Contains(errb.String(), tt.want) {
			t.Errorf("%v: exit %d, stderr %q", tt.args, code, errb.String())
		}
		if _, err := os.Stat(path); err == nil {
			t.Errorf("%v: a database was created", tt.args)
		}
	}
}

// TestDemoRunTwiceRebuildsItsOwnInventory: a second `awsmap demo` replaces
// the demo's own inventory without --force, but not a real inventory, and
// its help names its default path.
func TestDemoRunTwiceRebuildsItsOwnInventory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.db")
	for run := 1; run <= 2; run++ {
		if code, _, errs := awsmap(t, "demo", "--db", path, "--size", "300", "--scans", "1", "-q"); code != ExitOK {
			t.Fatalf("run %d: exit %d: %s", run, code, errs)
		}
	}
	_, out, _ := awsmap(t, "query", "--db", path, "-f", "csv", "SELECT count(*) AS n FROM scans")
	if out != "n\n1\n" {
		t.Errorf("scans after two runs = %q, want one scan (rebuilt)", out)
	}
	// A real inventory (a scan without the demo option) is refused.
	real := filepath.Join(dir, "real.db")
	db, err := store.Open(real)
	if err != nil {
		t.Fatal(err)
	}
	w, err := db.BeginScan(store.ScanMeta{AccountID: "123456789012"})
	if err != nil {
		t.Fatal(err)
	}
	if err := errors.Join(w.Finish(store.ScanResult{Status: store.StatusComplete}), db.Close()); err != nil {
		t.Fatal(err)
	}
	code, _, errs := awsmap(t, "demo", "--db", real, "--size", "300", "--scans", "1", "-q")
	if code != ExitUsage || !strings.Contains(errs, "is not a demo inventory; use --force") {
		t.Errorf("demo over a real inventory: exit %d, %q", code, errs)
	}
	_, help, _ := awsmap(t, "demo", "--help")
	if !strings.Contains(help, "default ~/.awsmap/demo.db") {
		t.Errorf("demo --help does not name its default path:\n%s", help)
	}
}
