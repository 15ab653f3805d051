package demo

import (
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	kintypes "github.com/aws/aws-sdk-go-v2/service/kinesis/types"
)

// Kinesis Data Streams: stream 0 of a region and about a quarter of the
// others store records unencrypted (kinesis-unencrypted finds them); most
// are on-demand. Up to two enhanced fan-out consumers read each stream.
func init() {
	kinds = append(kinds, &kind{name: "kinesis.stream", weight: 0.3})
	kindByName["kinesis.stream"] = kinds[len(kinds)-1]
	register("Kinesis", map[string]handler{"ListStreams": kinStreams, "DescribeStreamSummary": kinDescribe, "ListTagsForStream": kinTags,
		"ListStreamConsumers": kinConsumerList, "ListTagsForResource": kinConsumerTags})
}

func (c *call) kinName(i int) string {
	return fmt.Sprintf("%s-%s-%04d", c.rng("kinesis.stream", i).pick(apps), []string{"events", "clicks", "audit", "cdc"}[i%4], i)
}

func (c *call) kinARN(i int) string { return c.arn("kinesis", "stream/"+c.kinName(i)) }

func (c *call) kinMode(i int) kintypes.StreamMode {
	if c.rng("kinesis.stream", i).chance(0.35) {
		return kintypes.StreamModeProvisioned
	}
	return kintypes.StreamModeOnDemand
}

func kinStreams(c *call) (any, error) {
	in := c.in.(*kinesis.ListStreamsInput)
	items, next := c.list("kinesis.stream", in.NextToken, in.Limit, 100)
	out := &kinesis.ListStreamsOutput{NextToken: next, HasMoreStreams: aws.Bool(next != nil)}
	for _, i := range items {
		out.StreamNames = append(out.StreamNames, c.kinName(i))
		out.StreamSummaries = append(out.StreamSummaries, kintypes.StreamSummary{StreamName: aws.String(c.kinName(i)), StreamARN: aws.String(c.kinARN(i)),
			StreamStatus: kintypes.StreamStatusActive, StreamModeDetails: &kintypes.StreamModeDetails{StreamMode: c.kinMode(i)}, StreamCreationTimestamp: c.created("kinesis.stream", i)})
	}
	return out, nil
}

// kinStream is the stream a call names, by name or ARN.
func (c *call) kinStream(name, arn *string) (int, error) {
	s := aws.ToString(name)
	if s == "" {
		s = aws.ToString(arn)
	}
	i, ok := trailingIndex(s)
	if !ok || !c.alive("kinesis.stream", i) || (s != c.kinName(i) && s != c.kinARN(i)) {
		return 0, notFound("ResourceNotFoundException", "Stream "+s+" under account "+Accounts[c.acct].ID+" not found.")
	}
	return i, nil
}

func kinDescribe(c *call) (any, error) {
	in := c.in.(*kinesis.DescribeStreamSummaryInput)
	i, err := c.kinStream(in.StreamName, in.StreamARN)
	if err != nil {
		return nil, err
	}
	r, m := c.rng("kinesis.stream", i+1<<30), c.mut("kinesis.stream", i)
	s := &kintypes.StreamDescriptionSummary{StreamName: aws.String(c.kinName(i)), StreamARN: aws.String(c.kinARN(i)), StreamStatus: kintypes.StreamStatusActive,
		StreamModeDetails: &kintypes.StreamModeDetails{StreamMode: c.kinMode(i)}, StreamCreationTimestamp: c.created("kinesis.stream", i),
		RetentionPeriodHours: aws.Int32(int32([]int{24, 24, 48, 168, 8760}[m.intn(5)])), OpenShardCount: aws.Int32(int32(1 + r.intn(16))),
		ConsumerCount: aws.Int32(int32(c.kinConsumers(i))), EncryptionType: kintypes.EncryptionTypeKms, KeyId: aws.String("alias/aws/kinesis"),
		EnhancedMonitoring: []kintypes.EnhancedMetrics{{}}}
	if i == 0 || r.chance(0.25) {
		s.EncryptionType, s.KeyId = kintypes.EncryptionTypeNone, nil
	} else if r.chance(0.4) {
		s.KeyId = aws.String(c.kmsARN())
	}
	if r.chance(0.2) {
		s.EnhancedMonitoring[0].ShardLevelMetrics = []kintypes.MetricsName{kintypes.MetricsNameIncomingBytes, kintypes.MetricsNameIteratorAgeMilliseconds}
	}
	return &kinesis.DescribeStreamSummaryOutput{StreamDescriptionSummary: s}, nil
}

func kinTags(c *call) (any, error) {
	in := c.in.(*kinesis.ListTagsForStreamInput)
	i, err := c.kinStream(in.StreamName, in.StreamARN)
	if err != nil {
		return nil, err
	}
	return &kinesis.ListTagsForStreamOutput{HasMoreTags: aws.Bool(false),
		Tags: tagList(c.tagMap("kinesis.stream", i, ""), func(k, v *string) kintypes.Tag { return kintypes.Tag{Key: k, Value: v} })}, nil
}

// kinConsumers is how many enhanced fan-out consumers stream i has.
func (c *call) kinConsumers(i int) int { return c.rng("kinesis.stream", i+1<<31).intn(3) }

func (c *call) kinConsumerName(i, k int) string {
	return fmt.Sprintf("%s-fanout-%d", []string{"analytics", "archiver", "alerts"}[(i+k)%3], k)
}

// kinConsumerARN: arn:aws:kinesis:REGION:ACCOUNT:stream/NAME/consumer/CONSUMER:EPOCH.
func (c *call) kinConsumerARN(i, k int) string {
	return fmt.Sprintf("%s/consumer/%s:%d", c.kinARN(i), c.kinConsumerName(i, k), c.created("kinesis.stream", i).Unix()+int64(k))
}

func kinConsumerList(c *call) (any, error) {
	in := c.in.(*kinesis.ListStreamConsumersInput)
	i, err := c.kinStream(nil, in.StreamARN)
	if err != nil {
		return nil, err
	}
	out := &kinesis.ListStreamConsumersOutput{}
	for k := range c.kinConsumers(i) {
		out.Consumers = append(out.Consumers, kintypes.Consumer{ConsumerName: aws.String(c.kinConsumerName(i, k)), ConsumerARN: aws.String(c.kinConsumerARN(i, k)),
			ConsumerStatus: kintypes.ConsumerStatusActive, ConsumerCreationTimestamp: c.created("kinesis.stream", i)})
	}
	return out, nil
}

// kinConsumerTags answers ListTagsForResource for consumers (the
// collector reads streams' tags with ListTagsForStream).
func kinConsumerTags(c *call) (any, error) {
	arn := aws.ToString(c.in.(*kinesis.ListTagsForResourceInput).ResourceARN)
	stream, consumer, ok := strings.Cut(arn, "/consumer/")
	i, err := c.kinStream(nil, &stream)
	if !ok || err != nil {
		return nil, notFound("ResourceNotFoundException", "Consumer "+arn+" not found.")
	}
	for k := range c.kinConsumers(i) {
		if c.kinConsumerARN(i, k) == stream+"/consumer/"+consumer {
			return &kinesis.ListTagsForResourceOutput{Tags: tagList(c.tagMap("kinesis.stream-consumer", 4*i+k, ""), func(k, v *string) kintypes.Tag { return kintypes.Tag{Key: k, Value: v} })}, nil
		}
	}
	return nil, notFound("ResourceNotFoundException", "Consumer "+arn+" not found.")
}
