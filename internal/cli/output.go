package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/awsmap/awsmap/internal/store"
)

// formats accepted by -f on read commands.
var tableFormats = []string{"table", "json", "csv", "ndjson"}

func checkFormat(f string, valid []string) error {
	for _, v := range valid {
		if f == v {
			return nil
		}
	}
	return usageErr("unknown format %q (valid: %s)", f, strings.Join(valid, ", "))
}

// writeRows prints a result set in format and returns the row count. JSON,
// CSV and NDJSON go to w untouched so they can be piped; the caller prints
// counts and messages to stderr.
func writeRows(w io.Writer, format string, rows *store.Rows) (int, error) {
	switch format {
	case "json", "ndjson":
		return writeJSON(w, format == "ndjson", rows)
	case "csv":
		return writeCSV(w, rows)
	}
	return writeTable(w, rows)
}

// cell renders a value for text output.
func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case []byte:
		return string(x)
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

func writeJSON(w io.Writer, lines bool, rows *store.Rows) (int, error) {
	n := 0
	if !lines {
		io.WriteString(w, "[")
	}
	for rows.Next() {
		obj := make(map[string]any, len(rows.Columns))
		ordered := make([]string, 0, len(rows.Columns))
		for i, c := range rows.Columns {
			obj[c] = jsonValue(rows.Values()[i])
			ordered = append(ordered, c)
		}
		if !lines {
			if n > 0 {
				io.WriteString(w, ",")
			}
			io.WriteString(w, "\n")
		}
		if err := encodeOrdered(w, ordered, obj, lines); err != nil {
			return n, err
		}
		n++
	}
	if !lines {
		io.WriteString(w, "\n]\n")
	}
	return n, rows.Err()
}

// encodeOrdered writes obj with keys in column order (encoding/json would sort them).
func encodeOrdered(w io.Writer, cols []string, obj map[string]any, newline bool) error {
	var b strings.Builder
	b.WriteString("{")
	for i, c := range cols {
		if i > 0 {
			b.WriteString(",")
		}
		k, _ := json.Marshal(c)
		v, err := json.Marshal(obj[c])
		if err != nil {
			return err
		}
		b.Write(k)
		b.WriteString(":")
		b.Write(v)
	}
	b.WriteString("}")
	if newline {
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonValue keeps JSON documents stored as text (details, tags) as nested
// JSON instead of escaped strings.
func jsonValue(v any) any {
	s, ok := v.(string)
	if !ok {
		if b, isBytes := v.([]byte); isBytes {
			return string(b)
		}
		return v
	}
	if len(s) > 1 && (s[0] == '{' || s[0] == '[') && json.Valid([]byte(s)) {
		return json.RawMessage(s)
	}
	return s
}

func writeCSV(w io.Writer, rows *store.Rows) (int, error) {
	cw := csv.NewWriter(w)
	if err := cw.Write(rows.Columns); err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		rec := make([]string, len(rows.Columns))
		for i, v := range rows.Values() {
			rec[i] = cell(v)
		}
		if err := cw.Write(rec); err != nil {
			return n, err
		}
		n++
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return n, err
	}
	return n, rows.Err()
}

// maxTableRows bounds how many rows a table buffers to size its columns;
// more rows are printed with the widths already chosen.
const maxTableRows = 1000

func writeTable(w io.Writer, rows *store.Rows) (int, error) {
	var buf [][]string
	n := 0
	for len(buf) < maxTableRows && rows.Next() {
		buf = append(buf, rowCells(rows.Values()))
	}
	widths := fitWidths(rows.Columns, buf, terminalWidth(w))
	printRow(w, rows.Columns, widths)
	sep := make([]string, len(widths))
	for i, wd := range widths {
		sep[i] = strings.Repeat("-", wd)
	}
	printRow(w, sep, widths)
	for _, r := range buf {
		printRow(w, r, widths)
		n++
	}
	for rows.Next() {
		printRow(w, rowCells(rows.Values()), widths)
		n++
	}
	return n, rows.Err()
}

func rowCells(vals []any) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = strings.ReplaceAll(cell(v), "\n", " ")
	}
	return out
}

// fitWidths gives every column its natural width when the row fits the
// terminal; otherwise narrow columns keep theirs and the wide ones share
// what is left.
func fitWidths(cols []string, rows [][]string, total int) []int {
	natural := make([]int, len(cols))
	for i, c := range cols {
		natural[i] = utf8.RuneCountInString(c)
	}
	for _, r := range rows {
		for i, c := range r {
			natural[i] = max(natural[i], utf8.RuneCountInString(c))
		}
	}
	avail := total - 2*(len(cols)-1)
	sum := 0
	for _, wd := range natural {
		sum += wd
	}
	if sum <= avail || len(cols) == 0 {
		return natural
	}
	widths := append([]int(nil), natural...)
	share := avail / len(cols)
	rest, wide := avail, 0
	for _, wd := range natural {
		if wd <= share {
			rest -= wd
		} else {
			wide++
		}
	}
	for i, wd := range natural {
		if wd > share {
			// never narrower than the header, so every column stays legible
			widths[i] = max(rest/wide, utf8.RuneCountInString(cols[i]), 6)
		}
	}
	return widths
}

func printRow(w io.Writer, cells []string, widths []int) {
	var b strings.Builder
	for i, c := range cells {
		if i > 0 {
			b.WriteString("  ")
		}
		c = truncate(c, widths[i])
		b.WriteString(c)
		if i < len(cells)-1 {
			b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)))
		}
	}
	b.WriteString("\n")
	io.WriteString(w, b.String())
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	if n <= 3 {
		return string(r[:n])
	}
	return string(r[:n-3]) + "..."
}

// terminalWidth is w's width when it is a terminal, $COLUMNS, or 120.
func terminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok {
		if wd, _, err := term.GetSize(int(f.Fd())); err == nil && wd > 0 {
			return wd
		}
	}
	if c, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && c > 0 {
		return c
	}
	return 120
}

// printJSON writes v as one indented JSON document (audit reports).
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// plural counts n of a noun in English: "1 row", "2,300 rows", "3 queries".
func plural(n int, noun string) string {
	if n != 1 {
		switch {
		case strings.HasSuffix(noun, "y") && !strings.HasSuffix(noun, "ey"):
			noun = noun[:len(noun)-1] + "ies"
		default:
			noun += "s"
		}
	}
	return thousands(n) + " " + noun
}
