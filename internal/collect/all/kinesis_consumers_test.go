package all_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	"github.com/aws/aws-sdk-go-v2/service/kinesis/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/kinesis"
)

// consumerTags answers ListTagsForResource, which moto lacks: each
// consumer is tagged with its own name.
var consumerTags = map[string]func(any) (any, error){
	"ListTagsForResource": func(in any) (any, error) {
		arn := aws.ToString(in.(*kinesis.ListTagsForResourceInput).ResourceARN)
		return &kinesis.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("consumer"), Value: aws.String(arn[strings.LastIndex(arn, "/")+1:])}}}, nil
	},
}

// registerConsumers gives clicks0 six consumers (two pages of streams and
// several of consumers) and clicks1 one.
func registerConsumers(t *testing.T, api *kinesis.Client) {
	t.Helper()
	ctx := context.Background()
	for stream, n := range map[string]int{"clicks0": 6, "clicks1": 1} {
		s, err := api.DescribeStreamSummary(ctx, &kinesis.DescribeStreamSummaryInput{StreamName: aws.String(stream)})
		if err != nil {
			t.Fatal(err)
		}
		for i := range n {
			if _, err := api.RegisterStreamConsumer(ctx, &kinesis.RegisterStreamConsumerInput{StreamARN: s.StreamDescriptionSummary.StreamARN,
				ConsumerName: aws.String(fmt.Sprintf("app%d", i))}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestKinesisStreamConsumers(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(consumerTags)})
	api := kinesis.NewFromConfig(cfg)
	kinesisCreateStreams(t, api, "k-1")
	registerConsumers(t, api)

	got := collecttest.Run(t, cfg, collector.Service, "stream-consumer", region)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("consumers: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	c := got.ByID()["clicks0/app5"]
	if c == nil || c.Name != "app5" || c.ARN != "arn:aws:kinesis:eu-west-1:"+collecttest.MotoAccount+":stream/clicks0/consumer/app5" ||
		c.Tags["consumer"] != "app5" || c.Details["status"] != "ACTIVE" || c.CreatedAt == "" || c.Details["registered"] != c.CreatedAt {
		t.Fatalf("clicks0/app5: %+v", c)
	}
	collecttest.HasEdges(t, got, "clicks0/app5 -reads-from-> kinesis/stream:clicks0", "clicks1/app0 -reads-from-> kinesis/stream:clicks1")
}

func TestKinesisStreamConsumersDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListStreams")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "stream-consumer", region))
	api := kinesis.NewFromConfig(collecttest.Config(t, region, nil))
	kinesisCreateStreams(t, api, "k-1")
	registerConsumers(t, api)
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListStreamConsumers")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "stream-consumer", region))
	// Tags denied: consumers kept, untagged, collection partial.
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListTagsForResource")})
	got := collecttest.Run(t, cfg, collector.Service, "stream-consumer", region)
	if got.Err != nil || len(got.Resources) != 7 || len(got.Task.Warnings()) != 7 {
		t.Fatalf("want 7 consumers and 7 warnings, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
