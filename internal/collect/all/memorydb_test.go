package all_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/memorydb"
	"github.com/aws/aws-sdk-go-v2/service/memorydb/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/memorydb"
)

var (
	memorydbKmsKey = "arn:aws:kms:" + region + ":" + account + ":key/k-1"
)

func memorydbTags(k, v string) []types.Tag {
	return []types.Tag{{Key: aws.String(k), Value: aws.String(v)}}
}

// seed makes a subnet group and six clusters in it, with a snapshot of
// each.
func memorydbSeed(t *testing.T, cfg aws.Config) testvpc.Network {
	t.Helper()
	ctx := context.Background()
	n := testvpc.New(t, cfg, "10.7.0.0/16", "cache", testvpc.Subnet{CIDR: "10.7.1.0/24"}, testvpc.Subnet{CIDR: "10.7.2.0/24"})
	api := memorydb.NewFromConfig(cfg)
	if _, err := api.CreateSubnetGroup(ctx, &memorydb.CreateSubnetGroupInput{SubnetGroupName: aws.String("cache"), Description: aws.String("cache subnets"),
		SubnetIds: n.Subnets, Tags: memorydbTags("team", "platform")}); err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		name := fmt.Sprintf("sessions-%d", i)
		if _, err := api.CreateCluster(ctx, &memorydb.CreateClusterInput{ClusterName: aws.String(name), NodeType: aws.String("db.r6g.large"),
			ACLName: aws.String("open-access"), SubnetGroupName: aws.String("cache"), SecurityGroupIds: []string{n.SG}, TLSEnabled: aws.Bool(i != 1),
			KmsKeyId: aws.String(memorydbKmsKey), NumShards: aws.Int32(2), SnapshotRetentionLimit: aws.Int32(7), EngineVersion: aws.String("7.1"),
			Tags: memorydbTags("app", name)}); err != nil {
			t.Fatal(err)
		}
		if _, err := api.CreateSnapshot(ctx, &memorydb.CreateSnapshotInput{ClusterName: aws.String(name), SnapshotName: aws.String(name + "-snap"),
			KmsKeyId: aws.String(memorydbKmsKey), Tags: memorydbTags("kind", "manual")}); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

func TestMemorydbMotoTypes(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	n := memorydbSeed(t, cfg)

	got := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 clusters over several pages, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	c := got.ByID()["sessions-1"]
	wantDetails(t, c, map[string]any{"node_type": "db.r6g.large", "tls_enabled": false, "kms_key_id": memorydbKmsKey, "acl_name": "open-access",
		"subnet_group": "cache", "shards": 2, "snapshot_retention_days": 7, "security_group_ids": "[" + n.SG + "]", "status": "available"})
	if c.ARN != "arn:aws:memorydb:"+region+":"+account+":cluster/sessions-1" || c.Tags["app"] != "sessions-1" {
		t.Errorf("sessions-1: %s %v", c.ARN, c.Tags)
	}
	collecttest.HasEdges(t, got, "sessions-1 -encrypted-with-> kms/key:k-1", "sessions-1 -in-subnet-group-> memorydb/subnet-group:cache",
		"sessions-1 -uses-acl-> memorydb/acl:open-access", "sessions-1 -uses-security-group-> ec2/security-group:"+n.SG)

	got = collecttest.Run(t, cfg, collector.Service, "snapshot", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 snapshots, got %v %d", got.Err, len(got.Resources))
	}
	s := got.ByID()["sessions-3-snap"]
	wantDetails(t, s, map[string]any{"source": "manual", "cluster_name": "sessions-3", "kms_key_id": memorydbKmsKey})
	if s.Tags["kind"] != "manual" {
		t.Errorf("snapshot tags %v", s.Tags)
	}
	collecttest.HasEdges(t, got, "sessions-3-snap -created-from-> memorydb/cluster:sessions-3")

	got = collecttest.Run(t, cfg, collector.Service, "subnet-group", region)
	g := got.ByID()["cache"]
	if got.Err != nil || g == nil {
		t.Fatalf("subnet groups: %v %v", got.Err, got.ByID())
	}
	wantDetails(t, g, map[string]any{"description": "cache subnets", "vpc_id": n.VPC, "subnet_ids": fmt.Sprint(slices.Sorted(slices.Values(n.Subnets)))})
	if g.Tags["team"] != "platform" {
		t.Errorf("subnet group tags %v", g.Tags)
	}
	collecttest.HasEdges(t, got, "cache -includes-subnet-> ec2/subnet:"+n.Subnets[1], "cache -in-vpc-> ec2/vpc:"+n.VPC)
}

// TestCannedTypes: moto has no parameter groups, users or ACLs; the SDK's
// answers are canned (over two pages), and their tags.
func TestMemorydbCannedTypes(t *testing.T) {
	collecttest.Setup(t)
	arn := "arn:aws:memorydb:" + region + ":" + account + ":"
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeParameterGroups": func(in any) (any, error) {
			if in.(*memorydb.DescribeParameterGroupsInput).NextToken == nil {
				return &memorydb.DescribeParameterGroupsOutput{ParameterGroups: []types.ParameterGroup{{Name: aws.String("default.memorydb-valkey7"),
					ARN: aws.String(arn + "parametergroup/default.memorydb-valkey7"), Family: aws.String("memorydb_valkey7")}}, NextToken: aws.String("2")}, nil
			}
			return &memorydb.DescribeParameterGroupsOutput{ParameterGroups: []types.ParameterGroup{{Name: aws.String("tuned"),
				ARN: aws.String(arn + "parametergroup/tuned"), Family: aws.String("memorydb_valkey7"), Description: aws.String("maxmemory policy")}}}, nil
		},
		"DescribeUsers": func(any) (any, error) {
			return &memorydb.DescribeUsersOutput{Users: []types.User{{Name: aws.String("app"), ARN: aws.String(arn + "user/app"), Status: aws.String("active"),
				AccessString: aws.String("on ~app:* +@read"), ACLNames: []string{"apps"},
				Authentication: &types.Authentication{Type: types.AuthenticationTypePassword, PasswordCount: aws.Int32(2)}}}}, nil
		},
		"DescribeACLs": func(any) (any, error) {
			return &memorydb.DescribeACLsOutput{ACLs: []types.ACL{{Name: aws.String("apps"), ARN: aws.String(arn + "acl/apps"), Status: aws.String("active"),
				UserNames: []string{"app", "default"}, Clusters: []string{"sessions-0"}}, {Name: aws.String("open-access"), ARN: aws.String(arn + "acl/open-access")}}}, nil
		},
		"ListTags": func(any) (any, error) { return &memorydb.ListTagsOutput{TagList: memorydbTags("owner", "dba")}, nil },
	})})
	got := collecttest.Run(t, cfg, collector.Service, "parameter-group", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("want the parameter groups of both pages, got %v %d", got.Err, len(got.Resources))
	}
	if byID := got.ByID(); !byID["default.memorydb-valkey7"].IsDefault || byID["tuned"].IsDefault || byID["tuned"].Tags["owner"] != "dba" {
		t.Errorf("parameter groups: %v", byID)
	}
	wantDetails(t, got.ByID()["tuned"], map[string]any{"family": "memorydb_valkey7", "description": "maxmemory policy"})

	got = collecttest.Run(t, cfg, collector.Service, "user", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("users: %v %d", got.Err, len(got.Resources))
	}
	wantDetails(t, got.Resources[0], map[string]any{"authentication_type": "password", "password_count": 2, "access_string": "on ~app:* +@read", "acl_names": "[apps]"})

	got = collecttest.Run(t, cfg, collector.Service, "acl", region)
	if got.Err != nil || len(got.Resources) != 2 || !got.ByID()["open-access"].IsDefault {
		t.Fatalf("acls: %v %v", got.Err, got.ByID())
	}
	wantDetails(t, got.ByID()["apps"], map[string]any{"user_names": "[app default]", "clusters": "[sessions-0]"})
	collecttest.HasEdges(t, got, "apps -includes-user-> memorydb/user:app")
}

func TestMemorydbDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"cluster": "DescribeClusters", "snapshot": "DescribeSnapshots", "subnet-group": "DescribeSubnetGroups",
		"parameter-group": "DescribeParameterGroups", "user": "DescribeUsers", "acl": "DescribeACLs"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	memorydbSeed(t, collecttest.Config(t, region, nil))
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListTags")})
	got := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 6 {
		t.Fatalf("want 6 clusters and a warning each, got %v %d %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
