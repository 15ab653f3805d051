// Package scheduler collects EventBridge Scheduler schedules and schedule
// groups.
package scheduler

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/scheduler"
	"github.com/aws/aws-sdk-go-v2/service/scheduler/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the EventBridge Scheduler collector.
var Service = &collect.Service{
	Name:        "scheduler",
	Description: "EventBridge Scheduler schedules and schedule groups",
	Types: []collect.Type{
		{Name: "schedule", Description: "schedule (id = group/name); AWS offers no tags on schedules, only on their groups", Fields: scheduleFields.Declared(), Tags: collect.NotTaggable, Collect: schedules, DetailCalls: 1},
		{Name: "schedule-group", Description: "schedule group (id = name), including the default group", Fields: groupFields.Declared(), Tags: collect.TagsPerResource, Collect: groups, DetailCalls: 1},
	},
	Calls: "schedule: ListSchedules + per schedule GetSchedule. schedule-group: ListScheduleGroups + per group ListTagsForResource",
	Relations: []collect.Relation{
		{From: "schedule", Kind: "member-of", To: "scheduler/schedule-group"},
		{From: "schedule", Kind: "assumes-role", To: "iam/role"},
		{From: "schedule", Kind: "encrypted-with", To: "kms/key"},
		{From: "schedule", Kind: "targets", To: "lambda/function"},
		{From: "schedule", Kind: "targets", To: "sqs/queue"},
		{From: "schedule", Kind: "targets", To: "sns/topic"},
	},
}

type schedule = *scheduler.GetScheduleOutput

func target(s schedule) types.Target {
	if s.Target == nil {
		return types.Target{}
	}
	return *s.Target
}

var scheduleFields = collect.Fields[schedule]{
	collect.Text("group", "schedule group", func(s schedule) *string { return s.GroupName }),
	collect.Enum("state", "ENABLED or DISABLED", func(s schedule) types.ScheduleState { return s.State }),
	collect.Text("schedule_expression", "at(...), rate(...) or cron(...)", func(s schedule) *string { return s.ScheduleExpression }),
	collect.Text("timezone", "time zone of the expression", func(s schedule) *string { return s.ScheduleExpressionTimezone }),
	collect.Computed("target_arn", model.Text, "what the schedule invokes (a function, queue, topic, or a universal target's API)", func(s schedule) any { return aws.ToString(target(s).Arn) }),
	collect.Computed("role_arn", model.Text, "IAM role the schedule invokes its target with", func(s schedule) any { return aws.ToString(target(s).RoleArn) }),
	collect.Computed("dead_letter_arn", model.Text, "SQS queue of failed invocations; empty when none", func(s schedule) any {
		if dl := target(s).DeadLetterConfig; dl != nil {
			return aws.ToString(dl.Arn)
		}
		return ""
	}),
	collect.Text("kms_key_arn", "customer-managed KMS key of the schedule's data; empty for an AWS-owned key", func(s schedule) *string { return s.KmsKeyArn }),
	collect.Enum("action_after_completion", "NONE or DELETE (a one-time schedule deleting itself)", func(s schedule) types.ActionAfterCompletion { return s.ActionAfterCompletion }),
	collect.Timestamp("end_date", "after this time the schedule no longer runs; empty when open-ended", func(s schedule) *time.Time { return s.EndDate }),
	collect.Timestamp("last_modified", "last change of the schedule", func(s schedule) *time.Time { return s.LastModificationDate }),
}

func schedules(ctx context.Context, t *collect.Task) error {
	api := scheduler.NewFromConfig(t.Config)
	p := scheduler.NewListSchedulesPaginator(api, &scheduler.ListSchedulesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *scheduler.ListSchedulesOutput) []types.ScheduleSummary { return page.Schedules },
		func(ctx context.Context, s types.ScheduleSummary) { emitSchedule(ctx, t, api, s) })
}

// emitSchedule reads and emits one schedule; a failed read leaves its
// details unknown and the collection partial.
func emitSchedule(ctx context.Context, t *collect.Task, api *scheduler.Client, s types.ScheduleSummary) {
	group, name := aws.ToString(s.GroupName), aws.ToString(s.Name)
	key := t.Key("schedule", group+"/"+name)
	r := &model.Resource{Key: key, Name: name, ARN: aws.ToString(s.Arn), CreatedAt: model.Time(s.CreationDate)}
	t.Relate(key, "member-of", t.Key("schedule-group", group))
	out, err := api.GetSchedule(ctx, &scheduler.GetScheduleInput{Name: s.Name, GroupName: s.GroupName})
	if err != nil {
		t.Warn("GetSchedule", err)
		t.Emit(r)
		return
	}
	r.Details = scheduleFields.Details(out)
	t.Emit(r)
	tg := target(out)
	t.Relate(key, "assumes-role", t.Role(aws.ToString(tg.RoleArn)))
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(out.KmsKeyArn)))
	if to, ok := collect.TargetKey(aws.ToString(tg.Arn)); ok {
		t.Relate(key, "targets", to)
	}
}

var groupFields = collect.Fields[types.ScheduleGroupSummary]{
	collect.Enum("state", "ACTIVE or DELETING", func(g types.ScheduleGroupSummary) types.ScheduleGroupState { return g.State }),
	collect.Timestamp("last_modified", "last change of the group", func(g types.ScheduleGroupSummary) *time.Time { return g.LastModificationDate }),
}

func groups(ctx context.Context, t *collect.Task) error {
	api := scheduler.NewFromConfig(t.Config)
	p := scheduler.NewListScheduleGroupsPaginator(api, &scheduler.ListScheduleGroupsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *scheduler.ListScheduleGroupsOutput) []types.ScheduleGroupSummary {
		return page.ScheduleGroups
	},
		func(ctx context.Context, g types.ScheduleGroupSummary) {
			name := aws.ToString(g.Name)
			r := &model.Resource{Key: t.Key("schedule-group", name), Name: name, ARN: aws.ToString(g.Arn), CreatedAt: model.Time(g.CreationDate),
				Details: groupFields.Details(g)}
			out, err := api.ListTagsForResource(ctx, &scheduler.ListTagsForResourceInput{ResourceArn: g.Arn})
			if err != nil {
				t.Warn("ListTagsForResource", err)
			} else {
				r.Tags = collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
			}
			t.Emit(r)
		})
}
