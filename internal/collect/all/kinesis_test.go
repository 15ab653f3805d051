package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	"github.com/aws/aws-sdk-go-v2/service/kinesis/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/kinesis"
)

// createStreams makes seven streams: clicks0 encrypted with a KMS key and
// kept a week, clicks1 on demand, the others provisioned with two shards.
func kinesisCreateStreams(t *testing.T, api *kinesis.Client, key string) {
	t.Helper()
	ctx := context.Background()
	for i := range 7 {
		name := aws.String(fmt.Sprintf("clicks%d", i))
		in := &kinesis.CreateStreamInput{StreamName: name, ShardCount: aws.Int32(2)}
		if i == 1 {
			in.ShardCount, in.StreamModeDetails = nil, &types.StreamModeDetails{StreamMode: types.StreamModeOnDemand}
		}
		if _, err := api.CreateStream(ctx, in); err != nil {
			t.Fatal(err)
		}
		// moto 5.2.1 drops CreateStream's tags: tag afterwards.
		if _, err := api.AddTagsToStream(ctx, &kinesis.AddTagsToStreamInput{StreamName: name, Tags: map[string]string{"n": fmt.Sprint(i)}}); err != nil {
			t.Fatal(err)
		}
	}
	name := aws.String("clicks0")
	if _, err := api.StartStreamEncryption(ctx, &kinesis.StartStreamEncryptionInput{StreamName: name, EncryptionType: types.EncryptionTypeKms, KeyId: aws.String(key)}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.IncreaseStreamRetentionPeriod(ctx, &kinesis.IncreaseStreamRetentionPeriodInput{StreamName: name, RetentionPeriodHours: aws.Int32(168)}); err != nil {
		t.Fatal(err)
	}
}

func TestKinesisStreams(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	key := "arn:aws:kms:eu-west-1:" + collecttest.MotoAccount + ":key/k-1"
	kinesisCreateStreams(t, kinesis.NewFromConfig(cfg), key)

	got := collecttest.Run(t, cfg, collector.Service, "stream", region)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("streams: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	for id, want := range map[string]map[string]any{
		"clicks0": {"encryption_type": "KMS", "kms_key_id": key, "retention_hours": int64(168), "stream_mode": "PROVISIONED", "open_shard_count": int64(2), "status": "ACTIVE"},
		"clicks1": {"encryption_type": "NONE", "stream_mode": "ON_DEMAND", "retention_hours": int64(24)},
	} {
		for k, v := range want {
			if byID[id].Details[k] != v {
				t.Errorf("%s details[%s] = %v, want %v", id, k, byID[id].Details[k], v)
			}
		}
	}
	c := byID["clicks3"]
	if c.Tags["n"] != "3" || c.ARN != "arn:aws:kinesis:eu-west-1:"+collecttest.MotoAccount+":stream/clicks3" || c.CreatedAt == "" {
		t.Errorf("clicks3: %s %v %q", c.ARN, c.Tags, c.CreatedAt)
	}
	collecttest.HasEdges(t, got, "clicks0 -encrypted-with-> kms/key:k-1")
}

func TestKinesisStreamsDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListStreams")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "stream", region))

	// A denied description keeps the stream, without details, and marks
	// the collection partial.
	kinesisCreateStreams(t, kinesis.NewFromConfig(collecttest.Config(t, region, nil)), "k-1")
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeStreamSummary")})
	got := collecttest.Run(t, cfg, collector.Service, "stream", region)
	if got.Err != nil || len(got.Resources) != 7 || len(got.Task.Warnings()) != 7 {
		t.Fatalf("want 7 streams and 7 warnings, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if d := got.ByID()["clicks0"].Details; len(d) != 0 {
		t.Errorf("details of an undescribed stream: %v", d)
	}
}
