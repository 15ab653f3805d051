package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/opensearch"
	"github.com/aws/aws-sdk-go-v2/service/opensearch/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/opensearch"
)

// seed makes a locked-down VPC domain "search", and six public ones
// (seven domains: two DescribeDomains batches).
func opensearchSeed(t *testing.T, cfg aws.Config) testvpc.Network {
	t.Helper()
	ctx := context.Background()
	api := opensearch.NewFromConfig(cfg)
	n := testvpc.New(t, cfg, "10.9.0.0/16", "search", testvpc.Subnet{CIDR: "10.9.1.0/24"})
	logs := "arn:aws:logs:" + region + ":" + account + ":log-group:/aws/opensearch/search"
	if _, err := api.CreateDomain(ctx, &opensearch.CreateDomainInput{DomainName: aws.String("search"), EngineVersion: aws.String("OpenSearch_2.13"),
		ClusterConfig:               &types.ClusterConfig{InstanceType: types.OpenSearchPartitionInstanceTypeR6gLargeSearch, InstanceCount: aws.Int32(3), ZoneAwarenessEnabled: aws.Bool(true)},
		EBSOptions:                  &types.EBSOptions{EBSEnabled: aws.Bool(true), VolumeType: types.VolumeTypeGp3, VolumeSize: aws.Int32(100)},
		VPCOptions:                  &types.VPCOptions{SubnetIds: n.Subnets, SecurityGroupIds: []string{n.SG}},
		EncryptionAtRestOptions:     &types.EncryptionAtRestOptions{Enabled: aws.Bool(true), KmsKeyId: aws.String("arn:aws:kms:" + region + ":" + account + ":key/k-1")},
		NodeToNodeEncryptionOptions: &types.NodeToNodeEncryptionOptions{Enabled: aws.Bool(true)},
		DomainEndpointOptions:       &types.DomainEndpointOptions{EnforceHTTPS: aws.Bool(true), TLSSecurityPolicy: types.TLSSecurityPolicyPolicyMinTls12201907},
		AdvancedSecurityOptions:     &types.AdvancedSecurityOptionsInput{Enabled: aws.Bool(true), InternalUserDatabaseEnabled: aws.Bool(true)},
		LogPublishingOptions: map[string]types.LogPublishingOption{"AUDIT_LOGS": {Enabled: aws.Bool(true), CloudWatchLogsLogGroupArn: aws.String(logs)},
			"SEARCH_SLOW_LOGS": {Enabled: aws.Bool(false), CloudWatchLogsLogGroupArn: aws.String(logs)}},
		TagList: []types.Tag{{Key: aws.String("team"), Value: aws.String("search")}},
	}); err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		if _, err := api.CreateDomain(ctx, &opensearch.CreateDomainInput{DomainName: aws.String(fmt.Sprintf("legacy-%d", i)),
			EngineVersion: aws.String("Elasticsearch_7.10"), AccessPolicies: aws.String(`{"Version":"2012-10-17","Statement":[]}`)}); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

func TestOpensearchDomains(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	n := opensearchSeed(t, cfg)
	got := collecttest.Run(t, cfg, collector.Service, "domain", region)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("want 7 domains, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	for id, want := range map[string]map[string]any{
		"search": {"engine_version": "OpenSearch_2.13", "public_endpoint": false, "encryption_at_rest": true, "node_to_node_encryption": true,
			"enforce_https": true, "tls_policy": "Policy-Min-TLS-1-2-2019-07", "fine_grained_access_control": true, "has_access_policy": false,
			"log_types": "[AUDIT_LOGS]", "instance_type": "r6g.large.search", "instance_count": 3, "zone_awareness": true, "ebs_volume_type": "gp3",
			"ebs_volume_size_gb": 100},
		"legacy-3": {"engine_version": "Elasticsearch_7.10", "public_endpoint": true, "encryption_at_rest": false, "enforce_https": false,
			"fine_grained_access_control": false, "has_access_policy": true, "log_types": "[]"},
	} {
		for k, v := range want {
			if fmt.Sprint(byID[id].Details[k]) != fmt.Sprint(v) {
				t.Errorf("%s details[%s] = %v, want %v", id, k, byID[id].Details[k], v)
			}
		}
	}
	s := byID["search"]
	if s.ARN != "arn:aws:es:"+region+":"+account+":domain/search" || s.Tags["team"] != "search" {
		t.Errorf("search: %s %v", s.ARN, s.Tags)
	}
	collecttest.HasEdges(t, got, "search -in-subnet-> ec2/subnet:"+n.Subnets[0], "search -uses-security-group-> ec2/security-group:"+n.SG,
		"search -encrypted-with-> kms/key:k-1", "search -logs-to-> logs/log-group:/aws/opensearch/search")
}

func TestOpensearchDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListDomainNames")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "domain", region))

	opensearchSeed(t, collecttest.Config(t, region, nil))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeDomains")})
	got := collecttest.Run(t, cfg, collector.Service, "domain", region)
	if got.Err != nil || len(got.Resources) != 7 || len(got.ByID()["search"].Details) != 0 || len(got.Task.Warnings()) != 2 {
		t.Fatalf("want 7 domains without details and a warning per batch, got %v %d %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}
