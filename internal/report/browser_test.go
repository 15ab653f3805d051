package report

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/awsmap/awsmap/internal/diff"
	"github.com/awsmap/awsmap/internal/report/browsertest"
)

// screenshotDir collects the screenshots of the browser tests for people
// to look at (not committed; see .gitignore).
const screenshotDir = "screenshots"

// js quotes s as a JavaScript string literal.
func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// openFixture writes the fixture's report and opens it.
func openFixture(t *testing.T, fragment string) (*browsertest.Page, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.html")
	if err := WriteFile(path, fixtureReport(t).Page()); err != nil {
		t.Fatal(err)
	}
	p := browsertest.Open(t)
	p.Load(path, fragment)
	t.Cleanup(func() { checkClean(t, p) })
	return p, path
}

// checkClean fails on console errors, dialogs, network requests and on
// DOM that data could have created.
func checkClean(t *testing.T, p *browsertest.Page) {
	t.Helper()
	if probs := p.Problems(); len(probs) > 0 {
		t.Errorf("browser problems: %s", strings.Join(probs, "\n"))
	}
	if errs := browsertest.Eval[[]string](p, `window.awsmapReport.errors`); len(errs) > 0 {
		t.Errorf("page errors: %v", errs)
	}
	injected := browsertest.Eval[string](p, `(() => {
		if (document.querySelector('img, iframe, object, embed, a[href^="javascript"], a[href^="JAVASCRIPT"]')) return 'an img, iframe, object, embed or javascript: link';
		if ([...document.scripts].filter(s => !s.id).length !== 1) return 'a script besides the shell';
		for (const e of document.querySelectorAll('*')) for (const a of e.attributes) if (/^on/i.test(a.name)) return 'attribute ' + a.name + ' on ' + e.tagName;
		return '';
	})()`)
	if injected != "" {
		t.Errorf("DOM created from data: %s", injected)
	}
}

func visibleIDs(p *browsertest.Page) []string {
	return browsertest.Eval[[]string](p, `window.awsmapReport.visibleIds()`)
}

// refreshed runs action and waits for the inventory to refresh.
func refreshed(p *browsertest.Page, actions ...chromedp.Action[chromedp.Void]) {
	n := browsertest.Eval[int](p, `window.awsmapReport.refreshes || 0`)
	p.Do(actions...)
	p.WaitFor(fmt.Sprintf(`(window.awsmapReport.refreshes || 0) > %d`, n))
}

