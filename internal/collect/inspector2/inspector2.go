// Package inspector2 collects Amazon Inspector's scanning status, its
// finding filters (suppression rules) and member accounts. A region where
// the account scans nothing has Inspector turned off: the account
// collection is recorded unsupported with the code NotEnabled.
package inspector2

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	"github.com/aws/aws-sdk-go-v2/service/inspector2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Amazon Inspector collector.
var Service = &collect.Service{
	Name:        "inspector2",
	Description: "Amazon Inspector scanning status, finding filters and member accounts",
	Types: []collect.Type{
		{Name: "account", Description: "Inspector status of the scanned account in the region (id = account id); off: the collection is unsupported, code NotEnabled",
			Fields: accountFields.Declared(), Tags: collect.NotTaggable, Collect: accounts},
		{Name: "filter", Description: "finding filter (id = name); action SUPPRESS makes it a suppression rule that hides findings",
			Fields: filterFields.Declared(), Tags: collect.TagsListed, Collect: filters},
		{Name: "member", Description: "member account of the delegated administrator (id = account id)",
			Fields: memberFields.Declared(), Tags: collect.NotTaggable, Collect: members},
	},
	Calls: "account: BatchGetAccountStatus. filter: ListFilters (tags included). member: ListMembers",
}

// status is the status of a State, "" when absent.
func status(s *types.State) types.Status {
	if s == nil {
		return ""
	}
	return s.Status
}

func resources(a types.AccountState) types.ResourceState {
	if a.ResourceState == nil {
		return types.ResourceState{}
	}
	return *a.ResourceState
}

var accountFields = collect.Fields[types.AccountState]{
	collect.Enum("status", "ENABLED when any scan type is on; ENABLING, DISABLING, DISABLED, SUSPENDING, SUSPENDED", func(a types.AccountState) types.Status { return status(a.State) }),
	collect.Enum("ec2_scanning", "status of EC2 instance scanning", func(a types.AccountState) types.Status { return status(resources(a).Ec2) }),
	collect.Enum("ecr_scanning", "status of ECR container image scanning", func(a types.AccountState) types.Status { return status(resources(a).Ecr) }),
	collect.Enum("lambda_scanning", "status of Lambda function package scanning", func(a types.AccountState) types.Status { return status(resources(a).Lambda) }),
	collect.Enum("lambda_code_scanning", "status of Lambda function code scanning", func(a types.AccountState) types.Status { return status(resources(a).LambdaCode) }),
	collect.Enum("code_repository_scanning", "status of code repository scanning", func(a types.AccountState) types.Status { return status(resources(a).CodeRepository) }),
}

func accounts(ctx context.Context, t *collect.Task) error {
	out, err := inspector2.NewFromConfig(t.Config).BatchGetAccountStatus(ctx, &inspector2.BatchGetAccountStatusInput{AccountIds: []string{t.Account}})
	if err != nil {
		return err
	}
	enabled := false
	for _, a := range out.Accounts {
		if s := status(a.State); s == "" || s == types.StatusDisabled {
			continue
		}
		enabled = true
		id := aws.ToString(a.AccountId)
		t.Emit(&model.Resource{Key: t.Key("account", id), Details: accountFields.Details(a)})
	}
	if !enabled {
		return awsx.NotEnabled("BatchGetAccountStatus", "Amazon Inspector", t.Region)
	}
	return nil
}

var filterFields = collect.Fields[types.Filter]{
	collect.Enum("action", "NONE (a saved filter) or SUPPRESS (matching findings are hidden)", func(f types.Filter) types.FilterAction { return f.Action }),
	collect.Text("description", "filter description", func(f types.Filter) *string { return f.Description }),
	collect.Text("reason", "why findings are suppressed", func(f types.Filter) *string { return f.Reason }),
	collect.Text("owner_id", "account or organization that owns the filter", func(f types.Filter) *string { return f.OwnerId }),
	collect.Timestamp("updated_at", "last change of the filter", func(f types.Filter) *time.Time { return f.UpdatedAt }),
}

func filters(ctx context.Context, t *collect.Task) error {
	api := inspector2.NewFromConfig(t.Config)
	p := inspector2.NewListFiltersPaginator(api, &inspector2.ListFiltersInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *inspector2.ListFiltersOutput) error {
		for _, f := range page.Filters {
			name := aws.ToString(f.Name)
			t.Emit(&model.Resource{Key: t.Key("filter", name), Name: name, ARN: aws.ToString(f.Arn), CreatedAt: model.Time(f.CreatedAt),
				Tags: f.Tags, Details: filterFields.Details(f)})
		}
		return nil
	})
}

var memberFields = collect.Fields[types.Member]{
	collect.Enum("relationship_status", "CREATED, INVITED, ENABLED, REMOVED, DISABLED, ...", func(m types.Member) types.RelationshipStatus { return m.RelationshipStatus }),
	collect.Text("delegated_admin_account_id", "the Inspector delegated administrator account", func(m types.Member) *string { return m.DelegatedAdminAccountId }),
	collect.Timestamp("updated_at", "last change of the membership", func(m types.Member) *time.Time { return m.UpdatedAt }),
}

func members(ctx context.Context, t *collect.Task) error {
	api := inspector2.NewFromConfig(t.Config)
	p := inspector2.NewListMembersPaginator(api, &inspector2.ListMembersInput{MaxResults: t.PageSize(50), OnlyAssociated: aws.Bool(false)})
	return collect.EachPage(ctx, p, func(page *inspector2.ListMembersOutput) error {
		for _, m := range page.Members {
			t.Emit(&model.Resource{Key: t.Key("member", aws.ToString(m.AccountId)), Details: memberFields.Details(m)})
		}
		return nil
	})
}
