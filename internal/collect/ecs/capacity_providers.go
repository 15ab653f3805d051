package ecs

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// asgProvider is a provider's Auto Scaling group settings, zero for others.
func asgProvider(c types.CapacityProvider) types.AutoScalingGroupProvider {
	if c.AutoScalingGroupProvider == nil {
		return types.AutoScalingGroupProvider{}
	}
	return *c.AutoScalingGroupProvider
}

var capacityProviderFields = collect.Fields[types.CapacityProvider]{
	collect.Enum("provider_type", "EC2_AUTOSCALING or MANAGED_INSTANCES", func(c types.CapacityProvider) types.CapacityProviderType { return c.Type }),
	collect.Enum("status", "ACTIVE or INACTIVE", func(c types.CapacityProvider) types.CapacityProviderStatus { return c.Status }),
	collect.Enum("update_status", "state of the last update or delete", func(c types.CapacityProvider) types.CapacityProviderUpdateStatus { return c.UpdateStatus }),
	collect.Computed("auto_scaling_group_arn", model.Text, "Auto Scaling group that provides the capacity", func(c types.CapacityProvider) any { return aws.ToString(asgProvider(c).AutoScalingGroupArn) }),
	collect.Computed("managed_scaling", model.Boolean, "ECS scales the group", func(c types.CapacityProvider) any {
		m := asgProvider(c).ManagedScaling
		return m != nil && m.Status == types.ManagedScalingStatusEnabled
	}),
	collect.Computed("target_capacity", model.Integer, "target utilisation percent of managed scaling", func(c types.CapacityProvider) any {
		if m := asgProvider(c).ManagedScaling; m != nil {
			return int64(aws.ToInt32(m.TargetCapacity))
		}
		return int64(0)
	}),
	collect.Computed("managed_termination_protection", model.Text, "ENABLED: instances running tasks are not scaled in", func(c types.CapacityProvider) any {
		return string(asgProvider(c).ManagedTerminationProtection)
	}),
	collect.Text("cluster", "cluster of a managed instances provider", func(c types.CapacityProvider) *string { return c.Cluster }),
}

// builtinProvider: FARGATE and FARGATE_SPOT exist in every account.
var builtinProvider = map[types.CapacityProviderType]bool{types.CapacityProviderTypeFargate: true, types.CapacityProviderTypeFargateSpot: true}

// capacityProviders: DescribeCapacityProviders pages by token (the SDK has
// no paginator for it); the built-in Fargate providers and deleted
// (INACTIVE) ones are skipped.
func capacityProviders(ctx context.Context, t *collect.Task) error {
	api := client(t)
	in := &ecs.DescribeCapacityProvidersInput{MaxResults: t.PageSize(10), Include: []types.CapacityProviderField{types.CapacityProviderFieldTags}}
	for {
		out, err := api.DescribeCapacityProviders(ctx, in)
		if err != nil {
			return err
		}
		for _, c := range out.CapacityProviders {
			if builtinProvider[c.Type] || c.Status == types.CapacityProviderStatusInactive {
				continue
			}
			name := aws.ToString(c.Name)
			key := t.Key("capacity-provider", name)
			t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(c.CapacityProviderArn), Tags: tags(c.Tags), Details: capacityProviderFields.Details(c)})
			t.Relate(key, "uses-group", t.Ref("autoscaling", "group", collect.ARNResourceName(aws.ToString(asgProvider(c).AutoScalingGroupArn))))
		}
		if aws.ToString(out.NextToken) == "" {
			return nil
		}
		in.NextToken = out.NextToken
	}
}
