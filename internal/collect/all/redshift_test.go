package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/redshift"
	"github.com/aws/aws-sdk-go-v2/service/redshift/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/redshift"
)

func redshiftTag(k, v string) []types.Tag {
	return []types.Tag{{Key: aws.String(k), Value: aws.String(v)}}
}

// estate makes a subnet group, a parameter group, six clusters in them
// (dw0 public and unencrypted, the others encrypted with a customer key) and
// a manual snapshot of dw1.
func redshiftEstate(t *testing.T, cfg aws.Config) testvpc.Network {
	t.Helper()
	ctx := context.Background()
	api := redshift.NewFromConfig(cfg)
	net := testvpc.New(t, cfg, "10.9.0.0/16", "dw", testvpc.Subnet{CIDR: "10.9.1.0/24"}, testvpc.Subnet{CIDR: "10.9.2.0/24"})
	calls := []func() error{
		func() error {
			_, err := api.CreateClusterSubnetGroup(ctx, &redshift.CreateClusterSubnetGroupInput{ClusterSubnetGroupName: aws.String("dw-subnets"),
				Description: aws.String("warehouse"), SubnetIds: net.Subnets, Tags: redshiftTag("team", "data")})
			return err
		},
		func() error {
			_, err := api.CreateClusterParameterGroup(ctx, &redshift.CreateClusterParameterGroupInput{ParameterGroupName: aws.String("dw-params"),
				ParameterGroupFamily: aws.String("redshift-1.0"), Description: aws.String("require ssl"), Tags: redshiftTag("team", "data")})
			return err
		},
	}
	for i := range 6 {
		calls = append(calls, func() error {
			in := &redshift.CreateClusterInput{ClusterIdentifier: aws.String(fmt.Sprintf("dw%d", i)), NodeType: aws.String("ra3.xlplus"),
				NumberOfNodes: aws.Int32(2), ClusterType: aws.String("multi-node"), MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("Secret123!"),
				ClusterSubnetGroupName: aws.String("dw-subnets"), ClusterParameterGroupName: aws.String("dw-params"), VpcSecurityGroupIds: []string{net.SG},
				Encrypted: aws.Bool(true), KmsKeyId: aws.String("arn:aws:kms:eu-west-1:" + account + ":key/k-1"), PubliclyAccessible: aws.Bool(false),
				IamRoles: []string{"arn:aws:iam::" + account + ":role/spectrum"}, Tags: redshiftTag("n", fmt.Sprint(i))}
			if i == 0 {
				in.Encrypted, in.KmsKeyId, in.PubliclyAccessible = aws.Bool(false), nil, aws.Bool(true)
			}
			_, err := api.CreateCluster(ctx, in)
			return err
		})
	}
	calls = append(calls, func() error {
		_, err := api.CreateClusterSnapshot(ctx, &redshift.CreateClusterSnapshotInput{ClusterIdentifier: aws.String("dw1"),
			SnapshotIdentifier: aws.String("before-upgrade"), Tags: redshiftTag("why", "upgrade")})
		return err
	})
	for _, call := range calls {
		if err := call(); err != nil {
			t.Fatal(err)
		}
	}
	return net
}

func TestRedshift(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	net := redshiftEstate(t, cfg)

	clusters := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if clusters.Err != nil || len(clusters.Resources) != 6 {
		t.Fatalf("clusters: %v, %d", clusters.Err, len(clusters.Resources))
	}
	byID := clusters.ByID()
	for id, want := range map[string]map[string]any{
		"dw0": {"encrypted": false, "publicly_accessible": true, "kms_key_id": "", "node_type": "ra3.xlplus", "number_of_nodes": int64(2)},
		"dw3": {"encrypted": true, "publicly_accessible": false, "kms_key_id": "arn:aws:kms:eu-west-1:" + account + ":key/k-1",
			"subnet_group": "dw-subnets", "status": "available"},
	} {
		for k, v := range want {
			if byID[id].Details[k] != v {
				t.Errorf("%s details[%s] = %v, want %v", id, k, byID[id].Details[k], v)
			}
		}
	}
	if d := byID["dw3"]; d.Tags["n"] != "3" || d.ARN != "arn:aws:redshift:eu-west-1:"+account+":cluster:dw3" || d.CreatedAt == "" {
		t.Errorf("dw3: %s %v %q", d.ARN, d.Tags, d.CreatedAt)
	}
	// moto 5.2.1 leaves VpcId out of DescribeClusters: vpc_id and in-vpc are not asserted.
	collecttest.HasEdges(t, clusters, "dw3 -in-subnet-group-> redshift/subnet-group:dw-subnets",
		"dw3 -uses-security-group-> ec2/security-group:"+net.SG, "dw3 -uses-parameter-group-> redshift/parameter-group:dw-params",
		"dw3 -assumes-role-> iam/role:spectrum", "dw3 -encrypted-with-> kms/key:k-1")

	groups := collecttest.Run(t, cfg, collector.Service, "subnet-group", region)
	g := groups.ByID()["dw-subnets"]
	if groups.Err != nil || g == nil || g.Tags["team"] != "data" || g.Details["vpc_id"] != net.VPC {
		t.Fatalf("subnet groups: %v %+v", groups.Err, g)
	}
	collecttest.HasEdges(t, groups, "dw-subnets -in-vpc-> ec2/vpc:"+net.VPC, "dw-subnets -includes-subnet-> ec2/subnet:"+net.Subnets[1])

	params := collecttest.Run(t, cfg, collector.Service, "parameter-group", region)
	if params.Err != nil || len(params.Resources) != 1 || params.Resources[0].Details["family"] != "redshift-1.0" || params.Resources[0].Tags["team"] != "data" {
		t.Fatalf("parameter groups (defaults skipped): %v %d", params.Err, len(params.Resources))
	}

	snaps := collecttest.Run(t, cfg, collector.Service, "cluster-snapshot", region)
	s := snaps.ByID()["before-upgrade"]
	if snaps.Err != nil || len(snaps.Resources) != 1 || s.Details["cluster"] != "dw1" || s.Details["encrypted"] != true || s.Tags["why"] != "upgrade" {
		t.Fatalf("snapshots: %v %d %+v", snaps.Err, len(snaps.Resources), s)
	}
	collecttest.HasEdges(t, snaps, "before-upgrade -created-from-> redshift/cluster:dw1")
}

func TestRedshiftDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"cluster": "DescribeClusters", "subnet-group": "DescribeClusterSubnetGroups",
		"parameter-group": "DescribeClusterParameterGroups", "cluster-snapshot": "DescribeClusterSnapshots"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
