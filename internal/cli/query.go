package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/audit"
	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

type queryFlags struct {
	viewFlags
	file      string
	listScans bool
	named     namedFlags
}

func newQueryCmd() *cobra.Command {
	f := &queryFlags{}
	cmd := &cobra.Command{
		Use:   "query [SQL]",
		Short: "Run read-only SQL against the inventory",
		Long: `Run one read-only SQL statement against the inventory.

Tables and views: resources (the current state, or the state as of --scan),
relationships, coverage (which collections succeeded), api_calls (the ledger),
scans, and one typed view per resource type (ec2_instances, s3_buckets, ...;
see 'awsmap schema'). Statements that could write (INSERT, DELETE, DROP,
ATTACH, PRAGMA assignments...) are refused with exit code 2.

A file given with -F whose leading comment lines include "-- name:" is a
query file with a header, like those of 'awsmap query --list' (see
docs/audits.md): it runs as a named query, with -P, -a and --fail-on.
Without that line the file is plain SQL.

-a and --ou limit resources, relationships, coverage and the typed views to
some accounts (see 'awsmap accounts'), for plain SQL and named queries alike.

json, csv and ndjson output is clean for piping: the row count goes to stderr.`,
		Example: `  awsmap query "SELECT service, type, count(*) FROM resources GROUP BY 1, 2"
  awsmap query "SELECT id, instance_type, state FROM ec2_instances" -f json
  awsmap query --scan first "SELECT count(*) FROM resources"
  awsmap query -F audit.sql -f csv > audit.csv
  awsmap query --list-scans
  awsmap query --list
  awsmap query -n admin-users
  awsmap query -n old-access-keys -P days=180 -a prod -f json --fail-on findings
  awsmap query -a prod -a 222222222222 "SELECT account_id, count(*) FROM resources GROUP BY 1"
  awsmap query --ou Workloads "SELECT * FROM coverage WHERE outcome <> 'ok'"`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runQuery(cmd, f, args) },
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.file, "file", "F", "", "read the SQL from a file (with a \"-- name:\" header: run it as a named query)")
	f.addScan(fl, "query")
	f.addFormat(fl, "table", "json", "csv", "ndjson")
	fl.BoolVar(&f.listScans, "list-scans", false, "list the stored scans")
	fl.StringVarP(&f.named.name, "name", "n", "", "run a named query (see --list)")
	fl.StringArrayVarP(&f.named.params, "param", "P", nil, "named query parameter key=value (repeatable); service and region filter any query")
	fl.BoolVarP(&f.named.list, "list", "l", false, "list the named queries")
	fl.StringVarP(&f.named.show, "show", "S", "", "print a named query's header and SQL")
	fl.StringVar(&f.named.failOn, "fail-on", "", "named queries: exit 4 on findings, 5 on incomplete input (findings|incomplete)")
	f.accounts.register(fl)
	cmd.MarkFlagsMutuallyExclusive("name", "list", "show", "list-scans", "file")
	return cmd
}

func runQuery(cmd *cobra.Command, f *queryFlags, args []string) error {
	if !cmd.Flags().Changed("format") {
		if c := loadConfig(cmd); c.QueryFormat != "" {
			f.format = c.QueryFormat
		}
	}
	if err := checkFormat(f.format, tableFormats); err != nil {
		return err
	}
	if err := checkFailOn(f.named.failOn); err != nil {
		return err
	}
	if f.named.name != "" || f.named.list || f.named.show != "" {
		if len(args) > 0 {
			return usageErr("give either SQL or a named query (-n), not both")
		}
		return runNamed(cmd, f)
	}
	sql, err := querySQL(f, args)
	if err != nil {
		return err
	}
	if f.file != "" && audit.HasHeader([]byte(sql)) {
		q, err := audit.Parse(f.file, []byte(sql))
		if err != nil {
			return usageErr("%v", err)
		}
		return runAudit(cmd, f, q)
	}
	if len(f.named.params) > 0 || f.named.failOn != "" {
		return usageErr("-P and --fail-on apply to named queries (-n NAME, or -F with a query file header)")
	}
	r, _, err := openReaderFor(cmd, f.scan, &f.accounts)
	if err != nil {
		return err
	}
	defer r.Close()
	if f.listScans {
		sql = listScansSQL
	}
	return runSQL(cmd, r, f.format, sql)
}

