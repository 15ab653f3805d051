package autoscaling

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/autoscaling"
	"github.com/aws/aws-sdk-go-v2/service/autoscaling/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// groupScoped is the id of something named within its group: policies,
// scheduled actions and hooks are unique per group only.
func groupScoped(group, name *string) string { return aws.ToString(group) + "/" + aws.ToString(name) }

// targetMetric is what a target tracking policy tracks: the predefined
// metric's type, or the custom metric's name.
func targetMetric(p types.ScalingPolicy) any {
	c := p.TargetTrackingConfiguration
	switch {
	case c == nil:
		return ""
	case c.PredefinedMetricSpecification != nil:
		return string(c.PredefinedMetricSpecification.PredefinedMetricType)
	case c.CustomizedMetricSpecification != nil:
		return aws.ToString(c.CustomizedMetricSpecification.MetricName)
	}
	return ""
}

var policyFields = collect.Fields[types.ScalingPolicy]{
	collect.Text("group", "Auto Scaling group the policy scales", func(p types.ScalingPolicy) *string { return p.AutoScalingGroupName }),
	collect.Text("policy_type", "SimpleScaling, StepScaling, TargetTrackingScaling or PredictiveScaling", func(p types.ScalingPolicy) *string { return p.PolicyType }),
	collect.Bool("enabled", "the policy is enabled", func(p types.ScalingPolicy) *bool { return p.Enabled }),
	collect.Text("adjustment_type", "ChangeInCapacity, ExactCapacity or PercentChangeInCapacity (simple and step policies)", func(p types.ScalingPolicy) *string { return p.AdjustmentType }),
	collect.Int("scaling_adjustment", "capacity change of a simple policy", func(p types.ScalingPolicy) *int32 { return p.ScalingAdjustment }),
	collect.Int("cooldown", "seconds before another simple scaling activity", func(p types.ScalingPolicy) *int32 { return p.Cooldown }),
	collect.Computed("target_metric", model.Text, "metric a target tracking policy tracks (ASGAverageCPUUtilization, ... or a custom metric name)", targetMetric),
	collect.Computed("target_value", model.Real, "target value of a target tracking policy", func(p types.ScalingPolicy) any {
		if p.TargetTrackingConfiguration == nil {
			return nil
		}
		return aws.ToFloat64(p.TargetTrackingConfiguration.TargetValue)
	}),
	collect.Computed("alarms", model.JSON, "CloudWatch alarms that trigger the policy", func(p types.ScalingPolicy) any {
		out := []string{}
		for _, a := range p.Alarms {
			out = append(out, aws.ToString(a.AlarmName))
		}
		return out
	}),
}

func scalingPolicies(ctx context.Context, t *collect.Task) error {
	p := autoscaling.NewDescribePoliciesPaginator(autoscaling.NewFromConfig(t.Config), &autoscaling.DescribePoliciesInput{MaxRecords: t.PageSize(50)})
	return collect.EachPage(ctx, p, func(page *autoscaling.DescribePoliciesOutput) error {
		for _, sp := range page.ScalingPolicies {
			key := t.Key("scaling-policy", groupScoped(sp.AutoScalingGroupName, sp.PolicyName))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(sp.PolicyName), ARN: aws.ToString(sp.PolicyARN), Details: policyFields.Details(sp)})
			t.Relate(key, "scales", t.Key("group", aws.ToString(sp.AutoScalingGroupName)))
			for _, a := range sp.Alarms {
				t.Relate(key, "triggered-by", t.Ref("cloudwatch", "alarm", aws.ToString(a.AlarmName)))
			}
		}
		return nil
	})
}

