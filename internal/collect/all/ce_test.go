package all_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/costexplorer"
	"github.com/aws/aws-sdk-go-v2/service/costexplorer/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/ce"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/model"
)

const ceAccount = collecttest.MotoAccount

func ceARN(kind, id string) string { return "arn:aws:ce::" + ceAccount + ":" + kind + "/" + id }

// canned answers Cost Explorer's listings (moto has none of them) over two
// pages, and tags each resource with its ARN.
var ceCanned = map[string]func(any) (any, error){
	"GetAnomalyMonitors": func(in any) (any, error) {
		all := []types.AnomalyMonitor{{MonitorArn: aws.String(ceARN("anomalymonitor", "m-1")), MonitorName: aws.String("services"), MonitorType: types.MonitorTypeDimensional,
			MonitorDimension: types.MonitorDimensionService, CreationDate: aws.String("2026-01-15"), LastEvaluatedDate: aws.String("2026-12-05"), DimensionalValueCount: 42}}
		for i := range 2 {
			all = append(all, types.AnomalyMonitor{MonitorArn: aws.String(ceARN("anomalymonitor", fmt.Sprint("c-", i))), MonitorName: aws.String("team"), MonitorType: types.MonitorTypeCustom})
		}
		page, next := collecttest.Page(all, in.(*costexplorer.GetAnomalyMonitorsInput).NextPageToken, 2)
		return &costexplorer.GetAnomalyMonitorsOutput{AnomalyMonitors: page, NextPageToken: next}, nil
	},
	"GetAnomalySubscriptions": func(in any) (any, error) {
		all := []types.AnomalySubscription{
			{SubscriptionArn: aws.String(ceARN("anomalysubscription", "s-1")), SubscriptionName: aws.String("finops"), Frequency: types.AnomalySubscriptionFrequencyDaily,
				MonitorArnList: []string{ceARN("anomalymonitor", "m-1")}, ThresholdExpression: &types.Expression{},
				Subscribers: []types.Subscriber{{Type: types.SubscriberTypeEmail, Address: aws.String("a@example.com")}, {Type: types.SubscriberTypeEmail, Address: aws.String("b@example.com")},
					{Type: types.SubscriberTypeSns, Address: aws.String("arn:aws:sns:us-east-1:" + ceAccount + ":cost-alerts")}}},
			{SubscriptionArn: aws.String(ceARN("anomalysubscription", "s-2")), Frequency: types.AnomalySubscriptionFrequencyImmediate},
			{SubscriptionArn: aws.String(ceARN("anomalysubscription", "s-3")), Frequency: types.AnomalySubscriptionFrequencyWeekly},
		}
		page, next := collecttest.Page(all, in.(*costexplorer.GetAnomalySubscriptionsInput).NextPageToken, 2)
		return &costexplorer.GetAnomalySubscriptionsOutput{AnomalySubscriptions: page, NextPageToken: next}, nil
	},
	"ListCostCategoryDefinitions": func(in any) (any, error) {
		all := []types.CostCategoryReference{
			{CostCategoryArn: aws.String(ceARN("costcategory", "cc-1")), Name: aws.String("team"), NumberOfRules: 3, Values: []string{"web", "data"},
				DefaultValue: aws.String("other"), EffectiveStart: aws.String("2026-01-01T00:00:00Z"),
				ProcessingStatus: []types.CostCategoryProcessingStatus{{Component: types.CostCategoryStatusComponentCostExplorer, Status: types.CostCategoryStatusApplied}}},
			{CostCategoryArn: aws.String(ceARN("costcategory", "cc-2")), Name: aws.String("env")},
			{CostCategoryArn: aws.String(ceARN("costcategory", "cc-3")), Name: aws.String("product")},
		}
		page, next := collecttest.Page(all, in.(*costexplorer.ListCostCategoryDefinitionsInput).NextToken, 2)
		return &costexplorer.ListCostCategoryDefinitionsOutput{CostCategoryReferences: page, NextToken: next}, nil
	},
	"ListCostAllocationTags": func(in any) (any, error) {
		all := []types.CostAllocationTag{{TagKey: aws.String("CostCenter"), Status: types.CostAllocationTagStatusActive, Type: types.CostAllocationTagTypeUserDefined,
			LastUsedDate: aws.String("2026-11-01T00:00:00Z")},
			{TagKey: aws.String("aws:createdBy"), Status: types.CostAllocationTagStatusInactive, Type: types.CostAllocationTagTypeAwsGenerated},
			{TagKey: aws.String("Owner"), Status: types.CostAllocationTagStatusInactive, Type: types.CostAllocationTagTypeUserDefined}}
		page, next := collecttest.Page(all, in.(*costexplorer.ListCostAllocationTagsInput).NextToken, 2)
		return &costexplorer.ListCostAllocationTagsOutput{CostAllocationTags: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &costexplorer.ListTagsForResourceOutput{ResourceTags: []types.ResourceTag{{Key: aws.String("arn"), Value: in.(*costexplorer.ListTagsForResourceInput).ResourceArn}}}, nil
	},
}

func TestCeCostExplorer(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(ceCanned)})
	run := func(typ string) collecttest.Result {
		t.Helper()
		got := collecttest.Run(t, cfg, collector.Service, typ, model.GlobalRegion)
		if got.Err != nil || len(got.Resources) != 3 {
			t.Fatalf("%s: %v, %d", typ, got.Err, len(got.Resources))
		}
		collecttest.AssertNoWarnings(t, got)
		for _, r := range got.Resources {
			if r.Tags["arn"] != r.ARN || r.Region != model.GlobalRegion {
				t.Errorf("%s %s: tags %v, region %s", typ, r.ID, r.Tags, r.Region)
			}
		}
		return got
	}

	m := run("anomaly-monitor").ByID()["m-1"]
	if m.Name != "services" || m.CreatedAt != "2026-01-15T00:00:00Z" || m.Details["monitor_type"] != "DIMENSIONAL" || m.Details["dimension"] != "SERVICE" ||
		m.Details["dimensional_value_count"] != int64(42) || m.Details["last_evaluated"] != "2026-12-05T00:00:00Z" {
		t.Errorf("monitor: %+v", m)
	}

	got := run("anomaly-subscription")
	s := got.ByID()["s-1"]
	if s.Name != "finops" || s.Details["frequency"] != "DAILY" || s.Details["email_subscribers"] != int64(2) || s.Details["has_threshold"] != true ||
		fmt.Sprint(s.Details["sns_topics"]) != "[arn:aws:sns:us-east-1:"+ceAccount+":cost-alerts]" {
		t.Errorf("subscription: %+v", s)
	}
	for _, v := range s.Details {
		if fmt.Sprint(v) == "a@example.com" {
			t.Errorf("an email address is stored: %v", s.Details)
		}
	}
	collecttest.HasEdges(t, got, "s-1 -watches-> ce/anomaly-monitor:m-1", "s-1 -notifies-> sns/topic:cost-alerts")

	c := run("cost-category").ByID()["cc-1"]
	if c.Name != "team" || c.Details["rule_count"] != int64(3) || c.Details["default_value"] != "other" || c.Details["processing"] != "APPLIED" ||
		c.Details["effective_start"] != "2026-01-01T00:00:00Z" || fmt.Sprint(c.Details["values"]) != "[web data]" {
		t.Errorf("category: %+v", c)
	}

	tag := run("cost-allocation-tag").ByID()["CostCenter"]
	if tag.Details["status"] != "Active" || tag.Details["tag_type"] != "UserDefined" || tag.Details["last_used"] != "2026-11-01T00:00:00Z" {
		t.Errorf("allocation tag: %+v", tag)
	}
}

func TestCeDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"anomaly-monitor": "GetAnomalyMonitors", "anomaly-subscription": "GetAnomalySubscriptions", "cost-category": "ListCostCategoryDefinitions",
		"cost-allocation-tag": "ListCostAllocationTags"} {
		cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, model.GlobalRegion))
	}
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"GetAnomalyMonitors": ceCanned["GetAnomalyMonitors"], "ListTagsForResource": collecttest.Denied("ListTagsForResource")})})
	got := collecttest.Run(t, cfg, collector.Service, "anomaly-monitor", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want monitors with a warning each: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
