// Package firehose collects Amazon Data Firehose delivery streams.
package firehose

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/firehose"
	"github.com/aws/aws-sdk-go-v2/service/firehose/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Firehose collector.
var Service = &collect.Service{
	Name:        "firehose",
	Description: "Amazon Data Firehose delivery streams",
	Types: []collect.Type{
		{Name: "delivery-stream", Description: "Firehose delivery stream (id = name)", Fields: deliveryStreamFields.Declared(), Tags: collect.TagsPerResource, Collect: deliveryStreams, DetailCalls: 2},
	},
	Calls: "delivery-stream: ListDeliveryStreams + per stream DescribeDeliveryStream, ListTagsForDeliveryStream",
	Relations: []collect.Relation{
		{From: "delivery-stream", Kind: "reads-from", To: "kinesis/stream"},
		{From: "delivery-stream", Kind: "delivers-to", To: "s3/bucket"},
		{From: "delivery-stream", Kind: "assumes-role", To: "iam/role"},
		{From: "delivery-stream", Kind: "encrypted-with", To: "kms/key"},
	},
}

// destinationTypes are the values of destination_type, one per kind of
// destination Firehose describes.
var destinationTypes = []string{"extended_s3", "s3", "redshift", "opensearch", "opensearch_serverless",
	"elasticsearch", "http_endpoint", "splunk", "snowflake", "iceberg"}

// destination is what awsmap keeps of a stream's destination: its kind,
// the bucket it delivers (or backs up) to and the role it writes with.
type destination struct {
	kind, bucketARN, roleARN string
}

func destinationOf(d types.DestinationDescription) destination {
	s3 := func(kind string, s *types.S3DestinationDescription, role *string) destination {
		out := destination{kind: kind, roleARN: aws.ToString(role)}
		if s != nil {
			out.bucketARN = aws.ToString(s.BucketARN)
			if out.roleARN == "" {
				out.roleARN = aws.ToString(s.RoleARN)
			}
		}
		return out
	}
	switch {
	case d.ExtendedS3DestinationDescription != nil:
		e := d.ExtendedS3DestinationDescription
		return destination{kind: "extended_s3", bucketARN: aws.ToString(e.BucketARN), roleARN: aws.ToString(e.RoleARN)}
	case d.S3DestinationDescription != nil:
		return s3("s3", d.S3DestinationDescription, nil)
	case d.RedshiftDestinationDescription != nil:
		return s3("redshift", d.RedshiftDestinationDescription.S3DestinationDescription, d.RedshiftDestinationDescription.RoleARN)
	case d.AmazonopensearchserviceDestinationDescription != nil:
		o := d.AmazonopensearchserviceDestinationDescription
		return s3("opensearch", o.S3DestinationDescription, o.RoleARN)
	case d.AmazonOpenSearchServerlessDestinationDescription != nil:
		o := d.AmazonOpenSearchServerlessDestinationDescription
		return s3("opensearch_serverless", o.S3DestinationDescription, o.RoleARN)
	case d.ElasticsearchDestinationDescription != nil:
		o := d.ElasticsearchDestinationDescription
		return s3("elasticsearch", o.S3DestinationDescription, o.RoleARN)
	case d.HttpEndpointDestinationDescription != nil:
		o := d.HttpEndpointDestinationDescription
		return s3("http_endpoint", o.S3DestinationDescription, o.RoleARN)
	case d.SplunkDestinationDescription != nil:
		return s3("splunk", d.SplunkDestinationDescription.S3DestinationDescription, nil)
	case d.SnowflakeDestinationDescription != nil:
		o := d.SnowflakeDestinationDescription
		return s3("snowflake", o.S3DestinationDescription, o.RoleARN)
	case d.IcebergDestinationDescription != nil:
		o := d.IcebergDestinationDescription
		return s3("iceberg", o.S3DestinationDescription, o.RoleARN)
	}
	return destination{}
}

// firstDestination is the stream's destination (Firehose streams have one).
func firstDestination(s *types.DeliveryStreamDescription) destination {
	if len(s.Destinations) == 0 {
		return destination{}
	}
	return destinationOf(s.Destinations[0])
}

func encryption(s *types.DeliveryStreamDescription) types.DeliveryStreamEncryptionConfiguration {
	if s.DeliveryStreamEncryptionConfiguration == nil {
		return types.DeliveryStreamEncryptionConfiguration{}
	}
	return *s.DeliveryStreamEncryptionConfiguration
}

func sourceStream(s *types.DeliveryStreamDescription) string {
	if s.Source == nil || s.Source.KinesisStreamSourceDescription == nil {
		return ""
	}
	return aws.ToString(s.Source.KinesisStreamSourceDescription.KinesisStreamARN)
}

