package codebuild

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codebuild"
	"github.com/aws/aws-sdk-go-v2/service/codebuild/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

func fleetScaling(f types.Fleet) types.ScalingConfigurationOutput {
	if f.ScalingConfiguration == nil {
		return types.ScalingConfigurationOutput{}
	}
	return *f.ScalingConfiguration
}

func fleetVPC(f types.Fleet) types.VpcConfig {
	if f.VpcConfig == nil {
		return types.VpcConfig{}
	}
	return *f.VpcConfig
}

var fleetFields = collect.Fields[types.Fleet]{
	collect.Computed("status", model.Text, "ACTIVE, CREATING, UPDATING, ROTATING, CREATE_FAILED, ...", func(f types.Fleet) any {
		if f.Status == nil {
			return ""
		}
		return string(f.Status.StatusCode)
	}),
	collect.Enum("environment_type", "LINUX_CONTAINER, ARM_CONTAINER, LINUX_EC2, MAC_ARM, ...", func(f types.Fleet) types.EnvironmentType { return f.EnvironmentType }),
	collect.Enum("compute_type", "BUILD_GENERAL1_SMALL, ..., ATTRIBUTE_BASED_COMPUTE or CUSTOM_INSTANCE_TYPE", func(f types.Fleet) types.ComputeType { return f.ComputeType }),
	collect.Computed("instance_type", model.Text, "EC2 instance type of a CUSTOM_INSTANCE_TYPE fleet", func(f types.Fleet) any {
		if f.ComputeConfiguration == nil {
			return ""
		}
		return aws.ToString(f.ComputeConfiguration.InstanceType)
	}),
	collect.Int("base_capacity", "instances kept running (and billed) at all times", func(f types.Fleet) *int32 { return f.BaseCapacity }),
	collect.Computed("max_capacity", model.Integer, "instances the fleet scales up to", func(f types.Fleet) any { return int64(aws.ToInt32(fleetScaling(f).MaxCapacity)) }),
	collect.Enum("overflow_behavior", "QUEUE or ON_DEMAND: what builds do when the fleet is full", func(f types.Fleet) types.FleetOverflowBehavior { return f.OverflowBehavior }),
	collect.Text("image_id", "custom AMI of the fleet's instances", func(f types.Fleet) *string { return f.ImageId }),
	collect.Text("service_role", "role the fleet acts as", func(f types.Fleet) *string { return f.FleetServiceRole }),
	collect.Computed("vpc_id", model.Text, "VPC the fleet runs in; empty when outside any VPC", func(f types.Fleet) any { return aws.ToString(fleetVPC(f).VpcId) }),
	collect.Timestamp("last_modified", "last change of the fleet", func(f types.Fleet) *time.Time { return f.LastModified }),
}

// fleets lists compute fleet ARNs and reads them 100 at a time (the batch
// read returns the tags).
func fleets(ctx context.Context, t *collect.Task) error {
	api := codebuild.NewFromConfig(t.Config)
	p := codebuild.NewListFleetsPaginator(api, &codebuild.ListFleetsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *codebuild.ListFleetsOutput) error {
		return inBatches(page.Fleets, func(batch []string) error {
			out, err := api.BatchGetFleets(ctx, &codebuild.BatchGetFleetsInput{Names: batch})
			if err != nil {
				return err
			}
			for _, f := range out.Fleets {
				emitFleet(t, f)
			}
			return nil
		})
	})
}

func emitFleet(t *collect.Task, f types.Fleet) {
	name := aws.ToString(f.Name)
	key := t.Key("fleet", name)
	t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(f.Arn), CreatedAt: model.Time(f.Created),
		Tags: collect.TagMap(f.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value }), Details: fleetFields.Details(f)})
	t.Relate(key, "assumes-role", t.Role(aws.ToString(f.FleetServiceRole)))
	v := fleetVPC(f)
	t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(v.VpcId)))
	for _, sn := range v.Subnets {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", sn))
	}
	for _, sg := range v.SecurityGroupIds {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
}
