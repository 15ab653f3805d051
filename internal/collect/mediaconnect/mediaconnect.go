// Package mediaconnect collects AWS Elemental MediaConnect flows.
package mediaconnect

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mediaconnect"
	"github.com/aws/aws-sdk-go-v2/service/mediaconnect/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the MediaConnect collector.
var Service = &collect.Service{
	Name:        "mediaconnect",
	Description: "Elemental MediaConnect flows",
	Types: []collect.Type{
		{Name: "flow", Description: "MediaConnect flow (id = the ARN's flow id): a live video transport, billed while active",
			Fields: flowFields.Declared(), Tags: collect.TagsPerResource, Collect: flows, DetailCalls: 1},
	},
	Calls: "flow: ListFlows + per flow ListTagsForResource",
}

var flowFields = collect.Fields[types.ListedFlow]{
	collect.Enum("status", "STANDBY, ACTIVE, UPDATING, DELETING, STARTING, STOPPING or ERROR", func(f types.ListedFlow) types.Status { return f.Status }),
	collect.Enum("source_type", "OWNED or ENTITLED (a source another account shares)", func(f types.ListedFlow) types.SourceType { return f.SourceType }),
	collect.Text("availability_zone", "Availability Zone the flow runs in", func(f types.ListedFlow) *string { return f.AvailabilityZone }),
	collect.Text("description", "flow description", func(f types.ListedFlow) *string { return f.Description }),
}

func flows(ctx context.Context, t *collect.Task) error {
	api := mediaconnect.NewFromConfig(t.Config)
	p := mediaconnect.NewListFlowsPaginator(api, &mediaconnect.ListFlowsInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *mediaconnect.ListFlowsOutput) []types.ListedFlow { return page.Flows },
		func(ctx context.Context, f types.ListedFlow) {
			arn := aws.ToString(f.FlowArn)
			r := &model.Resource{Key: t.Key("flow", collect.ARNResourceName(arn)), Name: aws.ToString(f.Name), ARN: arn, Details: flowFields.Details(f)}
			if out, err := api.ListTagsForResource(ctx, &mediaconnect.ListTagsForResourceInput{ResourceArn: f.FlowArn}); err != nil {
				t.Warn("ListTagsForResource", err)
			} else {
				r.Tags = out.Tags
			}
			t.Emit(r)
		})
}
