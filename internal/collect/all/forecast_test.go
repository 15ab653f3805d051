package all_test

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/forecast"
	"github.com/aws/aws-sdk-go-v2/service/forecast/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/forecast"
)

var forecastPaged = collecttest.Paged{Cap: 2}

const forecastRegion = "us-east-1"

var (
	forecastCreated = time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	forecastUpdated = time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC)
	forecastRole    = "arn:aws:iam::" + account + ":role/forecast"
	forecastKey     = "arn:aws:kms:" + forecastRegion + ":" + account + ":key/k-fc"
)

func forecastArn(res string) string {
	return "arn:aws:forecast:" + forecastRegion + ":" + account + ":" + res
}

func tagAnswer(in any) (any, error) {
	return &forecast.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: in.(*forecast.ListTagsForResourceInput).ResourceArn}}}, nil
}

// canned answers Forecast. moto 5.2.1 serves dataset groups only, and
// dates them with ISO 8601 strings where the API (and so the SDK's
// deserializer) has epoch seconds: the SDK fails on its ListDatasetGroups
// ("unexpected string value for float"), so nothing here runs against it.
// Three of every type; dataset ds0 and AutoPredictor pr0 are encrypted with a
// customer key, pr1 is a legacy predictor, pr2 retrains pr0; every tag set
// holds the resource's ARN.
func forecastCanned(replace map[string]func(any) (any, error)) awsx.Options {
	answers := map[string]func(any) (any, error){
		"ListDatasetGroups": func(in any) (any, error) {
			var all []types.DatasetGroupSummary
			for _, g := range three("fg") {
				all = append(all, types.DatasetGroupSummary{DatasetGroupArn: aws.String(forecastArn("dataset-group/" + g)), DatasetGroupName: aws.String(g),
					CreationTime: &forecastCreated, LastModificationTime: &forecastUpdated})
			}
			items, next := twoPerPage(all, in.(*forecast.ListDatasetGroupsInput).NextToken)
			return &forecast.ListDatasetGroupsOutput{DatasetGroups: items, NextToken: next}, nil
		},
		"DescribeDatasetGroup": func(in any) (any, error) {
			return &forecast.DescribeDatasetGroupOutput{DatasetGroupArn: in.(*forecast.DescribeDatasetGroupInput).DatasetGroupArn, Domain: types.DomainRetail,
				Status: aws.String("ACTIVE"), DatasetArns: []string{forecastArn("dataset/ds0"), forecastArn("dataset/ds1")}}, nil
		},
		"ListDatasets": func(in any) (any, error) {
			var all []types.DatasetSummary
			for _, d := range three("ds") {
				all = append(all, types.DatasetSummary{DatasetArn: aws.String(forecastArn("dataset/" + d)), DatasetName: aws.String(d), DatasetType: types.DatasetTypeTargetTimeSeries,
					Domain: types.DomainRetail, CreationTime: &forecastCreated, LastModificationTime: &forecastUpdated})
			}
			items, next := twoPerPage(all, in.(*forecast.ListDatasetsInput).NextToken)
			return &forecast.ListDatasetsOutput{Datasets: items, NextToken: next}, nil
		},
		"DescribeDataset": func(in any) (any, error) {
			a := in.(*forecast.DescribeDatasetInput).DatasetArn
			out := &forecast.DescribeDatasetOutput{DatasetArn: a, Status: aws.String("ACTIVE"), DataFrequency: aws.String("D")}
			if strings.HasSuffix(aws.ToString(a), "ds0") {
				out.EncryptionConfig = &types.EncryptionConfig{KMSKeyArn: aws.String(forecastKey), RoleArn: aws.String(forecastRole)}
			}
			return out, nil
		},
		"ListPredictors": func(in any) (any, error) {
			var all []types.PredictorSummary
			for _, p := range three("pr") {
				s := types.PredictorSummary{PredictorArn: aws.String(forecastArn("predictor/" + p)), PredictorName: aws.String(p), IsAutoPredictor: aws.Bool(p != "pr1"),
					DatasetGroupArn: aws.String(forecastArn("dataset-group/fg0")), Status: aws.String("ACTIVE"), CreationTime: &forecastCreated, LastModificationTime: &forecastUpdated}
				if p == "pr2" {
					s.ReferencePredictorSummary = &types.ReferencePredictorSummary{Arn: aws.String(forecastArn("predictor/pr0")), State: types.StateActive}
				}
				all = append(all, s)
			}
			items, next := twoPerPage(all, in.(*forecast.ListPredictorsInput).NextToken)
			return &forecast.ListPredictorsOutput{Predictors: items, NextToken: next}, nil
		},
		"DescribeAutoPredictor": func(in any) (any, error) {
			a := in.(*forecast.DescribeAutoPredictorInput).PredictorArn
			out := &forecast.DescribeAutoPredictorOutput{PredictorArn: a, ForecastHorizon: aws.Int32(14), ForecastFrequency: aws.String("D"),
				OptimizationMetric: types.OptimizationMetricWape}
			if strings.HasSuffix(aws.ToString(a), "pr0") {
				out.EncryptionConfig = &types.EncryptionConfig{KMSKeyArn: aws.String(forecastKey), RoleArn: aws.String(forecastRole)}
			}
			return out, nil
		},
		"DescribePredictor": func(in any) (any, error) {
			return &forecast.DescribePredictorOutput{PredictorArn: in.(*forecast.DescribePredictorInput).PredictorArn, ForecastHorizon: aws.Int32(7),
				FeaturizationConfig: &types.FeaturizationConfig{ForecastFrequency: aws.String("W")}, OptimizationMetric: types.OptimizationMetricRmse}, nil
		},
		"ListForecasts": func(in any) (any, error) {
			var all []types.ForecastSummary
			for _, f := range three("fc") {
				all = append(all, types.ForecastSummary{ForecastArn: aws.String(forecastArn("forecast/" + f)), ForecastName: aws.String(f), PredictorArn: aws.String(forecastArn("predictor/pr0")),
					DatasetGroupArn: aws.String(forecastArn("dataset-group/fg0")), CreatedUsingAutoPredictor: aws.Bool(true), Status: aws.String("ACTIVE"),
					CreationTime: &forecastCreated, LastModificationTime: &forecastUpdated})
			}
			items, next := twoPerPage(all, in.(*forecast.ListForecastsInput).NextToken)
			return &forecast.ListForecastsOutput{Forecasts: items, NextToken: next}, nil
		},
		"ListMonitors": func(in any) (any, error) {
			var all []types.MonitorSummary
			for _, m := range three("mo") {
				all = append(all, types.MonitorSummary{MonitorArn: aws.String(forecastArn("monitor/" + m)), MonitorName: aws.String(m), ResourceArn: aws.String(forecastArn("predictor/pr2")),
					Status: aws.String("ACTIVE"), CreationTime: &forecastCreated, LastModificationTime: &forecastUpdated})
			}
			items, next := twoPerPage(all, in.(*forecast.ListMonitorsInput).NextToken)
			return &forecast.ListMonitorsOutput{Monitors: items, NextToken: next}, nil
		},
		"ListExplainabilities": func(in any) (any, error) {
			var all []types.ExplainabilitySummary
			for i, e := range three("ex") {
				s := types.ExplainabilitySummary{ExplainabilityArn: aws.String(forecastArn("explainability/" + e)), ExplainabilityName: aws.String(e),
					ResourceArn: aws.String(forecastArn("predictor/pr0")), Status: aws.String("ACTIVE"), CreationTime: &forecastCreated, LastModificationTime: &forecastUpdated,
					ExplainabilityConfig: &types.ExplainabilityConfig{TimeSeriesGranularity: types.TimeSeriesGranularityAll, TimePointGranularity: types.TimePointGranularityAll}}
				if i == 1 {
					s.ResourceArn = aws.String(forecastArn("forecast/fc1"))
					s.ExplainabilityConfig = &types.ExplainabilityConfig{TimeSeriesGranularity: types.TimeSeriesGranularitySpecific,
						TimePointGranularity: types.TimePointGranularitySpecific}
				}
				all = append(all, s)
			}
			items, next := twoPerPage(all, in.(*forecast.ListExplainabilitiesInput).NextToken)
			return &forecast.ListExplainabilitiesOutput{Explainabilities: items, NextToken: next}, nil
		},
		"ListTagsForResource": tagAnswer,
	}
	maps.Copy(answers, replace)
	return awsx.Options{Responder: collecttest.Canned(answers)}
}

