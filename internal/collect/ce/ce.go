// Package ce collects Cost Explorer cost anomaly monitors and
// subscriptions, cost categories and cost allocation tags: account-wide
// (global) settings read through us-east-1.
package ce

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/costexplorer"
	"github.com/aws/aws-sdk-go-v2/service/costexplorer/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Cost Explorer collector.
var Service = &collect.Service{
	Name:        "ce",
	Description: "Cost Explorer anomaly monitors, anomaly subscriptions, cost categories and cost allocation tags",
	Scope:       collect.Global,
	Types: []collect.Type{
		{Name: "anomaly-monitor", Description: "cost anomaly monitor (id = the monitor ARN's uuid)", Fields: monitorFields.Declared(),
			Tags: collect.TagsPerResource, Collect: monitors, DetailCalls: 1},
		{Name: "anomaly-subscription", Description: "alert subscription to cost anomaly monitors (id = the subscription ARN's uuid); email addresses are not stored",
			Fields: subscriptionFields.Declared(), Tags: collect.TagsPerResource, Collect: subscriptions, DetailCalls: 1},
		{Name: "cost-category", Description: "cost category grouping costs by rules (id = the category ARN's uuid)", Fields: categoryFields.Declared(),
			Tags: collect.TagsPerResource, Collect: categories, DetailCalls: 1},
		{Name: "cost-allocation-tag", Description: "tag key known to Billing (id = the key), active for cost allocation or not", Fields: allocationTagFields.Declared(),
			Tags: collect.NotTaggable, Collect: allocationTags},
	},
	Calls: "anomaly-monitor: GetAnomalyMonitors + per monitor ListTagsForResource. anomaly-subscription: GetAnomalySubscriptions + per subscription ListTagsForResource. " +
		"cost-category: ListCostCategoryDefinitions + per category ListTagsForResource. cost-allocation-tag: ListCostAllocationTags",
	Relations: []collect.Relation{
		{From: "anomaly-subscription", Kind: "watches", To: "ce/anomaly-monitor"},
		{From: "anomaly-subscription", Kind: "notifies", To: "sns/topic"},
	},
}

// dateText is a Cost Explorer date (YYYY-MM-DD, or RFC 3339) in the stored
// form; "" when absent or unreadable.
func dateText(s *string) string {
	if at, err := time.Parse(time.DateOnly, aws.ToString(s)); err == nil {
		return model.Time(&at)
	}
	return collect.TimeText(s)
}

// emit reads the tags of r (a failure is a warning) and emits it.
func emit(ctx context.Context, t *collect.Task, api *costexplorer.Client, r *model.Resource) {
	out, err := api.ListTagsForResource(ctx, &costexplorer.ListTagsForResourceInput{ResourceArn: aws.String(r.ARN)})
	t.Warn("ListTagsForResource", err)
	if err == nil {
		r.Tags = collect.TagMap(out.ResourceTags, func(tg types.ResourceTag) (*string, *string) { return tg.Key, tg.Value })
	}
	t.Emit(r)
}

var monitorFields = collect.Fields[types.AnomalyMonitor]{
	collect.Enum("monitor_type", "DIMENSIONAL (by service, account, ...) or CUSTOM (an expression)", func(m types.AnomalyMonitor) types.MonitorType { return m.MonitorType }),
	collect.Enum("dimension", "what a DIMENSIONAL monitor splits costs by", func(m types.AnomalyMonitor) types.MonitorDimension { return m.MonitorDimension }),
	collect.Computed("dimensional_value_count", model.Integer, "values the monitor tracks", func(m types.AnomalyMonitor) any { return int64(m.DimensionalValueCount) }),
	collect.Computed("last_evaluated", model.Timestamp, "last day the monitor evaluated costs", func(m types.AnomalyMonitor) any { return dateText(m.LastEvaluatedDate) }),
}

func monitors(ctx context.Context, t *collect.Task) error {
	api := costexplorer.NewFromConfig(t.Config)
	p := costexplorer.NewGetAnomalyMonitorsPaginator(api, &costexplorer.GetAnomalyMonitorsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *costexplorer.GetAnomalyMonitorsOutput) []types.AnomalyMonitor { return page.AnomalyMonitors },
		func(ctx context.Context, m types.AnomalyMonitor) {
			arn := aws.ToString(m.MonitorArn)
			emit(ctx, t, api, &model.Resource{Key: t.Key("anomaly-monitor", collect.ARNResourceName(arn)), Name: aws.ToString(m.MonitorName), ARN: arn,
				CreatedAt: dateText(m.CreationDate), Details: monitorFields.Details(m)})
		})
}

// subscriberOf lists a subscription's subscribers of one type.
func subscriberOf(s types.AnomalySubscription, typ types.SubscriberType) []string {
	out := []string{}
	for _, sub := range s.Subscribers {
		if sub.Type == typ {
			out = append(out, aws.ToString(sub.Address))
		}
	}
	return out
}