var deliveryStreamFields = collect.Fields[*types.DeliveryStreamDescription]{
	collect.Enum("status", "CREATING, ACTIVE, DELETING, ... or a *_FAILED state", func(s *types.DeliveryStreamDescription) types.DeliveryStreamStatus { return s.DeliveryStreamStatus }),
	collect.Enum("source_type", "DirectPut, KinesisStreamAsSource, MSKAsSource or DatabaseAsSource", func(s *types.DeliveryStreamDescription) types.DeliveryStreamType { return s.DeliveryStreamType }),
	collect.Computed("source_stream_arn", model.Text, "Kinesis stream read from, for KinesisStreamAsSource", func(s *types.DeliveryStreamDescription) any { return sourceStream(s) }),
	{Name: "destination_type", Kind: model.Text, Values: destinationTypes, Description: "kind of destination: " + strings.Join(destinationTypes, ", "),
		Get: func(s *types.DeliveryStreamDescription) any { return firstDestination(s).kind }},
	collect.Computed("destination_bucket_arn", model.Text, "S3 bucket delivered to (or that backs up a non-S3 destination)", func(s *types.DeliveryStreamDescription) any { return firstDestination(s).bucketARN }),
	collect.Enum("encryption_status", "server-side encryption of a DirectPut stream: ENABLED, DISABLED, ...; "+
		"a KinesisStreamAsSource stream is encrypted by its source stream", func(s *types.DeliveryStreamDescription) types.DeliveryStreamEncryptionStatus {
		return encryption(s).Status
	}),
	collect.Enum("encryption_key_type", "AWS_OWNED_CMK or CUSTOMER_MANAGED_CMK", func(s *types.DeliveryStreamDescription) types.KeyType { return encryption(s).KeyType }),
	collect.Computed("kms_key_arn", model.Text, "customer-managed KMS key of server-side encryption", func(s *types.DeliveryStreamDescription) any { return aws.ToString(encryption(s).KeyARN) }),
	collect.Timestamp("updated", "last update of the stream's configuration", func(s *types.DeliveryStreamDescription) *time.Time { return s.LastUpdateTimestamp }),
}

// deliveryStreams pages through the names (ListDeliveryStreams has no
// token: the next page starts after the last name) and describes each
// page's streams concurrently.
func deliveryStreams(ctx context.Context, t *collect.Task) error {
	api := firehose.NewFromConfig(t.Config)
	in := &firehose.ListDeliveryStreamsInput{Limit: t.PageSize(10000)}
	for {
		out, err := api.ListDeliveryStreams(ctx, in)
		if err != nil {
			return err
		}
		collect.ForEach(ctx, out.DeliveryStreamNames, func(ctx context.Context, name string) {
			emitDeliveryStream(ctx, t, api, name)
		})
		if !aws.ToBool(out.HasMoreDeliveryStreams) || len(out.DeliveryStreamNames) == 0 {
			return nil
		}
		in.ExclusiveStartDeliveryStreamName = aws.String(out.DeliveryStreamNames[len(out.DeliveryStreamNames)-1])
	}
}

// emitDeliveryStream describes and emits one stream; a failed description
// leaves its details unknown and the collection partial.
func emitDeliveryStream(ctx context.Context, t *collect.Task, api *firehose.Client, name string) {
	key := t.Key("delivery-stream", name)
	r := &model.Resource{Key: key, Name: name, ARN: collect.ARN(t, "firehose", "", "deliverystream/"+name)}
	out, err := api.DescribeDeliveryStream(ctx, &firehose.DescribeDeliveryStreamInput{DeliveryStreamName: aws.String(name)})
	if err != nil {
		t.Warn("DescribeDeliveryStream", err)
	} else {
		s := out.DeliveryStreamDescription
		r.ARN, r.CreatedAt, r.Details = aws.ToString(s.DeliveryStreamARN), model.Time(s.CreateTimestamp), deliveryStreamFields.Details(s)
		relate(t, key, s)
	}
	r.Tags = deliveryStreamTags(ctx, t, api, name)
	t.Emit(r)
}

func relate(t *collect.Task, key model.Key, s *types.DeliveryStreamDescription) {
	if src := sourceStream(s); src != "" {
		t.Relate(key, "reads-from", t.Ref("kinesis", "stream", collect.ARNResourceName(src)))
	}
	d := firstDestination(s)
	if d.bucketARN != "" {
		t.RelateByName(key, "delivers-to", "s3", "bucket", collect.ARNResourceName(d.bucketARN), t.Region)
	}
	if d.roleARN != "" {
		t.Relate(key, "assumes-role", t.Role(d.roleARN))
	}
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(encryption(s).KeyARN)))
}

// deliveryStreamTags pages through a stream's tags; a failure is a warning.
func deliveryStreamTags(ctx context.Context, t *collect.Task, api *firehose.Client, name string) map[string]string {
	tags := map[string]string{}
	in := &firehose.ListTagsForDeliveryStreamInput{DeliveryStreamName: aws.String(name), Limit: aws.Int32(50)}
	for {
		out, err := api.ListTagsForDeliveryStream(ctx, in)
		if err != nil {
			t.Warn("ListTagsForDeliveryStream", err)
			return tags
		}
		for _, tg := range out.Tags {
			tags[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
		}
		if !aws.ToBool(out.HasMoreTags) || len(out.Tags) == 0 {
			return tags
		}
		in.ExclusiveStartTagKey = out.Tags[len(out.Tags)-1].Key
	}
}
