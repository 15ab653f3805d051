package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/securityhub/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/securityhub"
)

func securityhubArn(resource string) *string {
	return aws.String("arn:aws:securityhub:" + region + ":" + account + ":" + resource)
}

var ruleTime = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)

// settings cans what moto 5.2.1's Security Hub lacks, each list over two
// pages where the API pages.
var settings = map[string]func(any) (any, error){
	"GetEnabledStandards": func(in any) (any, error) {
		if aws.ToString(in.(*securityhub.GetEnabledStandardsInput).NextToken) == "" {
			return &securityhub.GetEnabledStandardsOutput{NextToken: aws.String("2"), StandardsSubscriptions: []types.StandardsSubscription{
				{StandardsArn: aws.String(cis), StandardsSubscriptionArn: securityhubArn("subscription/cis-aws-foundations-benchmark/v/1.4.0"), StandardsStatus: types.StandardsStatusReady,
					StandardsControlsUpdatable: types.StandardsControlsUpdatableReadyForUpdates}}}, nil
		}
		return &securityhub.GetEnabledStandardsOutput{StandardsSubscriptions: []types.StandardsSubscription{
			{StandardsArn: aws.String("arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0"), StandardsSubscriptionArn: securityhubArn("subscription/cis-aws-foundations-benchmark/v/1.2.0"),
				StandardsStatus: types.StandardsStatusIncomplete, StandardsStatusReason: &types.StandardsStatusReason{StatusReasonCode: types.StatusReasonCodeNoAvailableConfigurationRecorder}}}}, nil
	},
	"ListEnabledProductsForImport": func(in any) (any, error) {
		if aws.ToString(in.(*securityhub.ListEnabledProductsForImportInput).NextToken) == "" {
			return &securityhub.ListEnabledProductsForImportOutput{NextToken: aws.String("2"), ProductSubscriptions: []string{*securityhubArn("product-subscription/aws/guardduty")}}, nil
		}
		return &securityhub.ListEnabledProductsForImportOutput{ProductSubscriptions: []string{*securityhubArn("product-subscription/aws/inspector")}}, nil
	},
	"ListAutomationRules": func(in any) (any, error) {
		if aws.ToString(in.(*securityhub.ListAutomationRulesInput).NextToken) == "" {
			return &securityhub.ListAutomationRulesOutput{NextToken: aws.String("2"), AutomationRulesMetadata: []types.AutomationRulesMetadata{
				{RuleArn: securityhubArn("automation-rule/r-1"), RuleName: aws.String("suppress-dev"), RuleStatus: types.RuleStatusEnabled, RuleOrder: aws.Int32(1),
					IsTerminal: aws.Bool(true), CreatedAt: &ruleTime, UpdatedAt: &ruleTime, CreatedBy: aws.String("admin")}}}, nil
		}
		return &securityhub.ListAutomationRulesOutput{AutomationRulesMetadata: []types.AutomationRulesMetadata{
			{RuleArn: securityhubArn("automation-rule/r-2"), RuleName: aws.String("raise"), RuleStatus: types.RuleStatusDisabled, RuleOrder: aws.Int32(2)}}}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &securityhub.ListTagsForResourceOutput{Tags: map[string]string{"arn": aws.ToString(in.(*securityhub.ListTagsForResourceInput).ResourceArn)}}, nil
	},
	"DescribeActionTargets": func(in any) (any, error) {
		if aws.ToString(in.(*securityhub.DescribeActionTargetsInput).NextToken) == "" {
			return &securityhub.DescribeActionTargetsOutput{NextToken: aws.String("2"), ActionTargets: []types.ActionTarget{{ActionTargetArn: securityhubArn("action/custom/ticket"),
				Name: aws.String("Open ticket"), Description: aws.String("sends to Jira")}}}, nil
		}
		return &securityhub.DescribeActionTargetsOutput{ActionTargets: []types.ActionTarget{{ActionTargetArn: securityhubArn("action/custom/page"), Name: aws.String("Page")}}}, nil
	},
	"GetInsights": func(in any) (any, error) {
		if len(in.(*securityhub.GetInsightsInput).InsightArns) != 0 {
			return nil, fmt.Errorf("want every custom insight")
		}
		return &securityhub.GetInsightsOutput{Insights: []types.Insight{{InsightArn: securityhubArn("insight/" + account + "/custom/i-1"), Name: aws.String("public buckets"),
			GroupByAttribute: aws.String("ResourceId"), Filters: &types.AwsSecurityFindingFilters{}}}}, nil
	},
	"ListFindingAggregators": func(any) (any, error) {
		return &securityhub.ListFindingAggregatorsOutput{FindingAggregators: []types.FindingAggregator{{FindingAggregatorArn: securityhubArn("finding-aggregator/agg-1")}}}, nil
	},
	"GetFindingAggregator": func(in any) (any, error) {
		return &securityhub.GetFindingAggregatorOutput{FindingAggregatorArn: in.(*securityhub.GetFindingAggregatorInput).FindingAggregatorArn,
			FindingAggregationRegion: aws.String(region), RegionLinkingMode: aws.String("ALL_REGIONS_EXCEPT_SPECIFIED"), Regions: []string{"ap-east-1"}}, nil
	},
}

func runSettings(t *testing.T, typ string, answers map[string]func(any) (any, error)) collecttest.Result {
	t.Helper()
	return collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(answers)}), collector.Service, typ, region)
}

