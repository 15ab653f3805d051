package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codebuild"
	"github.com/aws/aws-sdk-go-v2/service/codebuild/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/codebuild"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

// fleetsCanned answers compute fleets, which moto lacks: five fleet ARNs
// over two pages, read back by BatchGetFleets.
var fleetsCanned = map[string]func(any) (any, error){
	"ListFleets": func(in any) (any, error) {
		var all []string
		for i := range 5 {
			all = append(all, fmt.Sprintf("arn:aws:codebuild:%s:%s:fleet/f%d:uuid-%d", region, collecttest.MotoAccount, i, i))
		}
		page, next := collecttest.Page(all, in.(*codebuild.ListFleetsInput).NextToken, 3)
		return &codebuild.ListFleetsOutput{Fleets: page, NextToken: next}, nil
	},
	"BatchGetFleets": func(in any) (any, error) {
		created := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
		var out []types.Fleet
		for _, a := range in.(*codebuild.BatchGetFleetsInput).Names {
			var i int
			fmt.Sscanf(a[len(a)-1:], "%d", &i)
			f := types.Fleet{Arn: aws.String(a), Name: aws.String(fmt.Sprint("f", i)), Created: &created, BaseCapacity: aws.Int32(int32(i + 1)),
				EnvironmentType: types.EnvironmentTypeLinuxEc2, ComputeType: types.ComputeTypeCustomInstanceType, OverflowBehavior: types.FleetOverflowBehaviorOnDemand,
				ComputeConfiguration: &types.ComputeConfiguration{InstanceType: aws.String("c7g.large")}, Status: &types.FleetStatus{StatusCode: types.FleetStatusCodeActive},
				ScalingConfiguration: &types.ScalingConfigurationOutput{MaxCapacity: aws.Int32(10)}, Tags: []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}}
			if i == 0 {
				f.FleetServiceRole = aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":role/fleet")
				f.VpcConfig = &types.VpcConfig{VpcId: aws.String("vpc-1"), Subnets: []string{"subnet-1"}, SecurityGroupIds: []string{"sg-1"}}
			}
			out = append(out, f)
		}
		return &codebuild.BatchGetFleetsOutput{Fleets: out}, nil
	},
}

func TestCodebuildFleets(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(fleetsCanned)})
	got := collecttest.Run(t, cfg, collector.Service, "fleet", region)
	if got.Err != nil || len(got.Resources) != 5 {
		t.Fatalf("fleets: %v, %d", got.Err, len(got.Resources))
	}
	f := got.ByID()["f0"]
	if f == nil || f.Tags["n"] != "0" || f.CreatedAt != "2026-01-02T00:00:00Z" || f.ARN != fmt.Sprintf("arn:aws:codebuild:%s:%s:fleet/f0:uuid-0", region, collecttest.MotoAccount) {
		t.Fatalf("fleet: %+v", f)
	}
	for k, v := range map[string]any{"status": "ACTIVE", "environment_type": "LINUX_EC2", "compute_type": "CUSTOM_INSTANCE_TYPE", "instance_type": "c7g.large",
		"base_capacity": int64(1), "max_capacity": int64(10), "overflow_behavior": "ON_DEMAND", "vpc_id": "vpc-1"} {
		if f.Details[k] != v {
			t.Errorf("details[%s] = %v, want %v", k, f.Details[k], v)
		}
	}
	if got.ByID()["f4"].Details["base_capacity"] != int64(5) {
		t.Errorf("f4: %v", got.ByID()["f4"].Details)
	}
	collecttest.HasEdges(t, got, "f0 -assumes-role-> iam/role:fleet", "f0 -in-vpc-> ec2/vpc:vpc-1", "f0 -in-subnet-> ec2/subnet:subnet-1",
		"f0 -uses-security-group-> ec2/security-group:sg-1")

	for _, op := range []string{"ListFleets", "BatchGetFleets"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny(op), collecttest.Canned(fleetsCanned))})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "fleet", region))
	}
}
