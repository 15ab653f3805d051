package ec2

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// launchSpec is a spot request's launch specification, zero when absent.
func launchSpec(r types.SpotInstanceRequest) types.LaunchSpecification {
	if r.LaunchSpecification == nil {
		return types.LaunchSpecification{}
	}
	return *r.LaunchSpecification
}

var spotRequestFields = collect.Fields[types.SpotInstanceRequest]{
	collect.Enum("state", "open, active, closed, cancelled or failed", func(r types.SpotInstanceRequest) types.SpotInstanceState { return r.State }),
	collect.Computed("status_code", model.Text, "why the request is in its state (fulfilled, capacity-not-available, ...)", func(r types.SpotInstanceRequest) any {
		if r.Status == nil {
			return ""
		}
		return aws.ToString(r.Status.Code)
	}),
	collect.Enum("request_type", "one-time or persistent", func(r types.SpotInstanceRequest) types.SpotInstanceType { return r.Type }),
	collect.Text("spot_price", "maximum price per hour, USD", func(r types.SpotInstanceRequest) *string { return r.SpotPrice }),
	collect.Text("instance_id", "instance that fulfils the request", func(r types.SpotInstanceRequest) *string { return r.InstanceId }),
	collect.Computed("instance_type", model.Text, "instance type requested", func(r types.SpotInstanceRequest) any { return string(launchSpec(r).InstanceType) }),
	collect.Computed("image_id", model.Text, "AMI requested", func(r types.SpotInstanceRequest) any { return aws.ToString(launchSpec(r).ImageId) }),
	collect.Enum("interruption_behavior", "hibernate, stop or terminate", func(r types.SpotInstanceRequest) types.InstanceInterruptionBehavior {
		return r.InstanceInterruptionBehavior
	}),
	collect.Timestamp("valid_until", "end of the request's validity", func(r types.SpotInstanceRequest) *time.Time { return r.ValidUntil }),
}

// spotInstanceRequests: every request but cancelled and closed ones whose
// instance is gone is kept by AWS for a few hours; all are listed, the
// state says which still matter.
func spotInstanceRequests(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeSpotInstanceRequestsPaginator(client(t), &ec2.DescribeSpotInstanceRequestsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeSpotInstanceRequestsOutput) {
		for _, r := range page.SpotInstanceRequests {
			id := aws.ToString(r.SpotInstanceRequestId)
			key := t.Key("spot-instance-request", id)
			t.Emit(&model.Resource{Key: key, ARN: arn(t, nil, "spot-instances-request/"+id), Name: nameTag(r.Tags),
				CreatedAt: model.Time(r.CreateTime), Tags: tags(r.Tags), Details: spotRequestFields.Details(r)})
			t.Relate(key, "launched", t.Key("instance", aws.ToString(r.InstanceId)))
			t.Relate(key, "in-subnet", t.Key("subnet", aws.ToString(launchSpec(r).SubnetId)))
		}
	})
}

// spotFleetConfig is a spot fleet's configuration, zero when absent.
func spotFleetConfig(f types.SpotFleetRequestConfig) types.SpotFleetRequestConfigData {
	if f.SpotFleetRequestConfig == nil {
		return types.SpotFleetRequestConfigData{}
	}
	return *f.SpotFleetRequestConfig
}

var spotFleetFields = collect.Fields[types.SpotFleetRequestConfig]{
	collect.Enum("state", "submitted, active, cancelled, failed, modifying, ...", func(f types.SpotFleetRequestConfig) types.BatchState { return f.SpotFleetRequestState }),
	collect.Enum("activity_status", "error, pending_fulfillment, pending_termination or fulfilled", func(f types.SpotFleetRequestConfig) types.ActivityStatus { return f.ActivityStatus }),
	collect.Computed("fleet_type", model.Text, "request, maintain or instant", func(f types.SpotFleetRequestConfig) any { return string(spotFleetConfig(f).Type) }),
	collect.Computed("target_capacity", model.Integer, "capacity units requested", func(f types.SpotFleetRequestConfig) any { return int64(aws.ToInt32(spotFleetConfig(f).TargetCapacity)) }),
	collect.Computed("on_demand_target_capacity", model.Integer, "part of the target capacity launched on demand", func(f types.SpotFleetRequestConfig) any {
		return int64(aws.ToInt32(spotFleetConfig(f).OnDemandTargetCapacity))
	}),
	collect.Computed("allocation_strategy", model.Text, "how spot capacity is picked across pools (priceCapacityOptimized, lowestPrice, ...)", func(f types.SpotFleetRequestConfig) any {
		return string(spotFleetConfig(f).AllocationStrategy)
	}),
	collect.Computed("spot_price", model.Text, "maximum price per hour, USD", func(f types.SpotFleetRequestConfig) any { return aws.ToString(spotFleetConfig(f).SpotPrice) }),
	collect.Computed("iam_fleet_role", model.Text, "role the fleet acts with", func(f types.SpotFleetRequestConfig) any { return aws.ToString(spotFleetConfig(f).IamFleetRole) }),
	collect.Computed("valid_until", model.Timestamp, "end of the request's validity", func(f types.SpotFleetRequestConfig) any { return model.Time(spotFleetConfig(f).ValidUntil) }),
}

