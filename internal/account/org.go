package account

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/awsmap/awsmap/internal/awsx"
)

// OrgAccount is an ACTIVE account of an AWS Organization.
type OrgAccount struct {
	ID, Name string
	OUPath   string // OU ids from the root: r-ab12/ou-ab12-11111111
	OUNames  string // the same path by name: Root/Workloads
}

// UnderOU reports whether the account sits in ou (an OU or root id, or an
// OU name, in any case) or below it.
func (a OrgAccount) UnderOU(ou string) bool {
	return slices.Contains(strings.Split(a.OUPath, "/"), ou) ||
		slices.ContainsFunc(strings.Split(a.OUNames, "/"), func(name string) bool { return strings.EqualFold(name, ou) })
}

// ListOrgAccounts lists the ACTIVE accounts of the caller's organization
// (the management account or a delegated administrator), sorted by id,
// with their OU paths. It walks the tree from the root (ListRoots, then
// per parent ListOrganizationalUnitsForParent and ListAccountsForParent):
// a call per OU, not per account, and every OU's path known as it is
// reached, so nothing is looked up twice. Suspended, closing and closed
// accounts are left out: their roles cannot be assumed.
func ListOrgAccounts(ctx context.Context, cfg aws.Config) ([]OrgAccount, error) {
	cfg = cfg.Copy()
	cfg.Region = awsx.HomeRegion(cfg.Region)
	api := organizations.NewFromConfig(cfg)
	var roots []types.Root
	p := organizations.NewListRootsPaginator(api, &organizations.ListRootsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing the organization (run from the management account or a delegated administrator): %w", err)
		}
		roots = append(roots, page.Roots...)
	}
	w := orgWalker{api: api}
	for _, r := range roots {
		name := aws.ToString(r.Name)
		if name == "" {
			name = "Root"
		}
		if err := w.walk(ctx, aws.ToString(r.Id), aws.ToString(r.Id), name); err != nil {
			return nil, err
		}
	}
	sort.Slice(w.accounts, func(i, j int) bool { return w.accounts[i].ID < w.accounts[j].ID })
	return w.accounts, nil
}

type orgWalker struct {
	api      *organizations.Client
	accounts []OrgAccount
}

// walk lists the accounts of parent (whose path is ids, names) and
// descends into its OUs.
func (w *orgWalker) walk(ctx context.Context, parent, ids, names string) error {
	ap := organizations.NewListAccountsForParentPaginator(w.api, &organizations.ListAccountsForParentInput{ParentId: aws.String(parent)})
	for ap.HasMorePages() {
		page, err := ap.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("listing the accounts of %s: %w", parent, err)
		}
		for _, a := range page.Accounts {
			if active(a) {
				w.accounts = append(w.accounts, OrgAccount{ID: aws.ToString(a.Id), Name: aws.ToString(a.Name), OUPath: ids, OUNames: names})
			}
		}
	}
	op := organizations.NewListOrganizationalUnitsForParentPaginator(w.api,
		&organizations.ListOrganizationalUnitsForParentInput{ParentId: aws.String(parent)})
	for op.HasMorePages() {
		page, err := op.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("listing the organizational units of %s: %w", parent, err)
		}
		for _, ou := range page.OrganizationalUnits {
			id := aws.ToString(ou.Id)
			if err := w.walk(ctx, id, ids+"/"+id, names+"/"+aws.ToString(ou.Name)); err != nil {
				return err
			}
		}
	}
	return nil
}

// active reads the account's State, or the older Status AWS retires.
func active(a types.Account) bool {
	if a.State != "" {
		return a.State == types.AccountStateActive
	}
	return a.Status == types.AccountStatusActive
}