const listScansSQL = `SELECT id, started_at, status, account_id, account_alias,
  (SELECT count(*) FROM scan_accounts a WHERE a.scan_id = scans.id) AS accounts, resource_count AS resources,
  api_calls, failures, round(duration_seconds, 1) AS seconds FROM scans ORDER BY id DESC`

func querySQL(f *queryFlags, args []string) (string, error) {
	switch {
	case f.listScans:
		return "", nil
	case f.file != "" && len(args) > 0:
		return "", usageErr("give the SQL either as an argument or with -F, not both")
	case f.file != "":
		b, err := os.ReadFile(f.file)
		if err != nil {
			return "", usageErr("reading %s: %v", f.file, err)
		}
		return string(b), nil
	case len(args) == 1 && strings.TrimSpace(args[0]) != "":
		return args[0], nil
	}
	return "", usageErr("no SQL given: awsmap query \"SELECT ...\" (or -F FILE, -n NAME, --list, or --list-scans)")
}

// selectorHelp describes what --scan, --from and --to accept (see
// store.Reader.ResolveScanAt).
const selectorHelp = "a scan (latest, previous, first, N) or a time (YYYY-MM-DD, RFC 3339, 7d, 12h, yesterday, today)"

// openReaderFor opens the inventory read-only and shows the selected scan
// under the usual names, limited to the accounts of -a and --ou (nil: all):
// resources, relationships, coverage and the typed views show only theirs.
// The scope says which scan (0: the current state), accounts and types.
func openReaderFor(cmd *cobra.Command, scanSel string, accounts *accountFlags) (*store.Reader, audit.Scope, error) {
	return openReaderScoped(cmd, scanSel, accounts, typeCatalog())
}

// openReaderScoped is openReaderFor with the typed views of types only
// (ask reads resources and needs none: creating them is most of its
// start-up).
func openReaderScoped(cmd *cobra.Command, scanSel string, accounts *accountFlags, types []model.TypeInfo) (*store.Reader, audit.Scope, error) {
	r, err := openInventory(cmd)
	if err != nil {
		return nil, audit.Scope{}, err
	}
	scope := audit.Scope{Types: typeCatalog()} // ScanID 0: the current state
	if scanSel != "" && scanSel != "latest" {
		if scope.ScanID, err = r.ResolveScanAt(scanSel, time.Now()); err != nil {
			r.Close()
			return nil, audit.Scope{}, usageErr("%v", err)
		}
	}
	if scope.Accounts, err = accounts.resolve(r); err != nil {
		r.Close()
		return nil, audit.Scope{}, err
	}
	if err := r.UseScan(scope.ScanID, types); err != nil {
		r.Close()
		return nil, audit.Scope{}, withCode(ExitFatal, err)
	}
	return r, scope, nil
}

// noticeUpgrade says on stderr that the inventory at path is about to be
// upgraded to this awsmap's schema, which can take a minute at a million
// resources. It says nothing when it cannot tell: opening reports errors.
func noticeUpgrade(cmd *cobra.Command, path string) {
	stored, current, err := store.SchemaVersions(path)
	if err == nil && stored > 0 && stored < current {
		fmt.Fprintf(cmd.ErrOrStderr(), "Upgrading %s from schema %d to %d (once; a large inventory takes a while)...\n",
			path, stored, current)
	}
}

// runSQL runs one statement and prints its rows; the count goes to stderr.
func runSQL(cmd *cobra.Command, r *store.Reader, format, sql string, args ...any) error {
	rows, err := r.Query(cmd.Context(), sql, args...)
	if err != nil {
		var ro *store.ReadOnlyError
		if errors.As(err, &ro) {
			return usageErr("%v", err)
		}
		return usageErr("SQL error: %v", err)
	}
	defer rows.Close()
	n, err := writeRows(cmd.OutOrStdout(), format, rows)
	if err != nil {
		return usageErr("SQL error: %v", err)
	}
	if format == "table" && n == 0 {
		fmt.Fprintln(cmd.ErrOrStderr(), "No results.")
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "(%s)\n", plural(n, "row"))
	return nil
}
