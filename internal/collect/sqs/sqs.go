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
		{Name: "queue", Description: "SQS queue (standard or FIFO)", Fields: queueFields, Tags: collect.TagsBulk, Collect: queues, DetailCalls: 1},
	},
	Calls: "queue: ListQueues + per queue GetQueueAttributes; bulk tags (else per queue ListQueueTags)",
}

var queueFields = []model.Field{
	{Name: "url", Type: "text", Description: "queue URL"},
	{Name: "fifo", Type: "boolean", Description: "FIFO queue"},
	{Name: "visibility_timeout", Type: "integer", Description: "visibility timeout in seconds"},
	{Name: "message_retention_seconds", Type: "integer", Description: "how long messages are kept"},
	{Name: "approximate_messages", Type: "integer", Description: "approximate number of visible messages at scan time"},
	{Name: "kms_key_id", Type: "text", Description: "KMS key (id, ARN or alias) for SSE-KMS"},
	{Name: "sse_enabled", Type: "boolean", Description: "server-side encryption, SQS-managed or KMS"},
	{Name: "dead_letter_target_arn", Type: "text", Description: "dead-letter queue of the redrive policy"},
	{Name: "policy_present", Type: "boolean", Description: "the queue has an access policy"},
	{Name: "created", Type: "timestamp", Description: "creation time"},
}

func queues(ctx context.Context, t *collect.Task) error {
	api := sqs.NewFromConfig(t.Config)
	bulk := collect.NewBulkTags(t, "sqs")
	p := sqs.NewListQueuesPaginator(api, &sqs.ListQueuesInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *sqs.ListQueuesOutput) error {
		collect.ForEach(ctx, page.QueueUrls, func(ctx context.Context, url string) {
			name := collect.ARNResourceName(url) // the URL's last path segment
			r := &model.Resource{Key: t.Key("queue", name), Name: name, ARN: collect.ARN(t, "sqs", "", name),
				Details: map[string]any{"url": url}}
			attrs, err := api.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{
				QueueUrl: aws.String(url), AttributeNames: []types.QueueAttributeName{types.QueueAttributeNameAll},
			})
			if err != nil {
				t.Warn("GetQueueAttributes", err)
			} else {
				applyAttributes(r, attrs.Attributes)
			}
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

// applyAttributes maps GetQueueAttributes' string map onto r. The policy
// itself is not stored, only whether there is one.
func applyAttributes(r *model.Resource, a map[string]string) {
	if arn := a["QueueArn"]; arn != "" {
		r.ARN = arn
	}
	// Epoch seconds; parsed as a float because emulators add a fraction.
	if secs, err := strconv.ParseFloat(a["CreatedTimestamp"], 64); err == nil {
		created := time.Unix(int64(secs), 0)
		r.CreatedAt = model.Time(&created)
	}
	d := r.Details
	d["fifo"] = a["FifoQueue"] == "true"
	setInt(d, "visibility_timeout", a["VisibilityTimeout"])
	setInt(d, "message_retention_seconds", a["MessageRetentionPeriod"])
	setInt(d, "approximate_messages", a["ApproximateNumberOfMessages"])
	d["kms_key_id"] = a["KmsMasterKeyId"]
	d["sse_enabled"] = a["SqsManagedSseEnabled"] == "true" || a["KmsMasterKeyId"] != ""
	d["policy_present"] = a["Policy"] != ""
	d["created"] = r.CreatedAt
	var redrive struct {
		DeadLetterTargetARN string `json:"deadLetterTargetArn"`
	}
	if json.Unmarshal([]byte(a["RedrivePolicy"]), &redrive) == nil {
		d["dead_letter_target_arn"] = redrive.DeadLetterTargetARN
	}
}

// setInt stores a numeric attribute, leaving it out when SQS did not send it.
func setInt(d map[string]any, key, v string) {
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		d[key] = n
	}
}
