// Package mediastore collects AWS Elemental MediaStore containers, with
// whether their policy lets anyone read them.
package mediastore

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mediastore"
	"github.com/aws/aws-sdk-go-v2/service/mediastore/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the MediaStore collector.
var Service = &collect.Service{
	Name:        "mediastore",
	Description: "Elemental MediaStore containers",
	Types: []collect.Type{
		{Name: "container", Description: "MediaStore container (id = name): endpoint, access logging, public policy",
			Fields: containerFields.Declared(), Tags: collect.TagsPerResource, Collect: containers, DetailCalls: 2},
	},
	Calls: "container: ListContainers + per container GetContainerPolicy, ListTagsForResource",
}

// container is a listed container and what its policy says.
type container struct {
	types.Container
	policy *string // nil: unknown (the read failed)
}

func hasPolicy(c container) bool { return c.policy != nil }

var containerFields = collect.Fields[container]{
	collect.Enum("status", "ACTIVE, CREATING or DELETING", func(c container) types.ContainerStatus { return c.Status }),
	collect.Text("endpoint", "DNS endpoint the container is read and written at", func(c container) *string { return c.Endpoint }),
	collect.Bool("access_logging", "access is logged to CloudWatch Logs", func(c container) *bool { return c.AccessLoggingEnabled }),
	collect.When(hasPolicy, collect.Text("policy", "container policy (JSON); empty: the default (account only)", func(c container) *string { return c.policy })),
	collect.When(hasPolicy, collect.Computed("public", model.Boolean, "the policy allows anyone (Principal *, or NotPrincipal) to act on the container, without a condition restricting the source or principal; null when the policy is not JSON", func(c container) any {
		return collect.PolicyIsPublic(*c.policy)
	})),
}

func containers(ctx context.Context, t *collect.Task) error {
	api := mediastore.NewFromConfig(t.Config)
	p := mediastore.NewListContainersPaginator(api, &mediastore.ListContainersInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *mediastore.ListContainersOutput) []types.Container { return page.Containers },
		func(ctx context.Context, c types.Container) {
			name, arn := aws.ToString(c.Name), aws.ToString(c.ARN)
			item := container{Container: c}
			out, err := api.GetContainerPolicy(ctx, &mediastore.GetContainerPolicyInput{ContainerName: c.Name})
			switch {
			case awsx.IsNotFound(err):
				item.policy = aws.String("")
			case err != nil:
				t.Warn("GetContainerPolicy", err)
			default:
				item.policy = aws.String(aws.ToString(out.Policy))
			}
			r := &model.Resource{Key: t.Key("container", name), Name: name, ARN: arn, CreatedAt: model.Time(c.CreationTime), Details: containerFields.Details(item)}
			if tags, err := api.ListTagsForResource(ctx, &mediastore.ListTagsForResourceInput{Resource: c.ARN}); err != nil {
				t.Warn("ListTagsForResource", err)
			} else {
				r.Tags = collect.TagMap(tags.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
			}
			t.Emit(r)
		})
}
