package scan

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awsmap/awsmap/internal/account"
	"github.com/awsmap/awsmap/internal/awsx"
)

// Selection says which accounts a scan covers: the caller's own account
// by default; with Org, the organization's ACTIVE accounts; with IDs
// (without Org), those accounts; plus the roles of RoleARNs. Exclude and
// OUs narrow the organization's accounts.
type Selection struct {
	Org               bool
	IDs, Exclude, OUs []string
	RoleARNs          []string
	RoleName          string // assumed in each account; default account.DefaultRoleName
	Role              account.RoleOptions
	// Parallel bounds the accounts whose roles are assumed at once while
	// selecting; default 8.
	Parallel int
}

// SelectionError is a selection that names no account, or a wrong one:
// the user's to fix, unlike an organization that cannot be listed.
type SelectionError struct{ msg string }

func (e *SelectionError) Error() string { return e.msg }

// Several reports whether the selection goes beyond the caller's account.
func (s Selection) Several() bool {
	return s.Org || len(s.IDs) > 0 || len(s.RoleARNs) > 0
}

// SelectAccounts returns the accounts to scan, with configs whose
// credentials reach them. The caller's own account (identity) uses base,
// with profile recorded; every other account the role given by RoleARNs or
// RoleName, assumed once here (and renewed as the scan goes on). An account
// whose role cannot be assumed (AccessDenied, no such role, suspended)
// comes back with Err set: the scan records it and goes on with the others.
// Errors are for selections that cannot be made at all (the organization
// cannot be listed, an id is not in it).
func SelectAccounts(ctx context.Context, base aws.Config, identity account.Identity, profile string, sel Selection) ([]Account, error) {
	self := Account{ID: identity.Account, Config: base, Alias: identity.Alias, Profile: profile}
	if !sel.Several() {
		return []Account{self}, nil
	}
	if sel.RoleName == "" {
		sel.RoleName = account.DefaultRoleName
	}
	targets, err := targetsOf(awsx.WithAccount(ctx, identity.Account), base, sel)
	if err != nil {
		return nil, err
	}
	var out []Account
	for _, t := range targets {
		if slices.Contains(sel.Exclude, t.ID) || slices.ContainsFunc(out, func(a Account) bool { return a.ID == t.ID }) {
			continue
		}
		if t.ID == identity.Account && t.RoleARN == "" {
			t.Config, t.Alias, t.Profile = base, identity.Alias, profile
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil, &SelectionError{"no account matches the selection (--org, --accounts, --ou, --exclude-accounts, --assume-role)"}
	}
	assumeAll(ctx, base, out, identity.Account, sel)
	return out, nil
}

// targetsOf lists the selected accounts, roles not yet assumed (RoleARN
// empty: the caller's own account, reached with base).
func targetsOf(ctx context.Context, base aws.Config, sel Selection) ([]Account, error) {
	var out []Account
	if sel.Org {
		org, err := account.ListOrgAccounts(ctx, base)
		if err != nil {
			return nil, err
		}
		for _, id := range sel.IDs {
			if !slices.ContainsFunc(org, func(a account.OrgAccount) bool { return a.ID == id }) {
				return nil, &SelectionError{fmt.Sprintf("--accounts %s: not an ACTIVE account of the organization", id)}
			}
		}
		for _, a := range org {
			if len(sel.IDs) > 0 && !slices.Contains(sel.IDs, a.ID) ||
				len(sel.OUs) > 0 && !slices.ContainsFunc(sel.OUs, a.UnderOU) {
				continue
			}
			out = append(out, Account{ID: a.ID, Name: a.Name, OUPath: a.OUPath, OUNames: a.OUNames})
		}
	} else {
		for _, id := range sel.IDs {
			out = append(out, Account{ID: id})
		}
	}
	for _, arn := range sel.RoleARNs {
		id, err := roleAccount(arn)
		if err != nil {
			return nil, err
		}
		out = append(out, Account{ID: id, RoleARN: arn})
	}
	return out, nil
}

// roleAccount is the account of a role ARN (arn:aws:iam::ID:role/NAME).
func roleAccount(arn string) (string, error) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "iam" || !strings.HasPrefix(parts[5], "role/") || parts[4] == "" {
		return "", &SelectionError{fmt.Sprintf("--assume-role %q is not a role ARN (arn:aws:iam::123456789012:role/NAME)", arn)}
	}
	return parts[4], nil
}

// assumeAll assumes the role of every account but the caller's own (self,
// when reached without a role), sel.Parallel at a time, and reads its
// alias and enabled regions; a failure to assume becomes the account's Err.
func assumeAll(ctx context.Context, base aws.Config, accounts []Account, self string, sel Selection) {
	parallel := sel.Parallel
	if parallel <= 0 {
		parallel = 8
	}
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	for i := range accounts {
		a := &accounts[i]
		if a.ID == self && a.RoleARN == "" {
			continue
		}
		if a.RoleARN == "" {
			a.RoleARN = account.RoleARN(base.Region, a.ID, sel.RoleName)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			a.Config = account.AssumeRole(base, a.RoleARN, sel.Role)
			actx := awsx.WithAccount(ctx, a.ID)
			if _, err := a.Config.Credentials.Retrieve(actx); err != nil {
				a.Err = err
				return
			}
			a.Alias, _ = account.Alias(actx, a.Config) // best effort, as for the caller's account
			// Best effort too: if the account may not list its regions, every
			// region of the plan is tried and what fails is recorded.
			a.Regions, _ = account.EnabledRegions(actx, a.Config)
		}()
	}
	wg.Wait()
}

// Reachable counts the accounts a scan will call (those without Err).
func Reachable(accounts []Account) int {
	n := 0
	for _, a := range accounts {
		if a.Err == nil {
			n++
		}
	}
	return n
}