// search types q into the search box at once (keystrokes would race the
// box's debounce on a busy machine) and waits for the table to show q's
// rows: a refresh for another reason (details decoded late) does not count.
func search(p *browsertest.Page, q string) {
	n := browsertest.Eval[int](p, `window.awsmapReport.refreshes || 0`)
	p.Do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('search'); s.value = ` + js(q) + `; s.dispatchEvent(new Event('input')); })()`))
	p.WaitFor(fmt.Sprintf(`(window.awsmapReport.refreshes || 0) > %d && window.awsmapReport.query === %s`, n, js(q)))
}

func TestReportInBrowser(t *testing.T) {
	t.Parallel()
	p, path := openFixture(t, "")
	if got := browsertest.Eval[int](p, `window.awsmapReport.visible`); got != 7 {
		t.Fatalf("%d rows visible, want 7", got)
	}
	p.Screenshot(filepath.Join(screenshotDir, "fixture-inventory.png"))

	t.Run("facets", func(t *testing.T) {
		refreshed(p, chromedp.Click(`[data-facet="service"] button[data-value="ec2"]`))
		ids := visibleIDs(p)
		slices.Sort(ids)
		if want := []string{"i-0plain", "i-0xss", "sg-1", "subnet-1", "vpc-1"}; !slices.Equal(ids, want) {
			t.Errorf("service ec2: %v, want %v", ids, want)
		}
		// Counts of the other facets follow the filter; the service facet's
		// own counts do not (so another service can be added).
		counts := browsertest.Eval[map[string]string](p, `Object.fromEntries([...document.querySelectorAll('[data-facet] button.fv')].map(b => [b.closest('[data-facet]').dataset.facet + ':' + b.dataset.value, b.querySelector('.n').textContent]))`)
		for k, want := range map[string]string{"service:s3": "2", "type:instance": "2", "tagkey:env": "3", "region:us-east-1": "5"} {
			if counts[k] != want {
				t.Errorf("facet %s = %q, want %q", k, counts[k], want)
			}
		}
	})
	t.Run("sort", func(t *testing.T) {
		refreshed(p, chromedp.Click(`#head button[data-col="id"]`))
		if ids := visibleIDs(p); !slices.IsSorted(ids) {
			t.Errorf("sorted by id: %v", ids)
		}
		refreshed(p, chromedp.Click(`#head button[data-col="id"]`))
		ids := visibleIDs(p)
		if slices.Reverse(ids); !slices.IsSorted(ids) {
			t.Errorf("sorted by id, descending: %v", ids)
		}
	})
	t.Run("search and hash", func(t *testing.T) {
		search(p, "web")
		ids := visibleIDs(p)
		if want := []string{"sg-1", "i-0plain"}; !slices.Equal(ids, want) {
			t.Errorf("search web, by id descending: %v, want %v", ids, want)
		}
		if marks := browsertest.Eval[[]string](p, `[...document.querySelectorAll('#rows mark')].map(m => m.textContent)`); len(marks) != 2 || marks[0] != "web" {
			t.Errorf("highlights %v, want web twice", marks)
		}
		hash := browsertest.Eval[string](p, `location.hash`)
		if !strings.Contains(hash, "q=web") || !strings.Contains(hash, "service=ec2") || !strings.Contains(hash, "sort=-id") {
			t.Errorf("hash %q does not hold the search, facet and sort", hash)
		}
		q := browsertest.Open(t)
		q.Load(path, strings.TrimPrefix(hash, "#"))
		if got := visibleIDs(q); !slices.Equal(got, ids) {
			t.Errorf("reopened from %s: %v, want %v", hash, got, ids)
		}
		if got := browsertest.Eval[string](q, `document.getElementById('search').value`); got != "web" {
			t.Errorf("reopened search box %q", got)
		}
		checkClean(t, q)
	})
	t.Run("export", func(t *testing.T) {
		p.Load(path, "type=instance&sort=id")
		csv := browsertest.Eval[string](p, `window.awsmapReport.exportCSV()`)
		lines := strings.Split(strings.TrimSpace(csv), "\r\n")
		if len(lines) != 3 || !strings.HasPrefix(lines[0], "account_id,region,service,type,id,arn,name,created_at,state,public_ip,ebs_optimized,launch_time,tags") {
			t.Fatalf("CSV of 2 instances:\n%s", csv)
		}
		if !strings.Contains(lines[2], ",i-0xss,") || !strings.Contains(lines[2], xssScript) || !strings.Contains(lines[2], `"{""env"":""staging""`) &&
			!strings.Contains(lines[2], `""env"":""staging""`) {
			t.Errorf("CSV row of i-0xss: %s", lines[2])
		}
		var rows []map[string]any
		if err := json.Unmarshal([]byte(browsertest.Eval[string](p, `window.awsmapReport.exportJSON()`)), &rows); err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 || rows[1]["id"] != "i-0xss" || rows[1]["details"].(map[string]any)["note"] != xssLine {
			t.Errorf("JSON export: %v", rows)
		}
	})
	t.Run("xss shown literally", func(t *testing.T) {
		p.Load(path, "")
		p.Do(chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-facet="type"] button[data-value="instance"]').click()`))
		p.WaitFor(`window.awsmapReport.visible === 2`)
		p.Do(chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('#rows .row')].find(r => r.textContent.includes('i-0xss')).click()`))
		p.WaitFor(`document.getElementById('panel').classList.contains('open')`)
		if got := browsertest.Eval[string](p, `document.getElementById('panel-title').textContent`); got != xssScript {
			t.Errorf("panel title %q, want the literal payload", got)
		}
		text := browsertest.Eval[string](p, `document.getElementById('panel').textContent`)
		for _, s := range []string{xssImg, xssClose, xssURL, xssLine} {
			if !strings.Contains(text, s) {
				t.Errorf("panel does not show %q literally", s)
			}
		}
		if got := browsertest.Eval[string](p, `document.title`); got != "Fixture "+xssScript {
			t.Errorf("title %q", got)
		}
		p.Screenshot(filepath.Join(screenshotDir, "fixture-resource.png"))
	})
	t.Run("keyboard", func(t *testing.T) {
		p.Load(path, "")
		p.Do(chromedp.KeyEvent("j"), chromedp.KeyEvent("j"), chromedp.KeyEvent("\r"))
		p.WaitFor(`document.getElementById('panel').classList.contains('open')`)
		second := browsertest.Eval[string](p, `document.querySelectorAll('#rows .row.sel .c')[1].textContent`)
		if got := browsertest.Eval[string](p, `document.getElementById('panel-title').textContent`); got != second {
			t.Errorf("j j Enter opened %q, want the second row %q", got, second)
		}
		p.Do(chromedp.KeyEvent("\x1b"))
		p.WaitFor(`!document.getElementById('panel').classList.contains('open')`)
		p.Do(chromedp.KeyEvent("/"))
		if got := browsertest.Eval[string](p, `document.activeElement.id`); got != "search" {
			t.Errorf("/ focused %q, want the search box", got)
		}
		p.Do(chromedp.KeyEvent("\x1b"), chromedp.KeyEvent("d"))
		dark := browsertest.Eval[bool](p, `document.documentElement.classList.contains('dark')`)
		p.Screenshot(filepath.Join(screenshotDir, "fixture-dark.png"))
		p.Do(chromedp.KeyEvent("d"))
		if dark == browsertest.Eval[bool](p, `document.documentElement.classList.contains('dark')`) {
			t.Error("d does not toggle dark mode")
		}
		p.Do(chromedp.KeyEvent("3"))
		if !browsertest.Eval[bool](p, `document.getElementById('view-coverage').classList.contains('active')`) {
			t.Error("3 does not open the coverage view")
		}
	})
	t.Run("relationships", func(t *testing.T) {
		p.Load(path, "r="+strings.Join([]string{acct, "us-east-1", "ec2", "instance", "i-0xss"}, "%01"))
		p.WaitFor(`document.getElementById('panel').classList.contains('open')`)
		if n := browsertest.Eval[int](p, `document.querySelectorAll('#panel svg .node').length`); n != 4 {
			t.Errorf("graph has %d nodes, want the instance and 3 neighbours", n)
		}
		p.Do(chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('#panel table.t button[data-res]')].find(b => b.textContent.startsWith('private-a')).click()`))
		p.WaitFor(`document.getElementById('panel-title').textContent === 'private-a'`)
		links := browsertest.Eval[[]string](p, `[...document.querySelectorAll('#panel table.t tr')].slice(1).map(r => r.textContent)`)
		want := []string{"→ outin-vpcmain · ec2/vpc", "← inin-subnet" + xssScript + " · ec2/instance"}
		if !slices.Equal(links, want) {
			t.Errorf("subnet relationships %q, want %q", links, want)
		}
		if !strings.Contains(browsertest.Eval[string](p, `location.hash`), "subnet-1") {
			t.Error("the hash does not name the opened resource")
		}
	})
	t.Run("findings", func(t *testing.T) {
		p.Load(path, "view=findings")
		text := browsertest.Eval[string](p, `document.getElementById('view-findings').textContent`)
		for _, s := range []string{"EC2 instances with a public IP", "203.0.113.7", "UNKNOWN for 111111111111/global: iam user ListUsers AccessDenied",
			"$12.50", "2026-11-01", "1 queries found nothing"} {
			if !strings.Contains(text, s) {
				t.Errorf("findings view lacks %q", s)
			}
		}
		p.Screenshot(filepath.Join(screenshotDir, "fixture-findings.png"))
		p.Do(chromedp.Evaluate[chromedp.Void](`document.querySelector('#named-findings [data-query="public-instances"] button[data-res]').click()`))
		p.WaitFor(`document.getElementById('panel-title').textContent === ` + js(xssScript))
		// The inventory row carries the finding's badge.
		p.Load(path, "q=i-0xss")
		if got := browsertest.Eval[string](p, `document.querySelector('#rows .row .badge').textContent`); got != "1" {
			t.Errorf("badge %q, want 1 finding", got)
		}
	})
	t.Run("coverage", func(t *testing.T) {
		p.Load(path, "view=coverage")
		gaps := browsertest.Eval[[]string](p, `[...document.querySelectorAll('#coverage-gaps tbody tr')].map(r => [...r.cells].map(c => c.textContent).join('|'))`)
		want := []string{"111111111111|eu-west-1|lambda|function|error|ListFunctions|InternalError|" + xssScript,
			"111111111111|global|iam|user|denied|ListUsers|AccessDenied|not authorized to perform iam:ListUsers"}
		if !slices.Equal(gaps, want) {
			t.Errorf("coverage gaps %q, want %q", gaps, want)
		}
		calls := browsertest.Eval[int](p, `document.querySelectorAll('#coverage-calls tbody tr').length`)
		if calls != 2 {
			t.Errorf("%d failed API operations, want 2", calls)
		}
		p.Screenshot(filepath.Join(screenshotDir, "fixture-coverage.png"))
	})
	t.Run("changes", func(t *testing.T) {
		p.Load(path, "view=changes")
		text := browsertest.Eval[string](p, `document.getElementById('view-changes').textContent`)
		for _, s := range []string{"Added (1)", "new-bucket", "Removed (1)", "fn-old", "Modified (1)", "state, tag env", `"running"`, `"stopped"`, `"staging"`} {
			if !strings.Contains(text, s) {
				t.Errorf("changes view lacks %q", s)
			}
		}
		p.Screenshot(filepath.Join(screenshotDir, "fixture-changes.png"))
	})
}

