package cli

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/awsmap/awsmap/internal/ask"
	"github.com/awsmap/awsmap/internal/audit"
)

type askFlags struct {
	viewFlags
	sqlOnly, explain bool
}

// askNow is "now" for time words in questions (tests pin it).
var askNow = time.Now

var askCatalog = sync.OnceValue(func() *ask.Catalog { return ask.NewCatalog(typeCatalog()) })

func newAskCmd() *cobra.Command {
	f := &askFlags{}
	cmd := &cobra.Command{
		Use:   "ask QUESTION...",
		Short: "Answer a plain-English question from the inventory",
		Long: `Turn a question into SQL over the inventory and run it, offline and
deterministically: no network, no model. The words need no quoting.

ask prints what it understood in one line, the SQL, then the result. A word it
does not understand, or an interpretation too weak to trust, makes it refuse
(exit 2) with the closest example questions rather than answer another
question. Where the types an answer reads were not collected completely, an
UNKNOWN line names the account and region, as for named queries.

Browse what it understands with 'awsmap examples'; the grammar is in
docs/ask.md.`,
		Example: `  awsmap ask how many ec2 instances per region
  awsmap ask which databases are public
  awsmap ask stopped instances in eu-west-1 without an Owner tag
  awsmap ask lambda functions using python 3.12 with memory greater than 1 GB -f json
  awsmap ask who has admin access
  awsmap ask what changed since yesterday
  awsmap ask --explain unencrypted volumes larger than 100 GB`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runAsk(cmd, f, strings.Join(args, " ")) },
	}
	addAskFlags(cmd, f)
	cmd.Flags().BoolVar(&f.sqlOnly, "sql", false, "print the SQL (and its parameters) only, do not run it")
	cmd.Flags().BoolVar(&f.explain, "explain", false, "print the interpretation and each word's role, do not run it")
	return cmd
}

// addAskFlags are the scope and format flags ask and examples share.
func addAskFlags(cmd *cobra.Command, f *askFlags) {
	fl := cmd.Flags()
	f.addAccount(fl)
	f.addScan(fl, "ask about")
	f.addFormat(fl, "table", "json", "csv", "ndjson")
}

func runAsk(cmd *cobra.Command, f *askFlags, question string) error {
	if err := checkFormat(f.format, tableFormats); err != nil {
		return err
	}
	r, readScope, err := openReaderScoped(cmd, f.scan, &f.accounts, nil)
	if err != nil {
		return err
	}
	defer r.Close()
	scanID := readScope.ScanID
	acct := "" // one account is named in the answer; several are filtered by r's views
	if len(readScope.Accounts) == 1 {
		acct = readScope.Accounts[0]
	}
	ans, err := askCatalog().Ask(question, ask.Options{Now: askNow(), Account: acct})
	var refusal *ask.Refusal
	if errors.As(err, &refusal) {
		printRefusal(cmd.ErrOrStderr(), refusal)
		return withCode(ExitUsage, errSilent)
	}
	if err != nil {
		return withCode(ExitFatal, err)
	}
	out, info := cmd.OutOrStdout(), cmd.ErrOrStderr()
	if f.format == "table" && !f.sqlOnly {
		info = out // machine formats keep stdout clean
	}
	if len(ans.Corrections) > 0 {
		fmt.Fprintf(info, "(read %s)\n", strings.Join(ans.Corrections, ", "))
	}
	switch {
	case f.explain:
		return explainAnswer(out, ans)
	case f.sqlOnly:
		return printSQL(out, ans)
	}
	fmt.Fprintln(info, ans.Interpretation+".")
	switch {
	case ans.Waste:
		r.Close()
		format := f.format
		if format == "ndjson" {
			format = "json"
		}
		return runWaste(cmd, &wasteFlags{viewFlags: viewFlags{scan: f.scan, format: format, accounts: f.accounts}, minAge: 90})
	case ans.Audit != "":
		r.Close()
		lib, err := loadLibrary()
		if err != nil {
			return err
		}
		q, ok := lib.Get(ans.Audit)
		if !ok {
			return withCode(ExitFatal, fmt.Errorf("named query %s is missing", ans.Audit))
		}
		return runAudit(cmd, &queryFlags{viewFlags: viewFlags{scan: f.scan, format: f.format, accounts: f.accounts}}, q)
	}
	if err := printSQL(info, ans); err != nil {
		return err
	}
	rows, err := r.Query(cmd.Context(), ans.SQL, ans.Args...)
	if err != nil {
		return withCode(ExitFatal, fmt.Errorf("the generated SQL failed (a bug: please report the question): %w", err))
	}
	n, err := writeRows(out, f.format, rows)
	rows.Close()
	if err != nil {
		return withCode(ExitFatal, err)
	}
	gaps, err := askGaps(cmd, r, ans, readScope)
	if err != nil {
		return withCode(ExitFatal, err)
	}
	errw := cmd.ErrOrStderr()
	for _, g := range gaps {
		fmt.Fprintln(errw, g.String())
	}
	if n == 0 {
		scope := "the current state"
		if scanID != 0 {
			scope = fmt.Sprintf("the state as of scan %d", scanID)
		}
		if ans.History {
			scope = "the scan history"
		}
		msg := fmt.Sprintf("No results: %s, in %s.", ans.Searched, scope)
		if len(gaps) > 0 {
			msg += fmt.Sprintf(" %d place(s) UNKNOWN (see above): absence there is not known.", len(gaps))
		}
		fmt.Fprintln(errw, msg)
	}
	fmt.Fprintf(errw, "(%d rows)\n", n)
	return nil
}

