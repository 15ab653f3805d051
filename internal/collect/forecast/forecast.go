// Package forecast collects Amazon Forecast: dataset groups, datasets,
// predictors (AutoPredictor and legacy), the forecasts they generate, the
// monitors watching them and explainabilities. Import and export jobs are
// history, not resources: they are not collected, nor are what-if analyses.
package forecast

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/forecast"
	"github.com/aws/aws-sdk-go-v2/service/forecast/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Forecast collector.
var Service = &collect.Service{
	Name:        "forecast",
	Description: "Forecast dataset groups, datasets, predictors, forecasts, predictor monitors and explainabilities",
	Types: []collect.Type{
		{Name: "dataset-group", Description: "Forecast dataset group (id = name): the datasets a predictor trains on",
			Fields: datasetGroupFields.Declared(), Tags: collect.TagsPerResource, Collect: datasetGroups, DetailCalls: 2},
		{Name: "dataset", Description: "Forecast dataset (id = name), encrypted with its KMS key when it names one",
			Fields: datasetFields.Declared(), Tags: collect.TagsPerResource, Collect: datasets, DetailCalls: 2},
		{Name: "predictor", Description: "Forecast predictor, AutoPredictor or legacy (id = name, as in its ARN): a trained model, encrypted with its KMS key when it names one",
			Fields: predictorFields.Declared(), Tags: collect.TagsPerResource, Collect: predictors, DetailCalls: 2},
		{Name: "forecast", Description: "forecast a predictor generated (id = name, as in its ARN); generating it is billed per forecast data point",
			Fields: forecastFields.Declared(), Tags: collect.TagsPerResource, Collect: forecasts, DetailCalls: 1},
		{Name: "monitor", Description: "Forecast predictor monitor (id = name, as in its ARN) evaluating a predictor's accuracy on new data",
			Fields: monitorFields.Declared(), Tags: collect.TagsPerResource, Collect: monitors, DetailCalls: 1},
		{Name: "explainability", Description: "Forecast explainability (id = name, as in its ARN): how each attribute drives a predictor's or forecast's values",
			Fields: explainabilityFields.Declared(), Tags: collect.TagsPerResource, Collect: explainabilities, DetailCalls: 1},
	},
	Calls: "dataset-group: ListDatasetGroups + per group DescribeDatasetGroup, ListTagsForResource. " +
		"dataset: ListDatasets + per dataset DescribeDataset, ListTagsForResource. " +
		"predictor: ListPredictors + per predictor DescribeAutoPredictor (DescribePredictor for a legacy one), ListTagsForResource. " +
		"forecast: ListForecasts + per forecast ListTagsForResource. " +
		"monitor: ListMonitors + per monitor ListTagsForResource. " +
		"explainability: ListExplainabilities + per explainability ListTagsForResource",
	Relations: []collect.Relation{
		{From: "dataset-group", Kind: "uses", To: "forecast/dataset"},
		{From: "dataset", Kind: "assumes-role", To: "iam/role"},
		{From: "dataset", Kind: "encrypted-with", To: "kms/key"},
		{From: "predictor", Kind: "in", To: "forecast/dataset-group"},
		{From: "predictor", Kind: "assumes-role", To: "iam/role"},
		{From: "predictor", Kind: "encrypted-with", To: "kms/key"},
		{From: "forecast", Kind: "in", To: "forecast/dataset-group"},
		{From: "forecast", Kind: "created-from", To: "forecast/predictor"},
		{From: "monitor", Kind: "monitors", To: "forecast/predictor"},
		{From: "explainability", Kind: "explains", To: "forecast/predictor"},
		{From: "explainability", Kind: "explains", To: "forecast/forecast"},
	},
}

// tags reads a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *forecast.Client, arn string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &forecast.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
	if err != nil {
		t.Warn("ListTagsForResource", err)
		return nil
	}
	return collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

// encryption relates key to the KMS key and role of enc (nil: AWS's key).
func encryption(t *collect.Task, key model.Key, enc *types.EncryptionConfig) {
	if enc == nil {
		return
	}
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(enc.KMSKeyArn)))
	t.Relate(key, "assumes-role", t.Role(aws.ToString(enc.RoleArn)))
}

