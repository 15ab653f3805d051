package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

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
	for len(buf) < maxTableRows && rows.Next() {
		buf = append(buf, rowCells(rows.Values()))
	}
	n := printTable(w, rows.Columns, buf, func() ([]string, bool) {
		if !rows.Next() {
			return nil, false
		}
		return rowCells(rows.Values()), true
	})
	return n, rows.Err()
}

func rowCells(vals []any) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = strings.ReplaceAll(cell(v), "\n", " ")
	}
	return out
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
