// Package detective collects Amazon Detective behavior graphs. A region
// without a graph has Detective off: the collection is recorded
// unsupported with the code NotEnabled.
package detective

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/detective"
	"github.com/aws/aws-sdk-go-v2/service/detective/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Amazon Detective collector.
var Service = &collect.Service{
	Name:        "detective",
	Description: "Amazon Detective behavior graphs",
	Types: []collect.Type{
		{Name: "graph", Description: "behavior graph the account administers (id = graph id); none: unsupported, code NotEnabled",
			Fields: graphFields.Declared(), Tags: collect.TagsPerResource, Collect: graphs, DetailCalls: 2},
	},
	Calls: "graph: ListGraphs + per graph ListTagsForResource, ListMembers (paged, counted)",
}

// graph is a graph with its member count (-1 when it could not be read).
type graph struct {
	types.Graph
	members int
}

func hasMembers(g graph) bool { return g.members >= 0 }

var graphFields = collect.Fields[graph]{
	collect.When(hasMembers, collect.Computed("member_count", model.Integer, "member accounts whose data the graph holds", func(g graph) any { return g.members })),
}

func graphs(ctx context.Context, t *collect.Task) error {
	api := detective.NewFromConfig(t.Config)
	found := 0
	p := detective.NewListGraphsPaginator(api, &detective.ListGraphsInput{MaxResults: t.PageSize(200)})
	err := collect.EachItem(ctx, p, func(page *detective.ListGraphsOutput) []types.Graph {
		found += len(page.GraphList)
		return page.GraphList
	}, func(ctx context.Context, g types.Graph) {
		arn := aws.ToString(g.Arn)
		r := &model.Resource{Key: t.Key("graph", collect.ARNResourceName(arn)), ARN: arn, CreatedAt: model.Time(g.CreatedTime),
			Details: graphFields.Details(graph{Graph: g, members: members(ctx, t, api, g.Arn)})}
		if out, err := api.ListTagsForResource(ctx, &detective.ListTagsForResourceInput{ResourceArn: g.Arn}); err != nil {
			t.Warn("ListTagsForResource", err)
		} else {
			r.Tags = out.Tags
		}
		t.Emit(r)
	})
	if err == nil && found == 0 {
		return awsx.NotEnabled("ListGraphs", "Amazon Detective", t.Region)
	}
	return err
}

// members counts a graph's member accounts; -1 and a warning on failure.
func members(ctx context.Context, t *collect.Task, api *detective.Client, arn *string) int {
	n := 0
	p := detective.NewListMembersPaginator(api, &detective.ListMembersInput{GraphArn: arn, MaxResults: t.PageSize(200)})
	if err := collect.EachPage(ctx, p, func(page *detective.ListMembersOutput) error {
		n += len(page.MemberDetails)
		return nil
	}); err != nil {
		t.Warn("ListMembers", err)
		return -1
	}
	return n
}