func kmsKey(enc *types.EncryptionConfig) *string {
	if enc == nil {
		return nil
	}
	return enc.KMSKeyArn
}

func kmsRole(enc *types.EncryptionConfig) *string {
	if enc == nil {
		return nil
	}
	return enc.RoleArn
}

// datasetGroup is a listed dataset group with its DescribeDatasetGroup
// answer (nil when that failed).
type datasetGroup struct {
	types.DatasetGroupSummary
	detail *forecast.DescribeDatasetGroupOutput
}

func hasGroupDetail(g datasetGroup) bool { return g.detail != nil }

var datasetGroupFields = collect.Fields[datasetGroup]{
	collect.When(hasGroupDetail, collect.Text("status", "ACTIVE, CREATE_PENDING, CREATE_IN_PROGRESS, CREATE_FAILED, DELETE_*, UPDATE_PENDING, UPDATE_IN_PROGRESS or UPDATE_FAILED",
		func(g datasetGroup) *string { return g.detail.Status })),
	collect.When(hasGroupDetail, collect.Enum("domain", "domain of the group's datasets", func(g datasetGroup) types.Domain { return g.detail.Domain })),
	collect.When(hasGroupDetail, collect.Computed("datasets", model.Integer, "datasets in the group", func(g datasetGroup) any { return int64(len(g.detail.DatasetArns)) })),
	collect.Timestamp("updated", "last change", func(g datasetGroup) *time.Time { return g.LastModificationTime }),
}

func datasetGroups(ctx context.Context, t *collect.Task) error {
	api := forecast.NewFromConfig(t.Config)
	p := forecast.NewListDatasetGroupsPaginator(api, &forecast.ListDatasetGroupsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *forecast.ListDatasetGroupsOutput) []types.DatasetGroupSummary { return page.DatasetGroups },
		func(ctx context.Context, s types.DatasetGroupSummary) {
			g := datasetGroup{DatasetGroupSummary: s}
			out, err := api.DescribeDatasetGroup(ctx, &forecast.DescribeDatasetGroupInput{DatasetGroupArn: s.DatasetGroupArn})
			switch {
			case awsx.IsNotFound(err):
				return // deleted since the listing
			case err != nil:
				t.Warn("DescribeDatasetGroup", err)
			default:
				g.detail = out
			}
			arn := aws.ToString(s.DatasetGroupArn)
			key := t.Key("dataset-group", collect.ARNID(s.DatasetGroupArn, "dataset-group"))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.DatasetGroupName), ARN: arn, CreatedAt: model.Time(s.CreationTime),
				Details: datasetGroupFields.Details(g), Tags: tags(ctx, t, api, arn)})
			if g.detail != nil {
				for _, d := range g.detail.DatasetArns {
					t.Relate(key, "uses", t.Key("dataset", collect.ARNID(aws.String(d), "dataset")))
				}
			}
		})
}

// dataset is a listed dataset with its DescribeDataset answer (nil when
// that failed).
type dataset struct {
	types.DatasetSummary
	detail *forecast.DescribeDatasetOutput
}

func hasDatasetDetail(d dataset) bool { return d.detail != nil }

var datasetFields = collect.Fields[dataset]{
	collect.Enum("dataset_type", "TARGET_TIME_SERIES, RELATED_TIME_SERIES or ITEM_METADATA", func(d dataset) types.DatasetType { return d.DatasetType }),
	collect.Enum("domain", "domain of the dataset", func(d dataset) types.Domain { return d.Domain }),
	collect.When(hasDatasetDetail, collect.Text("status", "ACTIVE, CREATE_*, DELETE_* or UPDATE_* (while data is imported)",
		func(d dataset) *string { return d.detail.Status })),
	collect.When(hasDatasetDetail, collect.Text("data_frequency", "interval of the data's records (D: daily, 1H: hourly, ...)",
		func(d dataset) *string { return d.detail.DataFrequency })),
	collect.When(hasDatasetDetail, collect.Text("kms_key", "KMS key encrypting the dataset; empty: an AWS owned key",
		func(d dataset) *string { return kmsKey(d.detail.EncryptionConfig) })),
	collect.When(hasDatasetDetail, collect.Text("role_arn", "role Forecast assumes to use the KMS key",
		func(d dataset) *string { return kmsRole(d.detail.EncryptionConfig) })),
	collect.Timestamp("updated", "last change (the last import's end)", func(d dataset) *time.Time { return d.LastModificationTime }),
}

