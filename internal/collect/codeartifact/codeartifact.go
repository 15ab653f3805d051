// Package codeartifact collects CodeArtifact domains and repositories.
package codeartifact

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codeartifact"
	"github.com/aws/aws-sdk-go-v2/service/codeartifact/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the CodeArtifact collector.
var Service = &collect.Service{
	Name:        "codeartifact",
	Description: "CodeArtifact domains and package repositories",
	Types: []collect.Type{
		{Name: "domain", Description: "CodeArtifact domain (id = name), with the key encrypting its packages", Fields: domainFields.Declared(),
			Tags: collect.TagsPerResource, Collect: domains, DetailCalls: 1},
		{Name: "repository", Description: "package repository (id = DOMAIN/NAME)", Fields: repositoryFields.Declared(),
			Tags: collect.TagsPerResource, Collect: repositories, DetailCalls: 1},
	},
	Calls: "domain: ListDomains + per domain ListTagsForResource. repository: ListRepositories + per repository ListTagsForResource",
	Relations: []collect.Relation{
		{From: "domain", Kind: "encrypted-with", To: "kms/key"},
		{From: "repository", Kind: "in", To: "codeartifact/domain"},
	},
}

// emit reads r's tags (a failure is a warning) and emits it.
func emit(ctx context.Context, t *collect.Task, api *codeartifact.Client, r *model.Resource) {
	out, err := api.ListTagsForResource(ctx, &codeartifact.ListTagsForResourceInput{ResourceArn: aws.String(r.ARN)})
	t.Warn("ListTagsForResource", err)
	if err == nil {
		r.Tags = collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
	}
	t.Emit(r)
}

var domainFields = collect.Fields[types.DomainSummary]{
	collect.Enum("status", "Active or Deleted", func(d types.DomainSummary) types.DomainStatus { return d.Status }),
	collect.Text("owner", "account that owns the domain", func(d types.DomainSummary) *string { return d.Owner }),
	collect.Text("encryption_key", "KMS key encrypting the domain's assets", func(d types.DomainSummary) *string { return d.EncryptionKey }),
}

func domains(ctx context.Context, t *collect.Task) error {
	api := codeartifact.NewFromConfig(t.Config)
	p := codeartifact.NewListDomainsPaginator(api, &codeartifact.ListDomainsInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *codeartifact.ListDomainsOutput) []types.DomainSummary { return page.Domains },
		func(ctx context.Context, d types.DomainSummary) {
			name := aws.ToString(d.Name)
			key := t.Key("domain", name)
			emit(ctx, t, api, &model.Resource{Key: key, Name: name, ARN: aws.ToString(d.Arn), CreatedAt: model.Time(d.CreatedTime), Details: domainFields.Details(d)})
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(d.EncryptionKey)))
		})
}

var repositoryFields = collect.Fields[types.RepositorySummary]{
	collect.Text("domain", "domain the repository belongs to", func(r types.RepositorySummary) *string { return r.DomainName }),
	collect.Text("domain_owner", "account owning the domain", func(r types.RepositorySummary) *string { return r.DomainOwner }),
	collect.Text("administrator_account", "account that manages the repository", func(r types.RepositorySummary) *string { return r.AdministratorAccount }),
	collect.Text("description", "repository description", func(r types.RepositorySummary) *string { return r.Description }),
}

func repositories(ctx context.Context, t *collect.Task) error {
	api := codeartifact.NewFromConfig(t.Config)
	p := codeartifact.NewListRepositoriesPaginator(api, &codeartifact.ListRepositoriesInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *codeartifact.ListRepositoriesOutput) []types.RepositorySummary { return page.Repositories },
		func(ctx context.Context, r types.RepositorySummary) {
			domain, name := aws.ToString(r.DomainName), aws.ToString(r.Name)
			key := t.Key("repository", domain+"/"+name)
			emit(ctx, t, api, &model.Resource{Key: key, Name: name, ARN: aws.ToString(r.Arn), CreatedAt: model.Time(r.CreatedTime), Details: repositoryFields.Details(r)})
			domainKey := t.Key("domain", domain)
			domainKey.Account = aws.ToString(r.DomainOwner)
			t.Relate(key, "in", domainKey)
		})
}
