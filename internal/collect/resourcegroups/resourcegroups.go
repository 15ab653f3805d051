// Package resourcegroups collects Resource Groups groups with the query
// that selects their members.
package resourcegroups

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/resourcegroups"
	"github.com/aws/aws-sdk-go-v2/service/resourcegroups/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Resource Groups collector.
var Service = &collect.Service{
	Name:        "resource-groups",
	Description: "Resource Groups groups",
	Types: []collect.Type{
		{Name: "group", Description: "resource group (id = name): resources selected by a tag or CloudFormation stack query, or a service-configured group",
			Fields: groupFields.Declared(), Tags: collect.TagsPerResource, Collect: groups, DetailCalls: 2},
	},
	Calls: "group: ListGroups + per group GetGroupQuery, GetTags",
}

// group is a listed group with its query (nil: a group without one, or
// the query could not be read).
type group struct {
	types.GroupIdentifier
	query *types.ResourceQuery
}

func hasQuery(g group) bool { return g.query != nil }

var groupFields = collect.Fields[group]{
	collect.Text("description", "group description", func(g group) *string { return g.Description }),
	collect.Text("display_name", "name shown in consoles", func(g group) *string { return g.DisplayName }),
	collect.Text("owner", "owner of an application group", func(g group) *string { return g.Owner }),
	collect.Int("criticality", "criticality of an application group (1-10)", func(g group) *int32 { return g.Criticality }),
	collect.Computed("query_type", model.Text, "TAG_FILTERS_1_0 or CLOUDFORMATION_STACK_1_0; empty for a service-configured group", func(g group) any {
		if g.query == nil {
			return ""
		}
		return string(g.query.Type)
	}),
	collect.When(hasQuery, collect.Computed("query", model.JSON, "the query selecting the members", func(g group) any {
		return collect.PolicyJSON(aws.ToString(g.query.Query))
	})),
}

func groups(ctx context.Context, t *collect.Task) error {
	api := resourcegroups.NewFromConfig(t.Config)
	p := resourcegroups.NewListGroupsPaginator(api, &resourcegroups.ListGroupsInput{MaxResults: t.PageSize(50)})
	return collect.EachItem(ctx, p, func(page *resourcegroups.ListGroupsOutput) []types.GroupIdentifier { return page.GroupIdentifiers },
		func(ctx context.Context, id types.GroupIdentifier) {
			g := group{GroupIdentifier: id}
			q, err := api.GetGroupQuery(ctx, &resourcegroups.GetGroupQueryInput{Group: id.GroupArn})
			// A service-configured group has no query: AWS answers BadRequestException.
			if awsx.ErrorCode(err) != "BadRequestException" {
				t.Warn("GetGroupQuery", err)
			}
			if err == nil && q.GroupQuery != nil {
				g.query = q.GroupQuery.ResourceQuery
			}
			name := aws.ToString(id.GroupName)
			r := &model.Resource{Key: t.Key("group", name), Name: name, ARN: aws.ToString(id.GroupArn), Details: groupFields.Details(g)}
			tags, err := api.GetTags(ctx, &resourcegroups.GetTagsInput{Arn: id.GroupArn})
			t.Warn("GetTags", err)
			if err == nil {
				r.Tags = tags.Tags
			}
			t.Emit(r)
		})
}
