package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/sfn"
)

const definition = `{"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}`

// createMachines makes six STANDARD machines without logging and one
// EXPRESS machine logging everything to a log group, traced and encrypted
// with a customer key.
func createMachines(t *testing.T, api *sfn.Client) {
	t.Helper()
	ctx := context.Background()
	role := aws.String("arn:aws:iam::" + account + ":role/states")
	for i := range 6 {
		_, err := api.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String(fmt.Sprintf("flow%d", i)), Definition: aws.String(definition),
			RoleArn: role, Tags: []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := api.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("orders"), Definition: aws.String(definition),
		RoleArn: role, Type: types.StateMachineTypeExpress,
		LoggingConfiguration: &types.LoggingConfiguration{Level: types.LogLevelAll, IncludeExecutionData: true,
			Destinations: []types.LogDestination{{CloudWatchLogsLogGroup: &types.CloudWatchLogsLogGroup{
				LogGroupArn: aws.String("arn:aws:logs:eu-west-1:" + account + ":log-group:/aws/states/orders:*")}}}},
		TracingConfiguration: &types.TracingConfiguration{Enabled: true},
		EncryptionConfiguration: &types.EncryptionConfiguration{Type: types.EncryptionTypeCustomerManagedKmsKey,
			KmsKeyId: aws.String("arn:aws:kms:eu-west-1:" + account + ":key/k-1")}})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSfnStateMachines(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	createMachines(t, sfn.NewFromConfig(cfg))

	got := collecttest.Run(t, cfg, collector.Service, "state-machine", region)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("state machines: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	for id, want := range map[string]map[string]any{
		"flow2": {"machine_type": "STANDARD", "status": "ACTIVE", "logging_level": "OFF", "tracing_enabled": false, "role_arn": "arn:aws:iam::" + account + ":role/states"},
		// moto 5.2.1 describes every machine as STANDARD: orders' type is not asserted.
		"orders": {"logging_level": "ALL", "log_includes_execution_data": true, "tracing_enabled": true,
			"encryption_type": "CUSTOMER_MANAGED_KMS_KEY", "kms_key_id": "arn:aws:kms:eu-west-1:" + account + ":key/k-1"},
	} {
		for k, v := range want {
			if byID[id].Details[k] != v {
				t.Errorf("%s details[%s] = %v, want %v", id, k, byID[id].Details[k], v)
			}
		}
	}
	f := byID["flow2"]
	if f.Tags["n"] != "2" || f.ARN != "arn:aws:states:eu-west-1:"+account+":stateMachine:flow2" || f.CreatedAt == "" {
		t.Errorf("flow2: %s %v %q", f.ARN, f.Tags, f.CreatedAt)
	}
	collecttest.HasEdges(t, got, "flow2 -assumes-role-> iam/role:states", "orders -logs-to-> logs/log-group:/aws/states/orders",
		"orders -encrypted-with-> kms/key:k-1")
}

func TestSfnActivities(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := sfn.NewFromConfig(cfg)
	for i := range 6 {
		_, err := api.CreateActivity(context.Background(), &sfn.CreateActivityInput{Name: aws.String(fmt.Sprintf("approve%d", i)),
			Tags: []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "activity", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("activities: %v, %d", got.Err, len(got.Resources))
	}
	a := got.ByID()["approve5"]
	if a.Tags["n"] != "5" || a.ARN != "arn:aws:states:eu-west-1:"+account+":activity:approve5" || a.Details["created"] == "" {
		t.Errorf("approve5: %s %v %v", a.ARN, a.Tags, a.Details)
	}
}

func TestSfnDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"state-machine": "ListStateMachines", "activity": "ListActivities"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	// A denied description keeps the machine, details unknown, collection partial.
	createMachines(t, sfn.NewFromConfig(collecttest.Config(t, region, nil)))
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeStateMachine")})
	got := collecttest.Run(t, cfg, collector.Service, "state-machine", region)
	if got.Err != nil || len(got.Resources) != 7 || len(got.Task.Warnings()) != 7 || len(got.ByID()["orders"].Details) != 0 {
		t.Fatalf("want 7 machines without details and 7 warnings, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
