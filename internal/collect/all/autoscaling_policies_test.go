package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/autoscaling"
	"github.com/aws/aws-sdk-go-v2/service/autoscaling/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/autoscaling"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

// groupOf creates launch configuration lc0 and a group using it.
func groupOf(t *testing.T, api *autoscaling.Client, cfg aws.Config, name string) {
	t.Helper()
	_, subnet, sg := autoscalingNetwork(t, cfg)
	createLaunchConfigurations(t, api, 1, sg)
	if _, err := api.CreateAutoScalingGroup(context.Background(), &autoscaling.CreateAutoScalingGroupInput{AutoScalingGroupName: aws.String(name),
		LaunchConfigurationName: aws.String("lc0"), MinSize: aws.Int32(0), MaxSize: aws.Int32(4), VPCZoneIdentifier: aws.String(subnet)}); err != nil {
		t.Fatal(err)
	}
}

func TestAutoscalingScalingPolicies(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := autoscaling.NewFromConfig(cfg)
	groupOf(t, api, cfg, "web")
	for i := range 6 {
		if _, err := api.PutScalingPolicy(ctx, &autoscaling.PutScalingPolicyInput{AutoScalingGroupName: aws.String("web"),
			PolicyName: aws.String(fmt.Sprint("step", i)), AdjustmentType: aws.String("ChangeInCapacity"), ScalingAdjustment: aws.Int32(2), Cooldown: aws.Int32(120)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.PutScalingPolicy(ctx, &autoscaling.PutScalingPolicyInput{AutoScalingGroupName: aws.String("web"), PolicyName: aws.String("cpu50"),
		PolicyType: aws.String("TargetTrackingScaling"), TargetTrackingConfiguration: &types.TargetTrackingConfiguration{TargetValue: aws.Float64(50),
			PredefinedMetricSpecification: &types.PredefinedMetricSpecification{PredefinedMetricType: types.MetricTypeASGAverageCPUUtilization}}}); err != nil {
		t.Fatal(err)
	}
	got := collecttest.Run(t, cfg, collector.Service, "scaling-policy", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 7 policies, got %d", len(byID))
	}
	step, cpu := byID["web/step3"], byID["web/cpu50"]
	for k, want := range map[string]any{"group": "web", "policy_type": "SimpleScaling", "adjustment_type": "ChangeInCapacity",
		"scaling_adjustment": int64(2), "cooldown": int64(120)} {
		if step.Details[k] != want {
			t.Errorf("step3 %s = %v, want %v", k, step.Details[k], want)
		}
	}
	if cpu.Details["target_metric"] != "ASGAverageCPUUtilization" || cpu.Details["target_value"] != 50.0 || cpu.Name != "cpu50" ||
		cpu.ARN == "" {
		t.Errorf("target tracking policy: %+v", cpu)
	}
	collecttest.HasEdges(t, got, "web/cpu50 -scales-> autoscaling/group:web")
}

func TestAutoscalingScheduledActions(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := autoscaling.NewFromConfig(cfg)
	groupOf(t, api, cfg, "batch")
	start := time.Date(2027, 1, 4, 8, 0, 0, 0, time.UTC)
	for i := range 6 {
		if _, err := api.PutScheduledUpdateGroupAction(ctx, &autoscaling.PutScheduledUpdateGroupActionInput{AutoScalingGroupName: aws.String("batch"),
			ScheduledActionName: aws.String(fmt.Sprint("morning", i)), Recurrence: aws.String("0 8 * * 1-5"), StartTime: aws.Time(start),
			DesiredCapacity: aws.Int32(3)}); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "scheduled-action", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	a := got.ByID()["batch/morning2"]
	if len(got.Resources) != 6 || a == nil {
		t.Fatalf("want 6 scheduled actions, got %d", len(got.Resources))
	}
	if a.Details["recurrence"] != "0 8 * * 1-5" || a.Details["desired_capacity"] != int64(3) || a.Details["start_time"] != "2027-01-04T08:00:00Z" {
		t.Errorf("details %v", a.Details)
	}
	if _, set := a.Details["min_size"]; set {
		t.Errorf("min_size left unchanged by the action is stored: %v", a.Details["min_size"])
	}
	collecttest.HasEdges(t, got, "batch/morning2 -scales-> autoscaling/group:batch")
}

func TestAutoscalingLifecycleHooks(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := autoscaling.NewFromConfig(cfg)
	groupOf(t, api, cfg, "workers")
	// moto 5.2.1 answers fixed notification target and role ARNs whatever
	// the hook was given: the fixture gives those.
	queue := "arn:aws:sqs:us-east-1:" + collecttest.MotoAccount + ":my-queue"
	if _, err := api.PutLifecycleHook(ctx, &autoscaling.PutLifecycleHookInput{AutoScalingGroupName: aws.String("workers"),
		LifecycleHookName: aws.String("drain"), LifecycleTransition: aws.String("autoscaling:EC2_INSTANCE_TERMINATING"),
		DefaultResult: aws.String("CONTINUE"), HeartbeatTimeout: aws.Int32(300), NotificationTargetARN: aws.String(queue),
		RoleARN: aws.String("arn:aws:iam::1234567890:role/my-auto-scaling-role")}); err != nil {
		t.Fatal(err)
	}
	got := collecttest.Run(t, cfg, collector.Service, "lifecycle-hook", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	h := got.ByID()["workers/drain"]
	if len(got.Resources) != 1 || h == nil {
		t.Fatalf("want 1 hook, got %d", len(got.Resources))
	}
	if h.Details["transition"] != "autoscaling:EC2_INSTANCE_TERMINATING" || h.Details["default_result"] != "CONTINUE" || h.Details["heartbeat_timeout"] != int64(300) {
		t.Errorf("details %v", h.Details)
	}
	collecttest.HasEdges(t, got, "workers/drain -hooks-> autoscaling/group:workers", "workers/drain -notifies-> sqs/queue:my-queue",
		"workers/drain -assumes-role-> iam/role:my-auto-scaling-role")

	// A denied hook read keeps the collection going, partial.
	denied := collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeLifecycleHooks")}),
		collector.Service, "lifecycle-hook", region)
	if denied.Err != nil || len(denied.Task.Warnings()) != 1 {
		t.Errorf("want a warning, got %v %v", denied.Err, denied.Task.Warnings())
	}
}

func TestAutoscalingPoliciesDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"scaling-policy": "DescribePolicies", "scheduled-action": "DescribeScheduledActions",
		"lifecycle-hook": "DescribeAutoScalingGroups"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
