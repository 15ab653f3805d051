// Package ecrpublic collects Amazon ECR Public repositories: images
// anyone on the internet can pull.
package ecrpublic

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecrpublic"
	"github.com/aws/aws-sdk-go-v2/service/ecrpublic/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the ECR Public collector.
var Service = &collect.Service{
	Name:        "ecr-public",
	Description: "Amazon ECR Public repositories (public by design)",
	Scope:       collect.Global,
	Types: []collect.Type{
		{Name: "repository", Description: "public repository (id = name): every image in it can be pulled by anyone", Fields: repositoryFields.Declared(), Tags: collect.TagsPerResource, Collect: repositories, DetailCalls: 1},
	},
	Calls: "repository: DescribeRepositories (paged) + per repository ListTagsForResource. The API answers in us-east-1 only",
}

var repositoryFields = collect.Fields[types.Repository]{
	collect.Text("registry_id", "public registry (account) of the repository", func(r types.Repository) *string { return r.RegistryId }),
	collect.Text("repository_uri", "public.ecr.aws URI images are pulled from", func(r types.Repository) *string { return r.RepositoryUri }),
}

func repositories(ctx context.Context, t *collect.Task) error {
	api := ecrpublic.NewFromConfig(t.Config)
	p := ecrpublic.NewDescribeRepositoriesPaginator(api, &ecrpublic.DescribeRepositoriesInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *ecrpublic.DescribeRepositoriesOutput) []types.Repository { return page.Repositories },
		func(ctx context.Context, r types.Repository) {
			name := aws.ToString(r.RepositoryName)
			res := &model.Resource{Key: t.Key("repository", name), Name: name, ARN: aws.ToString(r.RepositoryArn), CreatedAt: model.Time(r.CreatedAt),
				Details: repositoryFields.Details(r)}
			if out, err := api.ListTagsForResource(ctx, &ecrpublic.ListTagsForResourceInput{ResourceArn: r.RepositoryArn}); err != nil {
				t.Warn("ListTagsForResource", err)
			} else {
				res.Tags = collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
			}
			t.Emit(res)
		})
}
