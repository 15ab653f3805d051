package all_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/cloudformation"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

const template = `{"Parameters":{"Env":{"Type":"String"},"DbPassword":{"Type":"String","NoEcho":true}},
"Resources":{"Q":{"Type":"AWS::SQS::Queue"}},"Outputs":{"QueueUrl":{"Value":{"Ref":"Q"}}}}`

func TestCloudformationStacks(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := cloudformation.NewFromConfig(cfg)
	for i := range 3 {
		if _, err := api.CreateStack(ctx, &cloudformation.CreateStackInput{StackName: aws.String(fmt.Sprintf("st%d", i)),
			TemplateBody: aws.String(template), EnableTerminationProtection: aws.Bool(i == 0),
			RoleARN:    aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":role/cfn"),
			Parameters: []types.Parameter{{ParameterKey: aws.String("Env"), ParameterValue: aws.String("prod")}, {ParameterKey: aws.String("DbPassword"), ParameterValue: aws.String("hunter2")}},
			Tags:       []types.Tag{{Key: aws.String("team"), Value: aws.String("a")}}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.DeleteStack(ctx, &cloudformation.DeleteStackInput{StackName: aws.String("st2")}); err != nil {
		t.Fatal(err)
	}
	got := collecttest.Run(t, cfg, collector.Service, "stack", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 2 || byID["st2"] != nil {
		t.Fatalf("want st0 and st1 (st2 deleted), got %v", byID)
	}
	s := byID["st0"]
	checks := map[string]any{"status": "CREATE_COMPLETE", "termination_protection": true, "outputs_count": 1, "parent_id": ""}
	for k, want := range checks {
		if s.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, s.Details[k], want)
		}
	}
	if names := fmt.Sprint(s.Details["parameter_names"]); names != "[Env DbPassword]" && names != "[DbPassword Env]" {
		t.Errorf("parameter_names = %s", names)
	}
	if strings.Contains(fmt.Sprint(s.Details), "hunter2") {
		t.Errorf("a parameter value was stored: %v", s.Details)
	}
	if s.Tags["team"] != "a" || s.CreatedAt == "" || s.ARN == "" || byID["st1"].Details["termination_protection"] != false {
		t.Errorf("identity wrong: %+v", s)
	}
	if !slices.Contains(got.Edges(), "st0 -assumes-role-> iam/role:cfn") {
		t.Errorf("edges %v", got.Edges())
	}
}

func TestCloudformationStacksDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeStacks")})
	got := collecttest.Run(t, cfg, collector.Service, "stack", region)
	collecttest.AssertDenied(t, got)
}
