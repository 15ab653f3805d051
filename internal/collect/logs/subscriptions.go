package logs

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/arn"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// relateTarget records from -delivers-to-> the resource a log destination
// ARN names: a Lambda function, Kinesis stream, Firehose delivery stream,
// CloudWatch Logs destination or log group, or S3 bucket. Other ARNs are
// left out.
func relateTarget(t *collect.Task, from model.Key, target string) {
	if k, ok := collect.TargetKey(target); ok {
		t.Relate(from, "delivers-to", k)
		return
	}
	a, err := arn.Parse(target)
	if err != nil {
		return
	}
	k := model.Key{Account: a.AccountID, Region: a.Region, Service: a.Service}
	kind, name, _ := strings.Cut(a.Resource, "/")
	switch {
	case a.Service == "s3":
		t.RelateByName(from, "delivers-to", "s3", "bucket", kind, t.Region)
		return
	case a.Service == "kinesis" && kind == "stream":
		k.Type, k.ID = "stream", name
	case a.Service == "firehose" && kind == "deliverystream":
		k.Type, k.ID = "delivery-stream", name
	case a.Service == "logs" && collect.LogGroupName(target) != "":
		k.Type, k.ID = "log-group", collect.LogGroupName(target)
	case a.Service == "logs" && strings.HasPrefix(a.Resource, "destination:"):
		k.Type, k.ID = "destination", strings.TrimPrefix(a.Resource, "destination:")
	default:
		return
	}
	t.Relate(from, "delivers-to", k)
}

// targetRelations are the relations relateTarget records from a type.
func targetRelations(from string) []collect.Relation {
	var out []collect.Relation
	for _, to := range []string{"lambda/function", "sqs/queue", "sns/topic", "kinesis/stream", "firehose/delivery-stream", "logs/destination", "logs/log-group", "s3/bucket"} {
		out = append(out, collect.Relation{From: from, Kind: "delivers-to", To: to})
	}
	return out
}

var subscriptionFilterFields = collect.Fields[types.SubscriptionFilter]{
	collect.Text("log_group", "log group the filter reads", func(f types.SubscriptionFilter) *string { return f.LogGroupName }),
	collect.Text("pattern", "filter pattern; empty matches every event", func(f types.SubscriptionFilter) *string { return f.FilterPattern }),
	collect.Text("destination_arn", "Lambda function, Kinesis or Firehose stream, or cross-account destination the events go to", func(f types.SubscriptionFilter) *string { return f.DestinationArn }),
	collect.Text("role_arn", "role CloudWatch Logs assumes to write to a stream", func(f types.SubscriptionFilter) *string { return f.RoleArn }),
	collect.Enum("distribution", "Random or ByLogStream (Kinesis shards)", func(f types.SubscriptionFilter) types.Distribution { return f.Distribution }),
}

// subscriptionFilters lists the filters of every log group: AWS answers
// them per group only.
func subscriptionFilters(ctx context.Context, t *collect.Task) error {
	api := cloudwatchlogs.NewFromConfig(t.Config)
	list, err := groupList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, g types.LogGroup) {
		fp := cloudwatchlogs.NewDescribeSubscriptionFiltersPaginator(api, &cloudwatchlogs.DescribeSubscriptionFiltersInput{LogGroupName: g.LogGroupName, Limit: t.PageSize(50)})
		t.Warn("DescribeSubscriptionFilters", collect.EachPage(ctx, fp, func(page *cloudwatchlogs.DescribeSubscriptionFiltersOutput) error {
			for _, f := range page.SubscriptionFilters {
				emitSubscriptionFilter(t, f)
			}
			return nil
		}))
	})
	return err
}

func emitSubscriptionFilter(t *collect.Task, f types.SubscriptionFilter) {
	group, name := aws.ToString(f.LogGroupName), aws.ToString(f.FilterName)
	// Filter names are unique within a log group.
	key := t.Key("subscription-filter", group+":"+name)
	t.Emit(&model.Resource{Key: key, Name: name, CreatedAt: epochMillis(f.CreationTime), Details: subscriptionFilterFields.Details(f)})
	t.Relate(key, "filters", t.Key("log-group", group))
	relateTarget(t, key, aws.ToString(f.DestinationArn))
	if role := aws.ToString(f.RoleArn); role != "" {
		t.Relate(key, "assumes-role", t.Role(role))
	}
}