var scheduledActionFields = collect.Fields[types.ScheduledUpdateGroupAction]{
	collect.Text("group", "Auto Scaling group the action resizes", func(a types.ScheduledUpdateGroupAction) *string { return a.AutoScalingGroupName }),
	collect.Text("recurrence", "cron expression of a recurring action", func(a types.ScheduledUpdateGroupAction) *string { return a.Recurrence }),
	collect.Text("time_zone", "time zone of the recurrence", func(a types.ScheduledUpdateGroupAction) *string { return a.TimeZone }),
	collect.Timestamp("start_time", "first (or only) run", func(a types.ScheduledUpdateGroupAction) *time.Time { return a.StartTime }),
	collect.Timestamp("end_time", "end of the recurrence", func(a types.ScheduledUpdateGroupAction) *time.Time { return a.EndTime }),
	collect.Computed("min_size", model.Integer, "minimum size set; absent when the action leaves it", func(a types.ScheduledUpdateGroupAction) any { return optionalInt(a.MinSize) }),
	collect.Computed("max_size", model.Integer, "maximum size set; absent when the action leaves it", func(a types.ScheduledUpdateGroupAction) any { return optionalInt(a.MaxSize) }),
	collect.Computed("desired_capacity", model.Integer, "desired capacity set; absent when the action leaves it", func(a types.ScheduledUpdateGroupAction) any {
		return optionalInt(a.DesiredCapacity)
	}),
}

// optionalInt is *n, or nil (the field left out) when AWS gave none.
func optionalInt(n *int32) any {
	if n == nil {
		return nil
	}
	return int64(*n)
}

func scheduledActions(ctx context.Context, t *collect.Task) error {
	p := autoscaling.NewDescribeScheduledActionsPaginator(autoscaling.NewFromConfig(t.Config), &autoscaling.DescribeScheduledActionsInput{MaxRecords: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *autoscaling.DescribeScheduledActionsOutput) error {
		for _, a := range page.ScheduledUpdateGroupActions {
			key := t.Key("scheduled-action", groupScoped(a.AutoScalingGroupName, a.ScheduledActionName))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(a.ScheduledActionName), ARN: aws.ToString(a.ScheduledActionARN),
				CreatedAt: model.Time(a.Time), Details: scheduledActionFields.Details(a)})
			t.Relate(key, "scales", t.Key("group", aws.ToString(a.AutoScalingGroupName)))
		}
		return nil
	})
}

var hookFields = collect.Fields[types.LifecycleHook]{
	collect.Text("group", "Auto Scaling group of the hook", func(h types.LifecycleHook) *string { return h.AutoScalingGroupName }),
	collect.Text("transition", "autoscaling:EC2_INSTANCE_LAUNCHING or autoscaling:EC2_INSTANCE_TERMINATING", func(h types.LifecycleHook) *string { return h.LifecycleTransition }),
	collect.Text("default_result", "CONTINUE or ABANDON when the heartbeat times out", func(h types.LifecycleHook) *string { return h.DefaultResult }),
	collect.Int("heartbeat_timeout", "seconds an instance waits in the hook", func(h types.LifecycleHook) *int32 { return h.HeartbeatTimeout }),
	collect.Text("notification_target_arn", "SQS queue or SNS topic notified", func(h types.LifecycleHook) *string { return h.NotificationTargetARN }),
	collect.Text("role_arn", "role that publishes to the notification target", func(h types.LifecycleHook) *string { return h.RoleARN }),
}

// lifecycleHooks: DescribeLifecycleHooks answers per group, so the groups
// are listed and their hooks read concurrently; a failed read is a warning.
func lifecycleHooks(ctx context.Context, t *collect.Task) error {
	api := autoscaling.NewFromConfig(t.Config)
	list, err := groupList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, g types.AutoScalingGroup) {
		out, err := api.DescribeLifecycleHooks(ctx, &autoscaling.DescribeLifecycleHooksInput{AutoScalingGroupName: g.AutoScalingGroupName})
		if err != nil {
			t.Warn("DescribeLifecycleHooks", err)
			return
		}
		for _, h := range out.LifecycleHooks {
			key := t.Key("lifecycle-hook", groupScoped(h.AutoScalingGroupName, h.LifecycleHookName))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(h.LifecycleHookName), Details: hookFields.Details(h)})
			t.Relate(key, "hooks", t.Key("group", aws.ToString(h.AutoScalingGroupName)))
			if target, ok := collect.TargetKey(aws.ToString(h.NotificationTargetARN)); ok {
				t.Relate(key, "notifies", target)
			}
			t.Relate(key, "assumes-role", t.Role(aws.ToString(h.RoleARN)))
		}
	})
	return err
}
