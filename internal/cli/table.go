package cli

import (
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/term"
)

// Tables fit the terminal they are printed on: at its width no line wraps.
// In a pipe or a file nothing is cut unless --width says so.

const (
	// columnGap separates columns.
	columnGap = "  "
	// cutMark ends a cut value or header, so that a cut is never mistaken
	// for the whole value.
	cutMark = "…"
	// minCut is the narrowest a column is cut to; minHeader the narrowest a
	// header is shrunk to above its values.
	minCut    = 4
	minHeader = 3
	// otherWidth and keyWidth are what other columns and ids or names keep
	// in the first cuts (see layout).
	otherWidth = 12
	keyWidth   = 24
)

// sizedWriter carries the --width a table must fit.
type sizedWriter struct {
	io.Writer
	width int
}

// tableWidth is the width tables written to w must fit: --width, else the
// terminal's width, else 0 (no limit: a pipe or a file gets full values).
func tableWidth(w io.Writer) int {
	if s, ok := w.(sizedWriter); ok {
		return s.width
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if wd, _, err := term.GetSize(int(f.Fd())); err == nil && wd > 0 {
			return wd
		}
	}
	return 0
}

// printTable prints a header, a rule and rows (then those more yields, in
// the same widths) and returns the number of rows.
func printTable(w io.Writer, cols []string, rows [][]string, more func() ([]string, bool)) int {
	widths := layout(cols, rows, tableWidth(w))
	printRow(w, cols, widths)
	rule := make([]string, len(widths))
	for i, wd := range widths {
		rule[i] = strings.Repeat("-", wd)
	}
	printRow(w, rule, widths)
	for _, r := range rows {
		printRow(w, r, widths)
	}
	n := len(rows)
	for more != nil {
		r, ok := more()
		if !ok {
			break
		}
		printRow(w, r, widths)
		n++
	}
	return n
}

// layout chooses column widths whose sum, with the gaps, is at most total
// (0: no limit). Each column starts at its widest value or header. Headers
// wider than their values (0/1 flags, short codes) shrink first. Then the
// widest columns are cut: other columns (details, descriptions, regions) to
// otherWidth, long ids and names (ARNs) to keyWidth, other columns to
// minCut, and last ids and names to minCut.
func layout(cols []string, rows [][]string, total int) []int {
	values := make([]int, len(cols))
	widths := make([]int, len(cols))
	for _, r := range rows {
		for i, c := range r {
			values[i] = max(values[i], utf8.RuneCountInString(c))
		}
	}
	for i, c := range cols {
		widths[i] = max(values[i], utf8.RuneCountInString(c))
	}
	excess := sum(widths) + len(columnGap)*(len(cols)-1) - total
	if total <= 0 || excess <= 0 {
		return widths
	}
	for i := range widths {
		if floor := max(values[i], minHeader); widths[i] > floor && excess > 0 {
			cut := min(widths[i]-floor, excess)
			widths[i] -= cut
			excess -= cut
		}
	}
	for _, stage := range []struct {
		floor int
		keys  bool // cut ids and names, or the other columns
	}{{otherWidth, false}, {keyWidth, true}, {minCut, false}, {minCut, true}} {
		for ; excess > 0; excess-- {
			i := widest(cols, widths, stage.floor, stage.keys)
			if i < 0 {
				break
			}
			widths[i]--
		}
	}
	return widths
}

// widest returns the widest column wider than floor among the ids and
// names (keys) or among the others, or -1.
func widest(cols []string, widths []int, floor int, keys bool) int {
	best := -1
	for i, c := range cols {
		if isKeyColumn(c) == keys && widths[i] > floor && (best < 0 || widths[i] > widths[best]) {
			best = i
		}
	}
	return best
}

// isKeyColumn tells the columns that identify a row: cut them last.
func isKeyColumn(name string) bool {
	name = strings.ToLower(name)
	return name == "id" || name == "name" || name == "arn" || strings.HasSuffix(name, "_id") || strings.HasSuffix(name, "_name")
}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func printRow(w io.Writer, cells []string, widths []int) {
	var b strings.Builder
	for i, c := range cells {
		if i > 0 {
			b.WriteString(columnGap)
		}
		c = cut(c, widths[i])
		b.WriteString(c)
		if i < len(cells)-1 {
			b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)))
		}
	}
	b.WriteString("\n")
	io.WriteString(w, b.String())
}

// cut shortens s to n runes, the last of them cutMark.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n <= 0 {
		return ""
	}
	r := []rune(s)
	return string(r[:n-1]) + cutMark
}
