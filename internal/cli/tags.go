package cli

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/audit"
	"github.com/awsmap/awsmap/internal/report"
)

type tagsFlags struct {
	viewFlags
	failOn                         string
	required, services             []string
	untaggedOnly, noncompliantOnly bool
	defaults, summary              bool
}

func newTagsCmd() *cobra.Command {
	f := &tagsFlags{}
	cmd := &cobra.Command{
		Use:   "tags",
		Short: "Audit tag compliance against required tag keys",
		Long: `Score the inventory against required tag keys: overall, per key, per
service, and the list of non-compliant resources with the keys they miss.
A tag counts when its key exists with a non-empty value.

Required keys come from -R, else from the config key required_tags, else
compliance means "has at least one tag". AWS default resources (default VPCs,
security groups...) are left out unless --include-defaults. Types AWS does not
let you tag (IAM groups, KMS aliases...) are not scored.

Where the tags of a type in scope were not collected (the collection was
denied, failed or partial), the scores are UNKNOWN there: a line names each
such place, and the JSON says "complete": false with the list.`,
		Example: `  awsmap tags -R Owner,Environment
  awsmap tags --untagged-only -s ec2
  awsmap tags -R Owner --summary -f json
  awsmap tags -R Owner -s logs --fail-on incomplete
  awsmap tags -R Owner,Environment -f html > tags.html`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runTags(cmd, f) },
	}
	fl := cmd.Flags()
	f.addScan(fl, "audit")
	f.addFormat(fl, "table", "json", "csv", "html")
	f.addAccount(fl)
	fl.StringSliceVarP(&f.required, "required", "R", nil, "required tag keys (repeatable or comma list)")
	fl.StringSliceVarP(&f.services, "service", "s", nil, "limit to services (repeatable or comma list)")
	fl.BoolVar(&f.untaggedOnly, "untagged-only", false, "list only resources without any tag")
	fl.BoolVar(&f.noncompliantOnly, "noncompliant-only", false, "list only non-compliant resources (the default listing)")
	fl.BoolVar(&f.defaults, "include-defaults", false, "include AWS default resources")
	fl.BoolVar(&f.summary, "summary", false, "scores only, no resource list")
	fl.StringVar(&f.failOn, "fail-on", "", "exit 4 on non-compliant resources, 5 on incomplete input (findings|incomplete)")
	cmd.MarkFlagsMutuallyExclusive("untagged-only", "noncompliant-only")
	return cmd
}

func runTags(cmd *cobra.Command, f *tagsFlags) error {
	if err := checkFormat(f.format, reportFormats); err != nil {
		return err
	}
	if err := checkFailOn(f.failOn); err != nil {
		return err
	}
	required := audit.ParseKeys(f.required...)
	if !cmd.Flags().Changed("required") {
		required = loadConfig(cmd).RequiredTags
	}
	r, scope, err := openReaderFor(cmd, f.scan, &f.accounts)
	if err != nil {
		return err
	}
	defer r.Close()
	rep, err := audit.Tags(cmd.Context(), r, audit.TagOptions{Required: required, Services: audit.ParseKeys(f.services...),
		IncludeDefaults: f.defaults, UntaggedOnly: f.untaggedOnly, NoncompliantOnly: f.noncompliantOnly},
		scope)
	if err != nil {
		return auditErr(err)
	}
	if f.summary {
		rep.Resources = []audit.TagResource{}
	}
	out := cmd.OutOrStdout()
	switch f.format {
	case "html":
		if err := writePage(cmd, report.KindTags, "Tag compliance", rep); err != nil {
			return err
		}
	case "json":
		if err := printJSON(out, rep); err != nil {
			return withCode(ExitFatal, err)
		}
	case "csv":
		cw := csv.NewWriter(out)
		if f.summary {
			cw.Write([]string{"scope", "compliant", "total", "percent"})
			cw.Write([]string{"overall", strconv.Itoa(rep.Overall.Compliant), strconv.Itoa(rep.Overall.Total), pctText(rep.Overall.Percent)})
			for _, k := range rep.PerKey {
				cw.Write([]string{"tag:" + k.Key, strconv.Itoa(k.Present), strconv.Itoa(k.Total), pctText(k.Percent)})
			}
			for _, s := range rep.ByService {
				cw.Write([]string{"service:" + s.Service, strconv.Itoa(s.Compliant), strconv.Itoa(s.Total), pctText(s.Percent)})
			}
		} else {
			cw.Write([]string{"account_id", "region", "service", "type", "id", "name", "missing", "untagged"})
			for _, x := range rep.Resources {
				cw.Write([]string{x.Account, x.Region, x.Service, x.Type, x.ID, x.Name, strings.Join(x.Missing, ";"), strconv.FormatBool(x.Untagged)})
			}
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return withCode(ExitFatal, err)
		}
	default:
		writeTagsTable(cmd, rep, f.summary)
	}
	if f.format != "json" {
		for _, g := range rep.Incomplete {
			fmt.Fprintln(cmd.ErrOrStderr(), g.String())
		}
	}
	return failExit(f.failOn, rep.Overall.Total-rep.Overall.Compliant, len(rep.Incomplete))
}

