package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/audit"
	"github.com/awsmap/awsmap/internal/suggest"
)

// namedFlags are the query command's named-query flags.
type namedFlags struct {
	name, show, failOn string
	params             []string
	list               bool
}

// queriesDir is where user queries live; AWSMAP_QUERIES overrides it.
func queriesDir() string {
	if d := os.Getenv("AWSMAP_QUERIES"); d != "" {
		return d
	}
	return audit.DefaultUserDir()
}

func loadLibrary() (*audit.Library, error) {
	lib, err := audit.Load(queriesDir())
	if err != nil {
		return nil, usageErr("%v", err)
	}
	return lib, nil
}

// auditErr maps audit errors to exit codes.
func auditErr(err error) error {
	if err == nil {
		return nil
	}
	if audit.IsUsage(err) {
		return usageErr("%v", err)
	}
	return withCode(ExitFatal, err)
}

// parseParams turns -P k=v flags into a map.
func parseParams(list []string) (map[string]string, error) {
	out := map[string]string{}
	for _, p := range list {
		k, v, ok := strings.Cut(p, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return nil, usageErr("parameter %q is not key=value", p)
		}
		out[k] = v
	}
	return out, nil
}

func checkFailOn(v string) error {
	switch v {
	case "", "findings", "incomplete":
		return nil
	}
	return usageErr("unknown --fail-on %q (valid: findings, incomplete)", v)
}

// failExit applies --fail-on: findings → ExitFindings when there are
// findings, else ExitIncomplete when the input is incomplete (a clean
// result cannot be claimed); incomplete → ExitIncomplete when incomplete.
func failExit(failOn string, findings int, incomplete int) error {
	switch {
	case failOn == "findings" && findings > 0:
		return withCode(ExitFindings, errSilent)
	case failOn != "" && incomplete > 0:
		return withCode(ExitIncomplete, errSilent)
	}
	return nil
}

// runNamed handles --list, --show and -n.
func runNamed(cmd *cobra.Command, f *queryFlags) error {
	n := &f.named
	lib, err := loadLibrary()
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	switch {
	case n.list:
		return listQueries(cmd, lib, f.format)
	case n.show != "":
		q, ok := lib.Get(n.show)
		if !ok {
			return usageErr("%v", suggest.Unknown("query", n.show, lib.Names()))
		}
		if q.Source != "builtin" {
			fmt.Fprintf(cmd.ErrOrStderr(), "(from %s)\n", q.Source)
		}
		io.WriteString(out, strings.TrimRight(q.Text, "\n")+"\n")
		return nil
	}
	q, ok := lib.Get(n.name)
	if !ok {
		return usageErr("%v", suggest.Unknown("query", n.name, lib.Names()))
	}
	return runAudit(cmd, f, q)
}

// runAudit runs q like a named query: its parameters from -P, the account
// of -a, UNKNOWN where its input is incomplete, the exit code of --fail-on.
func runAudit(cmd *cobra.Command, f *queryFlags, q *audit.Query) error {
	n := &f.named
	params, err := parseParams(n.params)
	if err != nil {
		return err
	}
	r, scope, err := openReaderFor(cmd, f.scan, &f.accounts)
	if err != nil {
		return err
	}
	defer r.Close()
	res, err := audit.Run(cmd.Context(), r, q, params, scope)
	if err != nil {
		return auditErr(err)
	}
	if err := writeResult(cmd, f.format, q, res); err != nil {
		return withCode(ExitFatal, err)
	}
	return failExit(n.failOn, len(res.Rows), len(res.Incomplete))
}

func listQueries(cmd *cobra.Command, lib *audit.Library, format string) error {
	cols := []string{"name", "category", "severity", "params", "title"}
	var rows [][]any
	for _, q := range lib.All() {
		rows = append(rows, []any{q.Name, q.Category, q.Severity, q.ParamList(), q.Title})
	}
	if err := writeMemRows(cmd.OutOrStdout(), format, cols, rows); err != nil {
		return withCode(ExitFatal, err)
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "(%s)\n", plural(len(rows), "query"))
	return nil
}

// writeResult prints a named query's result. JSON is an envelope with the
// findings and the incomplete places; other formats print the findings on
// stdout and the UNKNOWN lines on stderr.
func writeResult(cmd *cobra.Command, format string, q *audit.Query, res *audit.Result) error {
	out, errw := cmd.OutOrStdout(), cmd.ErrOrStderr()
	if format == "json" {
		findings := make([]json.RawMessage, 0, len(res.Rows))
		for _, row := range res.Rows {
			var b strings.Builder
			obj := map[string]any{}
			for i, c := range res.Columns {
				obj[c] = jsonValue(row[i])
			}
			if err := encodeOrdered(&b, res.Columns, obj, false); err != nil {
				return err
			}
			findings = append(findings, json.RawMessage(b.String()))
		}
		env := struct {
			Query      string            `json:"query"`
			Title      string            `json:"title"`
			Category   string            `json:"category"`
			Severity   string            `json:"severity"`
			Complete   bool              `json:"complete"`
			Count      int               `json:"count"`
			Findings   []json.RawMessage `json:"findings"`
			Incomplete []audit.Gap       `json:"incomplete"`
		}{q.Name, q.Title, q.Category, q.Severity, len(res.Incomplete) == 0, len(res.Rows), findings, res.Incomplete}
		return printJSON(out, env)
	}
	if err := writeMemRows(out, format, res.Columns, res.Rows); err != nil {
		return err
	}
	for _, g := range res.Incomplete {
		fmt.Fprintln(errw, g.String())
	}
	switch {
	case len(res.Rows) == 0 && len(res.Incomplete) > 0:
		fmt.Fprintf(errw, "No findings where the inventory is complete; %s UNKNOWN (see above).\n", plural(len(res.Incomplete), "place"))
	case len(res.Rows) == 0 && format == "table":
		fmt.Fprintln(errw, "No results.")
	}
	fmt.Fprintf(errw, "(%s)\n", plural(len(res.Rows), "row"))
	return nil
}

// writeMemRows prints in-memory rows in format (table, csv, json, ndjson).
func writeMemRows(w io.Writer, format string, cols []string, rows [][]any) error {
	switch format {
	case "json", "ndjson":
		lines := format == "ndjson"
		if !lines {
			io.WriteString(w, "[")
		}
		for n, row := range rows {
			obj := map[string]any{}
			for i, c := range cols {
				obj[c] = jsonValue(row[i])
			}
			if !lines {
				if n > 0 {
					io.WriteString(w, ",")
				}
				io.WriteString(w, "\n")
			}
			if err := encodeOrdered(w, cols, obj, lines); err != nil {
				return err
			}
		}
		if !lines {
			io.WriteString(w, "\n]\n")
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(cols)
		for _, row := range rows {
			rec := make([]string, len(row))
			for i, v := range row {
				rec[i] = cell(v)
			}
			cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	}
	cells := make([][]string, len(rows))
	for i, row := range rows {
		cells[i] = rowCells(row)
	}
	printTable(w, cols, cells, nil)
	return nil
}

// sortedKeys returns m's keys sorted.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