// askGaps is where the types the answer read were not collected
// completely, limited to the regions the question asked about.
func askGaps(cmd *cobra.Command, r audit.Querier, ans *ask.Answer, readScope audit.Scope) ([]audit.Gap, error) {
	scan, err := audit.AuditedScan(cmd.Context(), r, readScope.ScanID)
	if err != nil {
		return nil, err
	}
	reads := make([]audit.TypeRef, len(ans.Reads))
	for i, t := range ans.Reads {
		reads[i] = audit.TypeRef{Service: t.Service, Type: t.Type}
	}
	gaps, err := audit.Completeness(cmd.Context(), r, typeCatalog(), reads, scan, readScope.Accounts)
	if err != nil || len(ans.Regions) == 0 {
		return gaps, err
	}
	return slices.DeleteFunc(gaps, func(g audit.Gap) bool {
		return !slices.Contains(ans.Regions, g.Region) && g.Region != "global" && g.Region != "*"
	}), nil
}

func printSQL(w io.Writer, ans *ask.Answer) error {
	switch {
	case ans.Waste:
		_, err := fmt.Fprintln(w, "-- runs the waste rules: awsmap waste")
		return err
	case ans.Audit != "":
		_, err := fmt.Fprintf(w, "-- runs the named query: awsmap query -n %s\n", ans.Audit)
		return err
	}
	fmt.Fprintln(w, ans.SQL+";")
	if len(ans.Args) > 0 {
		vals := make([]string, len(ans.Args))
		for i, a := range ans.Args {
			vals[i] = fmt.Sprintf("%d=%#v", i+1, a)
		}
		fmt.Fprintln(w, "-- parameters: "+strings.Join(vals, ", "))
	}
	return nil
}

func explainAnswer(w io.Writer, ans *ask.Answer) error {
	fmt.Fprintln(w, ans.Interpretation+".")
	rows := make([][]any, len(ans.Words))
	for i, word := range ans.Words {
		rows[i] = []any{word.Text, word.Role}
	}
	if err := writeMemRows(w, "table", []string{"word", "role"}, rows); err != nil {
		return err
	}
	return printSQL(w, ans)
}

func printRefusal(w io.Writer, r *ask.Refusal) {
	fmt.Fprintln(w, r.Error()+".")
	if len(r.Corrections) > 0 {
		fmt.Fprintf(w, "(read %s)\n", strings.Join(r.Corrections, ", "))
	}
	if len(r.Suggestions) > 0 {
		fmt.Fprintln(w, "Questions I can answer that look close:")
		for _, s := range r.Suggestions {
			fmt.Fprintln(w, "  awsmap ask "+s)
		}
	}
	fmt.Fprintln(w, "More: awsmap examples (or awsmap examples --search WORD).")
}

// completeQuestion offers the vocabulary's next word: services and
// example questions starting with what was typed.
func completeQuestion(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	typed := strings.ToLower(strings.Join(append(slices.Clone(args), toComplete), " "))
	var out []string
	seen := map[string]bool{}
	for _, e := range askCatalog().Examples() {
		if !strings.HasPrefix(e.Question, typed) {
			continue
		}
		// the next word of the example
		rest := strings.Fields(e.Question)[len(args):]
		if len(rest) > 0 && !seen[rest[0]] {
			seen[rest[0]] = true
			out = append(out, rest[0])
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
