// Package logs collects CloudWatch Logs log groups, metric and
// subscription filters, cross-account destinations, log deliveries (sources,
// destinations and the deliveries between them), resource policies and
// saved queries.
package logs

import (
	"context"
	"slices"
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
	Description: "CloudWatch Logs log groups, metric and subscription filters, destinations, deliveries, resource policies, saved queries",
	Types: []collect.Type{
		{Name: "log-group", Description: "CloudWatch Logs log group", Fields: groupFields, Tags: collect.TagsBulk, Collect: groups},
		{Name: "metric-filter", Description: "metric filter (id = LOG_GROUP:FILTER_NAME)", Fields: metricFilterFields.Declared(), Tags: collect.NotTaggable, Collect: metricFilters},
		{Name: "destination", Description: "cross-account subscription destination (id = name)", Fields: destinationFields.Declared(),
			Tags: collect.TagsPerResource, Collect: destinations, DetailCalls: 1},
		{Name: "subscription-filter", Description: "subscription filter streaming a log group's events (id = LOG_GROUP:FILTER_NAME)", Fields: subscriptionFilterFields.Declared(),
			Tags: collect.NotTaggable, Collect: subscriptionFilters, DetailCalls: 1},
		{Name: "delivery-source", Description: "vended-logs delivery source: a resource whose logs are delivered (id = name)", Fields: deliverySourceFields.Declared(),
			Tags: collect.TagsListed, Collect: deliverySources},
		{Name: "delivery-destination", Description: "vended-logs delivery destination: an S3 bucket, log group or Firehose stream (id = name)",
			Fields: deliveryDestinationFields.Declared(), Tags: collect.TagsListed, Collect: deliveryDestinations},
		{Name: "delivery", Description: "vended-logs delivery connecting a source to a destination (id = delivery id)", Fields: deliveryFields.Declared(),
			Tags: collect.TagsListed, Collect: deliveries},
		{Name: "resource-policy", Description: "CloudWatch Logs resource policy letting services write to log groups (id = policy name)",
			Fields: resourcePolicyFields.Declared(), Tags: collect.NotTaggable, Collect: resourcePolicies},
		{Name: "query-definition", Description: "saved Logs Insights query (id = query definition id)", Fields: queryDefinitionFields.Declared(),
			Tags: collect.NotTaggable, Collect: queryDefinitions},
	},
	Calls: "log-group: 1 paged describe + bulk tags (else per resource ListTagsForResource). metric-filter: DescribeMetricFilters (paged). " +
		"destination: DescribeDestinations (paged) + per destination ListTagsForResource. " +
		"subscription-filter: DescribeLogGroups (paged) + per log group DescribeSubscriptionFilters (paged). " +
		"delivery-source: DescribeDeliverySources. delivery-destination: DescribeDeliveryDestinations. delivery: DescribeDeliveries. " +
		"resource-policy: DescribeResourcePolicies. query-definition: DescribeQueryDefinitions",
	Relations: slices.Concat([]collect.Relation{
		{From: "log-group", Kind: "encrypted-with", To: "kms/key"},
		{From: "log-group", Kind: "logs-for", To: "lambda/function"},
		{From: "metric-filter", Kind: "filters", To: "logs/log-group"},
		{From: "destination", Kind: "assumes-role", To: "iam/role"},
		{From: "destination", Kind: "delivers-to", To: "kinesis/stream"},
		{From: "subscription-filter", Kind: "filters", To: "logs/log-group"},
		{From: "subscription-filter", Kind: "assumes-role", To: "iam/role"},
		{From: "delivery", Kind: "from", To: "logs/delivery-source"},
		{From: "delivery", Kind: "to", To: "logs/delivery-destination"},
		{From: "query-definition", Kind: "queries", To: "logs/log-group"},
	}, targetRelations("subscription-filter"), targetRelations("delivery-destination")),
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
