package cli

import (
	"cmp"
	"errors"
	"slices"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/awsmap/awsmap/internal/store"
)

// accountFlags are -a and --ou, which every reading command takes.
type accountFlags struct {
	accounts, ous []string
}

func (a *accountFlags) register(fl *pflag.FlagSet) {
	fl.StringSliceVarP(&a.accounts, "account", "a", nil,
		"limit to accounts: id, name (Organizations), alias or profile (repeatable or comma list)")
	fl.StringSliceVar(&a.ous, "ou", nil, "limit to the accounts under organizational units, by id or name (repeatable)")
}

func (a *accountFlags) given() bool { return len(a.accounts) > 0 || len(a.ous) > 0 }

// resolve turns the flags into account ids (nil: every account) and
// limits r's views to them (from its next UseScan).
func (a *accountFlags) resolve(r *store.Reader) ([]string, error) {
	if a == nil || !a.given() {
		return nil, nil
	}
	ids, err := resolveAccounts(r, splitList(a.accounts), splitList(a.ous))
	if err != nil {
		return nil, err
	}
	r.UseAccounts(ids)
	return ids, nil
}

// resolveAccounts is store.Reader.ResolveAccounts with the CLI's exit codes.
func resolveAccounts(r *store.Reader, accounts, ous []string) ([]string, error) {
	ids, err := r.ResolveAccounts(accounts, ous)
	var unknown *store.UnknownAccountError
	if errors.As(err, &unknown) {
		return nil, usageErr("%v; run 'awsmap accounts'", err)
	}
	if err != nil {
		return nil, withCode(ExitFatal, err)
	}
	return ids, nil
}

type accountsFlags struct {
	format string
	scope  accountFlags
}

func newAccountsCmd() *cobra.Command {
	f := &accountsFlags{}
	cmd := &cobra.Command{
		Use:   "accounts",
		Short: "List the accounts in the inventory and how well each was scanned",
		Long: `List every account the inventory knows, as its latest complete or partial
scan recorded it: name and OU path (from AWS Organizations), alias, that
scan, the account's status in it, its current resources, and its coverage:

  ok           every collection succeeded
  partial      some collections failed (audits say UNKNOWN for them)
  denied       its role could not be assumed: nothing was collected, its
               earlier resources are kept, audits say UNKNOWN
  not scanned  it was planned but never started

Any of the names shown works with -a in every reading command.`,
		Example: `  awsmap accounts
  awsmap accounts --ou Workloads -f json
  awsmap query -a prod "SELECT count(*) FROM resources"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runAccounts(cmd, f) },
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", "table", "output format: table, json, csv")
	f.scope.register(fl)
	return cmd
}

// The columns of awsmap accounts: all of them in json and csv; in a table,
// those that fit a terminal (the name, else the alias; OU names; the scan).
var (
	accountColumns      = []string{"account_id", "name", "alias", "ou", "ou_path", "last_scan", "last_scan_at", "status", "resources", "coverage", "error"}
	accountTableColumns = []string{"account_id", "name", "ou", "scan", "resources", "coverage"}
)

func accountRow(a store.AccountInfo, table bool) []any {
	if table {
		return []any{a.ID, cmp.Or(a.Name, a.Alias), a.OUNames, a.LastScan, a.Resources, a.Coverage()}
	}
	return []any{a.ID, a.Name, a.Alias, a.OUNames, a.OUPath, a.LastScan, a.LastScanAt, a.Status, a.Resources, a.Coverage(), a.ErrorMessage}
}

func runAccounts(cmd *cobra.Command, f *accountsFlags) error {
	if err := checkFormat(f.format, []string{"table", "json", "csv"}); err != nil {
		return err
	}
	r, scope, err := openReaderFor(cmd, "latest", &f.scope)
	if err != nil {
		return err
	}
	defer r.Close()
	infos, err := r.Accounts()
	if err != nil {
		return withCode(ExitFatal, err)
	}
	table := f.format == "table"
	var rows [][]any
	for _, a := range infos {
		if scope.Accounts == nil || slices.Contains(scope.Accounts, a.ID) {
			rows = append(rows, accountRow(a, table))
		}
	}
	if len(rows) == 0 && table {
		cmd.PrintErrln("No accounts: run `awsmap` (or `awsmap demo`) first.")
		return nil
	}
	cols := accountColumns
	if table {
		cols = accountTableColumns
	}
	if err := writeMemRows(cmd.OutOrStdout(), f.format, cols, rows); err != nil {
		return withCode(ExitFatal, err)
	}
	return nil
}
