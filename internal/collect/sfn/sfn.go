// Package sfn collects Step Functions state machines and activities.
package sfn

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Step Functions collector.
var Service = &collect.Service{
	Name:        "sfn",
	Description: "Step Functions state machines and activities",
	Types: []collect.Type{
		{Name: "state-machine", Description: "Step Functions state machine (id = name)", Fields: stateMachineFields.Declared(), Tags: collect.TagsPerResource, Collect: stateMachines, DetailCalls: 2},
		{Name: "activity", Description: "Step Functions activity (id = name)", Fields: activityFields.Declared(), Tags: collect.TagsPerResource, Collect: activities, DetailCalls: 1},
	},
	Calls: "state-machine: ListStateMachines + per machine DescribeStateMachine, ListTagsForResource. " +
		"activity: ListActivities + per activity ListTagsForResource",
	Relations: []collect.Relation{
		{From: "state-machine", Kind: "assumes-role", To: "iam/role"},
		{From: "state-machine", Kind: "logs-to", To: "logs/log-group"},
		{From: "state-machine", Kind: "encrypted-with", To: "kms/key"},
	},
}

// logGroupARN is the log group a state machine logs to, if any.
func logGroupARN(m *sfn.DescribeStateMachineOutput) string {
	if m.LoggingConfiguration == nil {
		return ""
	}
	for _, d := range m.LoggingConfiguration.Destinations {
		if d.CloudWatchLogsLogGroup != nil {
			return aws.ToString(d.CloudWatchLogsLogGroup.LogGroupArn)
		}
	}
	return ""
}

func encryption(m *sfn.DescribeStateMachineOutput) types.EncryptionConfiguration {
	if m.EncryptionConfiguration == nil {
		return types.EncryptionConfiguration{}
	}
	return *m.EncryptionConfiguration
}

var stateMachineFields = collect.Fields[*sfn.DescribeStateMachineOutput]{
	collect.Enum("machine_type", "STANDARD or EXPRESS", func(m *sfn.DescribeStateMachineOutput) types.StateMachineType { return m.Type }),
	collect.Enum("status", "ACTIVE or DELETING", func(m *sfn.DescribeStateMachineOutput) types.StateMachineStatus { return m.Status }),
	collect.Text("role_arn", "IAM role the executions run as", func(m *sfn.DescribeStateMachineOutput) *string { return m.RoleArn }),
	collect.Enum("logging_level", "execution history logged to CloudWatch Logs: ALL, ERROR, FATAL or OFF", func(m *sfn.DescribeStateMachineOutput) types.LogLevel {
		if m.LoggingConfiguration == nil {
			return ""
		}
		return m.LoggingConfiguration.Level
	}),
	collect.Computed("log_includes_execution_data", model.Boolean, "logs include execution input and output (which may hold sensitive data)", func(m *sfn.DescribeStateMachineOutput) any {
		return m.LoggingConfiguration != nil && m.LoggingConfiguration.IncludeExecutionData
	}),
	collect.Computed("log_group_arn", model.Text, "CloudWatch Logs log group of the execution logs", func(m *sfn.DescribeStateMachineOutput) any { return logGroupARN(m) }),
	collect.Computed("tracing_enabled", model.Boolean, "X-Ray tracing is on", func(m *sfn.DescribeStateMachineOutput) any {
		return m.TracingConfiguration != nil && m.TracingConfiguration.Enabled
	}),
	collect.Enum("encryption_type", "AWS_OWNED_KEY or CUSTOMER_MANAGED_KMS_KEY; empty when AWS did not say (AWS-owned)", func(m *sfn.DescribeStateMachineOutput) types.EncryptionType { return encryption(m).Type }),
	collect.Computed("kms_key_id", model.Text, "customer-managed KMS key of the definition and execution data", func(m *sfn.DescribeStateMachineOutput) any { return aws.ToString(encryption(m).KmsKeyId) }),
}

func stateMachines(ctx context.Context, t *collect.Task) error {
	api := sfn.NewFromConfig(t.Config)
	p := sfn.NewListStateMachinesPaginator(api, &sfn.ListStateMachinesInput{MaxResults: *t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *sfn.ListStateMachinesOutput) []types.StateMachineListItem { return page.StateMachines },
		func(ctx context.Context, m types.StateMachineListItem) { emitStateMachine(ctx, t, api, m) })
}

// emitStateMachine describes and emits one state machine; a failed
// description leaves its details unknown and the collection partial.
func emitStateMachine(ctx context.Context, t *collect.Task, api *sfn.Client, m types.StateMachineListItem) {
	name := aws.ToString(m.Name)
	key := t.Key("state-machine", name)
	r := &model.Resource{Key: key, Name: name, ARN: aws.ToString(m.StateMachineArn), CreatedAt: model.Time(m.CreationDate)}
	out, err := api.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: m.StateMachineArn})
	if err != nil {
		t.Warn("DescribeStateMachine", err)
	} else {
		r.Details = stateMachineFields.Details(out)
		t.Relate(key, "assumes-role", t.Role(aws.ToString(out.RoleArn)))
		t.Relate(key, "logs-to", t.Ref("logs", "log-group", collect.LogGroupName(logGroupARN(out))))
		t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(encryption(out).KmsKeyId)))
	}
	r.Tags = tags(ctx, t, api, r.ARN)
	t.Emit(r)
}

var activityFields = collect.Fields[types.ActivityListItem]{
	collect.Timestamp("created", "creation time", func(a types.ActivityListItem) *time.Time { return a.CreationDate }),
}

func activities(ctx context.Context, t *collect.Task) error {
	api := sfn.NewFromConfig(t.Config)
	p := sfn.NewListActivitiesPaginator(api, &sfn.ListActivitiesInput{MaxResults: *t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *sfn.ListActivitiesOutput) []types.ActivityListItem { return page.Activities },
		func(ctx context.Context, a types.ActivityListItem) {
			name := aws.ToString(a.Name)
			t.Emit(&model.Resource{Key: t.Key("activity", name), Name: name, ARN: aws.ToString(a.ActivityArn),
				CreatedAt: model.Time(a.CreationDate), Details: activityFields.Details(a), Tags: tags(ctx, t, api, aws.ToString(a.ActivityArn))})
		})
}

// tags reads a resource's tags; a failure is a warning and leaves none.
func tags(ctx context.Context, t *collect.Task, api *sfn.Client, arn string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &sfn.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
	if err != nil {
		t.Warn("ListTagsForResource", err)
		return nil
	}
	return collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}
