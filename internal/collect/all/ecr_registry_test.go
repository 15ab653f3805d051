package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/ecr"
)

const registryRegion = "eu-west-1"

func TestEcrRegistry(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, registryRegion, nil)
	api := ecr.NewFromConfig(cfg)

	got := collecttest.Run(t, cfg, collector.Service, "registry", registryRegion)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("registry: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got) // no policy is no warning
	if r := got.Resources[0]; r.ID != collecttest.MotoAccount || r.Details["policy"] != nil || fmt.Sprint(r.Details["replication_destinations"]) != "[]" {
		t.Fatalf("bare registry: %+v", r)
	}

	policy := `{"Version":"2012-10-17","Statement":[{"Sid":"pull","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"ecr:ReplicateImage","Resource":"*"}]}`
	if _, err := api.PutRegistryPolicy(ctx, &ecr.PutRegistryPolicyInput{PolicyText: aws.String(policy)}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.PutReplicationConfiguration(ctx, &ecr.PutReplicationConfigurationInput{ReplicationConfiguration: &types.ReplicationConfiguration{
		Rules: []types.ReplicationRule{{Destinations: []types.ReplicationDestination{{Region: aws.String("us-east-1"), RegistryId: aws.String(collecttest.MotoAccount)}}}}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.PutRegistryScanningConfiguration(ctx, &ecr.PutRegistryScanningConfigurationInput{ScanType: types.ScanTypeEnhanced,
		Rules: []types.RegistryScanningRule{{ScanFrequency: types.ScanFrequencyContinuousScan,
			RepositoryFilters: []types.ScanningRepositoryFilter{{Filter: aws.String("prod-*"), FilterType: types.ScanningRepositoryFilterTypeWildcard}}}}}); err != nil {
		t.Fatal(err)
	}
	got = collecttest.Run(t, cfg, collector.Service, "registry", registryRegion)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("registry: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	r := got.Resources[0]
	if fmt.Sprint(r.Details["replication_destinations"]) != "["+collecttest.MotoAccount+":us-east-1]" || r.Details["scan_type"] != "ENHANCED" ||
		fmt.Sprint(r.Details["scan_filters"]) != "map[CONTINUOUS_SCAN:[prod-*]]" {
		t.Errorf("registry: %+v", r)
	}
	if p, ok := r.Details["policy"].(map[string]any); !ok || fmt.Sprint(p["Statement"].([]any)[0].(map[string]any)["Sid"]) != "pull" {
		t.Errorf("policy: %#v", r.Details["policy"])
	}

	denied := collecttest.ConfigWith(t, registryRegion, awsx.Options{Responder: collecttest.Deny("DescribeRegistry")})
	collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, "registry", registryRegion))
	denied = collecttest.ConfigWith(t, registryRegion, awsx.Options{Responder: collecttest.Deny("GetRegistryPolicy")})
	got = collecttest.Run(t, denied, collector.Service, "registry", registryRegion)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 || got.Resources[0].Details["scan_type"] != "ENHANCED" {
		t.Fatalf("want the registry without its policy and a warning: %v, %v", got.Err, got.Task.Warnings())
	}
}

func TestEcrPullThroughCacheRules(t *testing.T) {
	collecttest.Require(t)
	created := time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC)
	rules := func(in any) (any, error) {
		all := []types.PullThroughCacheRule{
			{EcrRepositoryPrefix: aws.String("ecr-public"), UpstreamRegistry: types.UpstreamRegistryEcrPublic, UpstreamRegistryUrl: aws.String("public.ecr.aws"), CreatedAt: &created},
			{EcrRepositoryPrefix: aws.String("docker-hub"), UpstreamRegistry: types.UpstreamRegistryDockerHub, UpstreamRegistryUrl: aws.String("registry-1.docker.io"), CreatedAt: &created,
				CredentialArn: aws.String("arn:aws:secretsmanager:" + registryRegion + ":" + collecttest.MotoAccount + ":secret:ecr-pullthroughcache/hub-AbCdEf")},
			{EcrRepositoryPrefix: aws.String("central"), UpstreamRegistry: types.UpstreamRegistryEcr, UpstreamRepositoryPrefix: aws.String("base"),
				CustomRoleArn: aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":role/ecr-cache")},
		}
		page, next := collecttest.Page(all, in.(*ecr.DescribePullThroughCacheRulesInput).NextToken, 2)
		return &ecr.DescribePullThroughCacheRulesOutput{PullThroughCacheRules: page, NextToken: next}, nil
	}
	cfg := collecttest.ConfigWith(t, registryRegion, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"DescribePullThroughCacheRules": rules})})
	got := collecttest.Run(t, cfg, collector.Service, "pull-through-cache-rule", registryRegion)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("rules: %v, %d", got.Err, len(got.Resources))
	}
	hub := got.ByID()["docker-hub"]
	if hub.CreatedAt != "2026-02-02T00:00:00Z" || hub.Details["upstream_registry"] != "docker-hub" || hub.Details["upstream_registry_url"] != "registry-1.docker.io" {
		t.Errorf("rule: %+v", hub)
	}
	collecttest.HasEdges(t, got, "docker-hub -uses-secret-> secretsmanager/secret:ecr-pullthroughcache/hub", "central -assumes-role-> iam/role:ecr-cache")

	cfg = collecttest.ConfigWith(t, registryRegion, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribePullThroughCacheRules": collecttest.Denied("DescribePullThroughCacheRules")})})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "pull-through-cache-rule", registryRegion))
}
