package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/store"
	"github.com/awsmap/awsmap/internal/suggest"
)

func newSchemaCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "schema [SERVICE[/TYPE]]",
		Short: "List resource types and their documented fields",
		Long: `List every resource type awsmap collects, with its typed SQL view and every
details field: name, type and a one-line description.

Fields live in the JSON column details (details->>'$.field') and as columns of
the type's view (e.g. ec2_instances.instance_type).`,
		Example: `  awsmap schema
  awsmap schema ec2
  awsmap schema s3/bucket`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			filter := ""
			if len(args) == 1 {
				filter = strings.ToLower(args[0])
			}
			w := cmd.OutOrStdout()
			var known []string
			shown := 0
			for _, t := range typeCatalog() {
				known = append(known, t.Service, t.Service+"/"+t.Type)
				if filter != "" && filter != t.Service && filter != t.Service+"/"+t.Type {
					continue
				}
				shown++
				fmt.Fprintf(w, "%s/%s  (view %s)  %s\n", t.Service, t.Type, t.View(), t.Description)
				for _, f := range t.Fields {
					desc := f.Description
					if col := store.ViewColumn(t, f); col != f.Name {
						desc += " (view column " + col + ")"
					}
					fmt.Fprintf(w, "    %-28s %-9s %s\n", f.Name, f.Type, desc)
				}
				fmt.Fprintln(w)
			}
			if shown == 0 {
				return usageErr("%v", suggest.Unknown("service or type", filter, known))
			}
			return nil
		},
	}
}
