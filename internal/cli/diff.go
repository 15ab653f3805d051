package cli

import (
	"bufio"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/diff"
	"github.com/awsmap/awsmap/internal/export"
	"github.com/awsmap/awsmap/internal/report"
	"github.com/awsmap/awsmap/internal/store"
	"github.com/awsmap/awsmap/internal/suggest"
)

type diffFlags struct {
	viewFlags
	from, to, output, failOn string
	service, region          string
	tags, changes, ignore    []string
	ignoreTags, summary      bool
}

var diffFormats = []string{"table", "json", "csv", "ndjson", "html"}

func newDiffCmd() *cobra.Command {
	f := &diffFlags{}
	cmd := &cobra.Command{
		Use:   "diff",
		Short: "Show what changed between two scans",
		Long: `Show the resources added, removed and modified between two scans, with every
changed field (nested paths such as ip_permissions[2].cidr), tag and
relationship.

--from and --to take a scan (latest, previous, first, or an id from
'awsmap query --list-scans') or a time: YYYY-MM-DD, today and yesterday mean
the start of that day (UTC), 7d and 12h that long ago, or an RFC 3339 time. A
time selects the last scan that started at or before it. By default the
previous scan is compared with the latest.

A gap is never a change: a resource whose collection failed or did not run
in the --to scan is reported unknown rather than removed (and in the --from
scan, unknown rather than added), naming the collection; the failed
collections are listed as UNKNOWN lines (stderr; "incomplete" in JSON).

With --fail-on changes, the exit code is 6 when something was added, removed
or modified, else 5 when something is unknown: for drift checks in CI.`,
		Example: `  awsmap diff
  awsmap diff --from yesterday
  awsmap diff --from 2026-11-01 --to 2026-12-01 -s ec2 --type modified
  awsmap diff --from first -a prod -r eu-west-1 -t Environment=prod --summary
  awsmap diff --ignore approximate_messages --ignore-tags -f json -o drift.json
  awsmap diff --fail-on changes > /dev/null`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runDiff(cmd, f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.from, "from", "previous", "older side: "+selectorHelp)
	fl.StringVar(&f.to, "to", "latest", "newer side: "+selectorHelp)
	f.addAccount(fl)
	fl.StringVarP(&f.service, "service", "s", "", "limit to one service (ec2, s3, iam...)")
	fl.StringVarP(&f.region, "region", "r", "", "limit to one region (global for IAM and other global services)")
	fl.StringArrayVarP(&f.tags, "tag", "t", nil, "only resources tagged Key=Value on either side (repeatable: values of a key OR'd, keys AND'd)")
	fl.StringSliceVar(&f.changes, "type", nil, "only these changes: added, removed, modified, unknown (repeatable or comma list)")
	fl.BoolVar(&f.ignoreTags, "ignore-tags", false, "tag changes do not count")
	fl.StringArrayVar(&f.ignore, "ignore", nil, "changes of this field (and below it) do not count, e.g. approximate_messages or tags.LastSeen (repeatable)")
	fl.BoolVar(&f.summary, "summary", false, "counts per service and type only")
	f.addFormat(fl, "table", "json", "csv", "ndjson", "html")
	fl.StringVarP(&f.output, "output", "o", "", "write to FILE (mode 0600) instead of stdout")
	fl.StringVar(&f.failOn, "fail-on", "", "changes: exit 6 when something changed, 5 when something is unknown")
	return cmd
}

func runDiff(cmd *cobra.Command, f *diffFlags) error {
	o, err := checkDiffFlags(f)
	if err != nil {
		return err
	}
	r, err := openInventory(cmd)
	if err != nil {
		return err
	}
	defer r.Close()
	ctx := cmd.Context()
	if o.Filters, err = resolveFilters(ctx, r, &f.accounts, f.service, f.region); err != nil {
		return err
	}
	if err := resolveDiffScans(cmd, r, f, &o); err != nil {
		return err
	}
	filter, err := export.ParseTagFilter(f.tags)
	if err != nil {
		return usageErr("%v", err)
	}
	o.Tags = filter.Tags
	res, err := diff.Compute(ctx, r, o)
	if err != nil {
		return withCode(ExitFatal, err)
	}
	if err := writeTo(cmd, f.output, func(w io.Writer) error { return writeDiff(w, f.format, f.summary, res) }); err != nil {
		return withCode(ExitFatal, err)
	}
	errw := cmd.ErrOrStderr()
	if f.format != "json" && f.format != "html" {
		for _, g := range res.Incomplete {
			fmt.Fprintln(errw, g.String())
		}
	}
	t := res.Totals()
	fmt.Fprintf(errw, "Scan %d (%s) to scan %d (%s): %d added, %d removed, %d modified, %d unknown.\n",
		res.From.ID, res.From.StartedAt, res.To.ID, res.To.StartedAt, t.Added, t.Removed, t.Modified, t.Unknown)
	if f.failOn == "" {
		return nil
	}
	switch {
	case t.Added+t.Removed+t.Modified > 0:
		return withCode(ExitChanges, errSilent)
	case t.Unknown > 0 || len(res.Incomplete) > 0:
		return withCode(ExitIncomplete, errSilent)
	}
	return nil
}

// resolveDiffScans sets o.From and o.To from --from and --to, among the
// scans of the -a accounts when given: scanning one account after the
// other, an account's previous scan is not the inventory's. Several accounts
// are compared when their scans pair up (an organization scan covers them
// all); otherwise each must be compared on its own.
func resolveDiffScans(cmd *cobra.Command, r *store.Reader, f *diffFlags, o *diff.Options) error {
	accounts := o.Accounts
	if len(accounts) == 0 {
		accounts = []string{""}
	}
	var pairs []string
	for i, account := range accounts {
		from, to, err := accountScans(r, f, account)
		if err != nil {
			return err
		}
		if i == 0 {
			o.From, o.To = from, to
		}
		pairs = append(pairs, fmt.Sprintf("%s: scans %d to %d", cmp.Or(account, "all"), from, to))
		if from != o.From || to != o.To {
			return usageErr("the accounts were not scanned together, so --from %s and --to %s select different scans (%s): diff them one -a at a time",
				f.from, f.to, strings.Join(pairs, "; "))
		}
	}
	if len(o.Accounts) == 0 {
		noteAccounts(cmd, r, o.From, o.To)
	}
	return nil
}

// accountScans resolves --from and --to among account's scans ("": all).
func accountScans(r *store.Reader, f *diffFlags, account string) (from, to int64, err error) {
	now := time.Now()
	if from, err = r.ResolveAccountScanAt(f.from, now, account); err != nil {
		if scans, _ := r.Scans(); len(scans) < 2 {
			return 0, 0, usageErr("the inventory holds %d scan(s): a diff needs two (scan again later)", len(scans))
		}
		return 0, 0, usageErr("--from: %v", err)
	}
	if to, err = r.ResolveAccountScanAt(f.to, now, account); err != nil {
		return 0, 0, usageErr("--to: %v", err)
	}
	if from >= to {
		return 0, 0, usageErr("--from %s is scan %d and --to %s is scan %d: --from must select an earlier scan", f.from, from, f.to, to)
	}
	return from, to, nil
}

// noteAccounts says on stderr when the two scans covered different
// accounts: what one did not scan is unknown on its side, and -a compares
// one account's own scans.
func noteAccounts(cmd *cobra.Command, r *store.Reader, from, to int64) {
	scans, err := r.Scans()
	if err != nil {
		return
	}
	accounts := map[int64]string{}
	for _, s := range scans {
		accounts[s.ID] = s.AccountID
	}
	if accounts[from] != accounts[to] {
		fmt.Fprintf(cmd.ErrOrStderr(), "Note: scan %d covered %s and scan %d covered %s; to compare one account's own scans, use -a ACCOUNT.\n",
			from, accounts[from], to, accounts[to])
	}
}

// checkDiffFlags validates what needs no inventory.
func checkDiffFlags(f *diffFlags) (diff.Options, error) {
	o := diff.Options{IgnoreTags: f.ignoreTags, Ignore: f.ignore}
	if err := checkFormat(f.format, diffFormats); err != nil {
		return o, err
	}
	if f.failOn != "" && f.failOn != "changes" {
		return o, usageErr("unknown --fail-on %q (valid: changes)", f.failOn)
	}
	for _, c := range f.changes {
		c = strings.TrimSpace(c)
		if !slices.Contains(diff.Changes, c) {
			return o, usageErr("--type: %v", suggest.Unknown("change", c, diff.Changes))
		}
		o.Changes = append(o.Changes, c)
	}
	return o, nil
}

// openInventory opens the inventory read-only, as it is stored (no scan
// views: diff and history read the history tables).
func openInventory(cmd *cobra.Command) (*store.Reader, error) {
	path := dbPath(cmd)
	noticeUpgrade(cmd, path)
	r, err := store.OpenReader(path)
	if err != nil {
		return nil, storeErr(err)
	}
	return r, nil
}

// resolveFilters turns -a and --ou, -s and -r into filters, refusing names
// the inventory has never seen.
func resolveFilters(ctx context.Context, r *store.Reader, accounts *accountFlags, service, region string) (diff.Filters, error) {
	var f diff.Filters
	if accounts.given() {
		ids, err := resolveAccounts(r, splitList(accounts.accounts), splitList(accounts.ous))
		if err != nil {
			return f, err
		}
		f.Accounts = ids
	}
	for _, c := range []struct{ kind, value, sql string }{
		{"service", service, `SELECT DISTINCT service FROM main.collection_versions UNION SELECT DISTINCT service FROM main.resource_versions`},
		{"region", region, `SELECT DISTINCT region FROM main.collection_versions UNION SELECT DISTINCT region FROM main.resource_versions`},
	} {
		if c.value == "" {
			continue
		}
		known, err := firstColumn(ctx, r, c.sql)
		if err != nil {
			return f, withCode(ExitFatal, err)
		}
		if !slices.Contains(known, c.value) {
			return f, usageErr("%v", suggest.Unknown(c.kind, c.value, known))
		}
	}
	f.Service, f.Region = service, region
	return f, nil
}

func firstColumn(ctx context.Context, r *store.Reader, sql string) ([]string, error) {
	rows, err := r.Query(ctx, sql)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		out = append(out, cell(rows.Values()[0]))
	}
	return out, rows.Err()
}