func pctText(p float64) string { return strconv.FormatFloat(p, 'f', 1, 64) }

func writeTagsTable(cmd *cobra.Command, rep *audit.TagReport, summary bool) {
	out := cmd.OutOrStdout()
	req := strings.Join(rep.Required, ", ")
	if req == "" {
		req = "(at least one tag)"
	}
	scope := "AWS default resources excluded"
	if rep.IncludeDefaults {
		scope = "AWS default resources included"
	}
	status := ""
	if !rep.Complete {
		status = fmt.Sprintf(" - UNKNOWN where tags were not collected (%s, listed on stderr)", plural(len(rep.Incomplete), "place"))
	}
	fmt.Fprintf(out, "Required: %s\nScope: %d resources (%s)\nOverall compliance %s%% (%d / %d)%s\n",
		req, rep.Overall.Total, scope, pctText(rep.Overall.Percent), rep.Overall.Compliant, rep.Overall.Total, status)
	if len(rep.PerKey) > 0 {
		fmt.Fprintln(out, "\nRequired tag coverage:")
		var rows [][]any
		for _, k := range rep.PerKey {
			rows = append(rows, []any{k.Key, int64(k.Present), int64(k.Total), pctText(k.Percent) + "%"})
		}
		writeMemRows(out, "table", []string{"tag", "present", "total", "percent"}, rows)
	}
	fmt.Fprintln(out, "\nBy service:")
	unknown := map[string]bool{}
	for _, g := range rep.Incomplete {
		unknown[g.Service] = true
	}
	var rows [][]any
	for _, s := range rep.ByService {
		percent := pctText(s.Percent) + "%"
		if unknown[s.Service] {
			percent += " (UNKNOWN in places)"
		}
		rows = append(rows, []any{s.Service, int64(s.Compliant), int64(s.Total), percent})
	}
	writeMemRows(out, "table", []string{"service", "compliant", "total", "percent"}, rows)
	if summary {
		return
	}
	label := "NON-COMPLIANT"
	if rep.Listing == "untagged" {
		label = "UNTAGGED"
	}
	fmt.Fprintf(out, "\n%s resources (%d):\n", label, len(rep.Resources))
	rows = nil
	for i, x := range rep.Resources {
		if i == maxListed {
			fmt.Fprintf(out, "... %d more (use -f json or csv)\n", len(rep.Resources)-maxListed)
			break
		}
		rows = append(rows, []any{x.Account, x.Region, x.Service, x.Type, x.ID, x.Name, "missing: " + strings.Join(x.Missing, ", ")})
	}
	if len(rows) > 0 {
		writeMemRows(out, "table", []string{"account_id", "region", "service", "type", "id", "name", "missing"}, rows)
	}
}
