// Package cloudwatch collects CloudWatch alarms, dashboards, metric
// streams, anomaly detectors and Contributor Insights rules.
package cloudwatch

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the CloudWatch collector.
var Service = &collect.Service{
	Name:        "cloudwatch",
	Description: "CloudWatch metric and composite alarms, dashboards, metric streams, anomaly detectors, Contributor Insights rules",
	Types: []collect.Type{
		{Name: "alarm", Description: "CloudWatch metric or composite alarm", Fields: alarmFields.Declared(), Tags: collect.TagsBulk, Collect: alarms},
		{Name: "dashboard", Description: "CloudWatch dashboard (id = name)", Fields: dashboardFields.Declared(), Tags: collect.NotTaggable, Collect: dashboards},
		{Name: "metric-stream", Description: "metric stream to a Firehose delivery stream (id = name)", Fields: metricStreamFields.Declared(),
			Tags: collect.TagsPerResource, Collect: metricStreams, DetailCalls: 1},
		{Name: "anomaly-detector", Description: "anomaly detection model of a metric (id = NAMESPACE/METRIC/STAT[/DIM=VALUE...], or math:QUERIES)",
			Fields: anomalyDetectorFields.Declared(), Tags: collect.NotTaggable, Collect: anomalyDetectors},
		{Name: "insight-rule", Description: "Contributor Insights rule (id = name)", Fields: insightRuleFields.Declared(), Tags: collect.TagsPerResource,
			Collect: insightRules, DetailCalls: 1},
	},
	Calls: "alarm: 1 paged describe + bulk tags (else per resource ListTagsForResource). dashboard: ListDashboards (paged). " +
		"metric-stream: ListMetricStreams + per stream ListTagsForResource. anomaly-detector: DescribeAnomalyDetectors. " +
		"insight-rule: DescribeInsightRules + per rule ListTagsForResource",
	Relations: []collect.Relation{
		{From: "metric-stream", Kind: "delivers-to", To: "firehose/delivery-stream"},
		{From: "insight-rule", Kind: "reads", To: "logs/log-group"},
	},
}

// alarm is one alarm of a page: a metric or a composite alarm.
type alarm struct {
	metric    *types.MetricAlarm
	composite *types.CompositeAlarm
}

func isMetric(a alarm) bool     { return a.metric != nil }
func isComposite(a alarm) bool  { return a.composite != nil }
func hasThreshold(a alarm) bool { return isMetric(a) && a.metric.Threshold != nil }

var alarmFields = collect.Fields[alarm]{
	collect.Computed("alarm_type", model.Text, "metric or composite", func(a alarm) any {
		if a.metric != nil {
			return "metric"
		}
		return "composite"
	}),
	collect.Computed("state", model.Text, "OK, ALARM or INSUFFICIENT_DATA", func(a alarm) any {
		if a.metric != nil {
			return string(a.metric.StateValue)
		}
		return string(a.composite.StateValue)
	}),
	collect.Computed("state_updated", model.Timestamp, "last state change", func(a alarm) any {
		if a.metric != nil {
			return model.Time(a.metric.StateUpdatedTimestamp)
		}
		return model.Time(a.composite.StateUpdatedTimestamp)
	}),
	collect.When(isMetric, collect.Text("metric_name", "metric watched (metric alarms on a single metric)", func(a alarm) *string { return a.metric.MetricName })),
	collect.When(isMetric, collect.Text("namespace", "namespace of the metric, e.g. AWS/EC2", func(a alarm) *string { return a.metric.Namespace })),
	collect.When(isMetric, collect.Computed("dimensions", model.JSON, "dimensions of the metric: {name: value}", func(a alarm) any {
		dims := map[string]string{}
		for _, d := range a.metric.Dimensions {
			dims[aws.ToString(d.Name)] = aws.ToString(d.Value)
		}
		return dims
	})),
	collect.When(isMetric, collect.Computed("statistic", model.Text, "Average, Sum, Maximum, ... (or the extended statistic)", func(a alarm) any {
		if a.metric.Statistic != "" {
			return string(a.metric.Statistic)
		}
		return aws.ToString(a.metric.ExtendedStatistic)
	})),
	collect.When(isMetric, collect.Int("period_seconds", "evaluation period in seconds", func(a alarm) *int32 { return a.metric.Period })),
	// Anomaly-detection alarms compare against a band, not a threshold.
	collect.When(hasThreshold, collect.Computed("threshold", model.Real, "threshold compared against", func(a alarm) any { return *a.metric.Threshold })),
	collect.When(isMetric, collect.Enum("comparison", "comparison operator, e.g. GreaterThanThreshold", func(a alarm) types.ComparisonOperator {
		return a.metric.ComparisonOperator
	})),
	collect.When(isComposite, collect.Text("alarm_rule", "rule expression of a composite alarm", func(a alarm) *string { return a.composite.AlarmRule })),
	collect.Computed("actions_enabled", model.Boolean, "actions run on state changes", func(a alarm) any {
		if a.metric != nil {
			return aws.ToBool(a.metric.ActionsEnabled)
		}
		return aws.ToBool(a.composite.ActionsEnabled)
	}),
	collect.Computed("alarm_actions", model.JSON, "ARNs notified or run on ALARM", func(a alarm) any {
		if a.metric != nil {
			return append([]string{}, a.metric.AlarmActions...)
		}
		return append([]string{}, a.composite.AlarmActions...)
	}),
}

// name and arn are the alarm's identity.
func (a alarm) name() string {
	if a.metric != nil {
		return aws.ToString(a.metric.AlarmName)
	}
	return aws.ToString(a.composite.AlarmName)
}

func (a alarm) arn() string {
	if a.metric != nil {
		return aws.ToString(a.metric.AlarmArn)
	}
	return aws.ToString(a.composite.AlarmArn)
}

func alarms(ctx context.Context, t *collect.Task) error {
	api := cloudwatch.NewFromConfig(t.Config)
	bulk := collect.NewBulkTags(t, "cloudwatch:alarm")
	p := cloudwatch.NewDescribeAlarmsPaginator(api, &cloudwatch.DescribeAlarmsInput{
		AlarmTypes: []types.AlarmType{types.AlarmTypeMetricAlarm, types.AlarmTypeCompositeAlarm},
		MaxRecords: t.PageSize(100),
	})
	return collect.EachPage(ctx, p, func(page *cloudwatch.DescribeAlarmsOutput) error {
		var all []alarm
		for i := range page.MetricAlarms {
			all = append(all, alarm{metric: &page.MetricAlarms[i]})
		}
		for i := range page.CompositeAlarms {
			all = append(all, alarm{composite: &page.CompositeAlarms[i]})
		}
		collect.ForEach(ctx, all, func(ctx context.Context, a alarm) {
			arn := a.arn()
			emit(t, a, bulk.Of(ctx, arn, "ListTagsForResource", func(ctx context.Context) (map[string]string, error) {
				out, err := api.ListTagsForResource(ctx, &cloudwatch.ListTagsForResourceInput{ResourceARN: aws.String(arn)})
				if err != nil {
					return nil, err
				}
				return collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value }), nil
			}))
		})
		return nil
	})
}

func emit(t *collect.Task, a alarm, tags map[string]string) {
	t.Emit(&model.Resource{
		Key:     t.Key("alarm", a.name()),
		ARN:     a.arn(),
		Name:    a.name(),
		Tags:    tags,
		Details: alarmFields.Details(a),
	})
}