// TestStandalonePages: waste, tags and diff pages use the same shell.
func TestStandalonePages(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	changes := filepath.Join(dir, "diff.html")
	res, err := diff.Compute(t.Context(), fixtureReader(t), diff.Options{From: 1, To: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(changes, Page{Kind: KindDiff, Title: "Diff", Data: res}); err != nil {
		t.Fatal(err)
	}
	waste := filepath.Join(dir, "waste.html")
	tags := filepath.Join(dir, "tags.html")
	if err := WriteFile(waste, Page{Kind: KindWaste, Title: "Waste", Data: fixtureWaste()}); err != nil {
		t.Fatal(err)
	}
	tagReport := map[string]any{"required": []string{"Owner"}, "listing": "noncompliant",
		"incomplete": []any{map[string]any{"account_id": acct, "region": "eu-west-1", "service": "lambda", "type": "function",
			"outcome": "error", "operation": "ListTags", "error_code": "InternalError"}},
		"overall":    map[string]any{"compliant": 1, "total": 2, "percent": 50.0},
		"per_tag":    []any{map[string]any{"key": "Owner", "present": 1, "total": 2, "percent": 50.0}},
		"by_service": []any{map[string]any{"service": "ec2", "compliant": 1, "total": 2, "percent": 50.0}},
		"resources": []any{map[string]any{"account_id": acct, "region": "us-east-1", "service": "ec2", "type": "instance", "id": "i-0plain",
			"name": xssImg, "missing": []string{"Owner"}}}}
	if err := WriteFile(tags, Page{Kind: KindTags, Title: "Tags", Data: tagReport}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, want string }{{waste, "idle-instance"}, {tags, xssImg + " (i-0plain)"}, {tags, "UNKNOWN for 111111111111/eu-west-1: lambda function ListTags InternalError"},
		{changes, "Modified (1)"}, {changes, xssScript}} {
		p := browsertest.Open(t)
		p.Load(c.path, "")
		if text := browsertest.Eval[string](p, `document.querySelector('main').textContent`); !strings.Contains(text, c.want) {
			t.Errorf("%s lacks %q", filepath.Base(c.path), c.want)
		}
		p.Screenshot(filepath.Join(screenshotDir, strings.TrimSuffix(filepath.Base(c.path), ".html")+".png"))
		checkClean(t, p)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	browsertest.Close()
	os.Exit(code)
}