// writeTo runs write on stdout, or on a new 0600 file when path is set.
func writeTo(cmd *cobra.Command, path string, write func(io.Writer) error) error {
	if path == "" {
		return write(cmd.OutOrStdout())
	}
	file, err := export.CreatePrivate(path)
	if err != nil {
		return err
	}
	buf := bufio.NewWriter(file)
	err = write(buf)
	if err == nil {
		err = buf.Flush()
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	return err
}

func writeDiff(w io.Writer, format string, summary bool, res *diff.Result) error {
	switch {
	case format == "html":
		// The page's counts come from the entries: --summary does not apply.
		title := fmt.Sprintf("Changes from scan %d to scan %d", res.From.ID, res.To.ID)
		return report.Write(w, report.Page{Kind: report.KindDiff, Title: title, Data: res})
	case summary:
		return writeDiffSummary(w, format, res)
	case format == "json":
		if res.Entries == nil {
			res.Entries = []diff.Entry{}
		}
		return printJSON(w, res)
	case format == "ndjson":
		enc := json.NewEncoder(w)
		for _, e := range res.Entries {
			if err := enc.Encode(e); err != nil {
				return err
			}
		}
		return nil
	case format == "csv":
		return writeDiffCSV(w, res)
	}
	return writeDiffText(w, res)
}

func writeDiffSummary(w io.Writer, format string, res *diff.Result) error {
	counts := res.Summary()
	if format == "json" {
		return printJSON(w, map[string]any{"from": res.From, "to": res.To, "summary": counts, "incomplete": res.Incomplete})
	}
	cols := []string{"service", "type", "added", "removed", "modified", "unknown"}
	rows := make([][]any, len(counts))
	for i, c := range counts {
		rows[i] = []any{c.Service, c.Type, int64(c.Added), int64(c.Removed), int64(c.Modified), int64(c.Unknown)}
	}
	return writeMemRows(w, format, cols, rows)
}

// changeMarks prefix each entry of the text output.
var changeMarks = map[string]string{diff.Added: "+", diff.Removed: "-", diff.Modified: "~", diff.Unknown: "?"}

// writeDiffText prints one line per resource and an indented line per
// changed field, tag and relationship.
func writeDiffText(w io.Writer, res *diff.Result) error {
	bw := bufio.NewWriter(w)
	for _, e := range res.Entries {
		fmt.Fprintf(bw, "%s %s %s %s %s", changeMarks[e.Change], e.Change, e.Service, e.Type, e.ID)
		if e.Name != "" && e.Name != e.ID {
			fmt.Fprintf(bw, " %q", e.Name)
		}
		fmt.Fprintf(bw, " (%s %s, scan %d)\n", e.Account, e.Region, e.Scan)
		if e.Reason != "" {
			fmt.Fprintf(bw, "    %s\n", e.Reason)
		}
		writeChanges(bw, e.Fields, e.Tags, e.Edges)
	}
	return bw.Flush()
}

// writeChanges prints changed fields, tags and relationships, indented.
func writeChanges(w io.Writer, fields, tags []diff.FieldChange, edges []diff.EdgeChange) {
	for _, c := range fields {
		fmt.Fprintf(w, "    %s: %s -> %s\n", c.Path, shown(c.Before), shown(c.After))
	}
	for _, c := range tags {
		fmt.Fprintf(w, "    tag %s: %s -> %s\n", c.Path, shown(c.Before), shown(c.After))
	}
	for _, c := range edges {
		fmt.Fprintf(w, "    %s %s -> %s\n", changeMarks[c.Change], c.Kind, c.To)
	}
}

// shown renders a JSON value of a field change ("(absent)" for none).
func shown(v json.RawMessage) string {
	if v == nil {
		return "(absent)"
	}
	return string(v)
}

// writeDiffCSV writes one row per changed field, tag or relationship, and
// one row for an entry without any (added, removed, unknown).
func writeDiffCSV(w io.Writer, res *diff.Result) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"change", "account_id", "region", "service", "type", "id", "name", "scan", "what", "path", "before", "after"})
	for _, e := range res.Entries {
		lead := []string{e.Change, e.Account, e.Region, e.Service, e.Type, e.ID, e.Name, strconv.FormatInt(e.Scan, 10)}
		var rows [][]string
		for _, c := range e.Fields {
			rows = append(rows, []string{"field", c.Path, string(c.Before), string(c.After)})
		}
		for _, c := range e.Tags {
			rows = append(rows, []string{"tag", c.Path, string(c.Before), string(c.After)})
		}
		for _, c := range e.Edges {
			before, after := c.To.String(), ""
			if c.Change == diff.Added {
				before, after = after, before
			}
			rows = append(rows, []string{"relationship", c.Kind, before, after})
		}
		if e.Reason != "" {
			rows = append(rows, []string{"reason", "", "", e.Reason})
		}
		if len(rows) == 0 {
			rows = append(rows, []string{"", "", "", ""})
		}
		for _, r := range rows {
			cw.Write(append(slices.Clone(lead), r...))
		}
	}
	cw.Flush()
	return cw.Error()
}
