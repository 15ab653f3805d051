// Package logs collects CloudWatch Logs log groups, metric and
// subscription filters, cross-account destinations, log deliveries (sources,
// destinations and the deliveries between them), resource policies,
// saved queries and anomaly detectors.
package logs

import (
	"context"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the CloudWatch Logs collector.
var Service = &collect.Service{
	Name:        "logs",
	Description: "CloudWatch Logs log groups, metric and subscription filters, destinations, deliveries, resource policies, saved queries, anomaly detectors",
	Types: []collect.Type{
		{Name: "log-group", Description: "CloudWatch Logs log group", Fields: groupFields.Declared(), Tags: collect.TagsBulk, Collect: groups},
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
		{Name: "log-anomaly-detector", Description: "log anomaly detector watching log groups for unusual patterns (id = the detector ARN's last part)",
			Fields: anomalyDetectorFields.Declared(), Tags: collect.TagsPerResource, Collect: anomalyDetectors, DetailCalls: 1},
	},
	Calls: "DescribeLogGroups (paged) once for log-group and subscription-filter; " +
		"log-group: bulk tags (else per resource ListTagsForResource). metric-filter: DescribeMetricFilters (paged). " +
		"destination: DescribeDestinations (paged) + per destination ListTagsForResource. " +
		"subscription-filter: per log group DescribeSubscriptionFilters (paged). " +
		"delivery-source: DescribeDeliverySources. delivery-destination: DescribeDeliveryDestinations. delivery: DescribeDeliveries. " +
		"resource-policy: DescribeResourcePolicies. query-definition: DescribeQueryDefinitions. " +
		"log-anomaly-detector: ListLogAnomalyDetectors + per detector ListTagsForResource",
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
		{From: "log-anomaly-detector", Kind: "watches", To: "logs/log-group"},
		{From: "log-anomaly-detector", Kind: "encrypted-with", To: "kms/key"},
	}, targetRelations("subscription-filter"), targetRelations("delivery-destination")),
}

// lambdaPrefix is where Lambda writes each function's logs by convention.
const lambdaPrefix = "/aws/lambda/"

// retention is a group's retention in days; nil (left out) when its
// events never expire, so sorting and sums over retention stay meaningful.
func retention(g types.LogGroup) any {
	if days := aws.ToInt32(g.RetentionInDays); days > 0 {
		return int64(days)
	}
	return nil
}

var groupFields = collect.Fields[types.LogGroup]{
	collect.Computed("retention_days", model.Integer, "days events are kept; null when they never expire", retention),
	collect.Computed("never_expires", model.Boolean, "no retention policy: events are kept forever", func(g types.LogGroup) any { return retention(g) == nil }),
	collect.Int("stored_bytes", "stored (compressed) bytes", func(g types.LogGroup) *int64 { return g.StoredBytes }),
	collect.Int("metric_filter_count", "number of metric filters", func(g types.LogGroup) *int32 { return g.MetricFilterCount }),
	collect.Text("kms_key_id", "ARN of the KMS key encrypting the group", func(g types.LogGroup) *string { return g.KmsKeyId }),
	collect.Enum("log_group_class", "STANDARD, INFREQUENT_ACCESS, DELIVERY or ESSENTIALS", func(g types.LogGroup) types.LogGroupClass { return g.LogGroupClass }),
	collect.Computed("created", model.Timestamp, "creation time", func(g types.LogGroup) any { return epochMillis(g.CreationTime) }),
}

// groupList are the region's log groups, listed once for the log-group and
// subscription-filter types.
func groupList(ctx context.Context, t *collect.Task, api *cloudwatchlogs.Client) ([]types.LogGroup, error) {
	p := cloudwatchlogs.NewDescribeLogGroupsPaginator(api, &cloudwatchlogs.DescribeLogGroupsInput{Limit: t.PageSize(50)})
	return collect.ReuseItems(ctx, t, "DescribeLogGroups", p, func(page *cloudwatchlogs.DescribeLogGroupsOutput) []types.LogGroup { return page.LogGroups })
}

func groups(ctx context.Context, t *collect.Task) error {
	api := cloudwatchlogs.NewFromConfig(t.Config)
	bulk := collect.NewBulkTags(t, "logs") // moto knows "logs" but not "logs:log-group"; lookups are by ARN
	list, err := groupList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, g types.LogGroup) {
		arn := groupARN(t, g)
		emit(t, g, arn, bulk.Of(ctx, arn, "ListTagsForResource", func(ctx context.Context) (map[string]string, error) {
			out, err := api.ListTagsForResource(ctx, &cloudwatchlogs.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
			if err != nil {
				return nil, err
			}
			return out.Tags, nil
		}))
	})
	return err
}

func emit(t *collect.Task, g types.LogGroup, arn string, tags map[string]string) {
	name := aws.ToString(g.LogGroupName)
	key := t.Key("log-group", name)
	t.Emit(&model.Resource{Key: key, ARN: arn, Name: name, CreatedAt: epochMillis(g.CreationTime), Tags: tags, Details: groupFields.Details(g)})
	if fn, ok := strings.CutPrefix(name, lambdaPrefix); ok {
		t.Relate(key, "logs-for", t.Ref("lambda", "function", fn))
	}
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(g.KmsKeyId)))
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
