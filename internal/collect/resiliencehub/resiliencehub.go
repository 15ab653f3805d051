// Package resiliencehub collects Resilience Hub applications and
// resiliency policies.
package resiliencehub

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/resiliencehub"
	"github.com/aws/aws-sdk-go-v2/service/resiliencehub/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Resilience Hub collector.
var Service = &collect.Service{
	Name:        "resiliencehub",
	Description: "Resilience Hub applications and resiliency policies",
	Types: []collect.Type{
		{Name: "app", Description: "Resilience Hub application (id = the app ARN's uuid), with its compliance and resiliency score",
			Fields: appFields.Declared(), Tags: collect.TagsPerResource, Collect: apps, DetailCalls: 1},
		{Name: "resiliency-policy", Description: "resiliency policy: RTO and RPO targets per disruption (id = the policy ARN's uuid)",
			Fields: policyFields.Declared(), Tags: collect.TagsListed, Collect: policies},
	},
	Calls: "app: ListApps + per app DescribeApp (tags, policy). resiliency-policy: ListResiliencyPolicies (tags included)",
	Relations: []collect.Relation{
		{From: "app", Kind: "assessed-against", To: "resiliencehub/resiliency-policy"},
	},
}

// app is a listed app with its DescribeApp answer (nil when that failed).
type app struct {
	types.AppSummary
	desc *types.App
}

func hasDescription(a app) bool { return a.desc != nil }

var appFields = collect.Fields[app]{
	collect.Enum("status", "Active or Deleting", func(a app) types.AppStatusType { return a.Status }),
	collect.Enum("compliance_status", "PolicyMet, PolicyBreached, NotAssessed, ChangesDetected, ...", func(a app) types.AppComplianceStatusType { return a.ComplianceStatus }),
	collect.Computed("resiliency_score", model.Real, "last resiliency score (0-100)", func(a app) any { return a.ResiliencyScore }),
	collect.Enum("assessment_schedule", "Daily or Disabled", func(a app) types.AppAssessmentScheduleType { return a.AssessmentSchedule }),
	collect.Enum("drift_status", "NotChecked, NotDetected or Detected", func(a app) types.AppDriftStatusType { return a.DriftStatus }),
	collect.Int("rto_seconds", "estimated recovery time objective", func(a app) *int32 { return a.RtoInSecs }),
	collect.Int("rpo_seconds", "estimated recovery point objective", func(a app) *int32 { return a.RpoInSecs }),
	collect.Timestamp("last_compliance_evaluation", "last assessment against the policy", func(a app) *time.Time { return a.LastAppComplianceEvaluationTime }),
	collect.When(hasDescription, collect.Text("policy_arn", "resiliency policy the app is assessed against; absent when unknown", func(a app) *string { return a.desc.PolicyArn })),
}

func apps(ctx context.Context, t *collect.Task) error {
	api := resiliencehub.NewFromConfig(t.Config)
	p := resiliencehub.NewListAppsPaginator(api, &resiliencehub.ListAppsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *resiliencehub.ListAppsOutput) []types.AppSummary { return page.AppSummaries },
		func(ctx context.Context, s types.AppSummary) {
			a := app{AppSummary: s}
			out, err := api.DescribeApp(ctx, &resiliencehub.DescribeAppInput{AppArn: s.AppArn})
			t.Warn("DescribeApp", err)
			if err == nil {
				a.desc = out.App
			}
			arn := aws.ToString(s.AppArn)
			key := t.Key("app", collect.ARNResourceName(arn))
			r := &model.Resource{Key: key, Name: aws.ToString(s.Name), ARN: arn, CreatedAt: model.Time(s.CreationTime), Details: appFields.Details(a)}
			if a.desc != nil {
				r.Tags = a.desc.Tags
				if policy := aws.ToString(a.desc.PolicyArn); policy != "" {
					t.Relate(key, "assessed-against", t.Key("resiliency-policy", collect.ARNResourceName(policy)))
				}
			}
			t.Emit(r)
		})
}

var policyFields = collect.Fields[types.ResiliencyPolicy]{
	collect.Enum("tier", "MissionCritical, Critical, Important, CoreServices, NonCritical or NotApplicable", func(p types.ResiliencyPolicy) types.ResiliencyPolicyTier { return p.Tier }),
	collect.Enum("data_location_constraint", "AnyLocation, SameContinent or SameCountry", func(p types.ResiliencyPolicy) types.DataLocationConstraint { return p.DataLocationConstraint }),
	collect.Enum("estimated_cost_tier", "L1 to L4", func(p types.ResiliencyPolicy) types.EstimatedCostTier { return p.EstimatedCostTier }),
	collect.Computed("targets", model.JSON, "RTO and RPO targets in seconds per disruption: {Software: {rto, rpo}, Hardware: ..., AZ: ..., Region: ...}",
		func(p types.ResiliencyPolicy) any {
			out := map[string]map[string]int64{}
			for disruption, f := range p.Policy {
				out[disruption] = map[string]int64{"rto": int64(f.RtoInSecs), "rpo": int64(f.RpoInSecs)}
			}
			return out
		}),
	collect.Text("description", "policy description", func(p types.ResiliencyPolicy) *string { return p.PolicyDescription }),
}

func policies(ctx context.Context, t *collect.Task) error {
	p := resiliencehub.NewListResiliencyPoliciesPaginator(resiliencehub.NewFromConfig(t.Config), &resiliencehub.ListResiliencyPoliciesInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *resiliencehub.ListResiliencyPoliciesOutput) error {
		for _, pol := range page.ResiliencyPolicies {
			arn := aws.ToString(pol.PolicyArn)
			t.Emit(&model.Resource{Key: t.Key("resiliency-policy", collect.ARNResourceName(arn)), Name: aws.ToString(pol.PolicyName), ARN: arn,
				CreatedAt: model.Time(pol.CreationTime), Tags: pol.Tags, Details: policyFields.Details(pol)})
		}
		return nil
	})
}