// spotFleetRequests: every spot fleet request AWS still lists, cancelled ones
// included (the state says).
func spotFleetRequests(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeSpotFleetRequestsPaginator(client(t), &ec2.DescribeSpotFleetRequestsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeSpotFleetRequestsOutput) {
		for _, f := range page.SpotFleetRequestConfigs {
			id := aws.ToString(f.SpotFleetRequestId)
			key := t.Key("spot-fleet-request", id)
			t.Emit(&model.Resource{Key: key, ARN: arn(t, nil, "spot-fleet-request/"+id), Name: nameTag(f.Tags),
				CreatedAt: model.Time(f.CreateTime), Tags: tags(f.Tags), Details: spotFleetFields.Details(f)})
			t.Relate(key, "assumes-role", t.Role(aws.ToString(spotFleetConfig(f).IamFleetRole)))
			for _, c := range spotFleetConfig(f).LaunchTemplateConfigs {
				if c.LaunchTemplateSpecification != nil {
					t.Relate(key, "uses-launch-template", t.Key("launch-template", aws.ToString(c.LaunchTemplateSpecification.LaunchTemplateId)))
				}
			}
		}
	})
}

// targetCapacity is an EC2 fleet's target, zero when absent.
func targetCapacity(f types.FleetData) types.TargetCapacitySpecification {
	if f.TargetCapacitySpecification == nil {
		return types.TargetCapacitySpecification{}
	}
	return *f.TargetCapacitySpecification
}

var fleetFields = collect.Fields[types.FleetData]{
	collect.Enum("state", "submitted, active, deleted, failed, deleted_running, deleted_terminating or modifying", func(f types.FleetData) types.FleetStateCode { return f.FleetState }),
	collect.Enum("activity_status", "error, pending_fulfillment, pending_termination or fulfilled", func(f types.FleetData) types.FleetActivityStatus { return f.ActivityStatus }),
	collect.Enum("fleet_type", "request, maintain or instant", func(f types.FleetData) types.FleetType { return f.Type }),
	collect.Computed("total_target_capacity", model.Integer, "capacity units requested", func(f types.FleetData) any { return int64(aws.ToInt32(targetCapacity(f).TotalTargetCapacity)) }),
	collect.Computed("on_demand_target_capacity", model.Integer, "part of the target launched on demand", func(f types.FleetData) any {
		return int64(aws.ToInt32(targetCapacity(f).OnDemandTargetCapacity))
	}),
	collect.Computed("spot_target_capacity", model.Integer, "part of the target launched as spot", func(f types.FleetData) any { return int64(aws.ToInt32(targetCapacity(f).SpotTargetCapacity)) }),
	collect.Computed("default_capacity_type", model.Text, "spot, on-demand or capacity-block", func(f types.FleetData) any { return string(targetCapacity(f).DefaultTargetCapacityType) }),
	collect.Bool("replace_unhealthy_instances", "unhealthy instances are replaced (maintain fleets)", func(f types.FleetData) *bool { return f.ReplaceUnhealthyInstances }),
	collect.Timestamp("valid_until", "end of the request's validity", func(f types.FleetData) *time.Time { return f.ValidUntil }),
}

// deletedFleet: the fleet is gone; instances a deleted_running fleet left
// are collected as instances.
var deletedFleet = map[types.FleetStateCode]bool{types.FleetStateCodeDeleted: true,
	types.FleetStateCodeDeletedRunning: true, types.FleetStateCodeDeletedTerminatingInstances: true}

// fleets: EC2 Fleets; deleted ones (in any deleted_* state) are skipped.
func fleets(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeFleetsPaginator(client(t), &ec2.DescribeFleetsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeFleetsOutput) {
		for _, f := range page.Fleets {
			if deletedFleet[f.FleetState] {
				continue
			}
			id := aws.ToString(f.FleetId)
			key := t.Key("ec2-fleet", id)
			t.Emit(&model.Resource{Key: key, ARN: arn(t, nil, "fleet/"+id), Name: nameTag(f.Tags),
				CreatedAt: model.Time(f.CreateTime), Tags: tags(f.Tags), Details: fleetFields.Details(f)})
			for _, c := range f.LaunchTemplateConfigs {
				if c.LaunchTemplateSpecification != nil {
					t.Relate(key, "uses-launch-template", t.Key("launch-template", aws.ToString(c.LaunchTemplateSpecification.LaunchTemplateId)))
				}
			}
		}
	})
}
