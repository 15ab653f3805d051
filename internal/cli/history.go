package cli

import (
	"bufio"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/diff"
)

type historyFlags struct {
	accounts                       accountFlags
	service, region, field, format string
}

func newHistoryCmd() *cobra.Command {
	f := &historyFlags{}
	cmd := &cobra.Command{
		Use:   "history ID|ARN|NAME",
		Short: "Show every version of one resource and what changed between them",
		Long: `Show the history of one resource, current or gone: when it was first seen,
every change (each field at its nested path, tags, relationships), when it
disappeared, and when it came back.

The resource is named by its id, its ARN or its name; when a name (or an id
used in several accounts or regions) matches more than one resource, the
candidates are listed and the exit code is 2: narrow with -a, -s, -r or give
the id or ARN.

--field shows the timeline of one value: a details path such as
ip_permissions[0].cidr_ranges, a column (name, arn, created_at, is_default) or
tags.KEY.`,
		Example: `  awsmap history sg-0123456789abcdef0
  awsmap history web-prod -s ec2 -r eu-west-1
  awsmap history arn:aws:iam::111122223333:role/deploy -f json
  awsmap history sg-0123456789abcdef0 --field open_ports_to_world`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runHistory(cmd, f, args[0]) },
	}
	fl := cmd.Flags()
	f.accounts.register(fl)
	fl.StringVarP(&f.service, "service", "s", "", "only resources of this service")
	fl.StringVarP(&f.region, "region", "r", "", "only resources of this region")
	fl.StringVar(&f.field, "field", "", "the timeline of one field (details path, name, arn, tags.KEY...)")
	fl.StringVarP(&f.format, "format", "f", "table", "output format: table, json")
	return cmd
}

func runHistory(cmd *cobra.Command, f *historyFlags, ref string) error {
	if err := checkFormat(f.format, []string{"table", "json"}); err != nil {
		return err
	}
	r, err := openInventory(cmd)
	if err != nil {
		return err
	}
	defer r.Close()
	ctx := cmd.Context()
	filters, err := resolveFilters(ctx, r, &f.accounts, f.service, f.region)
	if err != nil {
		return err
	}
	found, err := diff.Find(ctx, r, ref, filters)
	if err != nil {
		return withCode(ExitFatal, err)
	}
	switch len(found) {
	case 0:
		return usageErr("no resource with id, ARN or name %q in the inventory%s", ref, filterNote(filters))
	case 1:
	default:
		errw := cmd.ErrOrStderr()
		fmt.Fprintf(errw, "%q names %d resources:\n", ref, len(found))
		for _, c := range found {
			fmt.Fprintf(errw, "  %s %s %s %q (%s %s) %s\n", c.Service, c.Type, c.ID, c.Name, c.Account, c.Region, c.ARN)
		}
		return usageErr("give the id or ARN, or narrow with -a, -s or -r")
	}
	h, err := diff.Load(ctx, r, found[0].Key)
	if err != nil {
		return withCode(ExitFatal, err)
	}
	for _, g := range h.Incomplete {
		fmt.Fprintln(cmd.ErrOrStderr(), g.String())
	}
	out := cmd.OutOrStdout()
	if f.field != "" {
		timeline, err := h.Field(f.field)
		if err != nil {
			return usageErr("--field: %v", err)
		}
		if f.format == "json" {
			return printJSON(out, map[string]any{"resource": h.Key, "field": f.field, "timeline": timeline})
		}
		return writeTimeline(out, timeline)
	}
	if f.format == "json" {
		return printJSON(out, h)
	}
	return writeHistory(out, h)
}

func filterNote(f diff.Filters) string {
	if len(f.Accounts) == 0 && f.Service == "" && f.Region == "" {
		return ""
	}
	return " (with the -a, --ou, -s, -r filters given)"
}

// writeHistory prints the resource, then one line per event with its
// changes indented.
func writeHistory(w io.Writer, h *diff.History) error {
	bw := bufio.NewWriter(w)
	last := h.Versions[len(h.Versions)-1]
	fmt.Fprintf(bw, "%s %s %s", h.Service, h.Type, h.ID)
	if last.Name != "" && last.Name != h.ID {
		fmt.Fprintf(bw, " %q", last.Name)
	}
	fmt.Fprintf(bw, " (%s %s)\n", h.Account, h.Region)
	if last.ARN != "" {
		fmt.Fprintf(bw, "%s\n", last.ARN)
	}
	for _, e := range h.Events {
		fmt.Fprintf(bw, "scan %d  %s  %s\n", e.Scan, e.At, e.Change)
		writeChanges(bw, e.Fields, e.Tags, e.Edges)
	}
	return bw.Flush()
}

// writeTimeline prints one row per run of the same value.
func writeTimeline(w io.Writer, timeline []diff.FieldValue) error {
	rows := make([][]any, len(timeline))
	for i, v := range timeline {
		until := "(current)"
		if v.EndScan != 0 {
			until = fmt.Sprintf("%s (scan %d)", v.Until, v.EndScan)
		}
		rows[i] = []any{fmt.Sprintf("%s (scan %d)", v.From, v.FirstScan), until, shown(v.Value)}
	}
	return writeMemRows(w, "table", []string{"from", "until", "value"}, rows)
}
