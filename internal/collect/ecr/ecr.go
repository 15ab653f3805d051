// Package ecr collects ECR container image repositories, the registry
// settings of each region and pull through cache rules.
package ecr

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the ECR collector.
var Service = &collect.Service{
	Name:        "ecr",
	Description: "ECR private container image repositories, registry settings and pull through cache rules",
	Types: []collect.Type{
		{Name: "repository", Description: "ECR private repository (id = repository name)", Fields: repositoryFields.Declared(), Tags: collect.TagsBulk, Collect: repositories, DetailCalls: 1},
		{Name: "registry", Description: "the region's private registry: replication, permissions policy and scanning settings (id = registry id; no ARN)",
			Fields: registryFields.Declared(), Tags: collect.NotTaggable, Collect: registries},
		{Name: "pull-through-cache-rule", Description: "pull through cache rule caching an upstream registry (id = ECR repository prefix; no ARN)",
			Fields: cacheRuleFields.Declared(), Tags: collect.NotTaggable, Collect: cacheRules},
	},
	Calls: "repository: DescribeRepositories + per repository GetLifecyclePolicy; bulk tags (else per repository ListTagsForResource). " +
		"registry: DescribeRegistry, GetRegistryPolicy, GetRegistryScanningConfiguration. pull-through-cache-rule: DescribePullThroughCacheRules",
	Relations: []collect.Relation{
		{From: "pull-through-cache-rule", Kind: "uses-secret", To: "secretsmanager/secret"},
		{From: "pull-through-cache-rule", Kind: "assumes-role", To: "iam/role"},
		{From: "repository", Kind: "encrypted-with", To: "kms/key"},
	},
}

// repository is a listed repository with what GetLifecyclePolicy said:
// lifecyclePolicy is nil when that call failed otherwise than not found.
type repository struct {
	types.Repository
	lifecyclePolicy *bool
}

func hasScanOnPush(r repository) bool      { return r.ImageScanningConfiguration != nil }
func hasEncryption(r repository) bool      { return r.EncryptionConfiguration != nil }
func hasLifecycleAnswer(r repository) bool { return r.lifecyclePolicy != nil }

var repositoryFields = collect.Fields[repository]{
	collect.Text("uri", "repository URI used to push and pull images", func(r repository) *string { return r.RepositoryUri }),
	collect.When(hasScanOnPush, collect.Computed("scan_on_push", model.Boolean, "images are scanned for vulnerabilities when pushed", func(r repository) any {
		return r.ImageScanningConfiguration.ScanOnPush
	})),
	collect.Enum("image_tag_mutability", "MUTABLE or IMMUTABLE (tags cannot be overwritten)", func(r repository) types.ImageTagMutability { return r.ImageTagMutability }),
	collect.When(hasEncryption, collect.Enum("encryption_type", "AES256 or KMS", func(r repository) types.EncryptionType { return r.EncryptionConfiguration.EncryptionType })),
	collect.Computed("kms_key", model.Text, "KMS key ARN when encryption_type is KMS", func(r repository) any {
		if k := r.kmsKey(); k != "" {
			return k
		}
		return nil
	}),
	collect.Text("registry_id", "account id of the registry", func(r repository) *string { return r.RegistryId }),
	collect.When(hasLifecycleAnswer, collect.Bool("lifecycle_policy_present", "a lifecycle policy expires old images", func(r repository) *bool { return r.lifecyclePolicy })),
}

// kmsKey is the repository's KMS key, "" when none.
func (r repository) kmsKey() string {
	if r.EncryptionConfiguration == nil {
		return ""
	}
	return aws.ToString(r.EncryptionConfiguration.KmsKey)
}

func repositories(ctx context.Context, t *collect.Task) error {
	api := ecr.NewFromConfig(t.Config)
	bulk := collect.NewBulkTags(t, "ecr:repository")
	p := ecr.NewDescribeRepositoriesPaginator(api, &ecr.DescribeRepositoriesInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *ecr.DescribeRepositoriesOutput) error {
		collect.ForEach(ctx, page.Repositories, func(ctx context.Context, r types.Repository) {
			emitRepository(ctx, t, api, bulk, r)
		})
		return nil
	})
}

func emitRepository(ctx context.Context, t *collect.Task, api *ecr.Client, bulk *collect.BulkTags, r types.Repository) {
	name := aws.ToString(r.RepositoryName)
	repo := repository{Repository: r}
	_, err := api.GetLifecyclePolicy(ctx, &ecr.GetLifecyclePolicyInput{RepositoryName: r.RepositoryName, RegistryId: r.RegistryId})
	switch {
	case err == nil:
		repo.lifecyclePolicy = aws.Bool(true)
	case awsx.IsNotFound(err): // LifecyclePolicyNotFoundException
		repo.lifecyclePolicy = aws.Bool(false)
	default:
		t.Warn("GetLifecyclePolicy", err)
	}
	tags := bulk.Of(ctx, aws.ToString(r.RepositoryArn), "ListTagsForResource", func(ctx context.Context) (map[string]string, error) {
		out, err := api.ListTagsForResource(ctx, &ecr.ListTagsForResourceInput{ResourceArn: r.RepositoryArn})
		if err != nil {
			return nil, err
		}
		return collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value }), nil
	})
	key := t.Key("repository", name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(r.RepositoryArn),
		Name:      name,
		CreatedAt: model.Time(r.CreatedAt),
		Tags:      tags,
		Details:   repositoryFields.Details(repo),
	})
	if kmsKey := repo.kmsKey(); kmsKey != "" {
		t.Relate(key, "encrypted-with", t.KMSKey(kmsKey))
	}
}
