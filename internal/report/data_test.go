package report

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestBuildReadsTheLatestState(t *testing.T) {
	d := fixtureReport(t)
	if got := len(d.Res.ID); got != 7 {
		t.Fatalf("%d resources, want 7 (the second scan's)", got)
	}
	if !slices.Contains(d.Res.ID, "new-bucket") || slices.Contains(d.Res.ID, "fn-old") {
		t.Errorf("ids %v: want new-bucket, not fn-old", d.Res.ID)
	}
	if d.Meta.ScanID != 2 || d.Meta.Status != "partial" {
		t.Errorf("meta %+v: want scan 2, partial", d.Meta)
	}
	if len(d.Edges) != 4 || len(d.Outside) != 1 || d.Outside[0].ID != "ops" {
		t.Errorf("edges %v outside %v: want 4 edges, the role outside", d.Edges, d.Outside)
	}
	for _, e := range d.Edges {
		if e[0] < 0 {
			t.Errorf("edge %v starts outside the inventory", e)
		}
	}
	var denied []any
	for _, c := range d.Coverage.Collections {
		if c[4] == "denied" {
			denied = c
		}
	}
	if denied == nil || denied[5] != "ListUsers" || denied[6] != "AccessDenied" {
		t.Errorf("coverage %v: want the denied ListUsers collection", d.Coverage.Collections)
	}
	if len(d.Coverage.Calls) != 3 {
		t.Errorf("%d API call rows, want 3", len(d.Coverage.Calls))
	}
}

// TestChangesBetweenScans: the report carries internal/diff's result
// between the previous scan and the shown one.
func TestChangesBetweenScans(t *testing.T) {
	c := fixtureReport(t).Changes
	if c == nil || c.From.ID != 1 || c.To.ID != 2 {
		t.Fatalf("changes %+v: want scan 1 to 2", c)
	}
	got := map[string]string{}
	for _, e := range c.Entries {
		got[e.ID] = e.Change
	}
	want := map[string]string{"new-bucket": "added", "fn-old": "removed", "i-0xss": "modified"}
	if !maps.Equal(got, want) {
		t.Errorf("changes %v, want %v", got, want)
	}
	for _, e := range c.Entries {
		if e.ID == "i-0xss" && (len(e.Fields) != 1 || e.Fields[0].Path != "state" || string(e.Fields[0].After) != `"stopped"` ||
			len(e.Tags) != 1 || e.Tags[0].Path != "env") {
			t.Errorf("i-0xss: fields %+v tags %+v, want state and env", e.Fields, e.Tags)
		}
	}
}

func TestAccountFilter(t *testing.T) {
	// The fixture has one account: another one selects nothing, edges included.
	r := fixtureReader(t)
	d, err := Build(t.Context(), r, Options{Accounts: []string{other}, Types: fixtureTypes})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Res.ID) != 0 || len(d.Coverage.Collections) != 0 || len(d.Changes.Entries) != 0 {
		t.Errorf("account %s: %d resources, %d collections, %d modified; want none",
			other, len(d.Res.ID), len(d.Coverage.Collections), len(d.Changes.Entries))
	}
}

// TestPageCannotBeBrokenOut checks that no payload reaches the HTML as
// markup: the data is base64, the header JSON escapes <, > and the line
// separators, and the CSP names the exact hashes of the shell.
func TestPageCannotBeBrokenOut(t *testing.T) {
	var buf bytes.Buffer
	page := fixtureReport(t).Page()
	page.Title = "T " + xssClose + " <!-- " + xssLine
	if err := Write(&buf, page); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, bad := range []string{xssScript, xssImg, xssClose, "<!--", "\u2028", "\u2029", "onerror"} {
		if strings.Contains(html, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if n := strings.Count(html, "<script"); n != 4 {
		t.Errorf("%d <script> elements, want 4 (header, data, details, shell)", n)
	}
	csp := regexp.MustCompile(`content="(default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+';[^"]*)"`).FindStringSubmatch(html)
	if csp == nil || !strings.Contains(csp[1], hash(shellJS)) || !strings.Contains(csp[1], hash(shellCSS)) {
		t.Fatalf("no CSP with the shell's hashes in the page head")
	}
	if strings.Contains(html, "unsafe-inline") || strings.Contains(html, "unsafe-eval") {
		t.Error("the CSP allows unsafe-inline or unsafe-eval")
	}
	// The data round-trips.
	b64 := regexp.MustCompile(`id="awsmap-data">([A-Za-z0-9+/=]*)</script>`).FindStringSubmatch(html)
	if b64 == nil {
		t.Fatal("no base64 data element")
	}
	raw, err := base64.StdEncoding.DecodeString(b64[1])
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var back Data
	if err := json.Unmarshal(text, &back); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(back.Res.Name, xssScript) {
		t.Errorf("names %v: the payload did not survive as data", back.Res.Name)
	}
}

func TestShellUsesNoHTMLParsing(t *testing.T) {
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setAttribute('on", "javascript:"} {
		if strings.Contains(shellJS, bad) {
			t.Errorf("shell.js uses %s", bad)
		}
	}
}