var subscriptionFields = collect.Fields[types.AnomalySubscription]{
	collect.Enum("frequency", "DAILY, IMMEDIATE or WEEKLY", func(s types.AnomalySubscription) types.AnomalySubscriptionFrequency { return s.Frequency }),
	collect.Computed("monitor_arns", model.JSON, "monitors whose anomalies are sent", func(s types.AnomalySubscription) any { return append([]string{}, s.MonitorArnList...) }),
	collect.Computed("email_subscribers", model.Integer, "how many email addresses are alerted", func(s types.AnomalySubscription) any {
		return int64(len(subscriberOf(s, types.SubscriberTypeEmail)))
	}),
	collect.Computed("sns_topics", model.JSON, "SNS topics alerted", func(s types.AnomalySubscription) any { return subscriberOf(s, types.SubscriberTypeSns) }),
	collect.Computed("has_threshold", model.Boolean, "only anomalies above a threshold expression are sent", func(s types.AnomalySubscription) any {
		return s.ThresholdExpression != nil
	}),
}

func subscriptions(ctx context.Context, t *collect.Task) error {
	api := costexplorer.NewFromConfig(t.Config)
	p := costexplorer.NewGetAnomalySubscriptionsPaginator(api, &costexplorer.GetAnomalySubscriptionsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *costexplorer.GetAnomalySubscriptionsOutput) []types.AnomalySubscription {
		return page.AnomalySubscriptions
	},
		func(ctx context.Context, s types.AnomalySubscription) {
			arn := aws.ToString(s.SubscriptionArn)
			key := t.Key("anomaly-subscription", collect.ARNResourceName(arn))
			emit(ctx, t, api, &model.Resource{Key: key, Name: aws.ToString(s.SubscriptionName), ARN: arn, Details: subscriptionFields.Details(s)})
			for _, m := range s.MonitorArnList {
				t.Relate(key, "watches", t.Key("anomaly-monitor", collect.ARNResourceName(m)))
			}
			for _, topic := range subscriberOf(s, types.SubscriberTypeSns) {
				if k, ok := collect.TargetKey(topic); ok {
					t.Relate(key, "notifies", k)
				}
			}
		})
}

var categoryFields = collect.Fields[types.CostCategoryReference]{
	collect.Computed("rule_count", model.Integer, "rules assigning costs to values", func(c types.CostCategoryReference) any { return int64(c.NumberOfRules) }),
	collect.Computed("values", model.JSON, "values costs are grouped into", func(c types.CostCategoryReference) any { return append([]string{}, c.Values...) }),
	collect.Text("default_value", "value of costs no rule matches", func(c types.CostCategoryReference) *string { return c.DefaultValue }),
	collect.Computed("effective_start", model.Timestamp, "when the current definition took effect", func(c types.CostCategoryReference) any { return dateText(c.EffectiveStart) }),
	collect.Computed("processing", model.Text, "PROCESSING or APPLIED", func(c types.CostCategoryReference) any {
		if len(c.ProcessingStatus) == 0 {
			return ""
		}
		return string(c.ProcessingStatus[0].Status)
	}),
}

func categories(ctx context.Context, t *collect.Task) error {
	api := costexplorer.NewFromConfig(t.Config)
	p := costexplorer.NewListCostCategoryDefinitionsPaginator(api, &costexplorer.ListCostCategoryDefinitionsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *costexplorer.ListCostCategoryDefinitionsOutput) []types.CostCategoryReference {
		return page.CostCategoryReferences
	},
		func(ctx context.Context, c types.CostCategoryReference) {
			arn := aws.ToString(c.CostCategoryArn)
			emit(ctx, t, api, &model.Resource{Key: t.Key("cost-category", collect.ARNResourceName(arn)), Name: aws.ToString(c.Name), ARN: arn,
				Details: categoryFields.Details(c)})
		})
}

var allocationTagFields = collect.Fields[types.CostAllocationTag]{
	collect.Enum("status", "Active (the tag splits the bill) or Inactive", func(c types.CostAllocationTag) types.CostAllocationTagStatus { return c.Status }),
	collect.Enum("tag_type", "UserDefined or AWSGenerated", func(c types.CostAllocationTag) types.CostAllocationTagType { return c.Type }),
	collect.Computed("last_used", model.Timestamp, "last month the tag was seen on a cost", func(c types.CostAllocationTag) any { return dateText(c.LastUsedDate) }),
	collect.Computed("last_updated", model.Timestamp, "last change of the status", func(c types.CostAllocationTag) any { return dateText(c.LastUpdatedDate) }),
}

// allocationTags lists the tag keys Billing knows, activated for cost
// allocation or not: a tag policy is only seen on the bill when active.
func allocationTags(ctx context.Context, t *collect.Task) error {
	p := costexplorer.NewListCostAllocationTagsPaginator(costexplorer.NewFromConfig(t.Config), &costexplorer.ListCostAllocationTagsInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *costexplorer.ListCostAllocationTagsOutput) error {
		for _, c := range page.CostAllocationTags {
			key := aws.ToString(c.TagKey)
			t.Emit(&model.Resource{Key: t.Key("cost-allocation-tag", key), Name: key, Details: allocationTagFields.Details(c)})
		}
		return nil
	})
}
