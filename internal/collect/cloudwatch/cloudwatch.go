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
		{Name: "alarm", Description: "CloudWatch metric or composite alarm", Fields: alarmFields, Tags: collect.TagsBulk, Collect: alarms},
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

var alarmFields = []model.Field{
	{Name: "alarm_type", Type: "text", Description: "metric or composite"},
	{Name: "state", Type: "text", Description: "OK, ALARM or INSUFFICIENT_DATA"},
	{Name: "state_updated", Type: "timestamp", Description: "last state change"},
	{Name: "metric_name", Type: "text", Description: "metric watched (metric alarms on a single metric)"},
	{Name: "namespace", Type: "text", Description: "namespace of the metric, e.g. AWS/EC2"},
	{Name: "dimensions", Type: "json", Description: "dimensions of the metric: {name: value}"},
	{Name: "statistic", Type: "text", Description: "Average, Sum, Maximum, ... (or the extended statistic)"},
	{Name: "period_seconds", Type: "integer", Description: "evaluation period in seconds"},
	{Name: "threshold", Type: "real", Description: "threshold compared against"},
	{Name: "comparison", Type: "text", Description: "comparison operator, e.g. GreaterThanThreshold"},
	{Name: "alarm_rule", Type: "text", Description: "rule expression of a composite alarm"},
	{Name: "actions_enabled", Type: "boolean", Description: "actions run on state changes"},
	{Name: "alarm_actions", Type: "json", Description: "ARNs notified or run on ALARM"},
}

// alarm is one alarm of a page, ready to emit once its tags are known.
type alarm struct {
	name, arn string
	details   map[string]any
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
		for _, a := range page.MetricAlarms {
			all = append(all, alarm{aws.ToString(a.AlarmName), aws.ToString(a.AlarmArn), metricAlarmDetails(a)})
		}
		for _, a := range page.CompositeAlarms {
			all = append(all, alarm{aws.ToString(a.AlarmName), aws.ToString(a.AlarmArn), map[string]any{
				"alarm_type":      "composite",
				"state":           string(a.StateValue),
				"state_updated":   model.Time(a.StateUpdatedTimestamp),
				"alarm_rule":      aws.ToString(a.AlarmRule),
				"actions_enabled": aws.ToBool(a.ActionsEnabled),
				"alarm_actions":   append([]string{}, a.AlarmActions...),
			}})
		}
		collect.ForEach(ctx, all, func(ctx context.Context, a alarm) {
			emit(t, a, bulk.Of(ctx, a.arn, "ListTagsForResource", func(ctx context.Context) (map[string]string, error) {
				out, err := api.ListTagsForResource(ctx, &cloudwatch.ListTagsForResourceInput{ResourceARN: aws.String(a.arn)})
				if err != nil {
					return nil, err
				}
				return collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value }), nil
			}))
		})
		return nil
	})
}

func metricAlarmDetails(a types.MetricAlarm) map[string]any {
	dims := map[string]string{}
	for _, d := range a.Dimensions {
		dims[aws.ToString(d.Name)] = aws.ToString(d.Value)
	}
	statistic := string(a.Statistic)
	if statistic == "" {
		statistic = aws.ToString(a.ExtendedStatistic)
	}
	d := map[string]any{
		"alarm_type":      "metric",
		"state":           string(a.StateValue),
		"state_updated":   model.Time(a.StateUpdatedTimestamp),
		"metric_name":     aws.ToString(a.MetricName),
		"namespace":       aws.ToString(a.Namespace),
		"dimensions":      dims,
		"statistic":       statistic,
		"period_seconds":  aws.ToInt32(a.Period),
		"comparison":      string(a.ComparisonOperator),
		"actions_enabled": aws.ToBool(a.ActionsEnabled),
		"alarm_actions":   append([]string{}, a.AlarmActions...),
	}
	// Anomaly-detection alarms compare against a band, not a threshold.
	if a.Threshold != nil {
		d["threshold"] = *a.Threshold
	}
	return d
}

func emit(t *collect.Task, a alarm, tags map[string]string) {
	t.Emit(&model.Resource{
		Key:     t.Key("alarm", a.name),
		ARN:     a.arn,
		Name:    a.name,
		Tags:    tags,
		Details: a.details,
	})
}