func TestForecastTypes(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, forecastRegion, forecastCanned(nil))
	for _, c := range []struct {
		typ, id string
		details map[string]any
		edges   []string
	}{
		{"dataset-group", "fg1", map[string]any{"status": "ACTIVE", "domain": "RETAIL", "datasets": int64(2), "updated": "2026-04-02T00:00:00Z"},
			[]string{"fg1 -uses-> forecast/dataset:ds0", "fg1 -uses-> forecast/dataset:ds1"}},
		{"dataset", "ds0", map[string]any{"dataset_type": "TARGET_TIME_SERIES", "domain": "RETAIL", "status": "ACTIVE", "data_frequency": "D",
			"kms_key": forecastKey, "role_arn": forecastRole}, []string{"ds0 -encrypted-with-> kms/key:k-fc", "ds0 -assumes-role-> iam/role:forecast"}},
		{"dataset", "ds2", map[string]any{"kms_key": "", "role_arn": ""}, nil},
		{"predictor", "pr0", map[string]any{"status": "ACTIVE", "auto_predictor": true, "kms_key": forecastKey, "role_arn": forecastRole, "forecast_horizon": int64(14),
			"forecast_frequency": "D", "optimization_metric": "WAPE", "reference_predictor_arn": ""},
			[]string{"pr0 -in-> forecast/dataset-group:fg0", "pr0 -encrypted-with-> kms/key:k-fc", "pr0 -assumes-role-> iam/role:forecast"}},
		{"predictor", "pr1", map[string]any{"auto_predictor": false, "kms_key": "", "forecast_horizon": int64(7), "forecast_frequency": "W",
			"optimization_metric": "RMSE"}, []string{"pr1 -in-> forecast/dataset-group:fg0"}},
		{"predictor", "pr2", map[string]any{"reference_predictor_arn": forecastArn("predictor/pr0")}, nil},
		{"forecast", "fc2", map[string]any{"status": "ACTIVE", "predictor_arn": forecastArn("predictor/pr0"), "auto_predictor": true, "message": ""},
			[]string{"fc2 -in-> forecast/dataset-group:fg0", "fc2 -created-from-> forecast/predictor:pr0"}},
		{"monitor", "mo1", map[string]any{"status": "ACTIVE", "predictor_arn": forecastArn("predictor/pr2")}, []string{"mo1 -monitors-> forecast/predictor:pr2"}},
		{"explainability", "ex0", map[string]any{"resource_arn": forecastArn("predictor/pr0"), "time_series_granularity": "ALL", "time_point_granularity": "ALL"},
			[]string{"ex0 -explains-> forecast/predictor:pr0"}},
		{"explainability", "ex1", map[string]any{"resource_arn": forecastArn("forecast/fc1"), "time_series_granularity": "SPECIFIC"},
			[]string{"ex1 -explains-> forecast/forecast:fc1"}},
	} {
		t.Run(c.typ+"/"+c.id, func(t *testing.T) {
			got := forecastPaged.Run(t, cfg, collector.Service, c.typ, forecastRegion)
			if got.Err != nil || len(got.Resources) != 3 {
				t.Fatalf("%v, %d resources", got.Err, len(got.Resources))
			}
			collecttest.AssertNoWarnings(t, got)
			r := got.ByID()[c.id]
			if r == nil || r.Name != c.id || r.ARN != forecastArn(c.typ+"/"+c.id) || r.CreatedAt != "2026-04-01T00:00:00Z" || r.Tags["arn"] != r.ARN {
				t.Fatalf("%s: %+v in %v", c.id, r, got.ByID())
			}
			for k, v := range c.details {
				if r.Details[k] != v {
					t.Errorf("details[%s] = %#v, want %#v", k, r.Details[k], v)
				}
			}
			collecttest.HasEdges(t, got, c.edges...)
			if c.edges == nil && c.typ == "dataset" && len(got.Edges()) != 2 {
				t.Errorf("only ds0 is encrypted: %v", got.Edges())
			}
		})
	}
}

