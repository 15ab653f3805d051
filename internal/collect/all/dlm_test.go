package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dlm"
	"github.com/aws/aws-sdk-go-v2/service/dlm/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/dlm"
)

var dlmCreated = time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC)

// estate answers as DLM would (moto has no DLM): a daily snapshot policy
// copying to another region, and a default policy; deny refuses operations.
func dlmEstate(deny ...string) awsx.Responder {
	answers := map[string]func(any) (any, error){
		"GetLifecyclePolicies": func(any) (any, error) {
			return &dlm.GetLifecyclePoliciesOutput{Policies: []types.LifecyclePolicySummary{
				{PolicyId: aws.String("policy-1"), State: types.GettablePolicyStateValuesEnabled, PolicyType: types.PolicyTypeValuesEbsSnapshotManagement,
					Description: aws.String("daily"), Tags: map[string]string{"Name": "daily-volumes"}},
				{PolicyId: aws.String("policy-2"), State: types.GettablePolicyStateValuesDisabled, DefaultPolicy: aws.Bool(true)},
			}}, nil
		},
		"GetLifecyclePolicy": func(in any) (any, error) {
			id := in.(*dlm.GetLifecyclePolicyInput).PolicyId
			p := &types.LifecyclePolicy{PolicyId: id, DateCreated: &dlmCreated, ExecutionRoleArn: aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":role/AWSDataLifecycleManagerDefaultRole"),
				PolicyDetails: &types.PolicyDetails{ResourceTypes: []types.ResourceTypeValues{types.ResourceTypeValuesVolume}}}
			if aws.ToString(id) == "policy-1" {
				p.PolicyDetails.TargetTags = []types.Tag{{Key: aws.String("backup"), Value: aws.String("daily")}}
				p.PolicyDetails.Schedules = []types.Schedule{{Name: aws.String("nightly"), CrossRegionCopyRules: []types.CrossRegionCopyRule{{Target: aws.String("eu-central-1")}}},
					{Name: aws.String("hourly")}}
			}
			return &dlm.GetLifecyclePolicyOutput{Policy: p}, nil
		},
	}
	for _, op := range deny {
		answers[op] = collecttest.Denied(op)
	}
	return collecttest.Canned(answers)
}

func TestDlmPolicies(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: dlmEstate()})
	got := collecttest.Run(t, cfg, collector.Service, "lifecycle-policy", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("policies: %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	p := got.ByID()["policy-1"]
	for k, v := range map[string]any{"state": "ENABLED", "policy_type": "EBS_SNAPSHOT_MANAGEMENT", "resource_types": "[VOLUME]", "target_tags": "map[backup:daily]",
		"schedules": "[hourly nightly]", "cross_region_copy": "true", "default_policy": "false"} {
		if fmt.Sprint(p.Details[k]) != v {
			t.Errorf("policy-1 details[%s] = %v, want %v", k, p.Details[k], v)
		}
	}
	if p.Name != "daily-volumes" || p.ARN != "arn:aws:dlm:"+region+":"+collecttest.MotoAccount+":policy/policy-1" || p.CreatedAt != "2024-12-01T00:00:00Z" {
		t.Errorf("policy-1: %s %s %s", p.Name, p.ARN, p.CreatedAt)
	}
	if d := got.ByID()["policy-2"]; d.Details["default_policy"] != true || d.Details["cross_region_copy"] != false {
		t.Errorf("policy-2: %v", d.Details)
	}
	collecttest.HasEdges(t, got, "policy-1 -assumes-role-> iam/role:AWSDataLifecycleManagerDefaultRole")
}

func TestDlmDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: dlmEstate("GetLifecyclePolicies")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "lifecycle-policy", region))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: dlmEstate("GetLifecyclePolicy")})
	got := collecttest.Run(t, cfg, collector.Service, "lifecycle-policy", region)
	if _, ok := got.ByID()["policy-1"].Details["schedules"]; got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 2 || ok {
		t.Fatalf("want 2 policies without their definition and 2 warnings, got %v %d %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
