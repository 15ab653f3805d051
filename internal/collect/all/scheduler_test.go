package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/scheduler"
	"github.com/aws/aws-sdk-go-v2/service/scheduler/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/scheduler"
)

func TestSchedulerSchedules(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := scheduler.NewFromConfig(cfg)
	if _, err := api.CreateScheduleGroup(ctx, &scheduler.CreateScheduleGroupInput{Name: aws.String("nightly"),
		Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("ops")}}}); err != nil {
		t.Fatal(err)
	}
	fn := "arn:aws:lambda:eu-west-1:" + account + ":function:cleanup"
	for i := range 6 {
		_, err := api.CreateSchedule(ctx, &scheduler.CreateScheduleInput{Name: aws.String(fmt.Sprintf("job%d", i)), GroupName: aws.String("nightly"),
			ScheduleExpression: aws.String("cron(0 2 * * ? *)"), ScheduleExpressionTimezone: aws.String("Europe/Paris"),
			FlexibleTimeWindow: &types.FlexibleTimeWindow{Mode: types.FlexibleTimeWindowModeOff},
			KmsKeyArn:          aws.String("arn:aws:kms:eu-west-1:" + account + ":key/k-1"),
			Target: &types.Target{Arn: aws.String(fn), RoleArn: aws.String("arn:aws:iam::" + account + ":role/scheduler"),
				DeadLetterConfig: &types.DeadLetterConfig{Arn: aws.String("arn:aws:sqs:eu-west-1:" + account + ":dlq")}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "schedule", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("schedules: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	j := got.ByID()["nightly/job2"]
	for k, v := range map[string]any{"group": "nightly", "state": "ENABLED", "schedule_expression": "cron(0 2 * * ? *)", "timezone": "Europe/Paris",
		"target_arn": fn, "dead_letter_arn": "arn:aws:sqs:eu-west-1:" + account + ":dlq"} {
		if j.Details[k] != v {
			t.Errorf("details[%s] = %v, want %v", k, j.Details[k], v)
		}
	}
	if j.Name != "job2" || j.ARN != "arn:aws:scheduler:eu-west-1:"+account+":schedule/nightly/job2" {
		t.Errorf("job2: %s %s", j.Name, j.ARN)
	}
	collecttest.HasEdges(t, got, "nightly/job2 -member-of-> scheduler/schedule-group:nightly", "nightly/job2 -assumes-role-> iam/role:scheduler",
		"nightly/job2 -targets-> lambda/function:cleanup", "nightly/job2 -encrypted-with-> kms/key:k-1")

	groups := collecttest.Run(t, cfg, collector.Service, "schedule-group", region)
	g := groups.ByID()["nightly"]
	if groups.Err != nil || g == nil || g.Tags["team"] != "ops" || g.Details["state"] != "ACTIVE" {
		t.Fatalf("groups: %v %+v", groups.Err, g)
	}
}

func TestSchedulerDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"schedule": "ListSchedules", "schedule-group": "ListScheduleGroups"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
