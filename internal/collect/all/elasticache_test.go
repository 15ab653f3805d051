package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/elasticache"
	"github.com/aws/aws-sdk-go-v2/service/elasticache/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/elasticache"
)

func elasticacheTags(k, v string) []types.Tag {
	return []types.Tag{{Key: aws.String(k), Value: aws.String(v)}}
}

func elasticacheCreateClusters(t *testing.T, api *elasticache.Client, n int) {
	t.Helper()
	for i := range n {
		if _, err := api.CreateCacheCluster(context.Background(), &elasticache.CreateCacheClusterInput{
			CacheClusterId: aws.String(fmt.Sprintf("cc%d", i)), Engine: aws.String("redis"), CacheNodeType: aws.String("cache.t3.micro"),
			NumCacheNodes: aws.Int32(1), SnapshotRetentionLimit: aws.Int32(3), Tags: elasticacheTags("n", fmt.Sprint(i)),
		}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestElasticacheClusters(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	elasticacheCreateClusters(t, elasticache.NewFromConfig(cfg), 7)
	got := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 7 clusters, got %d", len(byID))
	}
	c := byID["cc6"]
	checks := map[string]any{"engine": "redis", "node_type": "cache.t3.micro", "num_nodes": int32(1), "snapshot_retention": int32(3)}
	for k, want := range checks {
		if c.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, c.Details[k], want)
		}
	}
	if c.Tags["n"] != "6" || c.ARN != "arn:aws:elasticache:eu-west-1:"+collecttest.MotoAccount+":cluster:cc6" || c.CreatedAt == "" {
		t.Errorf("identity wrong: %+v", c)
	}
}

func TestElasticacheReplicationGroups(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := elasticache.NewFromConfig(cfg)
	if _, err := api.CreateReplicationGroup(context.Background(), &elasticache.CreateReplicationGroupInput{
		ReplicationGroupId: aws.String("rg"), ReplicationGroupDescription: aws.String("sessions"), Engine: aws.String("redis"),
		CacheNodeType: aws.String("cache.t3.micro"), NumCacheClusters: aws.Int32(2), AtRestEncryptionEnabled: aws.Bool(true),
		TransitEncryptionEnabled: aws.Bool(true), KmsKeyId: aws.String("arn:aws:kms:eu-west-1:1:key/k-1"), Tags: elasticacheTags("env", "prod"),
	}); err != nil {
		t.Fatal(err)
	}
	got := collecttest.Run(t, cfg, collector.Service, "replication-group", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	g := got.ByID()["rg"]
	if g == nil {
		t.Fatalf("replication group missing: %v", got.Resources)
	}
	checks := map[string]any{"description": "sessions", "at_rest_encryption": true, "transit_encryption": true}
	for k, want := range checks {
		if g.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, g.Details[k], want)
		}
	}
	if g.Tags["env"] != "prod" || g.ARN == "" {
		t.Errorf("identity wrong: %+v", g)
	}
	collecttest.HasEdges(t, got, "rg -encrypted-with-> kms/key:k-1")
}

func TestElasticacheSubnetGroups(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	n := testvpc.New(t, cfg, "10.1.0.0/16", "", testvpc.Subnet{CIDR: "10.1.1.0/24"})
	subnet := n.Subnets[0]
	api := elasticache.NewFromConfig(cfg)
	for i := range 6 {
		if _, err := api.CreateCacheSubnetGroup(ctx, &elasticache.CreateCacheSubnetGroupInput{CacheSubnetGroupName: aws.String(fmt.Sprintf("sg%d", i)),
			CacheSubnetGroupDescription: aws.String("cache"), SubnetIds: []string{subnet}}); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "subnet-group", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	g := byID["sg5"]
	if g == nil || g.Details["vpc_id"] != n.VPC || g.ARN == "" {
		t.Fatalf("subnet group sg5 wrong or missing: %v", byID)
	}
	collecttest.HasEdges(t, got, "sg5 -includes-subnet-> ec2/subnet:"+subnet, "sg0 -in-vpc-> ec2/vpc:"+n.VPC)
}

func TestElasticacheDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeCacheClusters")})
	got := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	collecttest.AssertDenied(t, got)

	elasticacheCreateClusters(t, elasticache.NewFromConfig(collecttest.Config(t, region, nil)), 1)
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetResources", "ListTagsForResource")})
	got = collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 || len(got.Resources[0].Tags) != 0 {
		t.Fatalf("err %v, resources %v, warnings %v", got.Err, got.Resources, got.Task.Warnings())
	}
}
