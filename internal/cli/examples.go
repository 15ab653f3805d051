package cli

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/ask"
	"github.com/awsmap/awsmap/internal/suggest"
)

func newExamplesCmd() *cobra.Command {
	f := &askFlags{}
	var search string
	cmd := &cobra.Command{
		Use:   "examples [SERVICE] [N]",
		Short: "Browse example questions for ask, and run one by number",
		Long: `List the example questions 'awsmap ask' answers, grouped by service: the
curated ones, then those generated from the type catalog (every type, and its
documented fields).

With no argument: the services and how many questions each has. With SERVICE:
its numbered questions. With SERVICE N: run question N as 'awsmap ask' would,
with the same scope flags (-a, --scan, -f).`,
		Example: `  awsmap examples
  awsmap examples lambda
  awsmap examples lambda 3 -f json
  awsmap examples --search public`,
		Args:              cobra.MaximumNArgs(2),
		RunE:              func(cmd *cobra.Command, args []string) error { return runExamples(cmd, f, search, args) },
		ValidArgsFunction: completeExamples,
	}
	addAskFlags(cmd, f)
	cmd.Flags().StringVarP(&search, "search", "s", "", "list the questions containing TERM (any service)")
	return cmd
}

// examplesByService groups the library.
func examplesByService() (map[string][]string, []string) {
	by := map[string][]string{}
	for _, e := range askCatalog().Examples() {
		by[e.Service] = append(by[e.Service], e.Question)
	}
	names := make([]string, 0, len(by))
	for s := range by {
		names = append(names, s)
	}
	sort.Slice(names, func(i, j int) bool {
		if len(by[names[i]]) != len(by[names[j]]) {
			return len(by[names[i]]) > len(by[names[j]])
		}
		return names[i] < names[j]
	})
	return by, names
}

func runExamples(cmd *cobra.Command, f *askFlags, search string, args []string) error {
	out := cmd.OutOrStdout()
	by, names := examplesByService()
	if search != "" {
		if len(args) > 0 {
			return usageErr("--search takes no SERVICE or N")
		}
		n := 0
		for _, e := range askCatalog().Examples() {
			if strings.Contains(strings.ToLower(e.Question), strings.ToLower(search)) {
				fmt.Fprintf(out, "[%s] %s\n", e.Service, e.Question)
				n++
			}
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "(%d questions)\n", n)
		return nil
	}
	if len(args) == 0 {
		total := len(askCatalog().Examples())
		fmt.Fprintf(out, "%d examples across %d services (awsmap examples SERVICE lists them)\n\n", total, len(names))
		rows := make([][]any, len(names))
		for i, s := range names {
			rows[i] = []any{s, serviceTitle(s), int64(len(by[s]))}
		}
		return writeMemRows(out, "table", []string{"service", "name", "questions"}, rows)
	}
	svc, err := resolveExampleService(args[0], names)
	if err != nil {
		return err
	}
	qs := by[svc]
	if len(args) == 1 {
		for i, q := range qs {
			fmt.Fprintf(out, "%4d  %s\n", i+1, q)
		}
		return nil
	}
	n, err := strconv.Atoi(args[1])
	if err != nil || n < 1 || n > len(qs) {
		return usageErr("%s has questions 1 to %d, not %q", svc, len(qs), args[1])
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "awsmap ask %s\n", qs[n-1])
	return runAsk(cmd, f, qs[n-1])
}

func serviceTitle(s string) string {
	if s == "general" {
		return "General (cross-service)"
	}
	return ask.ServiceLabel(s)
}

// resolveExampleService accepts a service key or its written name, in any case.
func resolveExampleService(arg string, names []string) (string, error) {
	for _, s := range names {
		if strings.EqualFold(arg, s) || strings.EqualFold(arg, serviceTitle(s)) {
			return s, nil
		}
	}
	return "", usageErr("%v", suggest.Unknown("service", arg, names))
}

// completeExamples completes services, then question numbers (with the
// question as the description).
func completeExamples(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	by, names := examplesByService()
	var out []string
	switch len(args) {
	case 0:
		for _, s := range names {
			if strings.HasPrefix(s, toComplete) {
				out = append(out, s+"\t"+serviceTitle(s))
			}
		}
	case 1:
		for i, q := range by[args[0]] {
			if n := strconv.Itoa(i + 1); strings.HasPrefix(n, toComplete) {
				out = append(out, n+"\t"+q)
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
