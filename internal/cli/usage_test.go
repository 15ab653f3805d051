package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
)

// TestUsageMistakesSuggestAndNameTheHelp: a mistyped command or flag gets
// the closest name and the help of the command it was given to (exit 2).
func TestUsageMistakesSuggestAndNameTheHelp(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"qurey"}, []string{`unknown command "qurey" (did you mean query?)`, "Run 'awsmap --help'"}},
		{[]string{"config", "sett", "x"}, []string{`unknown command "sett" (did you mean set`, "Run 'awsmap config --help'"}},
		{[]string{"--regon", "eu-west-1"}, []string{"unknown flag: --regon (did you mean --region?)", "Run 'awsmap --help'"}},
		{[]string{"query", "--bogus"}, []string{"unknown flag: --bogus", "Run 'awsmap query --help'"}},
		{[]string{"waste", "-n"}, []string{"unknown shorthand flag: 'n'", "Run 'awsmap waste --help'"}},
		{[]string{"query", "-n"}, []string{"flag needs an argument", "Run 'awsmap query --help'"}},
		{[]string{"schema", "a", "b"}, []string{"Run 'awsmap schema --help'"}},
	} {
		code, _, errs := awsmap(t, tt.args...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", tt.args, code)
		}
		for _, w := range tt.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%v: stderr %q lacks %q", tt.args, errs, w)
			}
		}
	}
}

// TestRegionTypoCaughtBeforeAnyCall: -r with a mistyped region is refused
// with suggestions before credentials are even checked.
func TestRegionTypoCaughtBeforeAnyCall(t *testing.T) {
	t.Parallel()
	var calls atomic.Int64
	responder := awsx.ResponderFunc(func(context.Context, awsx.Request) (any, error) {
		calls.Add(1)
		return nil, &smithy.GenericAPIError{Code: "AccessDenied", Message: "no calls expected"}
	})
	code, _, errs := awsmapWith(t, responder, "-r", "us-east-1,eu-wset-1", "--db", filepath.Join(t.TempDir(), "inv.db"))
	if code != ExitUsage || !strings.Contains(errs, `unknown region "eu-wset-1" (did you mean eu-west-1`) {
		t.Errorf("exit %d, %q", code, errs)
	}
	if n := calls.Load(); n != 0 {
		t.Errorf("%d AWS calls, want 0", n)
	}
}

// TestConfigSetValidates: config set refuses unknown regions and services
// with suggestions, and a db path that is a directory or another
// application's file; nothing is written then.
func TestConfigSetValidates(t *testing.T) {
	// Not parallel: t.Setenv.
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config")
	t.Setenv("AWSMAP_CONFIG", cfg)
	foreign := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(foreign, []byte("my notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ key, value, want string }{
		{"regions", "eu-west-1,eu-wset-1", `unknown region "eu-wset-1" (did you mean eu-west-1`},
		{"services", "ec2,s4", `unknown service "s4" (did you mean s3`},
		{"db", dir, "is a directory"},
		{"db", foreign, "is not an awsmap inventory"},
	} {
		code, _, errs := awsmap(t, "config", "set", tt.key, tt.value)
		if code != ExitUsage || !strings.Contains(errs, tt.want) {
			t.Errorf("set %s %s: exit %d, %q; want 2 and %q", tt.key, tt.value, code, errs, tt.want)
		}
	}
	if _, err := os.Stat(cfg); err == nil {
		t.Error("a refused value was written")
	}
	for _, kv := range [][2]string{{"regions", "eu-west-1,us-east-1"}, {"services", "ec2,s3"}, {"db", filepath.Join(dir, "new.db")}} {
		if code, _, errs := awsmap(t, "config", "set", kv[0], kv[1]); code != ExitOK {
			t.Errorf("set %s %s: exit %d, %s", kv[0], kv[1], code, errs)
		}
	}
}

// TestRegionsWithoutGlobalServicesSaySo: -r without the control-plane
// region skips IAM and says why; when nothing else is left it is an error.
func TestRegionsWithoutGlobalServicesSaySo(t *testing.T) {
	t.Parallel()
	useMoto(t)
	resetMoto(t)
	db := filepath.Join(t.TempDir(), "inv.db")
	code, _, errs := awsmap(t, "--endpoint-url", moto.URL, "--db", db, "-r", "eu-west-1", "-s", "s3,iam")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"iam skipped: global services are called in us-east-1, which -r does not include; add --include-global",
		"Scanning 1 service in 1 region (1 collection, 128 workers)",
		"Scan complete: 0 resources, 1 service, 1 region, ",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	code, _, errs = awsmap(t, "--endpoint-url", moto.URL, "--db", db, "-r", "eu-west-1", "-s", "iam")
	if code != ExitUsage || !strings.Contains(errs, "nothing to scan: iam skipped") {
		t.Errorf("-s iam -r eu-west-1: exit %d, %q", code, errs)
	}
}

func TestPlural(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{0: "0 rows", 1: "1 row", 2300: "2,300 rows"} {
		if got := plural(n, "row"); got != want {
			t.Errorf("plural(%d) = %q, want %q", n, got, want)
		}
	}
	if got := plural(3, "query"); got != "3 queries" {
		t.Errorf("plural(3, query) = %q", got)
	}
}
