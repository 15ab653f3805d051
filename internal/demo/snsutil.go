package demo

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
)

func snsTopic(arn string) snstypes.Topic { return snstypes.Topic{TopicArn: aws.String(arn)} }

func snsTag(t tag) snstypes.Tag { return snstypes.Tag{Key: aws.String(t.k), Value: aws.String(t.v)} }

func snsSub(topic, arn, proto, endpoint, owner string) snstypes.Subscription {
	return snstypes.Subscription{TopicArn: aws.String(topic), SubscriptionArn: aws.String(arn), Protocol: aws.String(proto), Endpoint: aws.String(endpoint), Owner: aws.String(owner)}
}