func TestSecurityhubStandardAndProductSubscriptions(t *testing.T) {
	collecttest.Setup(t)
	enable(t)
	got := runSettings(t, "standard-subscription", settings)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("standards: %v %v", got.Err, got.Resources)
	}
	s := got.ByID()["cis-aws-foundations-benchmark/v/1.2.0"]
	if s == nil || s.Details["status"] != "INCOMPLETE" || s.Details["status_reason"] != "NO_AVAILABLE_CONFIGURATION_RECORDER" || s.ARN != *securityhubArn("subscription/cis-aws-foundations-benchmark/v/1.2.0") {
		t.Fatalf("cis 1.2: %+v", s)
	}
	if d := got.ByID()["cis-aws-foundations-benchmark/v/1.4.0"].Details; d["standards_arn"] != cis || d["controls_updatable"] != "READY_FOR_UPDATES" || d["status_reason"] != "" {
		t.Errorf("cis 1.4: %v", d)
	}
	got = runSettings(t, "product-subscription", settings)
	if got.Err != nil || len(got.Resources) != 2 || got.ByID()["aws/inspector"] == nil || got.ByID()["aws/guardduty"].ARN != *securityhubArn("product-subscription/aws/guardduty") {
		t.Fatalf("products: %v %v", got.Err, got.Resources)
	}
}

func TestSecurityhubAutomationRulesAndAggregators(t *testing.T) {
	collecttest.Setup(t)
	enable(t)
	got := runSettings(t, "automation-rule", settings)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("rules: %v %v", got.Err, got.Resources)
	}
	collecttest.AssertNoWarnings(t, got)
	r := got.ByID()["r-1"]
	if r.Name != "suppress-dev" || r.Tags["arn"] != r.ARN || r.CreatedAt != "2026-02-01T00:00:00Z" || r.Details["is_terminal"] != true ||
		r.Details["rule_order"] != int64(1) || r.Details["status"] != "ENABLED" || r.Details["created_by"] != "admin" {
		t.Errorf("r-1: %+v", r)
	}
	got = runSettings(t, "finding-aggregator", settings)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("aggregators: %v %v", got.Err, got.Resources)
	}
	a := got.ByID()["agg-1"]
	if a.Details["region_linking_mode"] != "ALL_REGIONS_EXCEPT_SPECIFIED" || a.Details["aggregation_region"] != region {
		t.Errorf("agg-1: %+v", a)
	}
	if regions, _ := a.Details["regions"].([]string); len(regions) != 1 || regions[0] != "ap-east-1" {
		t.Errorf("regions: %v", a.Details["regions"])
	}
}

func TestSecurityhubActionTargetsAndInsights(t *testing.T) {
	collecttest.Setup(t)
	enable(t)
	got := runSettings(t, "action-target", settings)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("action targets: %v %v", got.Err, got.Resources)
	}
	if a := got.ByID()["ticket"]; a.Name != "Open ticket" || a.Details["description"] != "sends to Jira" || a.ARN != *securityhubArn("action/custom/ticket") {
		t.Errorf("ticket: %+v", a)
	}
	got = runSettings(t, "insight", settings)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("insights: %v %v", got.Err, got.Resources)
	}
	if i := got.ByID()[account+"/custom/i-1"]; i == nil || i.Name != "public buckets" || i.Details["group_by"] != "ResourceId" {
		t.Errorf("insight: %+v", got.Resources[0])
	}
}

func TestSecurityhubMembers(t *testing.T) {
	collecttest.Setup(t)
	enable(t)
	api := securityhub.NewFromConfig(collecttest.Config(t, region, nil))
	if _, err := api.CreateMembers(context.Background(), &securityhub.CreateMembersInput{AccountDetails: []types.AccountDetails{
		{AccountId: aws.String("111111111111"), Email: aws.String("a@example.com")}, {AccountId: aws.String("222222222222")}}}); err != nil {
		t.Fatal(err)
	}
	got := collecttest.Run(t, collecttest.Config(t, region, nil), collector.Service, "member", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("members: %v %v", got.Err, got.Resources)
	}
	m := got.ByID()["111111111111"]
	if m.Details["member_status"] != "ENABLED" || m.Details["updated_at"] == "" {
		t.Errorf("member: %v", m.Details)
	}
}

// Without a hub the lists answer InvalidAccessException: NotEnabled. A
// denial stays a denial; a denied detail call is a warning.
func TestSecurityhubSettingsNotEnabledAndDenied(t *testing.T) {
	collecttest.Setup(t)
	off := func(any) (any, error) {
		return nil, &smithy.GenericAPIError{Code: "InvalidAccessException", Message: "Account is not subscribed to AWS Security Hub"}
	}
	for typ, op := range map[string]string{"standard-subscription": "GetEnabledStandards", "product-subscription": "ListEnabledProductsForImport",
		"automation-rule": "ListAutomationRules", "finding-aggregator": "ListFindingAggregators", "member": "ListMembers",
		"action-target": "DescribeActionTargets", "insight": "GetInsights"} {
		got := runSettings(t, typ, map[string]func(any) (any, error){op: off})
		if awsx.ErrorCode(got.Err) != "NotEnabled" || len(got.Resources) != 0 {
			t.Errorf("%s: want NotEnabled, got %v", typ, got.Err)
		}
		collecttest.AssertDenied(t, runSettings(t, typ, map[string]func(any) (any, error){op: collecttest.Denied(op)}))
	}
	denied := map[string]func(any) (any, error){"ListTagsForResource": collecttest.Denied("ListTagsForResource"), "GetFindingAggregator": collecttest.Denied("GetFindingAggregator")}
	for op, f := range settings {
		if denied[op] == nil {
			denied[op] = f
		}
	}
	for typ, want := range map[string]int{"automation-rule": 2, "finding-aggregator": 1} {
		got := runSettings(t, typ, denied)
		if got.Err != nil || len(got.Resources) != want || len(got.Task.Warnings()) != want {
			t.Errorf("%s: want %d resources and warnings, got %v, %d, %v", typ, want, got.Err, len(got.Resources), got.Task.Warnings())
		}
	}
}
