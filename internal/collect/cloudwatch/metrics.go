package cloudwatch

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// resourceTags reads one resource's tags; a failure is a warning.
func resourceTags(ctx context.Context, t *collect.Task, api *cloudwatch.Client, arn string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &cloudwatch.ListTagsForResourceInput{ResourceARN: aws.String(arn)})
	t.Warn("ListTagsForResource", err)
	if err != nil {
		return nil
	}
	return collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

// ruleLogGroups are the log groups a Contributor Insights rule reads, from
// its JSON definition.
func ruleLogGroups(r types.InsightRule) []string {
	var def struct{ LogGroupNames []string }
	if json.Unmarshal([]byte(aws.ToString(r.Definition)), &def) != nil || def.LogGroupNames == nil {
		return []string{}
	}
	return def.LogGroupNames
}

var insightRuleFields = collect.Fields[types.InsightRule]{
	collect.Text("state", "ENABLED or DISABLED", func(r types.InsightRule) *string { return r.State }),
	collect.Bool("managed_rule", "created and managed by an AWS service", func(r types.InsightRule) *bool { return r.ManagedRule }),
	collect.Computed("log_groups", model.JSON, "log groups the rule reads", func(r types.InsightRule) any { return ruleLogGroups(r) }),
}

func insightRules(ctx context.Context, t *collect.Task) error {
	api := cloudwatch.NewFromConfig(t.Config)
	p := cloudwatch.NewDescribeInsightRulesPaginator(api, &cloudwatch.DescribeInsightRulesInput{MaxResults: t.PageSize(500)})
	return collect.EachItem(ctx, p, func(page *cloudwatch.DescribeInsightRulesOutput) []types.InsightRule { return page.InsightRules },
		func(ctx context.Context, r types.InsightRule) {
			name := aws.ToString(r.Name)
			key := t.Key("insight-rule", name)
			arn := collect.ARN(t, "cloudwatch", "", "insight-rule/"+name)
			t.Emit(&model.Resource{Key: key, Name: name, ARN: arn, Tags: resourceTags(ctx, t, api, arn), Details: insightRuleFields.Details(r)})
			for _, g := range ruleLogGroups(r) {
				t.Relate(key, "reads", t.Ref("logs", "log-group", g))
			}
		})
}

var metricStreamFields = collect.Fields[types.MetricStreamEntry]{
	collect.Text("state", "running or stopped", func(s types.MetricStreamEntry) *string { return s.State }),
	collect.Enum("output_format", "json, opentelemetry0.7 or opentelemetry1.0", func(s types.MetricStreamEntry) types.MetricStreamOutputFormat { return s.OutputFormat }),
	collect.Text("firehose_arn", "Firehose delivery stream the metrics go to", func(s types.MetricStreamEntry) *string { return s.FirehoseArn }),
	collect.Timestamp("last_updated", "last change", func(s types.MetricStreamEntry) *time.Time { return s.LastUpdateDate }),
}

func metricStreams(ctx context.Context, t *collect.Task) error {
	api := cloudwatch.NewFromConfig(t.Config)
	p := cloudwatch.NewListMetricStreamsPaginator(api, &cloudwatch.ListMetricStreamsInput{MaxResults: t.PageSize(500)})
	return collect.EachItem(ctx, p, func(page *cloudwatch.ListMetricStreamsOutput) []types.MetricStreamEntry { return page.Entries },
		func(ctx context.Context, s types.MetricStreamEntry) {
			name, arn := aws.ToString(s.Name), aws.ToString(s.Arn)
			key := t.Key("metric-stream", name)
			t.Emit(&model.Resource{Key: key, Name: name, ARN: arn, CreatedAt: model.Time(s.CreationDate), Tags: resourceTags(ctx, t, api, arn),
				Details: metricStreamFields.Details(s)})
			// arn:aws:firehose:REGION:ACCOUNT:deliverystream/NAME
			if f := aws.ToString(s.FirehoseArn); strings.Contains(f, ":deliverystream/") {
				t.Relate(key, "delivers-to", t.Ref("firehose", "delivery-stream", collect.ARNResourceName(f)))
			}
		})
}

// single is the metric a single-metric anomaly detector models.
func single(d types.AnomalyDetector) types.SingleMetricAnomalyDetector {
	if d.SingleMetricAnomalyDetector != nil {
		return *d.SingleMetricAnomalyDetector
	}
	return types.SingleMetricAnomalyDetector{}
}

// detectorID names a detector by what it models when AWS gives no id:
// NAMESPACE/METRIC/STAT[/DIM=VALUE...], or "math:" and the expression's
// query ids for a metric math detector.
func detectorID(d types.AnomalyDetector) string {
	if id := aws.ToString(d.AnomalyDetectorId); id != "" {
		return id
	}
	if m := d.MetricMathAnomalyDetector; m != nil {
		ids := make([]string, 0, len(m.MetricDataQueries))
		for _, q := range m.MetricDataQueries {
			ids = append(ids, aws.ToString(q.Id)+"="+aws.ToString(q.Expression))
		}
		return "math:" + strings.Join(ids, ",")
	}
	s := single(d)
	parts := []string{aws.ToString(s.Namespace), aws.ToString(s.MetricName), aws.ToString(s.Stat)}
	var dims []string
	for _, dim := range s.Dimensions {
		dims = append(dims, aws.ToString(dim.Name)+"="+aws.ToString(dim.Value))
	}
	sort.Strings(dims)
	return strings.Join(append(parts, dims...), "/")
}

var anomalyDetectorFields = collect.Fields[types.AnomalyDetector]{
	collect.Enum("state", "PENDING_TRAINING, TRAINED_INSUFFICIENT_DATA or TRAINED", func(d types.AnomalyDetector) types.AnomalyDetectorStateValue { return d.StateValue }),
	collect.Computed("detector_type", model.Text, "single (one metric) or math (a metric math expression)", func(d types.AnomalyDetector) any {
		if d.MetricMathAnomalyDetector != nil {
			return "math"
		}
		return "single"
	}),
	collect.Computed("namespace", model.Text, "namespace of the metric modelled", func(d types.AnomalyDetector) any { return aws.ToString(single(d).Namespace) }),
	collect.Computed("metric_name", model.Text, "metric modelled", func(d types.AnomalyDetector) any { return aws.ToString(single(d).MetricName) }),
	collect.Computed("stat", model.Text, "statistic modelled", func(d types.AnomalyDetector) any { return aws.ToString(single(d).Stat) }),
	collect.Computed("dimensions", model.JSON, "dimensions of the metric: {name: value}", func(d types.AnomalyDetector) any {
		dims := map[string]string{}
		for _, dim := range single(d).Dimensions {
			dims[aws.ToString(dim.Name)] = aws.ToString(dim.Value)
		}
		return dims
	}),
}

func anomalyDetectors(ctx context.Context, t *collect.Task) error {
	p := cloudwatch.NewDescribeAnomalyDetectorsPaginator(cloudwatch.NewFromConfig(t.Config), &cloudwatch.DescribeAnomalyDetectorsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *cloudwatch.DescribeAnomalyDetectorsOutput) error {
		for _, d := range page.AnomalyDetectors {
			id := detectorID(d)
			t.Emit(&model.Resource{Key: t.Key("anomaly-detector", id), Name: aws.ToString(single(d).MetricName), Details: anomalyDetectorFields.Details(d)})
		}
		return nil
	})
}
