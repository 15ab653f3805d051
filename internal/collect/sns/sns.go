// Package sns collects SNS topics, subscriptions and mobile push platform
// applications.
package sns

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/arn"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the SNS collector.
var Service = &collect.Service{
	Name:        "sns",
	Description: "SNS topics, subscriptions and platform applications",
	Types: []collect.Type{
		{Name: "topic", Description: "SNS topic", Fields: topicFields.Declared(), Tags: collect.TagsBulk, Collect: topics, DetailCalls: 1},
		{Name: "subscription", Description: "confirmed SNS subscription (endpoints of people are masked)", Fields: subscriptionFields.Declared(), Tags: collect.NotTaggable, Collect: subscriptions},
		{Name: "platform-application", Description: "mobile push application (id = platform/name; its credentials are never read)",
			Fields: platformApplicationFields.Declared(), Tags: collect.NotTaggable, Collect: platformApplications},
	},
	Calls: "topic: ListTopics + per topic GetTopicAttributes; bulk tags (else per topic ListTagsForResource). subscription: ListSubscriptions. " +
		"platform-application: ListPlatformApplications",
	Relations: []collect.Relation{
		{From: "platform-application", Kind: "notifies", To: "sns/topic"},
		{From: "platform-application", Kind: "assumes-role", To: "iam/role"},
		{From: "subscription", Kind: "member-of", To: "sns/topic"},
		{From: "subscription", Kind: "triggers", To: "lambda/function"},
		{From: "subscription", Kind: "triggers", To: "sqs/queue"},
	},
}

func client(t *collect.Task) *sns.Client { return sns.NewFromConfig(t.Config) }

// topicAnswer is what GetTopicAttributes answered about a topic; without an
// answer (answered false) the topic has no details. The policy itself is
// not stored, only whether there is one.
type topicAnswer struct {
	attrs    map[string]string
	answered bool
}

func hasAnswer(tp topicAnswer) bool { return tp.answered }

// topicCount is a count attribute, left out when it is not a number.
func topicCount(attr string) func(topicAnswer) any {
	return func(tp topicAnswer) any {
		if n, err := strconv.ParseInt(tp.attrs[attr], 10, 64); err == nil {
			return n
		}
		return nil
	}
}

var topicFields = collect.Fields[topicAnswer]{
	collect.When(hasAnswer, collect.Computed("display_name", model.Text, "display name used as the SMS/email sender", func(tp topicAnswer) any { return tp.attrs["DisplayName"] })),
	collect.When(hasAnswer, collect.Computed("kms_key_id", model.Text, "KMS key (id, ARN or alias) for server-side encryption", func(tp topicAnswer) any {
		return tp.attrs["KmsMasterKeyId"]
	})),
	collect.When(hasAnswer, collect.Computed("subscriptions_confirmed", model.Integer, "confirmed subscriptions", topicCount("SubscriptionsConfirmed"))),
	collect.When(hasAnswer, collect.Computed("subscriptions_pending", model.Integer, "subscriptions awaiting confirmation", topicCount("SubscriptionsPending"))),
	collect.When(hasAnswer, collect.Computed("policy_present", model.Boolean, "the topic has an access policy", func(tp topicAnswer) any { return tp.attrs["Policy"] != "" })),
	collect.When(hasAnswer, collect.Computed("fifo", model.Boolean, "FIFO topic", func(tp topicAnswer) any { return tp.attrs["FifoTopic"] == "true" })),
}

func topics(ctx context.Context, t *collect.Task) error {
	api := client(t)
	bulk := collect.NewBulkTags(t, "sns")
	p := sns.NewListTopicsPaginator(api, &sns.ListTopicsInput{})
	return collect.EachPage(ctx, p, func(page *sns.ListTopicsOutput) error {
		arns := make([]string, 0, len(page.Topics))
		for _, tp := range page.Topics {
			arns = append(arns, aws.ToString(tp.TopicArn))
		}
		topicsOf(ctx, t, api, bulk, arns)
		return nil
	})
}

