package cli

import (
	"context"
	"fmt"
	"os/exec"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/audit"
	"github.com/awsmap/awsmap/internal/report"
	"github.com/awsmap/awsmap/internal/store"
)

type reportFlags struct {
	viewFlags
	output, since string
	open          bool
}

func newReportCmd() *cobra.Command {
	f := &reportFlags{}
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the inventory as one self-contained HTML report",
		Long: `Write one HTML file that shows the inventory: a searchable, sortable table of
every resource with facets, each resource's fields, tags and relationships, the
findings of the named audits and of the waste rules, what the scan could not
collect (coverage), and what changed since the previous scan.

The file has no external dependency (no CDN, font or network access: its
Content-Security-Policy forbids it) and opens from disk in any current browser,
fast at 100,000 resources. It is written with mode 0600: it holds the same
metadata as the inventory.`,
		Example: `  awsmap report
  awsmap report -o estate.html --open
  awsmap report -a prod --scan previous
  awsmap report --since 3`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runReport(cmd, f) },
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.output, "output", "o", "", "file to write (default awsmap-report-<account-or-org>-<date>.html)")
	f.addAccount(fl)
	f.addScan(fl, "show")
	fl.StringVar(&f.since, "since", "", "show changes since this scan or time (default: the one before --scan)")
	fl.BoolVar(&f.open, "open", false, "open the report in the default browser")
	return cmd
}

func runReport(cmd *cobra.Command, f *reportFlags) error {
	r, scope, err := openReaderFor(cmd, f.scan, &f.accounts)
	if err != nil {
		return err
	}
	defer r.Close()
	var since int64
	if f.since != "" {
		if since, err = r.ResolveScanAt(f.since, time.Now()); err != nil {
			return usageErr("--since: %v", err)
		}
		shown, err := r.ResolveScan(f.scan)
		if err != nil {
			return usageErr("--scan: %v", err)
		}
		if since >= shown {
			return usageErr("--since %s is scan %d and --scan %s is scan %d: --since must select an earlier scan", f.since, since, f.scan, shown)
		}
	}
	path := f.output
	if path == "" {
		path = defaultReportPath(cmd.Context(), r, soleAccount(scope.Accounts))
	}
	start := time.Now()
	n, err := writeReport(cmd.Context(), r, path, report.Options{ScanID: scope.ScanID, SinceScan: since, Accounts: scope.Accounts}, scope)
	if err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "Wrote %s (%d resources, %.1fs)\n", path, n, time.Since(start).Seconds())
	if f.open {
		return openInBrowser(path)
	}
	return nil
}

// soleAccount is the one account of a report limited to one, else "".
func soleAccount(accounts []string) string {
	if len(accounts) == 1 {
		return accounts[0]
	}
	return ""
}

// writeReport builds the report of the state r shows and writes it to
// path. It returns the number of resources.
func writeReport(ctx context.Context, r *store.Reader, path string, o report.Options, scope audit.Scope) (int, error) {
	scope, err := scope.WithLedger(ctx, r)
	if err != nil {
		return 0, auditErr(err)
	}
	if o.Findings, err = runAudits(ctx, r, scope); err != nil {
		return 0, auditErr(err)
	}
	waste, err := audit.Waste(ctx, r, audit.WasteOptions{MinAgeDays: 90}, scope)
	if err != nil {
		return 0, auditErr(err)
	}
	o.Waste, o.Types = waste, typeCatalog()
	if o.Title == "" {
		o.Title = reportTitle(soleAccount(o.Accounts))
	}
	data, err := report.Build(ctx, r, o)
	if err != nil {
		return 0, withCode(ExitFatal, err)
	}
	if err := report.WriteFile(path, data.Page()); err != nil {
		return 0, withCode(ExitFatal, err)
	}
	return len(data.Res.ID), nil
}

// runAudits runs the named queries that look for problems: every query but
// the info-severity listings (resources-by-*, runtimes...), with their
// default parameters; a query that needs a parameter without default is
// left out.
func runAudits(ctx context.Context, r *store.Reader, scope audit.Scope) ([]report.NamedResult, error) {
	lib, err := audit.Builtin()
	if err != nil {
		return nil, err
	}
	var out []report.NamedResult
	for _, q := range lib.All() {
		if q.Severity == "info" || !allDefaults(q) {
			continue
		}
		res, err := audit.Run(ctx, r, q, nil, scope)
		if err != nil {
			return nil, err
		}
		rows := res.Rows
		if rows == nil {
			rows = [][]any{}
		}
		out = append(out, report.NamedResult{Name: q.Name, Title: q.Title, Description: q.Description,
			Category: q.Category, Severity: q.Severity, Columns: res.Columns, Rows: rows, Incomplete: res.Incomplete})
	}
	return out, nil
}

func allDefaults(q *audit.Query) bool {
	for _, p := range q.Params {
		if !p.HasDefault {
			return false
		}
	}
	return true
}

func reportTitle(account string) string {
	if account != "" {
		return "AWS inventory of account " + account
	}
	return "AWS inventory"
}

// writeScanReport writes the report of the scanned accounts' current
// state after a scan (-f html).
func writeScanReport(cmd *cobra.Command, path string, accounts []string) error {
	r, scope, err := openReaderFor(cmd, "latest", &accountFlags{accounts: accounts})
	if err != nil {
		return err
	}
	defer r.Close()
	o := report.Options{ScanID: scope.ScanID, Accounts: scope.Accounts}
	if _, err := writeReport(cmd.Context(), r, path, o, scope); err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "Report written to %s\n", path)
	return nil
}

// writePage writes an HTML page of the report shell to stdout (waste and
// tags -f html).
func writePage(cmd *cobra.Command, kind, title string, data any) error {
	if err := report.Write(cmd.OutOrStdout(), report.Page{Kind: kind, Title: title, Data: data}); err != nil {
		return withCode(ExitFatal, err)
	}
	return nil
}

// reportFileName is awsmap-report-<account-or-org>-<date>.html.
func reportFileName(account string) string {
	return fmt.Sprintf("awsmap-report-%s-%s.html", account, time.Now().UTC().Format("2006-01-02"))
}

// defaultReportPath is the report's file name: for the account it shows,
// or "org" when it shows several.
func defaultReportPath(ctx context.Context, r *store.Reader, account string) string {
	if account == "" {
		if rows, err := r.Query(ctx, `SELECT DISTINCT account_id FROM resources LIMIT 2`); err == nil {
			var ids []string
			for rows.Next() {
				ids = append(ids, fmt.Sprint(rows.Values()[0]))
			}
			rows.Close()
			if len(ids) == 1 {
				account = ids[0]
			}
		}
	}
	if account == "" {
		account = "org"
	}
	return reportFileName(account)
}

// openInBrowser hands path to the desktop's opener.
func openInBrowser(path string) error {
	name, args := "xdg-open", []string{path}
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		name, args = "rundll32", []string{"url.dll,FileProtocolHandler", path}
	}
	if err := exec.Command(name, args...).Start(); err != nil {
		return withCode(ExitFatal, fmt.Errorf("open %s: %v (the report is written; open it yourself)", path, err))
	}
	return nil
}
