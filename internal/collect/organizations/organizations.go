// Package organizations collects the AWS Organizations organization, its
// member accounts, organizational units, policies and delegated
// administrators. All but the organization need the management account (or a delegated
// administrator): elsewhere the calls fail with AWSOrganizationsNotInUse or
// AccessDenied, which the type returns for the engine to classify.
package organizations

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/organizations/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the AWS Organizations collector.
var Service = &collect.Service{
	Name:        "organizations",
	Description: "AWS Organizations organization, accounts, OUs, policies and delegated administrators (needs the management account)",
	Scope:       collect.Global,
	Types: []collect.Type{
		{Name: "account", Description: "member account of the organization (id = account id); needs the management account or a delegated administrator",
			Fields: accountFields.Declared(), Tags: collect.TagsPerResource, Collect: accounts, DetailCalls: 1},
		{Name: "organization", Description: "the organization (id = o-...); needs an account of the organization",
			Fields: organizationFields.Declared(), Tags: collect.NotTaggable, Collect: organization},
		{Name: "organizational-unit", Description: "organizational unit (id = ou-...); needs the management account or a delegated administrator",
			Fields: ouFields.Declared(), Tags: collect.TagsPerResource, Collect: organizationalUnits, DetailCalls: 1},
		{Name: "policy", Description: "organization policy: SCPs, and RCP, tag, backup, AI opt-out, ... policies when their type is enabled in the root (id = p-...)",
			Fields: policyFields.Declared(), Tags: collect.TagsPerResource, Collect: policies, DetailCalls: 3},
		{Name: "delegated-administrator", Description: "member account administering services for the organization (id = account id)",
			Fields: delegatedAdminFields.Declared(), Tags: collect.NotTaggable, Collect: delegatedAdministrators, DetailCalls: 1},
	},
	Calls: "account: ListAccounts + per account ListTagsForResource (management account only; elsewhere the collection is `unsupported`). organization: DescribeOrganization. " +
		"organizational-unit: ListRoots + per parent ListOrganizationalUnitsForParent + per OU ListTagsForResource. " +
		"policy: ListRoots + ListPolicies for SCPs and per other enabled policy type + per policy DescribePolicy, ListTargetsForPolicy, ListTagsForResource. " +
		"delegated-administrator: ListDelegatedAdministrators + per account ListDelegatedServicesForAccount",
	Relations: []collect.Relation{
		{From: "organizational-unit", Kind: "child-of", To: "organizations/organizational-unit"},
		{From: "policy", Kind: "attached-to", To: "organizations/account"},
		{From: "policy", Kind: "attached-to", To: "organizations/organizational-unit"},
		{From: "delegated-administrator", Kind: "is", To: "organizations/account"},
		{From: "account", Kind: "member-of", To: "organizations/organization"},
	},
}

var accountFields = collect.Fields[types.Account]{
	collect.Computed("email_domain", model.Text, "domain of the root user's email (the address itself is not stored)", func(a types.Account) any {
		_, domain, _ := strings.Cut(aws.ToString(a.Email), "@")
		return domain
	}),
	accountStatus(collect.Computed("status", model.Text, "ACTIVE, SUSPENDED, PENDING_CLOSURE (or the newer account state, e.g. CLOSED)", func(a types.Account) any {
		if a.State != "" {
			return string(a.State)
		}
		return string(a.Status)
	})),
	collect.Enum("joined_method", "INVITED or CREATED", func(a types.Account) types.AccountJoinedMethod { return a.JoinedMethod }),
	collect.Timestamp("joined_timestamp", "when the account joined the organization", func(a types.Account) *time.Time { return a.JoinedTimestamp }),
}

// accountStatus declares the values of the status field, which holds the
// account state, or the older status where AWS sends no state.
func accountStatus(f collect.Field[types.Account]) collect.Field[types.Account] {
	for _, s := range types.AccountState("").Values() {
		f.Values = append(f.Values, string(s))
	}
	for _, s := range types.AccountStatus("").Values() {
		if !slices.Contains(f.Values, string(s)) {
			f.Values = append(f.Values, string(s))
		}
	}
	return f
}

func accounts(ctx context.Context, t *collect.Task) error {
	api := organizations.NewFromConfig(t.Config)
	p := organizations.NewListAccountsPaginator(api, &organizations.ListAccountsInput{MaxResults: t.PageSize(20)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return managementOnly(ctx, t, api, err, "accounts")
		}
		collect.ForEach(ctx, page.Accounts, func(ctx context.Context, a types.Account) {
			emitAccount(ctx, t, api, a)
		})
	}
	return nil
}

// isManagementAccount reports whether the caller manages its organization;
// when that cannot be told, it says yes, so a denial stays a denial.
func isManagementAccount(ctx context.Context, t *collect.Task, api *organizations.Client) bool {
	out, err := api.DescribeOrganization(ctx, &organizations.DescribeOrganizationInput{})
	if err != nil || out.Organization == nil {
		return true
	}
	return aws.ToString(out.Organization.MasterAccountId) == t.Account
}

func emitAccount(ctx context.Context, t *collect.Task, api *organizations.Client, a types.Account) {
	id := aws.ToString(a.Id)
	tags := map[string]string{}
	p := organizations.NewListTagsForResourcePaginator(api, &organizations.ListTagsForResourceInput{ResourceId: a.Id})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Warn("ListTagsForResource", err)
			break
		}
		for _, tg := range page.Tags {
			tags[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
		}
	}
	key := t.Key("account", id)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(a.Arn),
		Name:      aws.ToString(a.Name),
		CreatedAt: model.Time(a.JoinedTimestamp),
		Tags:      tags,
		Details:   accountFields.Details(a),
	})
	t.Relate(key, "member-of", t.Key("organization", organizationID(aws.ToString(a.Arn))))
}

// organizationID extracts o-xxx from arn:aws:organizations::1:account/o-xxx/2.
func organizationID(arn string) string {
	_, res, ok := strings.Cut(arn, ":account/")
	if !ok {
		return ""
	}
	org, _, _ := strings.Cut(res, "/")
	return org
}

var organizationFields = collect.Fields[*types.Organization]{
	collect.Text("master_account_id", "management account id", func(o *types.Organization) *string { return o.MasterAccountId }),
	collect.Enum("feature_set", "ALL (SCPs and other policies available) or CONSOLIDATED_BILLING", func(o *types.Organization) types.OrganizationFeatureSet { return o.FeatureSet }),
	collect.Computed("available_policy_types", model.JSON, "policy types enabled in the root, e.g. SERVICE_CONTROL_POLICY", func(o *types.Organization) any {
		var policies []string // stored as null, not [], when none is enabled
		for _, p := range o.AvailablePolicyTypes {
			policies = append(policies, string(p.Type))
		}
		return policies
	}),
}

func organization(ctx context.Context, t *collect.Task) error {
	out, err := organizations.NewFromConfig(t.Config).DescribeOrganization(ctx, &organizations.DescribeOrganizationInput{})
	if err != nil {
		return err
	}
	o := out.Organization
	if o == nil {
		return nil
	}
	t.Emit(&model.Resource{
		Key:     t.Key("organization", aws.ToString(o.Id)),
		ARN:     aws.ToString(o.Arn),
		Name:    aws.ToString(o.Id),
		Details: organizationFields.Details(o),
	})
	return nil
}
