// Package pipes collects EventBridge Pipes, point-to-point integrations
// from an event source to a target.
package pipes

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsarn "github.com/aws/aws-sdk-go-v2/aws/arn"
	"github.com/aws/aws-sdk-go-v2/service/pipes"
	"github.com/aws/aws-sdk-go-v2/service/pipes/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the EventBridge Pipes collector.
var Service = &collect.Service{
	Name:        "pipes",
	Description: "EventBridge Pipes",
	Types: []collect.Type{
		{Name: "pipe", Description: "EventBridge pipe (id = name): source, enrichment, target, role, logging and encryption",
			Fields: pipeFields.Declared(), Tags: collect.TagsListed, Collect: pipeList, DetailCalls: 1},
	},
	Calls: "pipe: ListPipes + per pipe DescribePipe",
	Relations: []collect.Relation{
		{From: "pipe", Kind: "reads-from", To: "sqs/queue"},
		{From: "pipe", Kind: "reads-from", To: "kinesis/stream"},
		{From: "pipe", Kind: "reads-from", To: "dynamodb/table"},
		{From: "pipe", Kind: "enriched-by", To: "lambda/function"},
		{From: "pipe", Kind: "enriched-by", To: "sfn/state-machine"},
		{From: "pipe", Kind: "targets", To: "lambda/function"},
		{From: "pipe", Kind: "targets", To: "sqs/queue"},
		{From: "pipe", Kind: "targets", To: "sns/topic"},
		{From: "pipe", Kind: "targets", To: "kinesis/stream"},
		{From: "pipe", Kind: "targets", To: "sfn/state-machine"},
		{From: "pipe", Kind: "assumes-role", To: "iam/role"},
		{From: "pipe", Kind: "encrypted-with", To: "kms/key"},
		{From: "pipe", Kind: "logs-to", To: "logs/log-group"},
	},
}

// endpointKey is the key of the queue, topic, function, stream, table or
// state machine a pipe's source, enrichment or target ARN names, in the
// ARN's own account and region; false for anything else (an API
// destination, an event bus, a broker, a Kafka cluster...).
func endpointKey(arn string) (model.Key, bool) {
	if k, ok := collect.TargetKey(arn); ok {
		return k, true
	}
	a, err := awsarn.Parse(arn)
	if err != nil {
		return model.Key{}, false
	}
	k := model.Key{Account: a.AccountID, Region: a.Region, Service: a.Service}
	kind, rest, _ := strings.Cut(a.Resource, "/")
	switch {
	case a.Service == "kinesis" && kind == "stream":
		k.Type, k.ID = "stream", rest
	case a.Service == "dynamodb" && kind == "table": // table/NAME/stream/LABEL
		name, _, _ := strings.Cut(rest, "/")
		k.Type, k.ID = "table", name
	case a.Service == "states" && strings.HasPrefix(a.Resource, "stateMachine:"):
		k.Service, k.Type, k.ID = "sfn", "state-machine", strings.TrimPrefix(a.Resource, "stateMachine:")
	default:
		return model.Key{}, false
	}
	return k, true
}

func logging(p *pipes.DescribePipeOutput) types.PipeLogConfiguration {
	if p.LogConfiguration == nil {
		return types.PipeLogConfiguration{}
	}
	return *p.LogConfiguration
}

var pipeFields = collect.Fields[*pipes.DescribePipeOutput]{
	collect.Text("source", "ARN of the event source (queue, stream, broker, cluster...)", func(p *pipes.DescribePipeOutput) *string { return p.Source }),
	collect.Text("target", "ARN of the target", func(p *pipes.DescribePipeOutput) *string { return p.Target }),
	collect.Text("enrichment", "ARN of the enrichment step (function, state machine, API destination), if any", func(p *pipes.DescribePipeOutput) *string { return p.Enrichment }),
	collect.Enum("current_state", "RUNNING, STOPPED, CREATE_FAILED, ... ", func(p *pipes.DescribePipeOutput) types.PipeState { return p.CurrentState }),
	collect.Enum("desired_state", "RUNNING, STOPPED or DELETED", func(p *pipes.DescribePipeOutput) types.RequestedPipeStateDescribeResponse { return p.DesiredState }),
	collect.Text("state_reason", "why the pipe is in its state (failures)", func(p *pipes.DescribePipeOutput) *string { return p.StateReason }),
	collect.Text("description", "pipe description", func(p *pipes.DescribePipeOutput) *string { return p.Description }),
	collect.Text("role_arn", "IAM role the pipe reads and invokes as", func(p *pipes.DescribePipeOutput) *string { return p.RoleArn }),
	collect.Text("kms_key", "customer managed KMS key encrypting pipe data; empty: an AWS owned key", func(p *pipes.DescribePipeOutput) *string { return p.KmsKeyIdentifier }),
	collect.Computed("log_level", model.Text, "OFF, ERROR, INFO or TRACE; empty: no logging", func(p *pipes.DescribePipeOutput) any { return string(logging(p).Level) }),
	collect.Computed("log_destinations", model.JSON, "where logs go: cloudwatch, firehose, s3", func(p *pipes.DescribePipeOutput) any {
		l, out := logging(p), []string{}
		if l.CloudwatchLogsLogDestination != nil {
			out = append(out, "cloudwatch")
		}
		if l.FirehoseLogDestination != nil {
			out = append(out, "firehose")
		}
		if l.S3LogDestination != nil {
			out = append(out, "s3")
		}
		return out
	}),
	collect.Timestamp("last_modified", "last change of the pipe", func(p *pipes.DescribePipeOutput) *time.Time { return p.LastModifiedTime }),
}

func pipeList(ctx context.Context, t *collect.Task) error {
	api := pipes.NewFromConfig(t.Config)
	p := pipes.NewListPipesPaginator(api, &pipes.ListPipesInput{Limit: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *pipes.ListPipesOutput) []types.Pipe { return page.Pipes },
		func(ctx context.Context, s types.Pipe) {
			name := aws.ToString(s.Name)
			r := &model.Resource{Key: t.Key("pipe", name), Name: name, ARN: aws.ToString(s.Arn), CreatedAt: model.Time(s.CreationTime)}
			out, err := api.DescribePipe(ctx, &pipes.DescribePipeInput{Name: s.Name})
			t.Warn("DescribePipe", err)
			if err == nil {
				r.Details, r.Tags = pipeFields.Details(out), out.Tags
				relate(t, r.Key, out)
			}
			t.Emit(r)
		})
}

func relate(t *collect.Task, key model.Key, p *pipes.DescribePipeOutput) {
	for kind, arn := range map[string]*string{"reads-from": p.Source, "enriched-by": p.Enrichment, "targets": p.Target} {
		if to, ok := endpointKey(aws.ToString(arn)); ok {
			t.Relate(key, kind, to)
		}
	}
	t.Relate(key, "assumes-role", t.Role(aws.ToString(p.RoleArn)))
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(p.KmsKeyIdentifier)))
	if cw := logging(p).CloudwatchLogsLogDestination; cw != nil {
		t.Relate(key, "logs-to", t.Ref("logs", "log-group", collect.LogGroupName(aws.ToString(cw.LogGroupArn))))
	}
}
