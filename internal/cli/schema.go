package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/model"
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
			var known []string
			var shown []model.TypeInfo
			for _, t := range typeCatalog() {
				known = append(known, t.Service, t.Service+"/"+t.Type)
				if filter == "" || filter == t.Service || filter == t.Service+"/"+t.Type {
					shown = append(shown, t)
				}
			}
			if len(shown) == 0 {
				return usageErr("%v", suggest.Unknown("service or type", filter, known))
			}
			printSchema(cmd.OutOrStdout(), shown)
			return nil
		},
	}
}

// printSchema lists types and their fields in aligned columns (name, type,
// description), the descriptions wrapped to fit a terminal.
func printSchema(w io.Writer, types []model.TypeInfo) {
	nameW, typeW := 0, 0
	for _, t := range types {
		for _, f := range t.Fields {
			nameW, typeW = max(nameW, len(f.Name)), max(typeW, len(f.Type))
		}
	}
	indent := 4 + nameW + 2 + typeW + 2
	descW := tableWidth(w) - indent
	for _, t := range types {
		fmt.Fprintf(w, "%s/%s  (view %s)  %s\n", t.Service, t.Type, t.View(), t.Description)
		for _, f := range t.Fields {
			desc := f.Description
			if col := store.ViewColumn(t, f); col != f.Name {
				desc += " (view column " + col + ")"
			}
			lines := wrap(desc, descW)
			fmt.Fprintf(w, "    %-*s  %-*s  %s\n", nameW, f.Name, typeW, f.Type, lines[0])
			for _, l := range lines[1:] {
				fmt.Fprintf(w, "%*s%s\n", indent, "", l)
			}
		}
		fmt.Fprintln(w)
	}
}

// wrap splits text into lines of at most width runes at spaces (a longer
// word gets a line of its own); width below 20 means no wrapping.
func wrap(text string, width int) []string {
	if width < 20 {
		return []string{text}
	}
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
			line = word
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	return append(lines, line)
}