func forecastNotFound(what string) func(any) (any, error) {
	return func(any) (any, error) {
		return nil, &smithy.GenericAPIError{Code: "ResourceNotFoundException", Message: "no such " + what}
	}
}

// A resource deleted between the listing and its describe call is
// skipped, not stored nor warned about.
func TestForecastDeletedMeanwhile(t *testing.T) {
	collecttest.Require(t)
	only := func(op, id string, input func(any) *string) func(any) (any, error) {
		next := forecastCanned(nil).Responder
		return func(in any) (any, error) {
			if strings.HasSuffix(aws.ToString(input(in)), "/"+id) {
				return forecastNotFound(id)(in)
			}
			return next.Respond(context.Background(), awsx.Request{Operation: op, Input: in})
		}
	}
	for _, c := range []struct{ typ, op, id string }{
		{"dataset-group", "DescribeDatasetGroup", "fg1"},
		{"dataset", "DescribeDataset", "ds2"},
		{"predictor", "DescribeAutoPredictor", "pr0"},
		{"predictor", "DescribePredictor", "pr1"},
	} {
		input := map[string]func(any) *string{
			"DescribeDatasetGroup":  func(in any) *string { return in.(*forecast.DescribeDatasetGroupInput).DatasetGroupArn },
			"DescribeDataset":       func(in any) *string { return in.(*forecast.DescribeDatasetInput).DatasetArn },
			"DescribeAutoPredictor": func(in any) *string { return in.(*forecast.DescribeAutoPredictorInput).PredictorArn },
			"DescribePredictor":     func(in any) *string { return in.(*forecast.DescribePredictorInput).PredictorArn },
		}[c.op]
		cfg := collecttest.ConfigWith(t, forecastRegion, forecastCanned(map[string]func(any) (any, error){c.op: only(c.op, c.id, input)}))
		got := forecastPaged.Run(t, cfg, collector.Service, c.typ, forecastRegion)
		if got.Err != nil || len(got.Resources) != 2 || got.ByID()[c.id] != nil {
			t.Fatalf("%s %s gone: %v, %d resources %v", c.typ, c.id, got.Err, len(got.Resources), got.ByID())
		}
		collecttest.AssertNoWarnings(t, got)
	}
}

