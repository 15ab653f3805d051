package all_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/ec2"
)

func TestEc2SpotInstanceRequests(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	n := testvpc.New(t, cfg, "10.7.0.0/16", "spot", testvpc.Subnet{CIDR: "10.7.1.0/24"})
	out, err := api.RequestSpotInstances(ctx, &ec2.RequestSpotInstancesInput{InstanceCount: aws.Int32(7), SpotPrice: aws.String("0.05"),
		Type: types.SpotInstanceTypePersistent,
		LaunchSpecification: &types.RequestSpotLaunchSpecification{ImageId: aws.String("ami-12c6146b"), InstanceType: types.InstanceTypeM5Large,
			SubnetId: aws.String(n.Subnets[0])},
		TagSpecifications: tagSpec(types.ResourceTypeSpotInstancesRequest, ec2Tag("Name", "batch"))})
	check(t, err)

	got := ec2Run(t, cfg, "spot-instance-request", "eu-west-1")
	if len(got.Resources) != 7 {
		t.Fatalf("%d spot requests over pages, want 7", len(got.Resources))
	}
	id := aws.ToString(out.SpotInstanceRequests[0].SpotInstanceRequestId)
	r := got.ByID()[id]
	ec2WantDetails(t, r, map[string]any{"spot_price": "0.050000", "request_type": "persistent", "instance_type": "m5.large", "image_id": "ami-12c6146b"})
	if r.Name != "batch" || r.ARN != ec2ArnOf("spot-instances-request/"+id) || r.CreatedAt == "" {
		t.Errorf("identity fields wrong: %+v", r)
	}
	edges := []string{id + " -in-subnet-> ec2/subnet:" + n.Subnets[0]}
	if in, _ := r.Details["instance_id"].(string); in != "" {
		edges = append(edges, id+" -launched-> ec2/instance:"+in)
	}
	collecttest.HasEdges(t, got, edges...)
}

func TestEc2SpotFleetRequests(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	role := "arn:aws:iam::" + collecttest.MotoAccount + ":role/spot-fleet"
	out, err := api.RequestSpotFleet(ctx, &ec2.RequestSpotFleetInput{SpotFleetRequestConfig: &types.SpotFleetRequestConfigData{
		IamFleetRole: aws.String(role), TargetCapacity: aws.Int32(2), SpotPrice: aws.String("0.12"),
		AllocationStrategy: types.AllocationStrategyLowestPrice, Type: types.FleetTypeMaintain,
		LaunchSpecifications: []types.SpotFleetLaunchSpecification{{ImageId: aws.String("ami-12c6146b"), InstanceType: types.InstanceTypeT3Micro}},
		TagSpecifications:    tagSpec(types.ResourceTypeSpotFleetRequest, ec2Tag("Name", "workers")),
	}})
	check(t, err)
	got := ec2Run(t, cfg, "spot-fleet-request", "eu-west-1")
	id := aws.ToString(out.SpotFleetRequestId)
	f := got.ByID()[id]
	ec2WantDetails(t, f, map[string]any{"target_capacity": 2, "spot_price": "0.12", "allocation_strategy": "lowestPrice",
		"iam_fleet_role": role, "state": "active"})
	if f.Name != "workers" || f.ARN != ec2ArnOf("spot-fleet-request/"+id) {
		t.Errorf("identity fields wrong: %+v", f)
	}
	collecttest.HasEdges(t, got, id+" -assumes-role-> iam/role:spot-fleet")
}

func TestEc2Fleets(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	lt, err := api.CreateLaunchTemplate(ctx, &ec2.CreateLaunchTemplateInput{LaunchTemplateName: aws.String("fleet-lt"),
		LaunchTemplateData: &types.RequestLaunchTemplateData{ImageId: aws.String("ami-12c6146b"), InstanceType: types.InstanceTypeT3Micro}})
	check(t, err)
	ltID := aws.ToString(lt.LaunchTemplate.LaunchTemplateId)
	var ids []string
	for i := range 6 {
		out, err := api.CreateFleet(ctx, &ec2.CreateFleetInput{Type: types.FleetTypeMaintain,
			LaunchTemplateConfigs: []types.FleetLaunchTemplateConfigRequest{{LaunchTemplateSpecification: &types.FleetLaunchTemplateSpecificationRequest{
				LaunchTemplateId: aws.String(ltID), Version: aws.String("1")}}},
			TargetCapacitySpecification: &types.TargetCapacitySpecificationRequest{TotalTargetCapacity: aws.Int32(int32(i + 1)),
				SpotTargetCapacity: aws.Int32(int32(i + 1)), DefaultTargetCapacityType: types.DefaultTargetCapacityTypeSpot},
			TagSpecifications: tagSpec(types.ResourceTypeFleet, ec2Tag("Name", "fleet"))})
		check(t, err)
		ids = append(ids, aws.ToString(out.FleetId))
	}
	_, err = api.DeleteFleets(ctx, &ec2.DeleteFleetsInput{FleetIds: ids[5:], TerminateInstances: aws.Bool(true)})
	check(t, err)

	got := ec2Run(t, cfg, "ec2-fleet", "eu-west-1")
	byID := got.ByID()
	if len(byID) != 5 || byID[ids[5]] != nil {
		t.Fatalf("want the 5 fleets not deleted, got %d", len(byID))
	}
	f := byID[ids[2]]
	ec2WantDetails(t, f, map[string]any{"fleet_type": "maintain", "total_target_capacity": 3, "spot_target_capacity": 3, "default_capacity_type": "spot"})
	if f.Name != "fleet" || f.ARN != ec2ArnOf("fleet/"+ids[2]) {
		t.Errorf("identity fields wrong: %+v", f)
	}
	collecttest.HasEdges(t, got, ids[2]+" -uses-launch-template-> ec2/launch-template:"+ltID)
}

func TestEc2DedicatedHosts(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	out, err := api.AllocateHosts(ctx, &ec2.AllocateHostsInput{AvailabilityZone: aws.String("eu-west-1a"), Quantity: aws.Int32(6),
		InstanceType: aws.String("m5.large"), AutoPlacement: types.AutoPlacementOn, HostRecovery: types.HostRecoveryOn,
		TagSpecifications: tagSpec(types.ResourceTypeDedicatedHost, ec2Tag("Name", "licensed"))})
	check(t, err)
	_, err = api.ReleaseHosts(ctx, &ec2.ReleaseHostsInput{HostIds: out.HostIds[5:]})
	check(t, err)

	got := ec2Run(t, cfg, "dedicated-host", "eu-west-1")
	if len(got.Resources) != 5 {
		t.Fatalf("%d hosts, want 5 (the released one skipped)", len(got.Resources))
	}
	id := out.HostIds[0]
	h := got.ByID()[id]
	ec2WantDetails(t, h, map[string]any{"state": "available", "availability_zone": "eu-west-1a", "instance_type": "m5.large",
		"auto_placement": "on", "host_recovery": "on", "instances": 0})
	if h.Name != "licensed" || h.ARN != ec2ArnOf("dedicated-host/"+id) {
		t.Errorf("identity fields wrong: %+v", h)
	}
}

func TestEc2ComputeCapacityDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"spot-instance-request": "DescribeSpotInstanceRequests", "spot-fleet-request": "DescribeSpotFleetRequests",
		"ec2-fleet": "DescribeFleets", "dedicated-host": "DescribeHosts"} {
		cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, "eu-west-1"))
	}
}
