package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/resiliencehub"
	"github.com/aws/aws-sdk-go-v2/service/resiliencehub/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/resiliencehub"
)

var resiliencehubCreated = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

func resiliencehubArn(kind, id string) *string {
	return aws.String("arn:aws:resiliencehub:" + region + ":" + collecttest.MotoAccount + ":" + kind + "/" + id)
}

// canned answers Resilience Hub (moto's times do not deserialise): three
// apps and three policies over two pages.
var resiliencehubCanned = map[string]func(any) (any, error){
	"ListApps": func(in any) (any, error) {
		var all []types.AppSummary
		for i := range 3 {
			all = append(all, types.AppSummary{AppArn: resiliencehubArn("app", fmt.Sprint("app-", i)), Name: aws.String(fmt.Sprint("shop", i)), CreationTime: &resiliencehubCreated,
				Status: types.AppStatusTypeActive, ComplianceStatus: types.AppComplianceStatusTypePolicyBreached, ResiliencyScore: 61.5,
				AssessmentSchedule: types.AppAssessmentScheduleTypeDaily, RtoInSecs: aws.Int32(3600)})
		}
		page, next := collecttest.Page(all, in.(*resiliencehub.ListAppsInput).NextToken, 2)
		return &resiliencehub.ListAppsOutput{AppSummaries: page, NextToken: next}, nil
	},
	"DescribeApp": func(in any) (any, error) {
		return &resiliencehub.DescribeAppOutput{App: &types.App{AppArn: in.(*resiliencehub.DescribeAppInput).AppArn, PolicyArn: resiliencehubArn("resiliency-policy", "pol-0"),
			Tags: map[string]string{"Env": "prod"}}}, nil
	},
	"ListResiliencyPolicies": func(in any) (any, error) {
		var all []types.ResiliencyPolicy
		for i := range 3 {
			all = append(all, types.ResiliencyPolicy{PolicyArn: resiliencehubArn("resiliency-policy", fmt.Sprint("pol-", i)), PolicyName: aws.String(fmt.Sprint("critical", i)),
				CreationTime: &resiliencehubCreated, Tier: types.ResiliencyPolicyTierMissionCritical, Tags: map[string]string{"n": fmt.Sprint(i)},
				Policy: map[string]types.FailurePolicy{"AZ": {RtoInSecs: 300, RpoInSecs: 60}}})
		}
		page, next := collecttest.Page(all, in.(*resiliencehub.ListResiliencyPoliciesInput).NextToken, 2)
		return &resiliencehub.ListResiliencyPoliciesOutput{ResiliencyPolicies: page, NextToken: next}, nil
	},
}

func TestResiliencehub(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(resiliencehubCanned)})
	got := collecttest.Run(t, cfg, collector.Service, "app", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("apps: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	a := got.ByID()["app-1"]
	want := map[string]any{"status": "Active", "compliance_status": "PolicyBreached", "resiliency_score": 61.5, "assessment_schedule": "Daily", "rto_seconds": int64(3600),
		"policy_arn": *resiliencehubArn("resiliency-policy", "pol-0")}
	for k, v := range want {
		if a.Details[k] != v {
			t.Errorf("app details[%s] = %v, want %v", k, a.Details[k], v)
		}
	}
	if a.Name != "shop1" || a.Tags["Env"] != "prod" || a.CreatedAt != "2026-11-01T00:00:00Z" {
		t.Errorf("app: %+v", a)
	}
	collecttest.HasEdges(t, got, "app-1 -assessed-against-> resiliencehub/resiliency-policy:pol-0")

	got = collecttest.Run(t, cfg, collector.Service, "resiliency-policy", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("policies: %v, %d", got.Err, len(got.Resources))
	}
	p := got.ByID()["pol-2"]
	if p.Name != "critical2" || p.Tags["n"] != "2" || p.Details["tier"] != "MissionCritical" || fmt.Sprint(p.Details["targets"]) != "map[AZ:map[rpo:60 rto:300]]" {
		t.Errorf("policy: %+v", p)
	}
}

func TestResiliencehubDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"app": "ListApps", "resiliency-policy": "ListResiliencyPolicies"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListApps": resiliencehubCanned["ListApps"], "DescribeApp": collecttest.Denied("DescribeApp")})})
	got := collecttest.Run(t, cfg, collector.Service, "app", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want apps with a warning each: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
