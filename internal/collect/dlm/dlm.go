// Package dlm collects Amazon Data Lifecycle Manager policies (scheduled
// EBS snapshots and AMIs, their retention and copies).
package dlm

import (
	"cmp"
	"context"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dlm"
	"github.com/aws/aws-sdk-go-v2/service/dlm/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Data Lifecycle Manager collector.
var Service = &collect.Service{
	Name:        "dlm",
	Description: "Data Lifecycle Manager policies for EBS snapshots and AMIs",
	Types: []collect.Type{
		{Name: "lifecycle-policy", Description: "lifecycle policy (id = policy-...)", Fields: policyFields.Declared(), Tags: collect.TagsListed, Collect: policies, DetailCalls: 1},
	},
	Calls: "lifecycle-policy: GetLifecyclePolicies + per policy GetLifecyclePolicy",
	Relations: []collect.Relation{
		{From: "lifecycle-policy", Kind: "assumes-role", To: "iam/role"},
	},
}

// policy is a listed policy with its full definition (nil when it could
// not be read).
type policy struct {
	types.LifecyclePolicySummary
	full *types.LifecyclePolicy
}

func hasDefinition(p policy) bool { return p.full != nil }

func details(p policy) types.PolicyDetails {
	if p.full == nil || p.full.PolicyDetails == nil {
		return types.PolicyDetails{}
	}
	return *p.full.PolicyDetails
}

var policyFields = collect.Fields[policy]{
	collect.Enum("state", "ENABLED, DISABLED or ERROR", func(p policy) types.GettablePolicyStateValues { return p.State }),
	collect.Enum("policy_type", "EBS_SNAPSHOT_MANAGEMENT, IMAGE_MANAGEMENT or EVENT_BASED_POLICY", func(p policy) types.PolicyTypeValues { return p.PolicyType }),
	collect.Bool("default_policy", "a default policy (covers every volume or instance without one)", func(p policy) *bool { return p.DefaultPolicy }),
	collect.Text("description", "description", func(p policy) *string { return p.Description }),
	collect.When(hasDefinition, collect.Computed("resource_types", model.JSON, "VOLUME or INSTANCE: what the policy snapshots", func(p policy) any {
		return collect.Values(details(p).ResourceTypes)
	})),
	collect.When(hasDefinition, collect.Computed("target_tags", model.JSON, "tags selecting the resources: {key: value}", func(p policy) any {
		return collect.TagMap(details(p).TargetTags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
	})),
	collect.When(hasDefinition, collect.Computed("schedules", model.JSON, "schedule names", func(p policy) any {
		out := []string{}
		for _, s := range details(p).Schedules {
			out = append(out, aws.ToString(s.Name))
		}
		sort.Strings(out)
		return out
	})),
	collect.When(hasDefinition, collect.Computed("cross_region_copy", model.Boolean, "some schedule copies snapshots to another region", func(p policy) any {
		d := details(p)
		for _, s := range d.Schedules {
			if len(s.CrossRegionCopyRules) > 0 {
				return true
			}
		}
		return len(d.CrossRegionCopyTargets) > 0
	})),
	collect.When(hasDefinition, collect.Text("execution_role_arn", "role DLM assumes", func(p policy) *string { return p.full.ExecutionRoleArn })),
}

func policies(ctx context.Context, t *collect.Task) error {
	api := dlm.NewFromConfig(t.Config)
	out, err := api.GetLifecyclePolicies(ctx, &dlm.GetLifecyclePoliciesInput{})
	if err != nil {
		return err
	}
	collect.ForEach(ctx, out.Policies, func(ctx context.Context, s types.LifecyclePolicySummary) {
		p := policy{LifecyclePolicySummary: s}
		id := aws.ToString(s.PolicyId)
		key := t.Key("lifecycle-policy", id)
		r := &model.Resource{Key: key, ARN: collect.ARN(t, "dlm", "", "policy/"+id), Name: cmp.Or(s.Tags["Name"], id), Tags: s.Tags}
		full, err := api.GetLifecyclePolicy(ctx, &dlm.GetLifecyclePolicyInput{PolicyId: s.PolicyId})
		t.Warn("GetLifecyclePolicy", err)
		if err == nil && full.Policy != nil {
			p.full, r.CreatedAt = full.Policy, model.Time(full.Policy.DateCreated)
			r.ARN = cmp.Or(aws.ToString(full.Policy.PolicyArn), r.ARN)
			t.Relate(key, "assumes-role", t.Role(aws.ToString(full.Policy.ExecutionRoleArn)))
		}
		r.Details = policyFields.Details(p)
		t.Emit(r)
	})
	return nil
}