// A failed describe call leaves the resource, from its summary, without
// the fields that call gives (unknown, not empty), and a warning.
func TestForecastDescribeFails(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, forecastRegion, forecastCanned(map[string]func(any) (any, error){
		"DescribeAutoPredictor": collecttest.Denied("DescribeAutoPredictor"),
		"DescribeDatasetGroup":  collecttest.Denied("DescribeDatasetGroup"),
	}))
	got := forecastPaged.Run(t, cfg, collector.Service, "predictor", forecastRegion)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 2 {
		t.Fatalf("%v, %d resources, %d warnings", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	p := got.ByID()["pr0"].Details
	if _, known := p["kms_key"]; known || p["status"] != "ACTIVE" || got.ByID()["pr1"].Details["forecast_horizon"] != int64(7) {
		t.Errorf("pr0 without its description: %v", p)
	}
	got = forecastPaged.Run(t, cfg, collector.Service, "dataset-group", forecastRegion)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 || len(got.Relationships) != 0 {
		t.Fatalf("%v, %d resources, %d warnings, %v", got.Err, len(got.Resources), len(got.Task.Warnings()), got.Edges())
	}
	if _, known := got.ByID()["fg0"].Details["domain"]; known {
		t.Errorf("fg0's domain is unknown, not empty: %v", got.ByID()["fg0"].Details)
	}
}

func TestForecastDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"dataset-group": "ListDatasetGroups", "dataset": "ListDatasets", "predictor": "ListPredictors",
		"forecast": "ListForecasts", "monitor": "ListMonitors", "explainability": "ListExplainabilities"} {
		cfg := collecttest.ConfigWith(t, forecastRegion, forecastCanned(map[string]func(any) (any, error){op: collecttest.Denied(op)}))
		got := forecastPaged.Run(t, cfg, collector.Service, typ, forecastRegion)
		if !strings.Contains(fmt.Sprint(got.Err), op) {
			t.Errorf("%s: the error %v does not name %s", typ, got.Err, op)
		}
		collecttest.AssertDenied(t, got)
	}
	// Denied tags leave the resources, untagged, and a warning each.
	cfg := collecttest.ConfigWith(t, forecastRegion, forecastCanned(map[string]func(any) (any, error){"ListTagsForResource": collecttest.Denied("ListTagsForResource")}))
	got := forecastPaged.Run(t, cfg, collector.Service, "monitor", forecastRegion)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 || len(got.ByID()["mo0"].Tags) != 0 {
		t.Fatalf("want monitors and a tag warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
