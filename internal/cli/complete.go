package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/audit"
	"github.com/awsmap/awsmap/internal/collect/all"
	"github.com/awsmap/awsmap/internal/config"
	"github.com/awsmap/awsmap/internal/diff"
)

// Shell completion of the names users type: services, named queries, waste
// rules, config keys and formats. Completers never fail: they offer nothing.

func completeWith(names func() []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		// Comma lists (-s ec2,s3): complete the last item, keep the rest.
		prefix, last := "", toComplete
		if i := strings.LastIndex(toComplete, ","); i >= 0 {
			prefix, last = toComplete[:i+1], toComplete[i+1:]
		}
		var out []string
		for _, n := range names() {
			if strings.HasPrefix(n, last) {
				out = append(out, prefix+n)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

func serviceChoices() []string {
	var out []string
	for _, s := range all.Services() {
		out = append(out, s.Name+"\t"+s.Description)
	}
	return out
}

func queryNames() []string {
	lib, err := audit.Load(audit.DefaultUserDir())
	if err != nil {
		return nil
	}
	var out []string
	for _, q := range lib.All() {
		out = append(out, q.Name+"\t"+q.Title)
	}
	return out
}

func fixed(names ...string) func() []string { return func() []string { return names } }

// registerCompletions wires the completers to the commands' flags.
func registerCompletions(root *cobra.Command) {
	_ = root.RegisterFlagCompletionFunc("services", completeWith(serviceChoices))
	_ = root.RegisterFlagCompletionFunc("format", completeWith(fixed("json", "csv")))
	for _, c := range root.Commands() {
		switch c.Name() {
		case "query":
			_ = c.RegisterFlagCompletionFunc("name", completeWith(queryNames))
			_ = c.RegisterFlagCompletionFunc("show", completeWith(queryNames))
			_ = c.RegisterFlagCompletionFunc("format", completeWith(fixed(tableFormats...)))
		case "ask":
			c.ValidArgsFunction = completeQuestion
			_ = c.RegisterFlagCompletionFunc("format", completeWith(fixed(tableFormats...)))
		case "examples":
			_ = c.RegisterFlagCompletionFunc("format", completeWith(fixed(tableFormats...)))
		case "waste":
			_ = c.RegisterFlagCompletionFunc("type", completeWith(audit.RuleKeys))
		case "diff":
			_ = c.RegisterFlagCompletionFunc("type", completeWith(fixed(diff.Changes...)))
			_ = c.RegisterFlagCompletionFunc("format", completeWith(fixed(diffFormats...)))
			_ = c.RegisterFlagCompletionFunc("service", completeWith(serviceChoices))
			_ = c.RegisterFlagCompletionFunc("fail-on", completeWith(fixed("changes")))
		case "history":
			_ = c.RegisterFlagCompletionFunc("format", completeWith(fixed("table", "json")))
			_ = c.RegisterFlagCompletionFunc("service", completeWith(serviceChoices))
		case "config":
			for _, sub := range c.Commands() {
				sub.ValidArgsFunction = func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
					if len(args) > 0 { // the key only, not its value
						return nil, cobra.ShellCompDirectiveNoFileComp
					}
					return completeWith(config.KeyNames)(cmd, args, toComplete)
				}
			}
		}
	}
}
