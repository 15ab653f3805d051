// Package applicationautoscaling collects Application Auto Scaling scalable
// targets, scaling policies and scheduled actions (ECS services, DynamoDB
// tables, Aurora replicas, Lambda concurrency, ...).
package applicationautoscaling

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	aas "github.com/aws/aws-sdk-go-v2/service/applicationautoscaling"
	"github.com/aws/aws-sdk-go-v2/service/applicationautoscaling/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Application Auto Scaling collector.
var Service = &collect.Service{
	Name:        "application-autoscaling",
	Description: "Application Auto Scaling scalable targets, scaling policies and scheduled actions",
	Types: []collect.Type{
		{Name: "scalable-target", Description: "resource dimension registered for scaling (id = resource id|scalable dimension)", Fields: targetFields.Declared(), Tags: collect.NotTaggable, Collect: scalableTargets},
		{Name: "scaling-policy", Description: "scaling policy of a scalable target (id = resource id|scalable dimension|policy name)", Fields: policyFields.Declared(), Tags: collect.NotTaggable, Collect: scalingPolicies},
		{Name: "scheduled-action", Description: "scheduled capacity change of a scalable target (id = resource id|scalable dimension|action name)", Fields: actionFields.Declared(), Tags: collect.NotTaggable, Collect: scheduledActions},
	},
	Calls: "per service namespace (ecs, dynamodb, rds, lambda, ...: the API requires one), concurrently: paged DescribeScalableTargets once for all types; scaling-policy, scheduled-action: paged DescribeScalingPolicies, DescribeScheduledActions in the namespaces with targets",
	Relations: []collect.Relation{
		{From: "scalable-target", Kind: "assumes-role", To: "iam/role"},
		{From: "scalable-target", Kind: "scales", To: "dynamodb/table"},
		{From: "scalable-target", Kind: "scales", To: "ecs/service"},
		{From: "scaling-policy", Kind: "applies-to", To: "application-autoscaling/scalable-target"},
		{From: "scaling-policy", Kind: "triggered-by", To: "cloudwatch/alarm"},
		{From: "scheduled-action", Kind: "applies-to", To: "application-autoscaling/scalable-target"},
	},
}

