package kinesis

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	"github.com/aws/aws-sdk-go-v2/service/kinesis/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var consumerFields = collect.Fields[types.Consumer]{
	collect.Enum("status", "CREATING, DELETING or ACTIVE", func(c types.Consumer) types.ConsumerStatus { return c.ConsumerStatus }),
	collect.Timestamp("registered", "when the consumer was registered", func(c types.Consumer) *time.Time { return c.ConsumerCreationTimestamp }),
}

// streamConsumer is a consumer with the stream it reads.
type streamConsumer struct {
	stream string
	types.Consumer
}

// consumers lists every stream, then the enhanced fan-out consumers of
// each (each one is billed per shard hour).
func consumers(ctx context.Context, t *collect.Task) error {
	api := kinesis.NewFromConfig(t.Config)
	streams, err := streamList(ctx, t, api)
	if err != nil {
		return err
	}
	var found []streamConsumer
	for _, s := range streams {
		pc := kinesis.NewListStreamConsumersPaginator(api, &kinesis.ListStreamConsumersInput{StreamARN: s.StreamARN, MaxResults: t.PageSize(100)})
		if err := collect.EachPage(ctx, pc, func(page *kinesis.ListStreamConsumersOutput) error {
			for _, c := range page.Consumers {
				found = append(found, streamConsumer{stream: aws.ToString(s.StreamName), Consumer: c})
			}
			return nil
		}); err != nil {
			return err
		}
	}
	collect.ForEach(ctx, found, func(ctx context.Context, c streamConsumer) {
		name := aws.ToString(c.ConsumerName)
		r := &model.Resource{Key: t.Key("stream-consumer", c.stream+"/"+name), Name: name, ARN: aws.ToString(c.ConsumerARN),
			CreatedAt: model.Time(c.ConsumerCreationTimestamp), Details: consumerFields.Details(c.Consumer)}
		out, err := api.ListTagsForResource(ctx, &kinesis.ListTagsForResourceInput{ResourceARN: c.ConsumerARN})
		t.Warn("ListTagsForResource", err)
		if err == nil {
			r.Tags = collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
		}
		t.Relate(r.Key, "reads-from", t.Key("stream", c.stream))
		t.Emit(r)
	})
	return nil
}