func topicsOf(ctx context.Context, t *collect.Task, api *sns.Client, bulk *collect.BulkTags, arns []string) {
	collect.ForEach(ctx, arns, func(ctx context.Context, topicARN string) {
		name := collect.ARNResourceName(topicARN)
		var tp topicAnswer
		attrs, err := api.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: aws.String(topicARN)})
		if err != nil {
			t.Warn("GetTopicAttributes", err)
		} else {
			tp = topicAnswer{attrs: attrs.Attributes, answered: true}
		}
		r := &model.Resource{Key: t.Key("topic", name), ARN: topicARN, Name: name, Details: topicFields.Details(tp)}
		r.Tags = bulk.Of(ctx, topicARN, "ListTagsForResource", func(ctx context.Context) (map[string]string, error) {
			out, err := api.ListTagsForResource(ctx, &sns.ListTagsForResourceInput{ResourceArn: aws.String(topicARN)})
			if err != nil {
				return nil, err
			}
			return collect.TagMap(out.Tags, func(t types.Tag) (*string, *string) { return t.Key, t.Value }), nil
		})
		t.Emit(r)
	})
}

var subscriptionFields = collect.Fields[types.Subscription]{
	collect.Text("protocol", "email, sms, http(s), sqs, lambda, firehose, application, ...", func(s types.Subscription) *string { return s.Protocol }),
	collect.Computed("endpoint", model.Text, "target: ARN for AWS targets; masked for email/sms (e.g. *@example.com), scheme and host only for http(s)",
		func(s types.Subscription) any {
			return maskEndpoint(aws.ToString(s.Protocol), aws.ToString(s.Endpoint))
		}),
	collect.Text("topic_arn", "topic the subscription belongs to", func(s types.Subscription) *string { return s.TopicArn }),
}

func subscriptions(ctx context.Context, t *collect.Task) error {
	p := sns.NewListSubscriptionsPaginator(client(t), &sns.ListSubscriptionsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, s := range page.Subscriptions {
			// Unconfirmed subscriptions have no ARN yet ("PendingConfirmation"),
			// hence no identity; topics count them in subscriptions_pending.
			if _, err := arn.Parse(aws.ToString(s.SubscriptionArn)); err != nil {
				continue
			}
			emitSubscription(t, s)
		}
	}
	return nil
}

func emitSubscription(t *collect.Task, s types.Subscription) {
	protocol, endpoint := aws.ToString(s.Protocol), aws.ToString(s.Endpoint)
	topicARN := aws.ToString(s.TopicArn)
	topic := collect.ARNResourceName(topicARN)
	id := aws.ToString(s.SubscriptionArn)
	key := t.Key("subscription", id)
	t.Emit(&model.Resource{
		Key:     key,
		ARN:     id,
		Name:    topic + ":" + protocol,
		Details: subscriptionFields.Details(s),
	})
	t.Relate(key, "member-of", t.Key("topic", topic))
	if target, ok := targetKey(endpoint); ok {
		t.Relate(key, "triggers", target)
	}
}

// maskEndpoint keeps what identifies an AWS target and drops personal data:
// an email keeps its domain, a phone number its last two digits, a URL its
// scheme and host (paths and queries often carry tokens).
func maskEndpoint(protocol, endpoint string) string {
	switch protocol {
	case "email", "email-json":
		if i := strings.LastIndex(endpoint, "@"); i >= 0 {
			return "*" + endpoint[i:]
		}
		return "*"
	case "sms":
		if len(endpoint) > 2 {
			return strings.Repeat("*", len(endpoint)-2) + endpoint[len(endpoint)-2:]
		}
		return "*"
	case "http", "https":
		if u, err := url.Parse(endpoint); err == nil {
			return u.Scheme + "://" + u.Host
		}
		return protocol + "://*"
	}
	return endpoint
}

// targetKey is the key of the Lambda function or SQS queue an endpoint ARN
// names, in the ARN's own account and region (subscriptions may cross both).
// SNS ARNs here are platform application endpoints, not topics.
func targetKey(endpoint string) (model.Key, bool) {
	if k, ok := collect.TargetKey(endpoint); ok && k.Service != "sns" {
		return k, true
	}
	return model.Key{}, false
}