// eachNamespace runs list for every service namespace concurrently: every
// Describe call of the API requires one. An endpoint that does not know a
// namespace the SDK lists (an older partition; moto) rejects it with a
// ValidationException naming serviceNamespace: it can have no targets of
// it, so that namespace is skipped. Any other error fails the collection.
func eachNamespace(ctx context.Context, t *collect.Task, list func(ctx context.Context, api *aas.Client, ns types.ServiceNamespace) error) error {
	api := aas.NewFromConfig(t.Config)
	errs := make(chan error, len(types.ServiceNamespace("").Values()))
	collect.ForEach(ctx, types.ServiceNamespace("").Values(), func(ctx context.Context, ns types.ServiceNamespace) {
		if err := list(ctx, api, ns); !unknownNamespace(err) {
			errs <- err
		}
	})
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// unknownNamespace reports the endpoint's refusal of a namespace it does
// not know.
func unknownNamespace(err error) bool {
	var api smithy.APIError
	return errors.As(err, &api) && api.ErrorCode() == "ValidationException" && strings.Contains(api.ErrorMessage(), "serviceNamespace")
}

// targetID is the id of the scalable target of resource and dimension.
func targetID(resource *string, dimension types.ScalableDimension) string {
	return aws.ToString(resource) + "|" + string(dimension)
}

var targetFields = collect.Fields[types.ScalableTarget]{
	collect.Enum("service_namespace", "AWS service of the resource", func(s types.ScalableTarget) types.ServiceNamespace { return s.ServiceNamespace }),
	collect.Text("resource_id", "the resource (service/CLUSTER/NAME, table/NAME, function:NAME:ALIAS, ...)", func(s types.ScalableTarget) *string { return s.ResourceId }),
	collect.Enum("scalable_dimension", "what is scaled (ecs:service:DesiredCount, dynamodb:table:ReadCapacityUnits, ...)", func(s types.ScalableTarget) types.ScalableDimension { return s.ScalableDimension }),
	collect.Int("min_capacity", "lowest capacity scaling may set", func(s types.ScalableTarget) *int32 { return s.MinCapacity }),
	collect.Int("max_capacity", "highest capacity scaling may set", func(s types.ScalableTarget) *int32 { return s.MaxCapacity }),
	collect.Text("role_arn", "role Application Auto Scaling acts with", func(s types.ScalableTarget) *string { return s.RoleARN }),
	collect.Computed("suspended", model.Boolean, "some scaling is suspended (scale-in, scale-out or scheduled)", func(s types.ScalableTarget) any {
		st := s.SuspendedState
		return st != nil && (aws.ToBool(st.DynamicScalingInSuspended) || aws.ToBool(st.DynamicScalingOutSuspended) || aws.ToBool(st.ScheduledScalingSuspended))
	}),
}

// targetsIn are the namespace's scalable targets, listed once for all
// three types.
func targetsIn(ctx context.Context, t *collect.Task, api *aas.Client, ns types.ServiceNamespace) ([]types.ScalableTarget, error) {
	p := aas.NewDescribeScalableTargetsPaginator(api, &aas.DescribeScalableTargetsInput{ServiceNamespace: ns, MaxResults: t.PageSize(50)})
	return collect.ReuseItems(ctx, t, "DescribeScalableTargets/"+string(ns), p,
		func(page *aas.DescribeScalableTargetsOutput) []types.ScalableTarget { return page.ScalableTargets })
}

// eachTargetedNamespace runs list for the namespaces that have scalable
// targets: a scaling policy or scheduled action can only be put on a
// registered target, and deregistering the target deletes them, so a
// namespace without targets has none to list.
func eachTargetedNamespace(ctx context.Context, t *collect.Task, list func(ctx context.Context, api *aas.Client, ns types.ServiceNamespace) error) error {
	return eachNamespace(ctx, t, func(ctx context.Context, api *aas.Client, ns types.ServiceNamespace) error {
		targets, err := targetsIn(ctx, t, api, ns)
		if err != nil || len(targets) == 0 {
			return err
		}
		return list(ctx, api, ns)
	})
}

func scalableTargets(ctx context.Context, t *collect.Task) error {
	return eachNamespace(ctx, t, func(ctx context.Context, api *aas.Client, ns types.ServiceNamespace) error {
		targets, err := targetsIn(ctx, t, api, ns)
		for _, s := range targets {
			id := targetID(s.ResourceId, s.ScalableDimension)
			key := t.Key("scalable-target", id)
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.ResourceId), ARN: aws.ToString(s.ScalableTargetARN),
				CreatedAt: model.Time(s.CreationTime), Details: targetFields.Details(s)})
			t.Relate(key, "assumes-role", t.Role(aws.ToString(s.RoleARN)))
			relateScaled(t, key, s.ServiceNamespace, aws.ToString(s.ResourceId))
		}
		return err
	})
}

// relateScaled links a target to the ECS service or DynamoDB table it
// scales (a DynamoDB index is part of its table).
func relateScaled(t *collect.Task, key model.Key, ns types.ServiceNamespace, resource string) {
	switch ns {
	case types.ServiceNamespaceEcs:
		if rest, ok := strings.CutPrefix(resource, "service/"); ok {
			t.Relate(key, "scales", t.Ref("ecs", "service", rest))
		}
	case types.ServiceNamespaceDynamodb:
		if rest, ok := strings.CutPrefix(resource, "table/"); ok {
			table, _, _ := strings.Cut(rest, "/")
			t.Relate(key, "scales", t.Ref("dynamodb", "table", table))
		}
	}
}

