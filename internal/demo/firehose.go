package demo

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/firehose"
	fhtypes "github.com/aws/aws-sdk-go-v2/service/firehose/types"
)

// Firehose: delivery streams to the account's buckets, at least one per
// region; two in five read a live Kinesis stream of the region, the others
// take direct puts, a third of those (and the first of a region)
// unencrypted: firehose-unencrypted finds them.
func init() {
	kinds = append(kinds, &kind{name: "firehose.delivery-stream", weight: 0.25, min: 1})
	kindByName["firehose.delivery-stream"] = kinds[len(kinds)-1]
	register("Firehose", map[string]handler{"ListDeliveryStreams": fhStreams, "DescribeDeliveryStream": fhDescribe, "ListTagsForDeliveryStream": fhTags})
}

func (c *call) fhName(i int) string {
	return fmt.Sprintf("%s-%s-to-s3-%04d", c.rng("firehose.delivery-stream", i).pick(apps), []string{"logs", "events", "metrics"}[i%3], i)
}

// fhStreams pages by name: the next page starts after the last name.
func fhStreams(c *call) (any, error) {
	in := c.in.(*firehose.ListDeliveryStreamsInput)
	var token *string
	if last, ok := trailingIndex(aws.ToString(in.ExclusiveStartDeliveryStreamName)); ok {
		token = aws.String(fmt.Sprintf("demo-%d", last+1))
	}
	items, next := c.list("firehose.delivery-stream", token, in.Limit, 10000)
	out := &firehose.ListDeliveryStreamsOutput{HasMoreDeliveryStreams: aws.Bool(next != nil)}
	for _, i := range items {
		out.DeliveryStreamNames = append(out.DeliveryStreamNames, c.fhName(i))
	}
	return out, nil
}

func (c *call) fhStream(name *string) (int, error) {
	s := aws.ToString(name)
	i, ok := trailingIndex(s)
	if !ok || !c.alive("firehose.delivery-stream", i) || c.fhName(i) != s {
		return 0, notFound("ResourceNotFoundException", "Firehose "+s+" under account "+Accounts[c.acct].ID+" not found.")
	}
	return i, nil
}

func fhDescribe(c *call) (any, error) {
	i, err := c.fhStream(c.in.(*firehose.DescribeDeliveryStreamInput).DeliveryStreamName)
	if err != nil {
		return nil, err
	}
	r, m := c.rng("firehose.delivery-stream", i), c.mut("firehose.delivery-stream", i)
	name, role := c.fhName(i), c.roleOf(6, i)
	d := &fhtypes.DeliveryStreamDescription{DeliveryStreamName: aws.String(name), DeliveryStreamARN: aws.String(c.arn("firehose", "deliverystream/"+name)),
		DeliveryStreamStatus: fhtypes.DeliveryStreamStatusActive, DeliveryStreamType: fhtypes.DeliveryStreamTypeDirectPut, VersionId: aws.String(fmt.Sprint(1 + c.v.version(c.acct, c.region, "firehose.delivery-stream", i))),
		CreateTimestamp: c.created("firehose.delivery-stream", i), LastUpdateTimestamp: c.created("firehose.delivery-stream", i), HasMoreDestinations: aws.Bool(false),
		Destinations: []fhtypes.DestinationDescription{{DestinationId: aws.String("destinationId-000000000001"),
			ExtendedS3DestinationDescription: &fhtypes.ExtendedS3DestinationDescription{BucketARN: aws.String("arn:aws:s3:::" + c.liveBucket(i)), RoleARN: aws.String(role),
				Prefix: aws.String(name + "/"), CompressionFormat: fhtypes.CompressionFormatGzip,
				BufferingHints:          &fhtypes.BufferingHints{IntervalInSeconds: aws.Int32(300), SizeInMBs: aws.Int32(5)},
				EncryptionConfiguration: &fhtypes.EncryptionConfiguration{NoEncryptionConfig: fhtypes.NoEncryptionConfigNoEncryption}}}}}
	if s := c.live("kinesis.stream", i); s >= 0 && (i+regionIndex(c.region)+c.acct)%5%2 == 1 {
		d.DeliveryStreamType = fhtypes.DeliveryStreamTypeKinesisStreamAsSource
		d.Source = &fhtypes.SourceDescription{KinesisStreamSourceDescription: &fhtypes.KinesisStreamSourceDescription{KinesisStreamARN: aws.String(c.kinARN(s)), RoleARN: aws.String(role)}}
		return &firehose.DescribeDeliveryStreamOutput{DeliveryStreamDescription: d}, nil
	}
	switch x := m.intn(3); {
	case i == 0 || x == 0:
		d.DeliveryStreamEncryptionConfiguration = &fhtypes.DeliveryStreamEncryptionConfiguration{Status: fhtypes.DeliveryStreamEncryptionStatusDisabled}
	case r.chance(0.5):
		d.DeliveryStreamEncryptionConfiguration = &fhtypes.DeliveryStreamEncryptionConfiguration{Status: fhtypes.DeliveryStreamEncryptionStatusEnabled,
			KeyType: fhtypes.KeyTypeCustomerManagedCmk, KeyARN: aws.String(c.kmsARN())}
	default:
		d.DeliveryStreamEncryptionConfiguration = &fhtypes.DeliveryStreamEncryptionConfiguration{Status: fhtypes.DeliveryStreamEncryptionStatusEnabled, KeyType: fhtypes.KeyTypeAwsOwnedCmk}
	}
	return &firehose.DescribeDeliveryStreamOutput{DeliveryStreamDescription: d}, nil
}

func fhTags(c *call) (any, error) {
	i, err := c.fhStream(c.in.(*firehose.ListTagsForDeliveryStreamInput).DeliveryStreamName)
	if err != nil {
		return nil, err
	}
	return &firehose.ListTagsForDeliveryStreamOutput{HasMoreTags: aws.Bool(false),
		Tags: tagList(c.tagMap("firehose.delivery-stream", i, ""), func(k, v *string) fhtypes.Tag { return fhtypes.Tag{Key: k, Value: v} })}, nil
}
