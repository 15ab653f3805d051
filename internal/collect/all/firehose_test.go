package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/firehose"
	"github.com/aws/aws-sdk-go-v2/service/firehose/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/firehose"
)

// createStreams makes six DirectPut streams to S3 (logs0 encrypted with a
// customer key) and one reading a Kinesis stream into Redshift.
func firehoseCreateStreams(t *testing.T, api *firehose.Client) {
	t.Helper()
	ctx := context.Background()
	role := "arn:aws:iam::" + account + ":role/firehose"
	for i := range 6 {
		in := &firehose.CreateDeliveryStreamInput{DeliveryStreamName: aws.String(fmt.Sprintf("logs%d", i)),
			ExtendedS3DestinationConfiguration: &types.ExtendedS3DestinationConfiguration{BucketARN: aws.String("arn:aws:s3:::log-archive"), RoleARN: aws.String(role)},
			Tags:                               []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}}
		if i == 0 {
			in.DeliveryStreamEncryptionConfigurationInput = &types.DeliveryStreamEncryptionConfigurationInput{KeyType: types.KeyTypeCustomerManagedCmk,
				KeyARN: aws.String("arn:aws:kms:eu-west-1:" + account + ":key/k-1")}
		}
		if _, err := api.CreateDeliveryStream(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	_, err := api.CreateDeliveryStream(ctx, &firehose.CreateDeliveryStreamInput{DeliveryStreamName: aws.String("events"),
		DeliveryStreamType: types.DeliveryStreamTypeKinesisStreamAsSource,
		KinesisStreamSourceConfiguration: &types.KinesisStreamSourceConfiguration{
			KinesisStreamARN: aws.String("arn:aws:kinesis:eu-west-1:" + account + ":stream/clicks"), RoleARN: aws.String(role)},
		RedshiftDestinationConfiguration: &types.RedshiftDestinationConfiguration{ClusterJDBCURL: aws.String("jdbc:redshift://dw:5439/dev"),
			CopyCommand: &types.CopyCommand{DataTableName: aws.String("events")}, Username: aws.String("u"), Password: aws.String("p"),
			RoleARN:         aws.String("arn:aws:iam::" + account + ":role/loader"),
			S3Configuration: &types.S3DestinationConfiguration{BucketARN: aws.String("arn:aws:s3:::staging"), RoleARN: aws.String(role)}}})
	if err != nil {
		t.Fatal(err)
	}
}

func TestFirehoseDeliveryStreams(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	firehoseCreateStreams(t, firehose.NewFromConfig(cfg))

	got := collecttest.Run(t, cfg, collector.Service, "delivery-stream", region)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("delivery streams: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	for id, want := range map[string]map[string]any{
		"logs0": {"source_type": "DirectPut", "destination_type": "extended_s3", "destination_bucket_arn": "arn:aws:s3:::log-archive",
			"encryption_key_type": "CUSTOMER_MANAGED_CMK", "kms_key_arn": "arn:aws:kms:eu-west-1:" + account + ":key/k-1"},
		"logs4": {"destination_type": "extended_s3", "kms_key_arn": ""},
		"events": {"source_type": "KinesisStreamAsSource", "destination_type": "redshift", "destination_bucket_arn": "arn:aws:s3:::staging",
			"source_stream_arn": "arn:aws:kinesis:eu-west-1:" + account + ":stream/clicks"},
	} {
		for k, v := range want {
			if byID[id].Details[k] != v {
				t.Errorf("%s details[%s] = %v, want %v", id, k, byID[id].Details[k], v)
			}
		}
	}
	l := byID["logs2"]
	if l.Tags["n"] != "2" || l.ARN != "arn:aws:firehose:eu-west-1:"+account+":deliverystream/logs2" || l.CreatedAt == "" {
		t.Errorf("logs2: %s %v %q", l.ARN, l.Tags, l.CreatedAt)
	}
	collecttest.HasEdges(t, got, "logs0 -encrypted-with-> kms/key:k-1", "logs0 -delivers-to-> s3/bucket:log-archive",
		"logs0 -assumes-role-> iam/role:firehose", "events -reads-from-> kinesis/stream:clicks", "events -assumes-role-> iam/role:loader",
		"events -delivers-to-> s3/bucket:staging")
}

func TestFirehoseDeliveryStreamsDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListDeliveryStreams")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "delivery-stream", region))

	firehoseCreateStreams(t, firehose.NewFromConfig(collecttest.Config(t, region, nil)))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListTagsForDeliveryStream")})
	got := collecttest.Run(t, cfg, collector.Service, "delivery-stream", region)
	if got.Err != nil || len(got.Resources) != 7 || len(got.Task.Warnings()) != 7 {
		t.Fatalf("want 7 streams and 7 warnings, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
