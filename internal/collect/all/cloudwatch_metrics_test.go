package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/cloudwatch"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var cloudwatchCreated = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func streamARN(name string) string {
	return "arn:aws:cloudwatch:" + region + ":" + collecttest.MotoAccount + ":metric-stream/" + name
}

// metricsCanned answers the metric stream, anomaly detector and insight
// rule listings over two pages (moto cannot parse the CloudWatch SDK's
// CBOR), and tags every resource with its own ARN.
var metricsCanned = collecttest.Canned(map[string]func(any) (any, error){
	"ListMetricStreams": func(in any) (any, error) {
		all := []types.MetricStreamEntry{{Name: aws.String("to-datadog"), Arn: aws.String(streamARN("to-datadog")), State: aws.String("running"),
			OutputFormat: types.MetricStreamOutputFormatOpenTelemetry10, CreationDate: &cloudwatchCreated,
			FirehoseArn: aws.String("arn:aws:firehose:" + region + ":" + collecttest.MotoAccount + ":deliverystream/datadog")}}
		for i := range 2 {
			all = append(all, types.MetricStreamEntry{Name: aws.String(fmt.Sprint("s", i)), Arn: aws.String(streamARN(fmt.Sprint("s", i))), State: aws.String("stopped")})
		}
		page, next := collecttest.Page(all, in.(*cloudwatch.ListMetricStreamsInput).NextToken, 2)
		return &cloudwatch.ListMetricStreamsOutput{Entries: page, NextToken: next}, nil
	},
	"DescribeAnomalyDetectors": func(in any) (any, error) {
		all := []types.AnomalyDetector{
			{StateValue: types.AnomalyDetectorStateValueTrained, SingleMetricAnomalyDetector: &types.SingleMetricAnomalyDetector{Namespace: aws.String("AWS/EC2"),
				MetricName: aws.String("CPUUtilization"), Stat: aws.String("Average"),
				Dimensions: []types.Dimension{{Name: aws.String("InstanceId"), Value: aws.String("i-1")}, {Name: aws.String("AutoScalingGroupName"), Value: aws.String("web")}}}},
			{SingleMetricAnomalyDetector: &types.SingleMetricAnomalyDetector{Namespace: aws.String("AWS/Lambda"), MetricName: aws.String("Errors"), Stat: aws.String("Sum")}},
			{MetricMathAnomalyDetector: &types.MetricMathAnomalyDetector{MetricDataQueries: []types.MetricDataQuery{{Id: aws.String("e1"), Expression: aws.String("m1/m2")}}}},
		}
		page, next := collecttest.Page(all, in.(*cloudwatch.DescribeAnomalyDetectorsInput).NextToken, 2)
		return &cloudwatch.DescribeAnomalyDetectorsOutput{AnomalyDetectors: page, NextToken: next}, nil
	},
	"DescribeInsightRules": func(in any) (any, error) {
		all := []types.InsightRule{
			{Name: aws.String("top-talkers"), State: aws.String("ENABLED"), Definition: aws.String(`{"Schema":{"Name":"CloudWatchLogRule","Version":1},"LogGroupNames":["/vpc/flow","/app"]}`)},
			{Name: aws.String("managed"), State: aws.String("DISABLED"), ManagedRule: aws.Bool(true), Definition: aws.String("not json")},
			{Name: aws.String("third"), State: aws.String("ENABLED")},
		}
		page, next := collecttest.Page(all, in.(*cloudwatch.DescribeInsightRulesInput).NextToken, 2)
		return &cloudwatch.DescribeInsightRulesOutput{InsightRules: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &cloudwatch.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: in.(*cloudwatch.ListTagsForResourceInput).ResourceARN}}}, nil
	},
})

func TestCloudwatchMetricTypes(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: metricsCanned})

	got := collecttest.Run(t, cfg, collector.Service, "metric-stream", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("metric streams: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	s := got.ByID()["to-datadog"]
	if s.ARN != streamARN("to-datadog") || s.Tags["arn"] != s.ARN || s.CreatedAt != "2026-01-02T03:04:05Z" ||
		s.Details["state"] != "running" || s.Details["output_format"] != "opentelemetry1.0" {
		t.Errorf("stream: %+v", s)
	}
	collecttest.HasEdges(t, got, "to-datadog -delivers-to-> firehose/delivery-stream:datadog")

	got = collecttest.Run(t, cfg, collector.Service, "anomaly-detector", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("anomaly detectors: %v, %d", got.Err, len(got.Resources))
	}
	byID := got.ByID()
	cpu := byID["AWS/EC2/CPUUtilization/Average/AutoScalingGroupName=web/InstanceId=i-1"]
	if cpu == nil || cpu.Details["state"] != "TRAINED" || cpu.Details["detector_type"] != "single" || cpu.Details["namespace"] != "AWS/EC2" ||
		fmt.Sprint(cpu.Details["dimensions"]) != "map[AutoScalingGroupName:web InstanceId:i-1]" {
		t.Fatalf("cpu detector: %v", byID)
	}
	if l := byID["AWS/Lambda/Errors/Sum"]; l == nil || l.Details["metric_name"] != "Errors" || l.Name != "Errors" {
		t.Errorf("lambda detector: %v", byID)
	}
	if m := byID["math:e1=m1/m2"]; m == nil || m.Details["detector_type"] != "math" {
		t.Errorf("math detector: %v", byID)
	}

	got = collecttest.Run(t, cfg, collector.Service, "insight-rule", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("insight rules: %v, %d", got.Err, len(got.Resources))
	}
	r := got.ByID()["top-talkers"]
	arn := "arn:aws:cloudwatch:" + region + ":" + collecttest.MotoAccount + ":insight-rule/top-talkers"
	if r.ARN != arn || r.Tags["arn"] != arn || r.Details["state"] != "ENABLED" || fmt.Sprint(r.Details["log_groups"]) != "[/vpc/flow /app]" {
		t.Errorf("rule: %+v", r)
	}
	if m := got.ByID()["managed"]; m.Details["managed_rule"] != true || len(m.Details["log_groups"].([]string)) != 0 {
		t.Errorf("managed rule: %+v", m)
	}
	collecttest.HasEdges(t, got, "top-talkers -reads-> logs/log-group:/vpc/flow", "top-talkers -reads-> logs/log-group:/app")
}

func TestCloudwatchMetricTypesDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"metric-stream": "ListMetricStreams", "anomaly-detector": "DescribeAnomalyDetectors", "insight-rule": "DescribeInsightRules"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	// Tags denied: every stream is still emitted, the collection partial.
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: awsx.ResponderFunc(func(ctx context.Context, req awsx.Request) (any, error) {
		if req.Operation == "ListTagsForResource" {
			return collecttest.Denied(req.Operation)(req.Input)
		}
		return metricsCanned.Respond(ctx, req)
	})})
	got := collecttest.Run(t, cfg, collector.Service, "metric-stream", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want streams with a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
