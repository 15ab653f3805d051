package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dax"
	"github.com/aws/aws-sdk-go-v2/service/dax/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/dax"
)

var daxRole = "arn:aws:iam::" + collecttest.MotoAccount + ":role/dax-to-dynamodb"

func daxCreateClusters(t *testing.T, api *dax.Client) {
	t.Helper()
	for i := range 6 {
		in := &dax.CreateClusterInput{ClusterName: aws.String(fmt.Sprintf("cache-%d", i)), NodeType: aws.String("dax.r5.large"),
			ReplicationFactor: 3, IamRoleArn: aws.String(daxRole), Description: aws.String("orders cache"),
			Tags: []types.Tag{{Key: aws.String("app"), Value: aws.String("orders")}}}
		if i == 0 {
			in.SSESpecification = &types.SSESpecification{Enabled: aws.Bool(true)}
			in.ClusterEndpointEncryptionType = types.ClusterEndpointEncryptionTypeTls
		}
		if _, err := api.CreateCluster(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDaxClusters(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	daxCreateClusters(t, dax.NewFromConfig(cfg))
	got := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 clusters, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	for id, want := range map[string]map[string]any{
		"cache-0": {"encryption_at_rest": true, "endpoint_encryption": "TLS", "node_type": "dax.r5.large", "total_nodes": int64(3), "iam_role_arn": daxRole},
		"cache-4": {"encryption_at_rest": false, "endpoint_encryption": "NONE", "description": "orders cache"},
	} {
		for k, v := range want {
			if byID[id].Details[k] != v {
				t.Errorf("%s details[%s] = %v, want %v", id, k, byID[id].Details[k], v)
			}
		}
	}
	if c := byID["cache-4"]; c.ARN != "arn:aws:dax:"+region+":"+collecttest.MotoAccount+":cache/cache-4" || c.Tags["app"] != "orders" {
		t.Errorf("cache-4: %s %v", c.ARN, c.Tags)
	}
	collecttest.HasEdges(t, got, "cache-2 -assumes-role-> iam/role:dax-to-dynamodb")
}

// TestGroups: moto has no DAX subnet or parameter groups; the SDK's
// answers are canned, over two pages.
func TestDaxGroups(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeSubnetGroups": func(in any) (any, error) {
			if in.(*dax.DescribeSubnetGroupsInput).NextToken == nil {
				return &dax.DescribeSubnetGroupsOutput{SubnetGroups: []types.SubnetGroup{{SubnetGroupName: aws.String("cache"), VpcId: aws.String("vpc-1"),
					Description: aws.String("cache subnets"), Subnets: []types.Subnet{{SubnetIdentifier: aws.String("subnet-1")}}}}, NextToken: aws.String("2")}, nil
			}
			return &dax.DescribeSubnetGroupsOutput{SubnetGroups: []types.SubnetGroup{{SubnetGroupName: aws.String("default"), VpcId: aws.String("vpc-0")}}}, nil
		},
		"DescribeParameterGroups": func(any) (any, error) {
			return &dax.DescribeParameterGroupsOutput{ParameterGroups: []types.ParameterGroup{{ParameterGroupName: aws.String("default.dax1.0")},
				{ParameterGroupName: aws.String("long-ttl"), Description: aws.String("1h item TTL")}}}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "subnet-group", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("want the subnet groups of both pages, got %v %d", got.Err, len(got.Resources))
	}
	if g := got.ByID()["cache"]; g.Details["vpc_id"] != "vpc-1" || fmt.Sprint(g.Details["subnet_ids"]) != "[subnet-1]" {
		t.Errorf("cache: %v", g.Details)
	}
	collecttest.HasEdges(t, got, "cache -includes-subnet-> ec2/subnet:subnet-1", "cache -in-vpc-> ec2/vpc:vpc-1")

	got = collecttest.Run(t, cfg, collector.Service, "parameter-group", region)
	if byID := got.ByID(); got.Err != nil || len(byID) != 2 || !byID["default.dax1.0"].IsDefault || byID["long-ttl"].Details["description"] != "1h item TTL" {
		t.Fatalf("parameter groups: %v %v", got.Err, byID)
	}
}

func TestDaxDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"cluster": "DescribeClusters", "subnet-group": "DescribeSubnetGroups", "parameter-group": "DescribeParameterGroups"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	daxCreateClusters(t, dax.NewFromConfig(collecttest.Config(t, region, nil)))
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListTags")})
	got := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 6 {
		t.Fatalf("want 6 clusters and a warning each, got %v %d %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
