// Package sqs collects SQS queues.
package sqs

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the SQS collector.
var Service = &collect.Service{
	Name:        "sqs",
	Description: "SQS queues",
	Types: []collect.Type{
		{Name: "queue", Description: "SQS queue (standard or FIFO)", Fields: queueFields.Declared(), Tags: collect.TagsBulk, Collect: queues, DetailCalls: 1},
	},
	Calls: "queue: ListQueues + per queue GetQueueAttributes; bulk tags (else per queue ListQueueTags)",
}

// queue is a listed queue with its GetQueueAttributes string map; got is
// false when that call failed, and only the URL is stored. The policy
// itself is not stored, only whether there is one.
type queue struct {
	url   string
	attrs map[string]string
	got   bool
}

func hasAttributes(q queue) bool { return q.got }

var queueFields = collect.Fields[queue]{
	collect.Computed("url", model.Text, "queue URL", func(q queue) any { return q.url }),
	collect.When(hasAttributes, collect.Computed("fifo", model.Boolean, "FIFO queue", func(q queue) any { return q.attrs["FifoQueue"] == "true" })),
	collect.When(hasAttributes, collect.Computed("visibility_timeout", model.Integer, "visibility timeout in seconds", func(q queue) any {
		return intAttr(q.attrs["VisibilityTimeout"])
	})),
	collect.When(hasAttributes, collect.Computed("message_retention_seconds", model.Integer, "how long messages are kept", func(q queue) any {
		return intAttr(q.attrs["MessageRetentionPeriod"])
	})),
	collect.When(hasAttributes, collect.Computed("approximate_messages", model.Integer, "approximate number of visible messages at scan time", func(q queue) any {
		return intAttr(q.attrs["ApproximateNumberOfMessages"])
	})),
	collect.When(hasAttributes, collect.Computed("kms_key_id", model.Text, "KMS key (id, ARN or alias) for SSE-KMS", func(q queue) any { return q.attrs["KmsMasterKeyId"] })),
	collect.When(hasAttributes, collect.Computed("sse_enabled", model.Boolean, "server-side encryption, SQS-managed or KMS", func(q queue) any {
		return q.attrs["SqsManagedSseEnabled"] == "true" || q.attrs["KmsMasterKeyId"] != ""
	})),
	collect.When(hasAttributes, collect.Computed("dead_letter_target_arn", model.Text, "dead-letter queue of the redrive policy", func(q queue) any {
		var redrive struct {
			DeadLetterTargetARN string `json:"deadLetterTargetArn"`
		}
		if json.Unmarshal([]byte(q.attrs["RedrivePolicy"]), &redrive) != nil {
			return nil
		}
		return redrive.DeadLetterTargetARN
	})),
	collect.When(hasAttributes, collect.Computed("policy_present", model.Boolean, "the queue has an access policy", func(q queue) any { return q.attrs["Policy"] != "" })),
	collect.When(hasAttributes, collect.Computed("created", model.Timestamp, "creation time", func(q queue) any { return created(q.attrs) })),
}

func queues(ctx context.Context, t *collect.Task) error {
	api := sqs.NewFromConfig(t.Config)
	bulk := collect.NewBulkTags(t, "sqs")
	p := sqs.NewListQueuesPaginator(api, &sqs.ListQueuesInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *sqs.ListQueuesOutput) error {
		collect.ForEach(ctx, page.QueueUrls, func(ctx context.Context, url string) {
			name := collect.ARNResourceName(url) // the URL's last path segment
			r := &model.Resource{Key: t.Key("queue", name), Name: name, ARN: collect.ARN(t, "sqs", "", name)}
			q := queue{url: url}
			attrs, err := api.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{
				QueueUrl: aws.String(url), AttributeNames: []types.QueueAttributeName{types.QueueAttributeNameAll},
			})
			if err != nil {
				t.Warn("GetQueueAttributes", err)
			} else {
				q.attrs, q.got = attrs.Attributes, true
				if arn := q.attrs["QueueArn"]; arn != "" {
					r.ARN = arn
				}
				r.CreatedAt = created(q.attrs)
			}
			r.Details = queueFields.Details(q)
			r.Tags = bulk.Of(ctx, r.ARN, "ListQueueTags", func(ctx context.Context) (map[string]string, error) {
				out, err := api.ListQueueTags(ctx, &sqs.ListQueueTagsInput{QueueUrl: aws.String(url)})
				if err != nil {
					return nil, err
				}
				return out.Tags, nil
			})
			t.Emit(r)
		})
		return nil
	})
}

// created is the CreatedTimestamp attribute, epoch seconds parsed as a
// float because emulators add a fraction; "" when missing.
func created(a map[string]string) string {
	secs, err := strconv.ParseFloat(a["CreatedTimestamp"], 64)
	if err != nil {
		return ""
	}
	t := time.Unix(int64(secs), 0)
	return model.Time(&t)
}

// intAttr is a numeric attribute, nil (field left out) when SQS did not
// send it.
func intAttr(v string) any {
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		return n
	}
	return nil
}
