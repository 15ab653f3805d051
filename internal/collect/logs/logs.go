// Package logs collects CloudWatch Logs log groups, metric filters and
// cross-account destinations.
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

// Service is the CloudWatch Logs collector.
var Service = &collect.Service{
	Name:        "logs",
	Description: "CloudWatch Logs log groups, metric filters and destinations",
	Types: []collect.Type{
		{Name: "log-group", Description: "CloudWatch Logs log group", Fields: groupFields, Tags: collect.TagsBulk, Collect: groups},
		{Name: "metric-filter", Description: "metric filter (id = LOG_GROUP:FILTER_NAME)", Fields: metricFilterFields.Declared(), Tags: collect.NotTaggable, Collect: metricFilters},
		{Name: "destination", Description: "cross-account subscription destination (id = name)", Fields: destinationFields.Declared(),
			Tags: collect.TagsPerResource, Collect: destinations, DetailCalls: 1},
	},
	Calls: "log-group: 1 paged describe + bulk tags (else per resource ListTagsForResource). metric-filter: DescribeMetricFilters (paged). " +
		"destination: DescribeDestinations (paged) + per destination ListTagsForResource",
	Relations: []collect.Relation{
		{From: "log-group", Kind: "encrypted-with", To: "kms/key"},
		{From: "log-group", Kind: "logs-for", To: "lambda/function"},
		{From: "metric-filter", Kind: "filters", To: "logs/log-group"},
		{From: "destination", Kind: "assumes-role", To: "iam/role"},
		{From: "destination", Kind: "delivers-to", To: "kinesis/stream"},
	},
}

// lambdaPrefix is where Lambda writes each function's logs by convention.
const lambdaPrefix = "/aws/lambda/"

var groupFields = []model.Field{
	{Name: "retention_days", Type: "integer", Description: "days events are kept; null when they never expire"},
	{Name: "never_expires", Type: "boolean", Description: "no retention policy: events are kept forever"},
	{Name: "stored_bytes", Type: "integer", Description: "stored (compressed) bytes"},
	{Name: "metric_filter_count", Type: "integer", Description: "number of metric filters"},
	{Name: "kms_key_id", Type: "text", Description: "ARN of the KMS key encrypting the group"},
	{Name: "log_group_class", Type: "text", Description: "STANDARD or INFREQUENT_ACCESS"},
	{Name: "created", Type: "timestamp", Description: "creation time"},
}

func groups(ctx context.Context, t *collect.Task) error {
	api := cloudwatchlogs.NewFromConfig(t.Config)
	bulk := collect.NewBulkTags(t, "logs") // moto knows "logs" but not "logs:log-group"; lookups are by ARN
	p := cloudwatchlogs.NewDescribeLogGroupsPaginator(api, &cloudwatchlogs.DescribeLogGroupsInput{Limit: t.PageSize(50)})
	return collect.EachPage(ctx, p, func(page *cloudwatchlogs.DescribeLogGroupsOutput) error {
		collect.ForEach(ctx, page.LogGroups, func(ctx context.Context, g types.LogGroup) {
			arn := groupARN(t, g)
			emit(t, g, arn, bulk.Of(ctx, arn, "ListTagsForResource", func(ctx context.Context) (map[string]string, error) {
				out, err := api.ListTagsForResource(ctx, &cloudwatchlogs.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
				if err != nil {
					return nil, err
				}
				return out.Tags, nil
			}))
		})
		return nil
	})
}

func emit(t *collect.Task, g types.LogGroup, arn string, tags map[string]string) {
	name := aws.ToString(g.LogGroupName)
	var created string
	if ms := aws.ToInt64(g.CreationTime); ms > 0 {
		ts := time.UnixMilli(ms)
		created = model.Time(&ts)
	}
	// A group without retention keeps its events forever: stored as null,
	// not 0, so sorting and sums over retention stay meaningful.
	var retention any
	if days := aws.ToInt32(g.RetentionInDays); days > 0 {
		retention = days
	}
	kmsKey := aws.ToString(g.KmsKeyId)
	key := t.Key("log-group", name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       arn,
		Name:      name,
		CreatedAt: created,
		Tags:      tags,
		Details: map[string]any{
			"retention_days":      retention,
			"never_expires":       retention == nil,
			"stored_bytes":        aws.ToInt64(g.StoredBytes),
			"metric_filter_count": aws.ToInt32(g.MetricFilterCount),
			"kms_key_id":          kmsKey,
			"log_group_class":     string(g.LogGroupClass),
			"created":             created,
		},
	})
	if fn, ok := strings.CutPrefix(name, lambdaPrefix); ok {
		t.Relate(key, "logs-for", t.Ref("lambda", "function", fn))
	}
	t.Relate(key, "encrypted-with", t.KMSKey(kmsKey))
}

// groupARN prefers the plain ARN; the older Arn field ends with ":*".
func groupARN(t *collect.Task, g types.LogGroup) string {
	if arn := aws.ToString(g.LogGroupArn); arn != "" {
		return arn
	}
	if arn := aws.ToString(g.Arn); arn != "" {
		return strings.TrimSuffix(arn, ":*")
	}
	return collect.ARN(t, "logs", "", "log-group:"+aws.ToString(g.LogGroupName))
}
