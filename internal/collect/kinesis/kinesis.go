// Package kinesis collects Kinesis data streams and their enhanced fan-out
// consumers.
package kinesis

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	"github.com/aws/aws-sdk-go-v2/service/kinesis/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Kinesis Data Streams collector.
var Service = &collect.Service{
	Name:        "kinesis",
	Description: "Kinesis data streams and stream consumers",
	Types: []collect.Type{
		{Name: "stream", Description: "Kinesis data stream (id = name)", Fields: streamFields.Declared(), Tags: collect.TagsPerResource, Collect: streams, DetailCalls: 2},
		{Name: "stream-consumer", Description: "enhanced fan-out consumer of a stream (id = STREAM/CONSUMER), billed per shard hour", Fields: consumerFields.Declared(),
			Tags: collect.TagsPerResource, Collect: consumers, DetailCalls: 1},
	},
	Calls: "ListStreams once for all types; stream: per stream DescribeStreamSummary, ListTagsForStream. " +
		"stream-consumer: per stream ListStreamConsumers + per consumer ListTagsForResource",
	Relations: []collect.Relation{
		{From: "stream", Kind: "encrypted-with", To: "kms/key"},
		{From: "stream-consumer", Kind: "reads-from", To: "kinesis/stream"},
	},
}

var streamFields = collect.Fields[*types.StreamDescriptionSummary]{
	collect.Enum("status", "CREATING, DELETING, ACTIVE or UPDATING", func(s *types.StreamDescriptionSummary) types.StreamStatus { return s.StreamStatus }),
	collect.Enum("stream_mode", "PROVISIONED (shards sized by hand) or ON_DEMAND", func(s *types.StreamDescriptionSummary) types.StreamMode {
		if s.StreamModeDetails == nil {
			return ""
		}
		return s.StreamModeDetails.StreamMode
	}),
	collect.Int("open_shard_count", "open shards (billed per shard hour in PROVISIONED mode)", func(s *types.StreamDescriptionSummary) *int32 { return s.OpenShardCount }),
	collect.Int("retention_hours", "how long records are kept, in hours (24 to 8760)", func(s *types.StreamDescriptionSummary) *int32 { return s.RetentionPeriodHours }),
	collect.Enum("encryption_type", "NONE or KMS (server-side encryption)", func(s *types.StreamDescriptionSummary) types.EncryptionType { return s.EncryptionType }),
	collect.Text("kms_key_id", "KMS key of server-side encryption (id, ARN or alias)", func(s *types.StreamDescriptionSummary) *string { return s.KeyId }),
	collect.Int("consumer_count", "registered enhanced fan-out consumers", func(s *types.StreamDescriptionSummary) *int32 { return s.ConsumerCount }),
	collect.Computed("enhanced_monitoring", model.Boolean, "shard-level CloudWatch metrics are enabled", func(s *types.StreamDescriptionSummary) any {
		for _, m := range s.EnhancedMonitoring {
			if len(m.ShardLevelMetrics) > 0 {
				return true
			}
		}
		return false
	}),
}

// streamList are the region's streams, listed once for both types.
func streamList(ctx context.Context, t *collect.Task, api *kinesis.Client) ([]types.StreamSummary, error) {
	p := kinesis.NewListStreamsPaginator(api, &kinesis.ListStreamsInput{Limit: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "ListStreams", p, func(page *kinesis.ListStreamsOutput) []types.StreamSummary { return page.StreamSummaries })
}

func streams(ctx context.Context, t *collect.Task) error {
	api := kinesis.NewFromConfig(t.Config)
	list, err := streamList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, s types.StreamSummary) { emitStream(ctx, t, api, s) })
	return err
}

// emitStream describes and emits one stream. When the description fails
// the stream is emitted without details (unknown, not zero) and the
// collection is partial.
func emitStream(ctx context.Context, t *collect.Task, api *kinesis.Client, s types.StreamSummary) {
	name := aws.ToString(s.StreamName)
	key := t.Key("stream", name)
	r := &model.Resource{Key: key, Name: name, ARN: aws.ToString(s.StreamARN), CreatedAt: model.Time(s.StreamCreationTimestamp)}
	if r.ARN == "" {
		r.ARN = collect.ARN(t, "kinesis", "", "stream/"+name)
	}
	out, err := api.DescribeStreamSummary(ctx, &kinesis.DescribeStreamSummaryInput{StreamName: s.StreamName})
	if err != nil {
		t.Warn("DescribeStreamSummary", err)
	} else {
		r.Details = streamFields.Details(out.StreamDescriptionSummary)
		t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(out.StreamDescriptionSummary.KeyId)))
	}
	r.Tags = streamTags(ctx, t, api, s.StreamName)
	t.Emit(r)
}

// streamTags pages through a stream's tags; a failure is a warning.
func streamTags(ctx context.Context, t *collect.Task, api *kinesis.Client, name *string) map[string]string {
	tags := map[string]string{}
	in := &kinesis.ListTagsForStreamInput{StreamName: name}
	for {
		out, err := api.ListTagsForStream(ctx, in)
		if err != nil {
			t.Warn("ListTagsForStream", err)
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