func datasets(ctx context.Context, t *collect.Task) error {
	api := forecast.NewFromConfig(t.Config)
	p := forecast.NewListDatasetsPaginator(api, &forecast.ListDatasetsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *forecast.ListDatasetsOutput) []types.DatasetSummary { return page.Datasets },
		func(ctx context.Context, s types.DatasetSummary) {
			d := dataset{DatasetSummary: s}
			out, err := api.DescribeDataset(ctx, &forecast.DescribeDatasetInput{DatasetArn: s.DatasetArn})
			switch {
			case awsx.IsNotFound(err):
				return // deleted since the listing
			case err != nil:
				t.Warn("DescribeDataset", err)
			default:
				d.detail = out
			}
			arn := aws.ToString(s.DatasetArn)
			key := t.Key("dataset", collect.ARNID(s.DatasetArn, "dataset"))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.DatasetName), ARN: arn, CreatedAt: model.Time(s.CreationTime),
				Details: datasetFields.Details(d), Tags: tags(ctx, t, api, arn)})
			if d.detail != nil {
				encryption(t, key, d.detail.EncryptionConfig)
			}
		})
}

// predictor is a listed predictor with what its describe call (the
// AutoPredictor's or the legacy one's) says.
type predictor struct {
	types.PredictorSummary
	described  bool
	encryption *types.EncryptionConfig
	horizon    *int32
	frequency  *string
	metric     types.OptimizationMetric
}

func hasPredictorDetail(p predictor) bool { return p.described }

var predictorFields = collect.Fields[predictor]{
	collect.Text("status", "ACTIVE, CREATE_PENDING, CREATE_IN_PROGRESS, CREATE_FAILED, CREATE_STOPPING, CREATE_STOPPED or DELETE_*",
		func(p predictor) *string { return p.Status }),
	collect.Bool("auto_predictor", "created with CreateAutoPredictor (else a legacy predictor)", func(p predictor) *bool { return p.IsAutoPredictor }),
	collect.When(hasPredictorDetail, collect.Text("kms_key", "KMS key encrypting the predictor; empty: an AWS owned key",
		func(p predictor) *string { return kmsKey(p.encryption) })),
	collect.When(hasPredictorDetail, collect.Text("role_arn", "role Forecast assumes to use the KMS key",
		func(p predictor) *string { return kmsRole(p.encryption) })),
	collect.When(hasPredictorDetail, collect.Int("forecast_horizon", "time steps the predictor forecasts", func(p predictor) *int32 { return p.horizon })),
	collect.When(hasPredictorDetail, collect.Text("forecast_frequency", "interval of the forecasts (D: daily, 1H: hourly, ...)",
		func(p predictor) *string { return p.frequency })),
	collect.When(hasPredictorDetail, collect.Enum("optimization_metric", "accuracy metric the training optimised",
		func(p predictor) types.OptimizationMetric { return p.metric })),
	collect.Computed("reference_predictor_arn", model.Text, "predictor this one retrained or upgraded, if any", func(p predictor) any {
		if p.ReferencePredictorSummary == nil {
			return ""
		}
		return aws.ToString(p.ReferencePredictorSummary.Arn)
	}),
	collect.Text("message", "error message, if training failed", func(p predictor) *string { return p.Message }),
	collect.Timestamp("updated", "last change", func(p predictor) *time.Time { return p.LastModificationTime }),
}

