// Package connect collects Amazon Connect contact center instances.
package connect

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Connect collector.
var Service = &collect.Service{
	Name:        "connect",
	Description: "Amazon Connect contact center instances",
	Types: []collect.Type{
		{Name: "instance", Description: "Connect instance (id = instance id): identity management, inbound and outbound calling",
			Fields: instanceFields.Declared(), Tags: collect.TagsPerResource, Collect: instances, DetailCalls: 1},
	},
	Calls: "instance: ListInstances + per instance ListTagsForResource",
	Relations: []collect.Relation{
		{From: "instance", Kind: "assumes-role", To: "iam/role"},
	},
}

var instanceFields = collect.Fields[types.InstanceSummary]{
	collect.Enum("status", "CREATION_IN_PROGRESS, ACTIVE or CREATION_FAILED", func(i types.InstanceSummary) types.InstanceStatus { return i.InstanceStatus }),
	collect.Enum("identity_management", "SAML, CONNECT_MANAGED or EXISTING_DIRECTORY: where agents' identities live", func(i types.InstanceSummary) types.DirectoryType {
		return i.IdentityManagementType
	}),
	collect.Bool("inbound_calls", "inbound calling is enabled", func(i types.InstanceSummary) *bool { return i.InboundCallsEnabled }),
	collect.Bool("outbound_calls", "outbound calling is enabled", func(i types.InstanceSummary) *bool { return i.OutboundCallsEnabled }),
	collect.Text("access_url", "URL agents sign in at", func(i types.InstanceSummary) *string { return i.InstanceAccessUrl }),
	collect.Text("service_role", "service-linked role of the instance", func(i types.InstanceSummary) *string { return i.ServiceRole }),
}

func instances(ctx context.Context, t *collect.Task) error {
	api := connect.NewFromConfig(t.Config)
	p := connect.NewListInstancesPaginator(api, &connect.ListInstancesInput{MaxResults: t.PageSize(10)})
	return collect.EachItem(ctx, p, func(page *connect.ListInstancesOutput) []types.InstanceSummary { return page.InstanceSummaryList },
		func(ctx context.Context, i types.InstanceSummary) {
			key := t.Key("instance", aws.ToString(i.Id))
			r := &model.Resource{Key: key, Name: aws.ToString(i.InstanceAlias), ARN: aws.ToString(i.Arn), CreatedAt: model.Time(i.CreatedTime), Details: instanceFields.Details(i)}
			out, err := api.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: i.Arn})
			if err != nil {
				t.Warn("ListTagsForResource", err)
			} else {
				r.Tags = out.Tags
			}
			t.Emit(r)
			t.Relate(key, "assumes-role", t.Role(aws.ToString(i.ServiceRole)))
		})
}
