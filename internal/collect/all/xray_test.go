package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/xray"
	"github.com/aws/aws-sdk-go-v2/service/xray/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/xray"
)

var (
	xrayModified = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
)

func xrayArn(kind, name string) *string {
	return aws.String("arn:aws:xray:" + region + ":" + account + ":" + kind + "/" + name)
}

// canned answers every X-Ray call (moto serves only traces) over two pages,
// tagging each resource with its ARN.
var xrayCanned = map[string]func(any) (any, error){
	"GetGroups": func(in any) (any, error) {
		all := []types.GroupSummary{{GroupName: aws.String("Default"), GroupARN: xrayArn("group", "Default")},
			{GroupName: aws.String("errors"), GroupARN: xrayArn("group", "errors"), FilterExpression: aws.String("error = true"),
				InsightsConfiguration: &types.InsightsConfiguration{InsightsEnabled: aws.Bool(true)}},
			{GroupName: aws.String("slow"), GroupARN: xrayArn("group", "slow"), FilterExpression: aws.String("responsetime > 5")}}
		page, next := collecttest.Page(all, in.(*xray.GetGroupsInput).NextToken, 2)
		return &xray.GetGroupsOutput{Groups: page, NextToken: next}, nil
	},
	"GetSamplingRules": func(in any) (any, error) {
		all := []types.SamplingRuleRecord{{SamplingRule: &types.SamplingRule{RuleName: aws.String("Default"), RuleARN: xrayArn("sampling-rule", "Default"), Priority: aws.Int32(10000)}}}
		for i := range 3 {
			name := fmt.Sprint("api", i)
			all = append(all, types.SamplingRuleRecord{CreatedAt: &xrayModified, ModifiedAt: &xrayModified, SamplingRule: &types.SamplingRule{RuleName: aws.String(name),
				RuleARN: xrayArn("sampling-rule", name), Priority: aws.Int32(int32(100 + i)), FixedRate: 0.05, ReservoirSize: 1, ServiceName: aws.String("checkout"),
				HTTPMethod: aws.String("*"), URLPath: aws.String("/api/*"), Host: aws.String("*"), ServiceType: aws.String("*")}})
		}
		page, next := collecttest.Page(all, in.(*xray.GetSamplingRulesInput).NextToken, 2)
		return &xray.GetSamplingRulesOutput{SamplingRuleRecords: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &xray.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: in.(*xray.ListTagsForResourceInput).ResourceARN}}}, nil
	},
	"ListResourcePolicies": func(in any) (any, error) {
		all := []types.ResourcePolicy{{PolicyName: aws.String("sns-traces"), LastUpdatedTime: &xrayModified,
			PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"xray:PutTraceSegments","Resource":"*"}]}`)},
			{PolicyName: aws.String("b")}, {PolicyName: aws.String("c")}}
		page, next := collecttest.Page(all, in.(*xray.ListResourcePoliciesInput).NextToken, 2)
		return &xray.ListResourcePoliciesOutput{ResourcePolicies: page, NextToken: next}, nil
	},
	"GetEncryptionConfig": func(any) (any, error) {
		return &xray.GetEncryptionConfigOutput{EncryptionConfig: &types.EncryptionConfig{Type: types.EncryptionTypeKms, Status: types.EncryptionStatusActive,
			KeyId: aws.String("arn:aws:kms:" + region + ":" + account + ":key/k-1")}}, nil
	},
}

func TestXray(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(xrayCanned)})

	got := collecttest.Run(t, cfg, collector.Service, "group", region)
	if got.Err != nil || len(got.Resources) != 2 || got.ByID()["Default"] != nil {
		t.Fatalf("groups (Default skipped): %v, %v", got.Err, got.ByID())
	}
	collecttest.AssertNoWarnings(t, got)
	g := got.ByID()["errors"]
	if g.ARN != *xrayArn("group", "errors") || g.Tags["arn"] != g.ARN || g.Details["filter_expression"] != "error = true" || g.Details["insights_enabled"] != true ||
		g.Details["notifications_enabled"] != false {
		t.Errorf("group: %+v", g)
	}

	got = collecttest.Run(t, cfg, collector.Service, "sampling-rule", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("rules: %v, %d", got.Err, len(got.Resources))
	}
	r := got.ByID()["api2"]
	want := map[string]any{"priority": int64(102), "fixed_rate": 0.05, "reservoir_size": int64(1), "service_name": "checkout", "url_path": "/api/*",
		"modified": "2026-06-01T00:00:00Z"}
	for k, v := range want {
		if r.Details[k] != v {
			t.Errorf("rule details[%s] = %v, want %v", k, r.Details[k], v)
		}
	}
	if r.ARN != *xrayArn("sampling-rule", "api2") || r.Tags["arn"] != r.ARN || r.CreatedAt != "2026-06-01T00:00:00Z" {
		t.Errorf("rule: %+v", r)
	}

	got = collecttest.Run(t, cfg, collector.Service, "resource-policy", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("policies: %v, %d", got.Err, len(got.Resources))
	}
	if p := got.ByID()["sns-traces"]; p.Details["last_updated"] != "2026-06-01T00:00:00Z" || p.Details["policy"].(map[string]any)["Version"] != "2012-10-17" {
		t.Errorf("policy: %+v", p)
	}

	got = collecttest.Run(t, cfg, collector.Service, "encryption-config", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("encryption: %v, %d", got.Err, len(got.Resources))
	}
	if e := got.Resources[0]; e.ID != region || e.Details["type"] != "KMS" || e.Details["status"] != "ACTIVE" {
		t.Errorf("encryption: %+v", e)
	}
	collecttest.HasEdges(t, got, region+" -encrypted-with-> kms/key:k-1")
}

func TestXrayDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"group": "GetGroups", "sampling-rule": "GetSamplingRules", "resource-policy": "ListResourcePolicies",
		"encryption-config": "GetEncryptionConfig"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	answers := map[string]func(any) (any, error){"ListTagsForResource": collecttest.Denied("ListTagsForResource")}
	answers["GetGroups"] = xrayCanned["GetGroups"]
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(answers)})
	got := collecttest.Run(t, cfg, collector.Service, "group", region)
	if got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 2 {
		t.Fatalf("want groups with a warning each: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
