package logs

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var anomalyDetectorFields = collect.Fields[types.AnomalyDetector]{
	collect.Enum("status", "INITIALIZING, TRAINING, ANALYZING, FAILED, DELETED or PAUSED", func(d types.AnomalyDetector) types.AnomalyDetectorStatus { return d.AnomalyDetectorStatus }),
	collect.Enum("evaluation_frequency", "how often logs are scanned: ONE_MIN to ONE_HOUR", func(d types.AnomalyDetector) types.EvaluationFrequency { return d.EvaluationFrequency }),
	collect.Text("filter_pattern", "events the detector considers; empty: every event", func(d types.AnomalyDetector) *string { return d.FilterPattern }),
	collect.Computed("log_groups", model.JSON, "names of the log groups watched", func(d types.AnomalyDetector) any {
		out := []string{}
		for _, arn := range d.LogGroupArnList {
			out = append(out, collect.LogGroupName(arn))
		}
		return out
	}),
	collect.Text("kms_key_id", "KMS key encrypting the anomalies found", func(d types.AnomalyDetector) *string { return d.KmsKeyId }),
	collect.Computed("last_modified", model.Timestamp, "last change", func(d types.AnomalyDetector) any { return epochMillis(&d.LastModifiedTimeStamp) }),
}

func anomalyDetectors(ctx context.Context, t *collect.Task) error {
	api := cloudwatchlogs.NewFromConfig(t.Config)
	p := cloudwatchlogs.NewListLogAnomalyDetectorsPaginator(api, &cloudwatchlogs.ListLogAnomalyDetectorsInput{Limit: t.PageSize(50)})
	return collect.EachItem(ctx, p, func(page *cloudwatchlogs.ListLogAnomalyDetectorsOutput) []types.AnomalyDetector {
		return page.AnomalyDetectors
	},
		func(ctx context.Context, d types.AnomalyDetector) {
			arn := aws.ToString(d.AnomalyDetectorArn)
			key := t.Key("log-anomaly-detector", collect.ARNResourceName(arn))
			r := &model.Resource{Key: key, Name: aws.ToString(d.DetectorName), ARN: arn, CreatedAt: epochMillis(&d.CreationTimeStamp),
				Details: anomalyDetectorFields.Details(d)}
			out, err := api.ListTagsForResource(ctx, &cloudwatchlogs.ListTagsForResourceInput{ResourceArn: d.AnomalyDetectorArn})
			t.Warn("ListTagsForResource", err)
			if err == nil {
				r.Tags = out.Tags
			}
			t.Emit(r)
			for _, g := range d.LogGroupArnList {
				t.Relate(key, "watches", t.Key("log-group", collect.LogGroupName(g)))
			}
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(d.KmsKeyId)))
		})
}
