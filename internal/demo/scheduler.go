package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/scheduler"
	schtypes "github.com/aws/aws-sdk-go-v2/service/scheduler/types"
)

// EventBridge Scheduler: group 0 of a region is "default"; two schedules
// in three are in it, the others in the teams' groups. Schedules invoke a
// live function of the region, some a queue or topic; one in six is a
// one-time schedule that deletes itself.
func init() {
	kinds = append(kinds,
		&kind{name: "scheduler.schedule-group", weight: 0.05, min: 1, max: 6, stable: true},
		&kind{name: "scheduler.schedule", weight: 0.3},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("Scheduler", map[string]handler{"ListSchedules": schSchedules, "GetSchedule": schSchedule, "ListScheduleGroups": schGroups,
		"ListTagsForResource": schTags})
}

func (c *call) schGroupName(g int) string {
	if g == 0 {
		return "default"
	}
	return fmt.Sprintf("%s-schedules-%02d", c.rng("scheduler.schedule-group", g).pick(teams), g)
}

func (c *call) schGroupOf(s int) int {
	if ng := c.n("scheduler.schedule-group"); ng > 1 && s%3 == 2 {
		return 1 + (s/3)%(ng-1)
	}
	return 0
}

func (c *call) schName(s int) string {
	return fmt.Sprintf("%s-%s-%04d", c.rng("scheduler.schedule", s).pick(apps), []string{"nightly-report", "reminder", "cleanup", "sync", "one-off"}[s%5], s)
}

func (c *call) schARN(s int) string {
	return c.arn("scheduler", "schedule/"+c.schGroupName(c.schGroupOf(s))+"/"+c.schName(s))
}

// schTarget is what schedule s invokes.
func (c *call) schTarget(s int) string {
	switch x := c.rng("scheduler.schedule", s+1<<30).intn(10); {
	case x == 0:
		return c.liveARN("sqs.queue", s, func(q int) string { return c.arn("sqs", c.queueName(q)) })
	case x == 1:
		return c.liveARN("sns.topic", s, c.topicARN)
	}
	return c.liveARN("lambda.function", s, func(fn int) string { return c.arn("lambda", "function:"+c.fnName(fn)) })
}

func schSchedules(c *call) (any, error) {
	in := c.in.(*scheduler.ListSchedulesInput)
	group := -1
	if g := aws.ToString(in.GroupName); g != "" {
		if k, ok := trailingIndex(g); ok && c.schGroupName(k) == g {
			group = k
		} else if g == "default" {
			group = 0
		} else {
			return nil, notFound("ResourceNotFoundException", "Schedule group "+g+" does not exist.")
		}
	}
	items, next := c.filtered(c.region, "scheduler.schedule", in.NextToken, c.pageSize(100, in.MaxResults), func(s int) bool { return group < 0 || c.schGroupOf(s) == group })
	out := &scheduler.ListSchedulesOutput{NextToken: next}
	for _, s := range items {
		out.Schedules = append(out.Schedules, schtypes.ScheduleSummary{Name: aws.String(c.schName(s)), GroupName: aws.String(c.schGroupName(c.schGroupOf(s))),
			Arn: aws.String(c.schARN(s)), State: c.schState(s), CreationDate: c.created("scheduler.schedule", s), LastModificationDate: c.created("scheduler.schedule", s),
			Target: &schtypes.TargetSummary{Arn: aws.String(c.schTarget(s))}})
	}
	return out, nil
}

func (c *call) schState(s int) schtypes.ScheduleState {
	if c.mut("scheduler.schedule", s).chance(0.1) {
		return schtypes.ScheduleStateDisabled
	}
	return schtypes.ScheduleStateEnabled
}

func schSchedule(c *call) (any, error) {
	in := c.in.(*scheduler.GetScheduleInput)
	name, group := aws.ToString(in.Name), aws.ToString(in.GroupName)
	if group == "" {
		group = "default"
	}
	s, ok := trailingIndex(name)
	if !ok || !c.alive("scheduler.schedule", s) || c.schName(s) != name || c.schGroupName(c.schGroupOf(s)) != group {
		return nil, notFound("ResourceNotFoundException", "Schedule "+name+" does not exist.")
	}
	r := c.rng("scheduler.schedule", s)
	out := &scheduler.GetScheduleOutput{Name: aws.String(name), GroupName: aws.String(group), Arn: aws.String(c.schARN(s)), State: c.schState(s),
		ScheduleExpression:         aws.String([]string{"cron(0 6 * * ? *)", "rate(15 minutes)", "rate(1 day)", "cron(30 22 ? * MON-FRI *)"}[r.intn(4)]),
		ScheduleExpressionTimezone: aws.String([]string{"UTC", "Europe/Paris", "America/New_York"}[r.intn(3)]),
		CreationDate:               c.created("scheduler.schedule", s), LastModificationDate: c.created("scheduler.schedule", s),
		FlexibleTimeWindow: &schtypes.FlexibleTimeWindow{Mode: schtypes.FlexibleTimeWindowModeOff}, ActionAfterCompletion: schtypes.ActionAfterCompletionNone,
		Target: &schtypes.Target{Arn: aws.String(c.schTarget(s)), RoleArn: aws.String(c.roleOf(0, s))}}
	if s%6 == 4 {
		at := c.v.e.now.Add(time.Duration(1+r.intn(60*24)) * time.Hour)
		out.ScheduleExpression, out.ActionAfterCompletion = aws.String("at("+at.Format("2006-01-02T15:04:05")+")"), schtypes.ActionAfterCompletionDelete
	}
	if q := c.live("sqs.queue", s); q >= 0 && r.chance(0.3) {
		out.Target.DeadLetterConfig = &schtypes.DeadLetterConfig{Arn: aws.String(c.arn("sqs", c.queueName(q)))}
	}
	if r.chance(0.15) {
		out.KmsKeyArn = aws.String(c.kmsARN())
	}
	if r.chance(0.1) {
		out.EndDate = aws.Time(c.v.e.now.AddDate(0, 0, -r.intn(400)+200))
	}
	return out, nil
}

func schGroups(c *call) (any, error) {
	in := c.in.(*scheduler.ListScheduleGroupsInput)
	items, next := c.list("scheduler.schedule-group", in.NextToken, in.MaxResults, 100)
	out := &scheduler.ListScheduleGroupsOutput{NextToken: next}
	for _, g := range items {
		name := c.schGroupName(g)
		out.ScheduleGroups = append(out.ScheduleGroups, schtypes.ScheduleGroupSummary{Name: aws.String(name), Arn: aws.String(c.arn("scheduler", "schedule-group/"+name)),
			State: schtypes.ScheduleGroupStateActive, CreationDate: c.created("scheduler.schedule-group", g), LastModificationDate: c.created("scheduler.schedule-group", g)})
	}
	return out, nil
}

func schTags(c *call) (any, error) {
	arn := aws.ToString(c.in.(*scheduler.ListTagsForResourceInput).ResourceArn)
	if !strings.Contains(arn, ":schedule-group/") {
		return nil, notFound("ValidationException", "schedules carry no tags: "+arn)
	}
	tags, err := c.tagsOfARN("scheduler.schedule-group", arn, "ResourceNotFoundException")
	return &scheduler.ListTagsForResourceOutput{Tags: tagList(tags, func(k, v *string) schtypes.Tag { return schtypes.Tag{Key: k, Value: v} })}, err
}
