package logs

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var deliverySourceFields = collect.Fields[types.DeliverySource]{
	collect.Text("source_service", "AWS service whose logs are delivered, e.g. cloudfront", func(s types.DeliverySource) *string { return s.Service }),
	collect.Text("log_type", "kind of logs, e.g. ACCESS_LOGS", func(s types.DeliverySource) *string { return s.LogType }),
	collect.Computed("resource_arns", model.JSON, "resources whose logs are sent", func(s types.DeliverySource) any { return append([]string{}, s.ResourceArns...) }),
}

func deliverySources(ctx context.Context, t *collect.Task) error {
	p := cloudwatchlogs.NewDescribeDeliverySourcesPaginator(cloudwatchlogs.NewFromConfig(t.Config), &cloudwatchlogs.DescribeDeliverySourcesInput{Limit: t.PageSize(50)})
	return collect.EachPage(ctx, p, func(page *cloudwatchlogs.DescribeDeliverySourcesOutput) error {
		for _, s := range page.DeliverySources {
			name := aws.ToString(s.Name)
			t.Emit(&model.Resource{Key: t.Key("delivery-source", name), Name: name, ARN: aws.ToString(s.Arn), Tags: s.Tags, Details: deliverySourceFields.Details(s)})
		}
		return nil
	})
}

func destinationResource(d types.DeliveryDestination) string {
	if c := d.DeliveryDestinationConfiguration; c != nil {
		return aws.ToString(c.DestinationResourceArn)
	}
	return ""
}

var deliveryDestinationFields = collect.Fields[types.DeliveryDestination]{
	collect.Enum("destination_type", "S3, CWL (a log group), FH (Firehose) or XRAY", func(d types.DeliveryDestination) types.DeliveryDestinationType { return d.DeliveryDestinationType }),
	collect.Computed("destination_arn", model.Text, "bucket, log group or delivery stream the logs are written to", func(d types.DeliveryDestination) any { return destinationResource(d) }),
	collect.Enum("output_format", "json, plain, w3c, raw or parquet", func(d types.DeliveryDestination) types.OutputFormat { return d.OutputFormat }),
}

func deliveryDestinations(ctx context.Context, t *collect.Task) error {
	p := cloudwatchlogs.NewDescribeDeliveryDestinationsPaginator(cloudwatchlogs.NewFromConfig(t.Config), &cloudwatchlogs.DescribeDeliveryDestinationsInput{Limit: t.PageSize(50)})
	return collect.EachPage(ctx, p, func(page *cloudwatchlogs.DescribeDeliveryDestinationsOutput) error {
		for _, d := range page.DeliveryDestinations {
			name := aws.ToString(d.Name)
			key := t.Key("delivery-destination", name)
			t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(d.Arn), Tags: d.Tags, Details: deliveryDestinationFields.Details(d)})
			relateTarget(t, key, destinationResource(d))
		}
		return nil
	})
}

var deliveryFields = collect.Fields[types.Delivery]{
	collect.Text("source", "delivery source (name) the logs come from", func(d types.Delivery) *string { return d.DeliverySourceName }),
	collect.Text("destination_arn", "delivery destination the logs go to", func(d types.Delivery) *string { return d.DeliveryDestinationArn }),
	collect.Enum("destination_type", "S3, CWL (a log group), FH (Firehose) or XRAY", func(d types.Delivery) types.DeliveryDestinationType { return d.DeliveryDestinationType }),
}

func deliveries(ctx context.Context, t *collect.Task) error {
	p := cloudwatchlogs.NewDescribeDeliveriesPaginator(cloudwatchlogs.NewFromConfig(t.Config), &cloudwatchlogs.DescribeDeliveriesInput{Limit: t.PageSize(50)})
	return collect.EachPage(ctx, p, func(page *cloudwatchlogs.DescribeDeliveriesOutput) error {
		for _, d := range page.Deliveries {
			id := aws.ToString(d.Id)
			key := t.Key("delivery", id)
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(d.DeliverySourceName), ARN: aws.ToString(d.Arn), Tags: d.Tags, Details: deliveryFields.Details(d)})
			t.Relate(key, "from", t.Key("delivery-source", aws.ToString(d.DeliverySourceName)))
			// arn:aws:logs:REGION:ACCOUNT:delivery-destination:NAME
			if dst := aws.ToString(d.DeliveryDestinationArn); dst != "" {
				t.Relate(key, "to", t.Key("delivery-destination", collect.ARNResourceName(dst)))
			}
		}
		return nil
	})
}