// describePredictor reads what the predictor's own describe call says.
func describePredictor(ctx context.Context, api *forecast.Client, p *predictor) (operation string, err error) {
	if aws.ToBool(p.IsAutoPredictor) {
		out, err := api.DescribeAutoPredictor(ctx, &forecast.DescribeAutoPredictorInput{PredictorArn: p.PredictorArn})
		if err != nil {
			return "DescribeAutoPredictor", err
		}
		p.described, p.encryption, p.horizon, p.frequency, p.metric = true, out.EncryptionConfig, out.ForecastHorizon, out.ForecastFrequency, out.OptimizationMetric
		return "", nil
	}
	out, err := api.DescribePredictor(ctx, &forecast.DescribePredictorInput{PredictorArn: p.PredictorArn})
	if err != nil {
		return "DescribePredictor", err
	}
	p.described, p.encryption, p.horizon, p.metric = true, out.EncryptionConfig, out.ForecastHorizon, out.OptimizationMetric
	if out.FeaturizationConfig != nil {
		p.frequency = out.FeaturizationConfig.ForecastFrequency
	}
	return "", nil
}

func predictors(ctx context.Context, t *collect.Task) error {
	api := forecast.NewFromConfig(t.Config)
	p := forecast.NewListPredictorsPaginator(api, &forecast.ListPredictorsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *forecast.ListPredictorsOutput) []types.PredictorSummary { return page.Predictors },
		func(ctx context.Context, s types.PredictorSummary) {
			pr := predictor{PredictorSummary: s}
			switch op, err := describePredictor(ctx, api, &pr); {
			case awsx.IsNotFound(err):
				return // deleted since the listing
			case err != nil:
				t.Warn(op, err)
			}
			arn := aws.ToString(s.PredictorArn)
			key := t.Key("predictor", collect.ARNID(s.PredictorArn, "predictor"))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.PredictorName), ARN: arn, CreatedAt: model.Time(s.CreationTime),
				Details: predictorFields.Details(pr), Tags: tags(ctx, t, api, arn)})
			t.Relate(key, "in", t.Key("dataset-group", collect.ARNID(s.DatasetGroupArn, "dataset-group")))
			encryption(t, key, pr.encryption)
		})
}

var forecastFields = collect.Fields[types.ForecastSummary]{
	collect.Text("status", "ACTIVE, CREATE_PENDING, CREATE_IN_PROGRESS, CREATE_FAILED, CREATE_STOPPING, CREATE_STOPPED or DELETE_*",
		func(f types.ForecastSummary) *string { return f.Status }),
	collect.Text("predictor_arn", "predictor that generated the forecast", func(f types.ForecastSummary) *string { return f.PredictorArn }),
	collect.Bool("auto_predictor", "generated by an AutoPredictor", func(f types.ForecastSummary) *bool { return f.CreatedUsingAutoPredictor }),
	collect.Text("message", "error message, if generating it failed", func(f types.ForecastSummary) *string { return f.Message }),
	collect.Timestamp("updated", "last change", func(f types.ForecastSummary) *time.Time { return f.LastModificationTime }),
}

func forecasts(ctx context.Context, t *collect.Task) error {
	api := forecast.NewFromConfig(t.Config)
	p := forecast.NewListForecastsPaginator(api, &forecast.ListForecastsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *forecast.ListForecastsOutput) []types.ForecastSummary { return page.Forecasts },
		func(ctx context.Context, f types.ForecastSummary) {
			arn := aws.ToString(f.ForecastArn)
			key := t.Key("forecast", collect.ARNID(f.ForecastArn, "forecast"))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(f.ForecastName), ARN: arn, CreatedAt: model.Time(f.CreationTime),
				Details: forecastFields.Details(f), Tags: tags(ctx, t, api, arn)})
			t.Relate(key, "in", t.Key("dataset-group", collect.ARNID(f.DatasetGroupArn, "dataset-group")))
			t.Relate(key, "created-from", t.Key("predictor", collect.ARNID(f.PredictorArn, "predictor")))
		})
}

