package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/awsmap/awsmap/internal/demo"
	"github.com/awsmap/awsmap/internal/report/browsertest"
)

func TestReportFiles(t *testing.T) {
	// Not parallel: t.Chdir.
	db := deniedIAMDemo.get(t)
	dir := t.TempDir()
	t.Chdir(dir)
	date := time.Now().UTC().Format("2006-01-02")
	for _, c := range []struct {
		args []string
		file string
	}{
		{nil, "awsmap-report-org-" + date + ".html"},
		{[]string{"-a", "111122223333"}, "awsmap-report-111122223333-" + date + ".html"},
		{[]string{"-o", "mine.html", "--scan", "first"}, "mine.html"},
		{[]string{"-o", "since.html", "--since", "first"}, "since.html"},
	} {
		code, _, errs := awsmap(t, append([]string{"report", "--db", db}, c.args...)...)
		if code != ExitOK || !strings.Contains(errs, "Wrote "+c.file) {
			t.Errorf("report %v: exit %d: %s", c.args, code, errs)
			continue
		}
		fi, err := os.Stat(filepath.Join(dir, c.file))
		if err != nil {
			t.Errorf("report %v: %v", c.args, err)
		} else if fi.Mode().Perm() != 0o600 {
			t.Errorf("report %v: mode %v, want 0600", c.args, fi.Mode().Perm())
		}
	}
	for _, bad := range [][]string{{"--scan", "99"}, {"--since", "nope"}, {"--since", "latest"}, {"--scan", "first", "--since", "2"}, {"-a", "999999999999"}} {
		if code, _, _ := awsmap(t, append([]string{"report", "--db", db}, bad...)...); code != ExitUsage {
			t.Errorf("report %v: exit %d, want %d", bad, code, ExitUsage)
		}
	}
	for _, cmd := range [][]string{{"waste", "-f", "html"}, {"tags", "-R", "Owner", "-f", "html"}} {
		code, out, errs := awsmap(t, append(cmd, "--db", db)...)
		if code != ExitOK || !strings.HasPrefix(out, "<!doctype html>") || !strings.Contains(out, "Content-Security-Policy") {
			t.Errorf("%v: exit %d, %d bytes: %s", cmd, code, len(out), errs)
		}
	}
}

// TestReportOfDemoInBrowser checks that the report's findings and coverage
// say what the audits and the inventory say.
func TestReportOfDemoInBrowser(t *testing.T) {
	t.Parallel()
	p := browsertest.Open(t)
	db := deniedIAMDemo.get(t)
	path := filepath.Join(t.TempDir(), "demo.html")
	if code, _, errs := awsmap(t, "report", "--db", db, "-o", path); code != ExitOK {
		t.Fatalf("report: exit %d: %s", code, errs)
	}
	p.Load(path, "")
	resources := queryRows[struct{ N int }](t, db, `SELECT count(*) AS n FROM resources`)[0].N
	if got := browsertest.Eval[int](p, `window.awsmapReport.visible`); got != resources {
		t.Errorf("inventory shows %d resources, the inventory holds %d", got, resources)
	}
	if dir := os.Getenv("AWSMAP_DOCS_SCREENSHOT"); dir != "" {
		docsScreenshots(t, p, path, dir)
	}
	p.Load(path, "view=findings")
	for _, name := range []string{"public-s3-buckets", "admin-users", "open-security-groups"} {
		code, out, errs := awsmap(t, "query", "--db", db, "-n", name, "-f", "ndjson")
		if code != ExitOK {
			t.Fatalf("query -n %s: exit %d: %s", name, code, errs)
		}
		want := strings.Count(out, "\n")
		got := browsertest.Eval[string](p, fmt.Sprintf(`(document.querySelector('[data-query=%q] .count') || {textContent: 'absent'}).textContent`, name))
		if want > 0 && got != fmt.Sprint(want) {
			t.Errorf("findings of %s: page says %s, query finds %d", name, got, want)
		}
		if unknown := strings.Contains(errs, "UNKNOWN"); unknown != browsertest.Eval[bool](p, fmt.Sprintf(`!!document.querySelector('[data-query=%q] .badge.unknown')`, name)) {
			t.Errorf("findings of %s: UNKNOWN in the query (%v) and in the page differ", name, unknown)
		}
	}
	p.Load(path, "view=coverage")
	denied := queryRows[struct{ N int }](t, db, `SELECT count(*) AS n FROM coverage WHERE outcome IN ('partial', 'denied', 'throttled', 'error', 'skipped')`)[0].N
	if denied == 0 {
		t.Fatal("the demo with --deny iam has no failed collection")
	}
	if got := browsertest.Eval[int](p, `document.querySelectorAll('#coverage-gaps tbody tr').length`); got != denied {
		t.Errorf("coverage lists %d failed collections, the inventory %d", got, denied)
	}
	if text := browsertest.Eval[string](p, `document.getElementById('coverage-gaps').textContent`); !strings.Contains(text, "GetAccountAuthorizationDetails") || !strings.Contains(text, "AccessDenied") {
		t.Errorf("coverage gaps do not name the denied operation: %.300s", text)
	}
	if probs := p.Problems(); len(probs) > 0 {
		t.Errorf("browser problems: %v", probs)
	}
}

