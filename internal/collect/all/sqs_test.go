package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/sqs"
)

func createQueue(t *testing.T, api *sqs.Client, name string, attrs map[string]string, tags map[string]string) *string {
	t.Helper()
	out, err := api.CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String(name), Attributes: attrs, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	return out.QueueUrl
}

func TestSqsQueues(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := sqs.NewFromConfig(cfg)
	dlqARN := "arn:aws:sqs:" + region + ":" + collecttest.MotoAccount + ":jobs-dlq"
	createQueue(t, api, "jobs-dlq", nil, nil)
	jobs := createQueue(t, api, "jobs", map[string]string{
		"VisibilityTimeout": "45", "MessageRetentionPeriod": "86400", "KmsMasterKeyId": "alias/aws/sqs",
		"RedrivePolicy": `{"deadLetterTargetArn":"` + dlqARN + `","maxReceiveCount":"3"}`,
		"Policy":        `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"*"}]}`,
	}, map[string]string{"Team": "ops"})
	createQueue(t, api, "events.fifo", map[string]string{"FifoQueue": "true"}, nil)
	for i := range 4 {
		createQueue(t, api, fmt.Sprintf("work-%d", i), nil, nil)
	}
	if _, err := api.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: jobs, MessageBody: aws.String("hello")}); err != nil {
		t.Fatal(err)
	}

	got := collecttest.Run(t, cfg, collector.Service, "queue", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 7 queues over several pages, got %d", len(byID))
	}
	q := byID["jobs"]
	checks := map[string]any{
		"url": aws.ToString(jobs), "fifo": false, "visibility_timeout": int64(45), "message_retention_seconds": int64(86400),
		"approximate_messages": int64(1), "kms_key_id": "alias/aws/sqs", "sse_enabled": true,
		"dead_letter_target_arn": dlqARN, "policy_present": true,
	}
	for k, want := range checks {
		if q.Details[k] != want {
			t.Errorf("details[%s] = %v (%T), want %v", k, q.Details[k], q.Details[k], want)
		}
	}
	if q.Tags["Team"] != "ops" || q.CreatedAt == "" || q.Details["created"] != q.CreatedAt ||
		q.ARN != "arn:aws:sqs:"+region+":"+collecttest.MotoAccount+":jobs" {
		t.Errorf("tags %v created %q arn %q", q.Tags, q.CreatedAt, q.ARN)
	}
	fifo := byID["events.fifo"]
	if fifo.Details["fifo"] != true || fifo.Details["policy_present"] != false || fifo.Details["dead_letter_target_arn"] != nil {
		t.Errorf("events.fifo details = %v", fifo.Details)
	}
}

func TestSqsPermissions(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListQueues")})
	got := collecttest.Run(t, cfg, collector.Service, "queue", region)
	collecttest.AssertDenied(t, got)

	createQueue(t, sqs.NewFromConfig(collecttest.Config(t, region, nil)), "jobs", nil, map[string]string{"Team": "ops"})
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetQueueAttributes")})
	got = collecttest.Run(t, cfg, collector.Service, "queue", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("want the queue despite the denied detail call, got %v and %d", got.Err, len(got.Resources))
	}
	q := got.Resources[0]
	if _, ok := q.Details["fifo"]; ok || len(got.Task.Warnings()) == 0 || q.Tags["Team"] != "ops" {
		t.Errorf("want attributes absent, tags present and a warning, got %v %v / %v", q.Details, q.Tags, got.Task.Warnings())
	}
	if q.ARN != "arn:aws:sqs:"+region+":"+collecttest.MotoAccount+":jobs" {
		t.Errorf("fallback arn = %q", q.ARN)
	}
}
