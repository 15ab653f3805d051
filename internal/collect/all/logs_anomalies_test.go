package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/logs"
)

// moto has no log anomaly detectors: canned, three over two pages, each
// tagged with its ARN.
var anomaliesCanned = map[string]func(any) (any, error){
	"ListLogAnomalyDetectors": func(in any) (any, error) {
		created := time.Date(2026, 8, 8, 0, 0, 0, 0, time.UTC).UnixMilli()
		var all []types.AnomalyDetector
		for i := range 3 {
			all = append(all, types.AnomalyDetector{AnomalyDetectorArn: aws.String(fmt.Sprintf("arn:aws:logs:%s:%s:anomaly-detector:ad-%d", region, logsAccount, i)),
				DetectorName: aws.String(fmt.Sprint("app", i)), AnomalyDetectorStatus: types.AnomalyDetectorStatusAnalyzing, EvaluationFrequency: types.EvaluationFrequencyFiveMin,
				CreationTimeStamp: created, LastModifiedTimeStamp: created, KmsKeyId: aws.String("arn:aws:kms:" + region + ":" + logsAccount + ":key/k-1"),
				LogGroupArnList: []string{"arn:aws:logs:" + region + ":" + logsAccount + ":log-group:/app/web:*"}})
		}
		page, next := collecttest.Page(all, in.(*cloudwatchlogs.ListLogAnomalyDetectorsInput).NextToken, 2)
		return &cloudwatchlogs.ListLogAnomalyDetectorsOutput{AnomalyDetectors: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &cloudwatchlogs.ListTagsForResourceOutput{Tags: map[string]string{"arn": aws.ToString(in.(*cloudwatchlogs.ListTagsForResourceInput).ResourceArn)}}, nil
	},
}

func TestLogsAnomalyDetectors(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(anomaliesCanned)})
	got := collecttest.Run(t, cfg, collector.Service, "log-anomaly-detector", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("detectors: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	d := got.ByID()["ad-1"]
	if d.Name != "app1" || d.Tags["arn"] != d.ARN || d.CreatedAt != "2026-08-08T00:00:00Z" || d.Details["status"] != "ANALYZING" ||
		d.Details["evaluation_frequency"] != "FIVE_MIN" || fmt.Sprint(d.Details["log_groups"]) != "[/app/web]" {
		t.Errorf("detector: %+v", d)
	}
	collecttest.HasEdges(t, got, "ad-1 -watches-> logs/log-group:/app/web", "ad-1 -encrypted-with-> kms/key:k-1")

	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListLogAnomalyDetectors": collecttest.Denied("ListLogAnomalyDetectors")})})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "log-anomaly-detector", region))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListLogAnomalyDetectors": anomaliesCanned["ListLogAnomalyDetectors"], "ListTagsForResource": collecttest.Denied("ListTagsForResource")})})
	got = collecttest.Run(t, cfg, collector.Service, "log-anomaly-detector", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want detectors with a warning each: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
