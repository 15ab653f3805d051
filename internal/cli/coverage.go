package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/catalog"
	"github.com/awsmap/awsmap/internal/suggest"
)

func newCoverageCmd() *cobra.Command {
	var format string
	var missing bool
	cmd := &cobra.Command{
		Use:   "coverage [SDK-MODULE...]",
		Short: "Measure how much of each AWS API awsmap reads",
		Long: `For every AWS SDK service module the collectors import, count its read
operations (List, Describe, Get, BatchGet, Search) and the ones awsmap calls:
the distance from what awsmap collects to everything the API can tell.
Listing operations (List, Describe) are counted apart, as resource types are
usually built on them. The figures come from the code this binary was built
from; no AWS call is made.

With --missing, list the read operations awsmap does not call.`,
		Example: `  awsmap coverage
  awsmap coverage ec2 rds
  awsmap coverage --missing cloudfront
  awsmap coverage -f json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, []string{"table", "json"}); err != nil {
				return err
			}
			mods, err := sdkModules(args)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			switch {
			case format == "json":
				return printJSON(w, mods)
			case missing:
				printMissing(w, mods)
			default:
				printCoverage(w, mods)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&missing, "missing", false, "list the read operations awsmap does not call")
	cmd.Flags().StringVarP(&format, "format", "f", "table", "output format: table, json")
	return cmd
}

// sdkModules picks the modules named (all when none is), refusing unknown names.
func sdkModules(names []string) ([]catalog.SDKModule, error) {
	all := catalog.SDK()
	if len(names) == 0 {
		return all, nil
	}
	var out []catalog.SDKModule
	for _, name := range names {
		i := slices.IndexFunc(all, func(m catalog.SDKModule) bool {
			return m.Module == strings.ToLower(name) || slices.Contains(m.Services, strings.ToLower(name))
		})
		if i < 0 {
			var known []string
			for _, m := range all {
				known = append(known, m.Module)
			}
			return nil, usageErr("%v", suggest.Unknown("SDK module or service", name, known))
		}
		out = append(out, all[i])
	}
	return out, nil
}

func printCoverage(w io.Writer, mods []catalog.SDKModule) {
	var rows [][]string
	for _, m := range mods {
		lc, l := m.Listings()
		rows = append(rows, []string{m.Module, strings.Join(m.Services, ", "),
			fmt.Sprintf("%d/%d", len(m.Called), len(m.Reads)), fmt.Sprintf("%d/%d", lc, l)})
	}
	printTable(w, []string{"SDK MODULE", "SERVICES", "READS CALLED", "LISTINGS CALLED"}, rows, nil)
	t := catalog.Totals(mods)
	fmt.Fprintf(w, "\n%s: awsmap calls %s of %s (%.0f%%) and %s of %s (%.0f%%).\n",
		plural(len(mods), "SDK module"), thousands(t.Called), plural(t.Reads, "read operation"), catalog.Percent(t.Called, t.Reads),
		thousands(t.Listed), plural(t.Listings, "listing operation"), catalog.Percent(t.Listed, t.Listings))
}

func printMissing(w io.Writer, mods []catalog.SDKModule) {
	for _, m := range mods {
		var uncalled []string
		for _, op := range m.Reads {
			if !slices.Contains(m.Called, op) {
				uncalled = append(uncalled, op)
			}
		}
		fmt.Fprintf(w, "%s (%s not called):\n", m.Module, plural(len(uncalled), "read"))
		for _, op := range uncalled {
			fmt.Fprintf(w, "  %s\n", op)
		}
	}
}
