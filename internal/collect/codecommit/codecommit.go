// Package codecommit collects CodeCommit repositories and approval rule
// templates.
package codecommit

import (
	"context"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codecommit"
	"github.com/aws/aws-sdk-go-v2/service/codecommit/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the CodeCommit collector.
var Service = &collect.Service{
	Name:        "codecommit",
	Description: "CodeCommit repositories and approval rule templates",
	Types: []collect.Type{
		{Name: "repository", Description: "Git repository (id = name)", Fields: repositoryFields.Declared(), Tags: collect.TagsPerResource,
			Collect: repositories, DetailCalls: 1},
		{Name: "approval-rule-template", Description: "pull request approval rule template (id = name), with its rule and the repositories it applies to; AWS gives it no ARN",
			Fields: templateFields.Declared(), Tags: collect.NotTaggable, Collect: templates, DetailCalls: 2},
	},
	Calls: "repository: ListRepositories + BatchGetRepositories per page + per repository ListTagsForResource. " +
		"approval-rule-template: ListApprovalRuleTemplates + per template GetApprovalRuleTemplate, ListRepositoriesForApprovalRuleTemplate",
	Relations: []collect.Relation{
		{From: "repository", Kind: "encrypted-with", To: "kms/key"},
		{From: "approval-rule-template", Kind: "applies-to", To: "codecommit/repository"},
	},
}

var repositoryFields = collect.Fields[types.RepositoryMetadata]{
	collect.Text("description", "repository description", func(r types.RepositoryMetadata) *string { return r.RepositoryDescription }),
	collect.Text("default_branch", "default branch", func(r types.RepositoryMetadata) *string { return r.DefaultBranch }),
	collect.Text("kms_key_id", "KMS key encrypting the repository; empty: the AWS managed key", func(r types.RepositoryMetadata) *string { return r.KmsKeyId }),
	collect.Text("clone_url_http", "HTTPS clone URL", func(r types.RepositoryMetadata) *string { return r.CloneUrlHttp }),
	collect.Timestamp("last_modified", "last change", func(r types.RepositoryMetadata) *time.Time { return r.LastModifiedDate }),
}

func repositories(ctx context.Context, t *collect.Task) error {
	api := codecommit.NewFromConfig(t.Config)
	p := codecommit.NewListRepositoriesPaginator(api, &codecommit.ListRepositoriesInput{})
	return collect.EachPage(ctx, p, func(page *codecommit.ListRepositoriesOutput) error {
		if len(page.Repositories) == 0 {
			return nil
		}
		names := make([]string, 0, len(page.Repositories))
		for _, r := range page.Repositories {
			names = append(names, aws.ToString(r.RepositoryName))
		}
		// A page holds at most 1,000 names; BatchGetRepositories takes 25.
		collect.ForEach(ctx, slices.Collect(slices.Chunk(names, 25)), func(ctx context.Context, chunk []string) {
			out, err := api.BatchGetRepositories(ctx, &codecommit.BatchGetRepositoriesInput{RepositoryNames: chunk})
			if err != nil {
				t.Warn("BatchGetRepositories", err)
				return
			}
			collect.ForEach(ctx, out.Repositories, func(ctx context.Context, r types.RepositoryMetadata) { emit(ctx, t, api, r) })
		})
		return nil
	})
}

func emit(ctx context.Context, t *collect.Task, api *codecommit.Client, r types.RepositoryMetadata) {
	name := aws.ToString(r.RepositoryName)
	key := t.Key("repository", name)
	res := &model.Resource{Key: key, Name: name, ARN: aws.ToString(r.Arn), CreatedAt: model.Time(r.CreationDate), Details: repositoryFields.Details(r)}
	out, err := api.ListTagsForResource(ctx, &codecommit.ListTagsForResourceInput{ResourceArn: r.Arn})
	t.Warn("ListTagsForResource", err)
	if err == nil {
		res.Tags = out.Tags
	}
	t.Emit(res)
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(r.KmsKeyId)))
}
