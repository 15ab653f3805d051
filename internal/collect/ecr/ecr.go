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
		{Name: "repository", Description: "ECR private repository (id = repository name)", Fields: repositoryFields, Tags: collect.TagsBulk, Collect: repositories, DetailCalls: 1},
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

var repositoryFields = []model.Field{
	{Name: "uri", Type: "text", Description: "repository URI used to push and pull images"},
	{Name: "scan_on_push", Type: "boolean", Description: "images are scanned for vulnerabilities when pushed"},
	{Name: "image_tag_mutability", Type: "text", Description: "MUTABLE or IMMUTABLE (tags cannot be overwritten)", Values: collect.Values(types.ImageTagMutability("").Values())},
	{Name: "encryption_type", Type: "text", Description: "AES256 or KMS"},
	{Name: "kms_key", Type: "text", Description: "KMS key ARN when encryption_type is KMS"},
	{Name: "registry_id", Type: "text", Description: "account id of the registry"},
	{Name: "lifecycle_policy_present", Type: "boolean", Description: "a lifecycle policy expires old images"},
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
	d := map[string]any{
		"uri":                  aws.ToString(r.RepositoryUri),
		"image_tag_mutability": string(r.ImageTagMutability),
		"registry_id":          aws.ToString(r.RegistryId),
	}
	if r.ImageScanningConfiguration != nil {
		d["scan_on_push"] = r.ImageScanningConfiguration.ScanOnPush
	}
	var kmsKey string
	if r.EncryptionConfiguration != nil {
		d["encryption_type"] = string(r.EncryptionConfiguration.EncryptionType)
		kmsKey = aws.ToString(r.EncryptionConfiguration.KmsKey)
		if kmsKey != "" {
			d["kms_key"] = kmsKey
		}
	}
	_, err := api.GetLifecyclePolicy(ctx, &ecr.GetLifecyclePolicyInput{RepositoryName: r.RepositoryName, RegistryId: r.RegistryId})
	switch {
	case err == nil:
		d["lifecycle_policy_present"] = true
	case awsx.IsNotFound(err): // LifecyclePolicyNotFoundException
		d["lifecycle_policy_present"] = false
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
		Details:   d,
	})
	if kmsKey != "" {
		t.Relate(key, "encrypted-with", t.KMSKey(kmsKey))
	}
}
