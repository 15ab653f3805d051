package all_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/elasticache"
	"github.com/aws/aws-sdk-go-v2/service/elasticache/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/elasticache"
)

func TestElasticacheUsersAndSnapshots(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := elasticache.NewFromConfig(cfg)
	for i := range 3 {
		if _, err := api.CreateUser(ctx, &elasticache.CreateUserInput{UserId: aws.String(fmt.Sprint("app-", i)), UserName: aws.String(fmt.Sprint("app", i)), Engine: aws.String("redis"),
			AccessString: aws.String("on ~app:* +@read"), Passwords: []string{"a-long-secret-password-1"}, Tags: elasticacheTags("team", "web")}); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "user", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	u := got.ByID()["app-1"]
	if u == nil || u.Name != "app1" || u.Details["access_string"] != "on ~app:* +@read" || u.Details["authentication_type"] != "password" ||
		u.Details["password_count"] != int64(1) || u.Tags["team"] != "web" || u.ARN == "" {
		t.Fatalf("user: %+v", u)
	}
	for _, r := range got.Resources {
		if strings.Contains(fmt.Sprint(r.Details), "a-long-secret-password-1") {
			t.Errorf("%s stores a password", r.ID)
		}
	}

	elasticacheCreateClusters(t, api, 1)
	clusters, err := api.DescribeCacheClusters(ctx, &elasticache.DescribeCacheClustersInput{})
	if err != nil {
		t.Fatal(err)
	}
	source := aws.ToString(clusters.CacheClusters[0].CacheClusterId)
	for i := range 3 {
		if _, err := api.CreateSnapshot(ctx, &elasticache.CreateSnapshotInput{SnapshotName: aws.String(fmt.Sprint("before-upgrade-", i)), CacheClusterId: aws.String(source)}); err != nil {
			t.Fatal(err)
		}
	}
	got = collecttest.Run(t, cfg, collector.Service, "snapshot", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("snapshots: %v, %d", got.Err, len(got.Resources))
	}
	s := got.ByID()["before-upgrade-2"]
	if s == nil || s.Details["cache_cluster_id"] != source || s.Details["source"] != "manual" || s.ARN == "" {
		t.Fatalf("snapshot: %+v", s)
	}
	collecttest.HasEdges(t, got, "before-upgrade-2 -snapshot-of-> elasticache/cluster:"+source)
}

var elasticacheStarted = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

func elasticacheArnOf(kind, id string) *string {
	return aws.String("arn:aws:elasticache:" + region + ":" + collecttest.MotoAccount + ":" + kind + ":" + id)
}

// canned answers the Describe calls moto lacks: three of each, over two
// pages; GetResources is denied so tags come from ListTagsForResource.
var elasticacheCanned = map[string]func(any) (any, error){
	"DescribeUserGroups": func(in any) (any, error) {
		var all []types.UserGroup
		for i := range 3 {
			id := fmt.Sprint("ug-", i)
			all = append(all, types.UserGroup{UserGroupId: aws.String(id), ARN: elasticacheArnOf("usergroup", id), Engine: aws.String("redis"), Status: aws.String("active"),
				UserIds: []string{"default", "app-0"}, ReplicationGroups: []string{"sessions"}})
		}
		page, next := collecttest.Page(all, in.(*elasticache.DescribeUserGroupsInput).Marker, 2)
		return &elasticache.DescribeUserGroupsOutput{UserGroups: page, Marker: next}, nil
	},
	"DescribeCacheParameterGroups": func(in any) (any, error) {
		all := []types.CacheParameterGroup{
			{CacheParameterGroupName: aws.String("default.redis7"), CacheParameterGroupFamily: aws.String("redis7"), ARN: elasticacheArnOf("parametergroup", "default.redis7")},
			{CacheParameterGroupName: aws.String("tuned"), CacheParameterGroupFamily: aws.String("redis7"), Description: aws.String("lru"), ARN: elasticacheArnOf("parametergroup", "tuned")},
			{CacheParameterGroupName: aws.String("global"), CacheParameterGroupFamily: aws.String("redis7"), IsGlobal: aws.Bool(true), ARN: elasticacheArnOf("parametergroup", "global")},
		}
		page, next := collecttest.Page(all, in.(*elasticache.DescribeCacheParameterGroupsInput).Marker, 2)
		return &elasticache.DescribeCacheParameterGroupsOutput{CacheParameterGroups: page, Marker: next}, nil
	},
	"DescribeServerlessCaches": func(in any) (any, error) {
		var all []types.ServerlessCache
		for i := range 3 {
			name := fmt.Sprint("cache-", i)
			all = append(all, types.ServerlessCache{ServerlessCacheName: aws.String(name), ARN: elasticacheArnOf("serverlesscache", name), Engine: aws.String("valkey"),
				FullEngineVersion: aws.String("8.0"), Status: aws.String("available"), CreateTime: &elasticacheStarted, KmsKeyId: aws.String("k-cache"),
				SecurityGroupIds: []string{"sg-1"}, SubnetIds: []string{"subnet-1", "subnet-2"}, UserGroupId: aws.String("ug-0"), SnapshotRetentionLimit: aws.Int32(7),
				CacheUsageLimits: &types.CacheUsageLimits{DataStorage: &types.DataStorage{Maximum: aws.Int32(10), Unit: types.DataStorageUnitGb}},
				Endpoint:         &types.Endpoint{Address: aws.String(name + ".serverless.euw1.cache.amazonaws.com")}})
		}
		page, next := collecttest.Page(all, in.(*elasticache.DescribeServerlessCachesInput).NextToken, 2)
		return &elasticache.DescribeServerlessCachesOutput{ServerlessCaches: page, NextToken: next}, nil
	},
	"DescribeReservedCacheNodes": func(in any) (any, error) {
		var all []types.ReservedCacheNode
		for i := range 3 {
			id := fmt.Sprint("ri-", i)
			all = append(all, types.ReservedCacheNode{ReservedCacheNodeId: aws.String(id), ReservationARN: elasticacheArnOf("reserved-instance", id), CacheNodeType: aws.String("cache.r7g.large"),
				CacheNodeCount: aws.Int32(2), State: aws.String("active"), Duration: aws.Int32(31536000), OfferingType: aws.String("No Upfront"), StartTime: &elasticacheStarted,
				FixedPrice: aws.Float64(0), UsagePrice: aws.Float64(0.123), ProductDescription: aws.String("redis")})
		}
		page, next := collecttest.Page(all, in.(*elasticache.DescribeReservedCacheNodesInput).Marker, 2)
		return &elasticache.DescribeReservedCacheNodesOutput{ReservedCacheNodes: page, Marker: next}, nil
	},
	"GetResources": collecttest.Denied("GetResources"),
	"ListTagsForResource": func(in any) (any, error) {
		return &elasticache.ListTagsForResourceOutput{TagList: elasticacheTags("arn", aws.ToString(in.(*elasticache.ListTagsForResourceInput).ResourceName))}, nil
	},
}

func TestElasticacheCannedTypes(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(elasticacheCanned)})
	run := func(typ string) collecttest.Result {
		got := collecttest.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil || len(got.Resources) != 3 {
			t.Fatalf("%s: %v, %d", typ, got.Err, len(got.Resources))
		}
		for _, r := range got.Resources {
			if r.Tags["arn"] != r.ARN || r.ARN == "" {
				t.Errorf("%s %s: tags %v, ARN %q", typ, r.ID, r.Tags, r.ARN)
			}
		}
		return got
	}
	got := run("user-group")
	if g := got.ByID()["ug-2"]; g.Details["status"] != "active" || fmt.Sprint(g.Details["user_ids"]) != "[default app-0]" {
		t.Errorf("user group: %+v", g)
	}
	collecttest.HasEdges(t, got, "ug-2 -includes-> elasticache/user:app-0", "ug-2 -guards-> elasticache/replication-group:sessions")

	got = run("parameter-group")
	if d, g := got.ByID()["default.redis7"], got.ByID()["global"]; !d.IsDefault || got.ByID()["tuned"].IsDefault || g.Details["is_global"] != true || d.Details["family"] != "redis7" {
		t.Errorf("parameter groups: %+v %+v", d, g)
	}

	got = run("serverless-cache")
	c := got.ByID()["cache-1"]
	if c.CreatedAt != "2025-06-01T00:00:00Z" || c.Details["engine"] != "valkey" || c.Details["max_data_storage"] != int64(10) || c.Details["max_data_storage_unit"] != "GB" ||
		c.Details["max_ecpu_per_second"] != int64(0) || c.Details["snapshot_retention"] != int64(7) || c.Details["endpoint"] != "cache-1.serverless.euw1.cache.amazonaws.com" {
		t.Errorf("serverless cache: %+v", c)
	}
	collecttest.HasEdges(t, got, "cache-1 -encrypted-with-> kms/key:k-cache", "cache-1 -uses-security-group-> ec2/security-group:sg-1",
		"cache-1 -in-subnet-> ec2/subnet:subnet-2", "cache-1 -uses-> elasticache/user-group:ug-0")

	got = run("reserved-cache-node")
	if r := got.ByID()["ri-0"]; r.Details["node_count"] != int64(2) || r.Details["usage_price"] != 0.123 || r.Details["state"] != "active" || r.CreatedAt != "2025-06-01T00:00:00Z" {
		t.Errorf("reserved node: %+v", r)
	}

	for typ, op := range map[string]string{"user-group": "DescribeUserGroups", "parameter-group": "DescribeCacheParameterGroups", "serverless-cache": "DescribeServerlessCaches",
		"reserved-cache-node": "DescribeReservedCacheNodes", "user": "DescribeUsers", "snapshot": "DescribeSnapshots"} {
		denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, typ, region))
	}
}