func TestScanWritesHTMLReport(t *testing.T) {
	t.Parallel()
	useMoto(t)
	seed(t)
	db := filepath.Join(t.TempDir(), "inv.db")
	out := filepath.Join(t.TempDir(), "scan.html")
	code, _, errs := awsmap(t, scanArgs(db, "-o", out)...)
	if code != ExitOK {
		t.Fatalf("scan -o %s: exit %d: %s", out, code, errs)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(b), "<!doctype html>") {
		t.Fatalf("scan report: %v, %.40q", err, b)
	}
	if code, _, _ := awsmap(t, scanArgs(db, "--no-db", "-f", "html")...); code != ExitUsage {
		t.Errorf("--no-db -f html: exit %d, want %d", code, ExitUsage)
	}
}

// docsScreenshots writes the README's and docs/report.md's screenshots
// (AWSMAP_DOCS_SCREENSHOT=docs go test -run TestReportOfDemoInBrowser ./internal/cli).
func docsScreenshots(t *testing.T, p *browsertest.Page, path, dir string) {
	t.Helper()
	p.Screenshot(filepath.Join(dir, "report-inventory.png"))
	p.Load(path, "service=ec2&type=instance&sort=badge")
	p.Do(chromedp.Evaluate[chromedp.Void](`document.querySelector('#rows .row').click()`))
	p.WaitFor(`document.getElementById('panel').classList.contains('open')`)
	p.Do(chromedp.Evaluate[chromedp.Void](`document.querySelector('#panel svg').scrollIntoView({block: 'center'})`))
	p.Screenshot(filepath.Join(dir, "report-resource.png"))
	for _, view := range []string{"findings", "coverage", "changes"} {
		p.Load(path, "view="+view)
		p.Screenshot(filepath.Join(dir, "report-"+view+".png"))
	}
}

// BenchmarkReport times whole `awsmap report` runs (every audit, waste,
// the page) on the demo inventory and on a 100k-resource one, built first
// (a minute or two):
//
//	go test ./internal/cli -run '^$' -bench Report -benchtime 3x -timeout 30m
func BenchmarkReport(b *testing.B) {
	for _, size := range []int{demo.DefaultSize, 100_000} {
		db := benchInventory(b, size)
		path := filepath.Join(b.TempDir(), "report.html")
		b.Run(fmt.Sprintf("%dk", size/1000), func(b *testing.B) {
			for b.Loop() {
				var errb strings.Builder
				if code := Run(context.Background(), []string{"report", "--db", db, "-o", path}, io.Discard, &errb); code != ExitOK {
					b.Fatalf("report: exit %d: %s", code, errb.String())
				}
			}
		})
	}
}

// benchInventory is a demo inventory of size resources with two scans.
func benchInventory(b *testing.B, size int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "bench.db")
	est := demo.New(demo.Options{Seed: 42, Size: size})
	for s := range 2 {
		if _, err := runDemoScan(context.Background(), path, est.Scan(s), demo.ServeOptions{}, 0, 42); err != nil {
			b.Fatal(err)
		}
	}
	return path
}
