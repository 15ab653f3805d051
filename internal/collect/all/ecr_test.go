package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/ecr/types"
	tagging "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi"
	taggingtypes "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/ecr"
)

// createRepos makes n repositories; the first has a lifecycle policy, tags,
// immutable tags, scan on push and KMS encryption.
func createRepos(t *testing.T, api *ecr.Client, n int) {
	t.Helper()
	ctx := context.Background()
	for i := range n {
		in := &ecr.CreateRepositoryInput{RepositoryName: aws.String(fmt.Sprintf("app-%d", i))}
		if i == 0 {
			in.ImageTagMutability = types.ImageTagMutabilityImmutable
			in.ImageScanningConfiguration = &types.ImageScanningConfiguration{ScanOnPush: true}
			in.EncryptionConfiguration = &types.EncryptionConfiguration{EncryptionType: types.EncryptionTypeKms,
				KmsKey: aws.String("arn:aws:kms:eu-west-1:" + collecttest.MotoAccount + ":key/k-1")}
			in.Tags = []types.Tag{{Key: aws.String("team"), Value: aws.String("a")}}
		}
		if _, err := api.CreateRepository(ctx, in); collecttest.Created(err, "RepositoryAlreadyExistsException") != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.PutLifecyclePolicy(ctx, &ecr.PutLifecyclePolicyInput{RepositoryName: aws.String("app-0"),
		LifecyclePolicyText: aws.String(`{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}`)}); err != nil {
		t.Fatal(err)
	}
}

// withBulkTags is a config on which GetResources answers for ECR
// repositories as AWS does, from moto's own tag listing (moto's GetResources
// leaves ECR out), and the operations deny are denied.
func withBulkTags(t *testing.T, deny ...string) aws.Config {
	api := ecr.NewFromConfig(collecttest.Config(t, "eu-west-1", nil))
	answers := map[string]func(any) (any, error){
		"GetResources": func(any) (any, error) {
			ctx := context.Background()
			repos, err := api.DescribeRepositories(ctx, &ecr.DescribeRepositoriesInput{})
			if err != nil {
				return nil, err
			}
			out := &tagging.GetResourcesOutput{}
			for _, r := range repos.Repositories {
				tags, err := api.ListTagsForResource(ctx, &ecr.ListTagsForResourceInput{ResourceArn: r.RepositoryArn})
				if err != nil {
					return nil, err
				}
				if len(tags.Tags) == 0 {
					continue // like AWS: never-tagged resources are left out
				}
				m := taggingtypes.ResourceTagMapping{ResourceARN: r.RepositoryArn}
				for _, tg := range tags.Tags {
					m.Tags = append(m.Tags, taggingtypes.Tag{Key: tg.Key, Value: tg.Value})
				}
				out.ResourceTagMappingList = append(out.ResourceTagMappingList, m)
			}
			return out, nil
		},
	}
	for _, op := range deny {
		answers[op] = collecttest.Denied(op)
	}
	return collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Canned(answers)})
}

func TestEcrRepositories(t *testing.T) {
	collecttest.Setup(t)
	createRepos(t, ecr.NewFromConfig(collecttest.Config(t, "eu-west-1", nil)), 7)
	cfg := withBulkTags(t)

	got := collecttest.Run(t, cfg, collector.Service, "repository", "eu-west-1")
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 7 repositories over several pages, got %d", len(byID))
	}
	r := byID["app-0"]
	checks := map[string]any{
		"scan_on_push": true, "image_tag_mutability": "IMMUTABLE", "encryption_type": "KMS",
		"lifecycle_policy_present": true,
	}
	for k, want := range checks {
		if r.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, r.Details[k], want)
		}
	}
	if byID["app-1"].Details["lifecycle_policy_present"] != false {
		t.Errorf("app-1 has no lifecycle policy: %v", byID["app-1"].Details)
	}
	if r.Tags["team"] != "a" || r.ARN != "arn:aws:ecr:eu-west-1:"+collecttest.MotoAccount+":repository/app-0" || r.CreatedAt == "" || r.Details["uri"] == "" {
		t.Errorf("identity fields wrong: %+v", r)
	}
	want := "app-0 -encrypted-with-> kms/key:k-1"
	if edges := got.Edges(); len(edges) != 1 || edges[0] != want {
		t.Errorf("edges %v, want [%s]", edges, want)
	}
}

func TestEcrRepositoriesDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("DescribeRepositories")})
	got := collecttest.Run(t, cfg, collector.Service, "repository", "eu-west-1")
	collecttest.AssertDenied(t, got)

	createRepos(t, ecr.NewFromConfig(collecttest.Config(t, "eu-west-1", nil)), 1)
	cfg = collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("GetLifecyclePolicy")})
	got = collecttest.Run(t, cfg, collector.Service, "repository", "eu-west-1")
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("err %v, %d resources", got.Err, len(got.Resources))
	}
	if _, ok := got.Resources[0].Details["lifecycle_policy_present"]; ok || len(got.Task.Warnings()) == 0 {
		t.Errorf("denied detail call: details %v, warnings %v", got.Resources[0].Details, got.Task.Warnings())
	}
}

func TestEcrRepositoryTagsInBulk(t *testing.T) {
	collecttest.Setup(t)
	createRepos(t, ecr.NewFromConfig(collecttest.Config(t, "eu-west-1", nil)), 2)
	for _, c := range collecttest.TagDenials("ListTagsForResource") {
		got := collecttest.Run(t, withBulkTags(t, c.Deny...), collector.Service, "repository", "eu-west-1")
		if got.Err != nil {
			t.Fatal(got.Err)
		}
		r, other := got.ByID()["app-0"], got.ByID()["app-1"]
		if r == nil || other == nil || (r.Tags["team"] == "a") != c.Tagged || len(other.Tags) != 0 || (len(got.Task.Warnings()) > 0) != c.Warned {
			t.Errorf("denied %v: want tagged=%v, warned=%v, got %+v, %+v, %v", c.Deny, c.Tagged, c.Warned, r, other, got.Task.Warnings())
		}
	}
}