var monitorFields = collect.Fields[types.MonitorSummary]{
	collect.Text("status", "ACTIVE, ACTIVE_STOPPING, ACTIVE_STOPPED, UPDATE_IN_PROGRESS, CREATE_* or DELETE_*", func(m types.MonitorSummary) *string { return m.Status }),
	collect.Text("predictor_arn", "predictor the monitor evaluates", func(m types.MonitorSummary) *string { return m.ResourceArn }),
	collect.Timestamp("updated", "last change", func(m types.MonitorSummary) *time.Time { return m.LastModificationTime }),
}

func monitors(ctx context.Context, t *collect.Task) error {
	api := forecast.NewFromConfig(t.Config)
	p := forecast.NewListMonitorsPaginator(api, &forecast.ListMonitorsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *forecast.ListMonitorsOutput) []types.MonitorSummary { return page.Monitors },
		func(ctx context.Context, m types.MonitorSummary) {
			arn := aws.ToString(m.MonitorArn)
			key := t.Key("monitor", collect.ARNID(m.MonitorArn, "monitor"))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(m.MonitorName), ARN: arn, CreatedAt: model.Time(m.CreationTime),
				Details: monitorFields.Details(m), Tags: tags(ctx, t, api, arn)})
			t.Relate(key, "monitors", t.Key("predictor", collect.ARNID(m.ResourceArn, "predictor")))
		})
}

// explainabilityConfig is the explainability's granularity, never nil.
func explainabilityConfig(e types.ExplainabilitySummary) types.ExplainabilityConfig {
	if e.ExplainabilityConfig == nil {
		return types.ExplainabilityConfig{}
	}
	return *e.ExplainabilityConfig
}

var explainabilityFields = collect.Fields[types.ExplainabilitySummary]{
	collect.Text("status", "ACTIVE, CREATE_PENDING, CREATE_IN_PROGRESS, CREATE_FAILED, CREATE_STOPPING, CREATE_STOPPED or DELETE_*",
		func(e types.ExplainabilitySummary) *string { return e.Status }),
	collect.Text("resource_arn", "predictor or forecast explained", func(e types.ExplainabilitySummary) *string { return e.ResourceArn }),
	collect.Enum("time_series_granularity", "ALL time series or SPECIFIC ones", func(e types.ExplainabilitySummary) types.TimeSeriesGranularity {
		return explainabilityConfig(e).TimeSeriesGranularity
	}),
	collect.Enum("time_point_granularity", "ALL time points or a SPECIFIC range", func(e types.ExplainabilitySummary) types.TimePointGranularity {
		return explainabilityConfig(e).TimePointGranularity
	}),
	collect.Text("message", "error message, if creating it failed", func(e types.ExplainabilitySummary) *string { return e.Message }),
	collect.Timestamp("updated", "last change", func(e types.ExplainabilitySummary) *time.Time { return e.LastModificationTime }),
}

func explainabilitiesOf(page *forecast.ListExplainabilitiesOutput) []types.ExplainabilitySummary {
	return page.Explainabilities
}

func explainabilities(ctx context.Context, t *collect.Task) error {
	api := forecast.NewFromConfig(t.Config)
	p := forecast.NewListExplainabilitiesPaginator(api, &forecast.ListExplainabilitiesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, explainabilitiesOf,
		func(ctx context.Context, e types.ExplainabilitySummary) {
			arn := aws.ToString(e.ExplainabilityArn)
			key := t.Key("explainability", collect.ARNID(e.ExplainabilityArn, "explainability"))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(e.ExplainabilityName), ARN: arn, CreatedAt: model.Time(e.CreationTime),
				Details: explainabilityFields.Details(e), Tags: tags(ctx, t, api, arn)})
			switch explained := aws.ToString(e.ResourceArn); {
			case strings.Contains(explained, ":predictor/"):
				t.Relate(key, "explains", t.Key("predictor", collect.ARNID(e.ResourceArn, "predictor")))
			case strings.Contains(explained, ":forecast/"):
				t.Relate(key, "explains", t.Key("forecast", collect.ARNID(e.ResourceArn, "forecast")))
			}
		})
}