// trackedMetric is what a target tracking policy tracks: the predefined
// metric type or the custom metric's name.
func trackedMetric(c *types.TargetTrackingScalingPolicyConfiguration) any {
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
	collect.Enum("service_namespace", "AWS service of the scaled resource", func(p types.ScalingPolicy) types.ServiceNamespace { return p.ServiceNamespace }),
	collect.Text("resource_id", "the scaled resource", func(p types.ScalingPolicy) *string { return p.ResourceId }),
	collect.Enum("scalable_dimension", "what is scaled", func(p types.ScalingPolicy) types.ScalableDimension { return p.ScalableDimension }),
	collect.Enum("policy_type", "StepScaling, TargetTrackingScaling or PredictiveScaling", func(p types.ScalingPolicy) types.PolicyType { return p.PolicyType }),
	collect.Computed("target_metric", model.Text, "metric a target tracking policy tracks", func(p types.ScalingPolicy) any { return trackedMetric(p.TargetTrackingScalingPolicyConfiguration) }),
	collect.Computed("target_value", model.Real, "target value of a target tracking policy", func(p types.ScalingPolicy) any {
		if c := p.TargetTrackingScalingPolicyConfiguration; c != nil {
			return aws.ToFloat64(c.TargetValue)
		}
		return nil
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
	return eachTargetedNamespace(ctx, t, func(ctx context.Context, api *aas.Client, ns types.ServiceNamespace) error {
		p := aas.NewDescribeScalingPoliciesPaginator(api, &aas.DescribeScalingPoliciesInput{ServiceNamespace: ns, MaxResults: t.PageSize(50)})
		return collect.EachPage(ctx, p, func(page *aas.DescribeScalingPoliciesOutput) error {
			for _, sp := range page.ScalingPolicies {
				target := targetID(sp.ResourceId, sp.ScalableDimension)
				key := t.Key("scaling-policy", target+"|"+aws.ToString(sp.PolicyName))
				t.Emit(&model.Resource{Key: key, Name: aws.ToString(sp.PolicyName), ARN: aws.ToString(sp.PolicyARN),
					CreatedAt: model.Time(sp.CreationTime), Details: policyFields.Details(sp)})
				t.Relate(key, "applies-to", t.Key("scalable-target", target))
				for _, a := range sp.Alarms {
					t.Relate(key, "triggered-by", t.Ref("cloudwatch", "alarm", aws.ToString(a.AlarmName)))
				}
			}
			return nil
		})
	})
}

// capacity is the capacity a scheduled action sets, nil (left out) when
// it leaves it.
func capacity(a types.ScheduledAction, get func(types.ScalableTargetAction) *int32) any {
	if a.ScalableTargetAction == nil || get(*a.ScalableTargetAction) == nil {
		return nil
	}
	return int64(*get(*a.ScalableTargetAction))
}

var actionFields = collect.Fields[types.ScheduledAction]{
	collect.Enum("service_namespace", "AWS service of the scaled resource", func(a types.ScheduledAction) types.ServiceNamespace { return a.ServiceNamespace }),
	collect.Text("resource_id", "the scaled resource", func(a types.ScheduledAction) *string { return a.ResourceId }),
	collect.Enum("scalable_dimension", "what is scaled", func(a types.ScheduledAction) types.ScalableDimension { return a.ScalableDimension }),
	collect.Text("schedule", "at(...), rate(...) or cron(...) expression", func(a types.ScheduledAction) *string { return a.Schedule }),
	collect.Text("timezone", "time zone of the schedule", func(a types.ScheduledAction) *string { return a.Timezone }),
	collect.Timestamp("start_time", "start of the schedule", func(a types.ScheduledAction) *time.Time { return a.StartTime }),
	collect.Timestamp("end_time", "end of the schedule", func(a types.ScheduledAction) *time.Time { return a.EndTime }),
	collect.Computed("min_capacity", model.Integer, "minimum capacity set; absent when left unchanged", func(a types.ScheduledAction) any {
		return capacity(a, func(s types.ScalableTargetAction) *int32 { return s.MinCapacity })
	}),
	collect.Computed("max_capacity", model.Integer, "maximum capacity set; absent when left unchanged", func(a types.ScheduledAction) any {
		return capacity(a, func(s types.ScalableTargetAction) *int32 { return s.MaxCapacity })
	}),
}

func scheduledActions(ctx context.Context, t *collect.Task) error {
	return eachTargetedNamespace(ctx, t, func(ctx context.Context, api *aas.Client, ns types.ServiceNamespace) error {
		p := aas.NewDescribeScheduledActionsPaginator(api, &aas.DescribeScheduledActionsInput{ServiceNamespace: ns, MaxResults: t.PageSize(50)})
		return collect.EachPage(ctx, p, func(page *aas.DescribeScheduledActionsOutput) error {
			for _, a := range page.ScheduledActions {
				target := targetID(a.ResourceId, a.ScalableDimension)
				key := t.Key("scheduled-action", target+"|"+aws.ToString(a.ScheduledActionName))
				t.Emit(&model.Resource{Key: key, Name: aws.ToString(a.ScheduledActionName), ARN: aws.ToString(a.ScheduledActionARN),
					CreatedAt: model.Time(a.CreationTime), Details: actionFields.Details(a)})
				t.Relate(key, "applies-to", t.Key("scalable-target", target))
			}
			return nil
		})
	})
}
