package logs

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// epochMillis is a CloudWatch Logs creation time (milliseconds) in the stored form.
func epochMillis(ms *int64) string {
	if ms == nil {
		return ""
	}
	at := time.UnixMilli(*ms)
	return model.Time(&at)
}

var metricFilterFields = collect.Fields[types.MetricFilter]{
	collect.Text("log_group", "log group the filter reads", func(f types.MetricFilter) *string { return f.LogGroupName }),
	collect.Text("pattern", "filter pattern (the CIS alarms match on it)", func(f types.MetricFilter) *string { return f.FilterPattern }),
	collect.Computed("metrics", model.JSON, "metrics published, as NAMESPACE/NAME", func(f types.MetricFilter) any {
		out := []string{}
		for _, m := range f.MetricTransformations {
			out = append(out, aws.ToString(m.MetricNamespace)+"/"+aws.ToString(m.MetricName))
		}
		return out
	}),
}

func metricFilters(ctx context.Context, t *collect.Task) error {
	p := cloudwatchlogs.NewDescribeMetricFiltersPaginator(cloudwatchlogs.NewFromConfig(t.Config),
		&cloudwatchlogs.DescribeMetricFiltersInput{Limit: t.PageSize(50)})
	return collect.EachPage(ctx, p, func(page *cloudwatchlogs.DescribeMetricFiltersOutput) error {
		for _, f := range page.MetricFilters {
			group, name := aws.ToString(f.LogGroupName), aws.ToString(f.FilterName)
			// Filter names are unique within a log group and cannot hold ':'.
			key := t.Key("metric-filter", group+":"+name)
			t.Emit(&model.Resource{Key: key, Name: name, CreatedAt: epochMillis(f.CreationTime), Details: metricFilterFields.Details(f)})
			t.Relate(key, "filters", t.Key("log-group", group))
		}
		return nil
	})
}

var destinationFields = collect.Fields[types.Destination]{
	collect.Text("target_arn", "Kinesis stream or Firehose delivery stream the events go to", func(d types.Destination) *string { return d.TargetArn }),
	collect.Text("role_arn", "role CloudWatch Logs assumes to write to the target", func(d types.Destination) *string { return d.RoleArn }),
	collect.Computed("access_policy_present", model.Boolean, "an access policy lets other accounts subscribe", func(d types.Destination) any {
		return aws.ToString(d.AccessPolicy) != ""
	}),
}

func destinations(ctx context.Context, t *collect.Task) error {
	api := cloudwatchlogs.NewFromConfig(t.Config)
	p := cloudwatchlogs.NewDescribeDestinationsPaginator(api, &cloudwatchlogs.DescribeDestinationsInput{Limit: t.PageSize(50)})
	return collect.EachPage(ctx, p, func(page *cloudwatchlogs.DescribeDestinationsOutput) error {
		collect.ForEach(ctx, page.Destinations, func(ctx context.Context, d types.Destination) {
			name := aws.ToString(d.DestinationName)
			key := t.Key("destination", name)
			r := &model.Resource{Key: key, ARN: aws.ToString(d.Arn), Name: name, CreatedAt: epochMillis(d.CreationTime), Details: destinationFields.Details(d)}
			out, err := api.ListTagsForResource(ctx, &cloudwatchlogs.ListTagsForResourceInput{ResourceArn: d.Arn})
			t.Warn("ListTagsForResource", err)
			if err == nil {
				r.Tags = out.Tags
			}
			t.Emit(r)
			if role := aws.ToString(d.RoleArn); role != "" {
				t.Relate(key, "assumes-role", t.Role(role))
			}
			// arn:aws:kinesis:REGION:ACCOUNT:stream/NAME
			if target := aws.ToString(d.TargetArn); strings.Contains(target, ":kinesis:") && strings.Contains(target, ":stream/") {
				t.Relate(key, "delivers-to", t.Ref("kinesis", "stream", collect.ARNResourceName(target)))
			}
		})
		return nil
	})
}
