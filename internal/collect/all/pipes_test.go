package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/pipes"
	"github.com/aws/aws-sdk-go-v2/service/pipes/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/pipes"
)

var pipesPaged = collecttest.Paged{Cap: 2}

func pipesArn(service, resource string) string {
	return "arn:aws:" + service + ":eu-west-1:" + account + ":" + resource
}

// create makes five pipes: orders (queue -> enrichment function -> state
// machine, logged to CloudWatch, KMS-encrypted), clicks (stream -> topic),
// changes (table stream -> function) and two more queue -> topic pipes.
func pipesCreate(t *testing.T, api *pipes.Client) {
	t.Helper()
	in := []*pipes.CreatePipeInput{
		{Name: aws.String("orders"), Source: aws.String(pipesArn("sqs", "orders")), Enrichment: aws.String(pipesArn("lambda", "function:enrich")),
			Target: aws.String(pipesArn("states", "stateMachine:fulfil")), KmsKeyIdentifier: aws.String(pipesArn("kms", "key/k-1")), Description: aws.String("order flow"),
			LogConfiguration: &types.PipeLogConfigurationParameters{Level: types.LogLevelError,
				CloudwatchLogsLogDestination: &types.CloudwatchLogsLogDestinationParameters{LogGroupArn: aws.String(pipesArn("logs", "log-group:/pipes/orders"))}},
			Tags: map[string]string{"team": "shop"}},
		{Name: aws.String("clicks"), Source: aws.String(pipesArn("kinesis", "stream/clicks")), Target: aws.String(pipesArn("sns", "clicks"))},
		{Name: aws.String("changes"), Source: aws.String(pipesArn("dynamodb", "table/users/stream/2026-01-01T00:00:00.000")), Target: aws.String(pipesArn("lambda", "function:sync:live"))},
	}
	for i := range 2 {
		in = append(in, &pipes.CreatePipeInput{Name: aws.String(fmt.Sprintf("fanout%d", i)), Source: aws.String(pipesArn("sqs", "fan")), Target: aws.String(pipesArn("sns", "fan"))})
	}
	for _, p := range in {
		p.RoleArn = aws.String("arn:aws:iam::" + account + ":role/pipes")
		if _, err := api.CreatePipe(context.Background(), p); err != nil {
			t.Fatal(err)
		}
	}
}

func TestPipes(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	pipesCreate(t, pipes.NewFromConfig(cfg))
	got := pipesPaged.Run(t, cfg, collector.Service, "pipe", region)
	if got.Err != nil || len(got.Resources) != 5 {
		t.Fatalf("pipes: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	o := got.ByID()["orders"]
	if o.ARN != pipesArn("pipes", "pipe/orders") || o.Tags["team"] != "shop" || o.CreatedAt == "" {
		t.Errorf("orders: %s %v %q", o.ARN, o.Tags, o.CreatedAt)
	}
	for k, v := range map[string]any{"source": pipesArn("sqs", "orders"), "target": pipesArn("states", "stateMachine:fulfil"), "enrichment": pipesArn("lambda", "function:enrich"),
		"kms_key": pipesArn("kms", "key/k-1"), "log_level": "ERROR", "description": "order flow", "role_arn": "arn:aws:iam::" + account + ":role/pipes"} {
		if o.Details[k] != v {
			t.Errorf("orders details[%s] = %v, want %v", k, o.Details[k], v)
		}
	}
	if d, _ := o.Details["log_destinations"].([]string); len(d) != 1 || d[0] != "cloudwatch" {
		t.Errorf("log_destinations %v", o.Details["log_destinations"])
	}
	if c := got.ByID()["clicks"]; c.Details["log_level"] != "" || c.Details["kms_key"] != "" {
		t.Errorf("clicks: %v", c.Details)
	}
	collecttest.HasEdges(t, got,
		"orders -reads-from-> sqs/queue:orders", "orders -enriched-by-> lambda/function:enrich", "orders -targets-> sfn/state-machine:fulfil",
		"orders -encrypted-with-> kms/key:k-1", "orders -logs-to-> logs/log-group:/pipes/orders", "orders -assumes-role-> iam/role:pipes",
		"clicks -reads-from-> kinesis/stream:clicks", "clicks -targets-> sns/topic:clicks",
		"changes -reads-from-> dynamodb/table:users", "changes -targets-> lambda/function:sync")
}

func TestPipesDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListPipes")})
	collecttest.AssertDenied(t, pipesPaged.Run(t, cfg, collector.Service, "pipe", region))
	pipesCreate(t, pipes.NewFromConfig(collecttest.Config(t, region, nil)))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribePipe")})
	got := pipesPaged.Run(t, cfg, collector.Service, "pipe", region)
	if got.Err != nil || len(got.Resources) != 5 || len(got.Task.Warnings()) != 5 || len(got.ByID()["orders"].Details) != 0 {
		t.Fatalf("want pipes without details and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
