package cli

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// wideRows is a table with long ids and names, a long free-text column and
// two 0/1 flag columns with long headers.
func wideRows() ([]string, [][]string) {
	cols := []string{"account_id", "region", "id", "name", "open_to_world", "encrypted", "description"}
	var rows [][]string
	for _, id := range []string{"sg-0123456789abcdef0", "sg-0fedcba9876543210"} {
		rows = append(rows, []string{"111122223333", "eu-west-1", id, "web-frontend", "1", "0",
			"Allows HTTPS from the internet to the web tier of the production estate"})
	}
	return cols, rows
}

func TestTableFitsTheTerminal(t *testing.T) {
	t.Parallel()
	cols, rows := wideRows()
	var b bytes.Buffer
	printTable(sizedWriter{&b, 80}, cols, rows, nil)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n > 80 {
			t.Errorf("line of %d columns at width 80: %q", n, l)
		}
	}
	header, first := lines[0], lines[2]
	// Flag columns shrink their headers, with the mark; they keep their values.
	if !strings.Contains(header, "op"+cutMark) || strings.Contains(header, "open_to_world") {
		t.Errorf("flag header not shrunk: %q", header)
	}
	// Ids and names are cut last: here the description absorbs the cut.
	for _, whole := range []string{"sg-0123456789abcdef0", "web-frontend", "111122223333", "eu-west-1"} {
		if !strings.Contains(first, whole) {
			t.Errorf("%q cut although the description could be: %q", whole, first)
		}
	}
	if !strings.Contains(first, "Allows"+"") || !strings.HasSuffix(first, cutMark) {
		t.Errorf("description not cut with a mark: %q", first)
	}
}

func TestTableCutsIDsLastWithAMark(t *testing.T) {
	t.Parallel()
	cols, rows := wideRows()
	for _, total := range []int{60, 50, 40} {
		widths := layout(cols, rows, total)
		if n := sum(widths) + len(columnGap)*(len(cols)-1); n > total {
			t.Errorf("width %d: widths %v take %d columns", total, widths, n)
		}
		// The description (free text) is never left wider than the id.
		if widths[6] > widths[2] {
			t.Errorf("width %d: description %d wider than the id %d", total, widths[6], widths[2])
		}
	}
	if got := cut("sg-0123456789abcdef0", 8); got != "sg-0123"+cutMark {
		t.Errorf("cut = %q", got)
	}
}

// TestTableInAPipeKeepsFullValues: without a terminal nothing is cut;
// --width cuts anyway.
func TestTableInAPipeKeepsFullValues(t *testing.T) {
	t.Parallel()
	cols, rows := wideRows()
	var b bytes.Buffer
	printTable(&b, cols, rows, nil)
	if strings.Contains(b.String(), cutMark) || !strings.Contains(b.String(), rows[0][6]) {
		t.Errorf("a table in a pipe was cut:\n%s", b.String())
	}
	path := smallDemo.get(t)
	const sql = "SELECT arn, name, is_default, details FROM resources ORDER BY length(details) DESC LIMIT 3"
	_, full, _ := awsmap(t, "query", "--db", path, sql)
	_, narrow, errs := awsmap(t, "query", "--db", path, "--width", "80", sql)
	if strings.Contains(full, cutMark) {
		t.Errorf("query output in a pipe was cut")
	}
	for _, l := range strings.Split(strings.TrimSpace(narrow), "\n") {
		if utf8.RuneCountInString(l) > 80 {
			t.Errorf("--width 80: line of %d: %q (%s)", utf8.RuneCountInString(l), l, errs)
		}
	}
	if !strings.Contains(narrow, cutMark) {
		t.Errorf("--width 80 cut nothing:\n%s", narrow)
	}
	if code, _, errs := awsmap(t, "query", "--db", path, "--width", "5", sql); code != ExitUsage {
		t.Errorf("--width 5: exit %d (%s)", code, errs)
	}
}
