package cli

import (
	"encoding/csv"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/audit"
	"github.com/awsmap/awsmap/internal/report"
)

type wasteFlags struct {
	viewFlags
	rules             []string
	minAge            int
	summary, defaults bool
	failOn            string
}

var reportFormats = []string{"table", "json", "csv", "html"}

func newWasteCmd() *cobra.Command {
	f := &wasteFlags{}
	cmd := &cobra.Command{
		Use:   "waste",
		Short: "Find resources that cost money for nothing, with estimated monthly costs",
		Long: `Check the inventory for unused or forgotten resources (unattached volumes,
idle load balancers and NAT gateways, old snapshots...). Each finding carries an
ESTIMATED monthly cost in USD from on-demand list prices bundled in awsmap (their
date is printed); discounts, free tiers and usage charges are not included.

Where a rule's input was not collected successfully, an UNKNOWN line says so
(stderr; "incomplete" in JSON).

Rules: ` + strings.Join(audit.RuleKeys(), ", "),
		Example: `  awsmap waste
  awsmap waste --summary
  awsmap waste -t unattached-ebs,old-snapshot --min-age-days 180 -f csv > waste.csv
  awsmap waste -a prod -f json
  awsmap waste -f html > waste.html`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runWaste(cmd, f) },
	}
	fl := cmd.Flags()
	f.addScan(fl, "check")
	f.addFormat(fl, "table", "json", "csv", "html")
	f.addAccount(fl)
	fl.StringSliceVarP(&f.rules, "type", "t", nil, "rules to run (repeatable or comma list; default all)")
	fl.IntVar(&f.minAge, "min-age-days", 90, "age threshold of the old-* rules")
	fl.BoolVar(&f.summary, "summary", false, "counts and costs per rule only")
	fl.BoolVar(&f.defaults, "include-defaults", false, "include AWS default resources")
	fl.StringVar(&f.failOn, "fail-on", "", "exit 4 on findings, 5 on incomplete input (findings|incomplete)")
	return cmd
}

func runWaste(cmd *cobra.Command, f *wasteFlags) error {
	if err := checkFormat(f.format, reportFormats); err != nil {
		return err
	}
	if err := checkFailOn(f.failOn); err != nil {
		return err
	}
	rules, err := audit.SelectRules(f.rules)
	if err != nil {
		return auditErr(err)
	}
	r, scope, err := openReaderFor(cmd, f.scan, &f.accounts)
	if err != nil {
		return err
	}
	defer r.Close()
	rep, err := audit.Waste(cmd.Context(), r, audit.WasteOptions{Rules: rules, MinAgeDays: f.minAge, IncludeDefaults: f.defaults},
		scope)
	if err != nil {
		return auditErr(err)
	}
	out, errw := cmd.OutOrStdout(), cmd.ErrOrStderr()
	switch f.format {
	case "html":
		if err := writePage(cmd, report.KindWaste, "Waste", rep); err != nil {
			return err
		}
	case "json":
		if f.summary {
			rep.Findings = []audit.Finding{}
		}
		if err := printJSON(out, rep); err != nil {
			return withCode(ExitFatal, err)
		}
	case "csv":
		cw := csv.NewWriter(out)
		if f.summary {
			cw.Write([]string{"rule", "title", "findings", "estimated_monthly_usd"})
			for _, s := range rep.Rules {
				cw.Write([]string{s.Rule, s.Title, strconv.Itoa(s.Findings), ruleCost(s)})
			}
		} else {
			cw.Write([]string{"rule", "account_id", "region", "service", "type", "id", "name", "estimated_monthly_usd", "details"})
			for _, x := range rep.Findings {
				cw.Write([]string{x.Rule, x.Account, x.Region, x.Service, x.Type, x.ID, x.Name, findingCost(x), detailText(x)})
			}
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return withCode(ExitFatal, err)
		}
	default:
		writeWasteTable(cmd, rep, f.summary)
	}
	if f.format != "json" && f.format != "html" {
		for _, g := range rep.Incomplete {
			fmt.Fprintln(errw, g.String())
		}
		fmt.Fprintf(errw, "Costs are estimates: on-demand list prices as of %s (USD per month).\n", rep.PricesAsOf)
	}
	return failExit(f.failOn, rep.Total, len(rep.Incomplete))
}

func money(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }

// findingCost is a finding's monthly cost, UNKNOWN when it cannot be priced.
func findingCost(f audit.Finding) string {
	if f.CostUnknown {
		return "UNKNOWN"
	}
	return money(f.MonthlyCost)
}

// ruleCost is a rule's monthly total, marked when some of its findings
// could not be priced (the total is then a lower bound).
func ruleCost(s audit.RuleSummary) string {
	switch {
	case s.Unpriced == 0:
		return money(s.MonthlyCost)
	case s.Unpriced == s.Findings:
		return "UNKNOWN"
	}
	return money(s.MonthlyCost) + "+UNKNOWN"
}

// detailText renders a finding's rule columns as k=v pairs.
func detailText(f audit.Finding) string {
	var parts []string
	for _, k := range f.DetailKeys {
		if v := cell(f.Details[k]); v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	return strings.Join(parts, " ")
}

// maxListed bounds the findings listed per rule in a table.
const maxListed = 200

func writeWasteTable(cmd *cobra.Command, rep *audit.WasteReport, summary bool) {
	out := cmd.OutOrStdout()
	unpriced := ""
	if rep.Unpriced > 0 {
		unpriced = fmt.Sprintf(" plus %d finding(s) of UNKNOWN cost", rep.Unpriced)
	}
	fmt.Fprintf(out, "Waste: %d finding(s) across %d rule(s), estimated $%s/month%s (estimate, prices as of %s; min age %d days)\n\n",
		rep.Total, len(rep.Rules), money(rep.MonthlyCost), unpriced, rep.PricesAsOf, rep.MinAgeDays)
	cols := []string{"rule", "findings", "est_usd_month", "title"}
	var rows [][]any
	sums := append([]audit.RuleSummary(nil), rep.Rules...)
	sort.SliceStable(sums, func(i, j int) bool { return sums[i].MonthlyCost > sums[j].MonthlyCost })
	for _, s := range sums {
		title := s.Title
		if len(s.Incomplete) > 0 {
			title += " (UNKNOWN in places)"
		}
		rows = append(rows, []any{s.Rule, int64(s.Findings), ruleCost(s), title})
	}
	writeMemRows(out, "table", cols, rows)
	if summary {
		return
	}
	byRule := map[string][]audit.Finding{}
	for _, f := range rep.Findings {
		byRule[f.Rule] = append(byRule[f.Rule], f)
	}
	for _, s := range rep.Rules {
		fs := byRule[s.Rule]
		if len(fs) == 0 {
			continue
		}
		cost := "~$" + ruleCost(s) + "/month"
		if s.Unpriced == s.Findings {
			cost = "cost UNKNOWN"
		}
		fmt.Fprintf(out, "\n== %s: %s (%d, %s)\n   %s\n", s.Rule, s.Title, len(fs), cost, s.Note)
		var rows [][]any
		for i, f := range fs {
			if i == maxListed {
				fmt.Fprintf(out, "   ... %d more (use -f json or csv)\n", len(fs)-maxListed)
				break
			}
			rows = append(rows, []any{f.Account, f.Region, f.ID, f.Name, findingCost(f), detailText(f)})
		}
		writeMemRows(out, "table", []string{"account_id", "region", "id", "name", "est_usd_month", "details"}, rows)
	}
	if rep.Total == 0 {
		fmt.Fprintln(out, "\nNo waste detected where the inventory is complete.")
	}
}
