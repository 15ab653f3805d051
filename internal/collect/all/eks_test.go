package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/eks"
)

// createClusters makes n clusters k0..k(n-1); k0 has secrets encryption,
// audit logging, a private endpoint and tags.
func eksCreateClusters(t *testing.T, api *eks.Client, n int) {
	t.Helper()
	for i := range n {
		in := &eks.CreateClusterInput{Name: aws.String(fmt.Sprintf("k%d", i)), RoleArn: aws.String(roleARN + "eks"),
			ResourcesVpcConfig: &types.VpcConfigRequest{SubnetIds: []string{"subnet-a", "subnet-b"}, SecurityGroupIds: []string{"sg-a"}}}
		if i == 0 {
			in.Version = aws.String("1.31")
			in.Tags = map[string]string{"env": "prod"}
			in.EncryptionConfig = []types.EncryptionConfig{{Resources: []string{"secrets"}, Provider: &types.Provider{KeyArn: aws.String("arn:aws:kms:eu-west-1:1:key/k")}}}
			in.Logging = &types.Logging{ClusterLogging: []types.LogSetup{{Enabled: aws.Bool(true), Types: []types.LogType{types.LogTypeAudit}}}}
		}
		if _, err := api.CreateCluster(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
}

func TestEksClusters(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	eksCreateClusters(t, eks.NewFromConfig(cfg), 7)
	got := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 7 clusters, got %d", len(byID))
	}
	c := byID["k0"]
	checks := map[string]any{"version": "1.31", "secrets_encryption": true, "role_arn": roleARN + "eks"}
	for k, want := range checks {
		if c.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, c.Details[k], want)
		}
	}
	if fmt.Sprint(c.Details["logging_enabled_types"]) != "[audit]" || fmt.Sprint(c.Details["subnet_ids"]) != "[subnet-a subnet-b]" {
		t.Errorf("logging %v subnets %v", c.Details["logging_enabled_types"], c.Details["subnet_ids"])
	}
	if byID["k1"].Details["secrets_encryption"] != false {
		t.Errorf("k1 has no encryption config")
	}
	if c.Tags["env"] != "prod" || c.CreatedAt == "" || c.ARN != "arn:aws:eks:eu-west-1:"+collecttest.MotoAccount+":cluster/k0" {
		t.Errorf("identity wrong: %+v", c)
	}
	collecttest.HasEdges(t, got, "k0 -assumes-role-> iam/role:eks", "k0 -in-subnet-> ec2/subnet:subnet-a", "k0 -uses-security-group-> ec2/security-group:sg-a")
}

func TestEksNodegroups(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := eks.NewFromConfig(cfg)
	eksCreateClusters(t, api, 2)
	for i := range 6 {
		if _, err := api.CreateNodegroup(ctx, &eks.CreateNodegroupInput{ClusterName: aws.String("k0"),
			NodegroupName: aws.String(fmt.Sprintf("ng%d", i)), NodeRole: aws.String(roleARN + "node"),
			Subnets: []string{"subnet-a"}, InstanceTypes: []string{"m5.large"}, CapacityType: types.CapacityTypesSpot,
			ScalingConfig: &types.NodegroupScalingConfig{MinSize: aws.Int32(1), MaxSize: aws.Int32(4), DesiredSize: aws.Int32(2)},
			Tags:          map[string]string{"n": fmt.Sprint(i)}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.CreateNodegroup(ctx, &eks.CreateNodegroupInput{ClusterName: aws.String("k1"), NodegroupName: aws.String("ng0"),
		NodeRole: aws.String(roleARN + "node"), Subnets: []string{"subnet-b"}}); err != nil {
		t.Fatal(err)
	}
	got := collecttest.Run(t, cfg, collector.Service, "nodegroup", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 7 || byID["k1/ng0"] == nil {
		t.Fatalf("want 7 node groups in 2 clusters, got %d", len(byID))
	}
	ng := byID["k0/ng5"]
	checks := map[string]any{"cluster": "k0", "capacity_type": "SPOT", "desired_size": int32(2), "min_size": int32(1), "max_size": int32(4)}
	for k, want := range checks {
		if ng.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, ng.Details[k], want)
		}
	}
	if ng.Tags["n"] != "5" || ng.Name != "ng5" || ng.ARN == "" || ng.CreatedAt == "" {
		t.Errorf("identity wrong: %+v", ng)
	}
	collecttest.HasEdges(t, got, "k0/ng5 -member-of-> eks/cluster:k0", "k0/ng5 -assumes-role-> iam/role:node", "k1/ng0 -in-subnet-> ec2/subnet:subnet-b")
}

func TestEksDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListClusters")})
	got := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	collecttest.AssertDenied(t, got)

	eksCreateClusters(t, eks.NewFromConfig(collecttest.Config(t, region, nil)), 1)
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeCluster")})
	got = collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 {
		t.Fatalf("err %v, %d resources, warnings %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
	if c := got.Resources[0]; c.ID != "k0" || len(c.Details) != 0 {
		t.Errorf("undescribed cluster: %+v", c)
	}
}
