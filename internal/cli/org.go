package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/pflag"

	"github.com/awsmap/awsmap/internal/account"
	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/scan"
)

// orgFlags pick the accounts of a scan beyond the caller's own: the
// organization's, listed ones, or roles outside an organization.
type orgFlags struct {
	org                               bool
	accounts, exclude, ous, roleARNs  []string
	roleName, externalID, sessionName string
	duration                          time.Duration
	accountWorkers                    int
}

func (o *orgFlags) register(fl *pflag.FlagSet) {
	fl.BoolVar(&o.org, "org", false, "scan every ACTIVE account of the organization (from the management account or a delegated administrator)")
	fl.StringSliceVar(&o.accounts, "accounts", nil, "scan these account ids (with --org: only these of the organization)")
	fl.StringSliceVar(&o.exclude, "exclude-accounts", nil, "leave these account ids out")
	fl.StringSliceVar(&o.ous, "ou", nil, "with --org: only the accounts under these OUs (id or name; or the root), at any depth")
	fl.StringArrayVar(&o.roleARNs, "assume-role", nil, "also scan the account of this role ARN, assumed (repeatable; accounts outside an organization)")
	fl.StringVar(&o.roleName, "role-name", account.DefaultRoleName, "role assumed in each account of --org and --accounts")
	fl.StringVar(&o.externalID, "external-id", "", "external id passed to AssumeRole")
	fl.StringVar(&o.sessionName, "role-session-name", account.DefaultSessionName, "session name of the assumed roles (shows in CloudTrail)")
	fl.DurationVar(&o.duration, "duration", account.DefaultDuration, "session duration of the assumed roles (15m to 12h); credentials are renewed before they expire")
	fl.IntVar(&o.accountWorkers, "account-workers", 0, "accounts scanned at once (0: all, their collections interleaved)")
}

// selection validates the flags.
func (o *orgFlags) selection() (scan.Selection, error) {
	sel := scan.Selection{Org: o.org, IDs: splitList(o.accounts), Exclude: splitList(o.exclude), OUs: splitList(o.ous),
		RoleARNs: o.roleARNs, RoleName: o.roleName,
		Role: account.RoleOptions{ExternalID: o.externalID, SessionName: o.sessionName, Duration: o.duration}}
	for _, id := range append(append([]string(nil), sel.IDs...), sel.Exclude...) {
		if !isAccountID(id) {
			return sel, usageErr("%q is not an account id (12 digits)", id)
		}
	}
	switch {
	case len(sel.OUs) > 0 && !o.org:
		return sel, usageErr("--ou picks accounts of the organization: add --org")
	case len(sel.Exclude) > 0 && !sel.Several():
		return sel, usageErr("--exclude-accounts applies to --org, --accounts or --assume-role")
	case o.duration < 15*time.Minute || o.duration > 12*time.Hour:
		return sel, usageErr("--duration must be between 15m and 12h (AWS's bounds for a role session)")
	case o.accountWorkers < 0:
		return sel, usageErr("--account-workers must be 0 (all) or more")
	case o.roleName == "":
		return sel, usageErr("--role-name must not be empty")
	}
	return sel, nil
}

func isAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// printAccounts lists, after a scan of several accounts, each account and
// how it went; those that could not be reached say why.
func printAccounts(w io.Writer, res scan.Result) {
	if len(res.Accounts) < 2 {
		return
	}
	failed := map[string]int{}
	for _, c := range res.Collections {
		if c.Failed() {
			failed[c.Account]++
		}
	}
	fmt.Fprintf(w, "\nAccounts (%d):\n", len(res.Accounts))
	for _, a := range res.Accounts {
		name := a.Name
		if name == "" {
			name = a.Alias
		}
		switch {
		case a.Err != nil:
			fmt.Fprintf(w, "  %s %-24s NOT SCANNED: %s: %s (its earlier inventory is kept; audits say UNKNOWN)\n",
				a.ID, name, awsx.ErrorCode(a.Err), firstLine(awsx.ErrorMessage(a.Err)))
		case failed[a.ID] > 0:
			fmt.Fprintf(w, "  %s %-24s partial: %s failed\n", a.ID, name, plural(failed[a.ID], "collection"))
		default:
			fmt.Fprintf(w, "  %s %-24s ok\n", a.ID, name)
		}
	}
}

// exportName names export and report files: the account, or "org" for a
// scan of several.
func exportName(id account.Identity, several bool) string {
	if several {
		return "org"
	}
	return id.Account
}

// accountIDs are the ids of a scan's accounts, reached or not (the
// report shows what the inventory holds of each, and its gaps).
func accountIDs(accounts []scan.Account) []string {
	ids := make([]string, len(accounts))
	for i, a := range accounts {
		ids[i] = a.ID
	}
	return ids
}
