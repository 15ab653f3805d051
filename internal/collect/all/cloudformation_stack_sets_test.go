package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/cloudformation"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

const setTemplate = `{"Resources":{"Topic":{"Type":"AWS::SNS::Topic","Properties":{"TopicName":"baseline"}}}}`

func TestCloudformationStackSets(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := cloudformation.NewFromConfig(cfg)
	admin := "arn:aws:iam::" + collecttest.MotoAccount + ":role/AWSCloudFormationStackSetAdministrationRole"
	for i := range 3 {
		if _, err := api.CreateStackSet(ctx, &cloudformation.CreateStackSetInput{StackSetName: aws.String(fmt.Sprint("baseline-", i)), TemplateBody: aws.String(setTemplate),
			Description: aws.String("account baseline"), PermissionModel: types.PermissionModelsSelfManaged, AdministrationRoleARN: aws.String(admin),
			ExecutionRoleName: aws.String("AWSCloudFormationStackSetExecutionRole"), Tags: []types.Tag{{Key: aws.String("owner"), Value: aws.String("platform")}}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.CreateStackInstances(ctx, &cloudformation.CreateStackInstancesInput{StackSetName: aws.String("baseline-1"),
		Accounts: []string{collecttest.MotoAccount}, Regions: []string{"eu-west-1", "us-east-1"}}); err != nil {
		t.Fatal(err)
	}

	got := collecttest.Run(t, cfg, collector.Service, "stack-set", "eu-west-1")
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("stack sets: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	s := got.ByID()["baseline-1"]
	if s == nil || s.Tags["owner"] != "platform" || s.Details["permission_model"] != "SELF_MANAGED" || s.Details["status"] != "ACTIVE" ||
		s.Details["execution_role_name"] != "AWSCloudFormationStackSetExecutionRole" || s.Details["administration_role_arn"] != admin || s.ARN == "" {
		t.Fatalf("stack set: %+v", s)
	}
	collecttest.HasEdges(t, got, "baseline-1 -assumes-role-> iam/role:AWSCloudFormationStackSetAdministrationRole")

	got = collecttest.Run(t, cfg, collector.Service, "stack-instance", "eu-west-1")
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("stack instances: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	id := "baseline-1/" + collecttest.MotoAccount + "/us-east-1"
	i := got.ByID()[id]
	if i == nil || i.Details["account"] != collecttest.MotoAccount || i.Details["region"] != "us-east-1" || i.Details["status"] == "" {
		t.Fatalf("stack instance: %+v", got.ByID())
	}
	collecttest.HasEdges(t, got, id+" -member-of-> cloudformation/stack-set:baseline-1")

	for _, typ := range []string{"stack-set", "stack-instance"} {
		denied := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("ListStackSets")})
		collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, typ, "eu-west-1"))
	}
	denied := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("DescribeStackSet")})
	got = collecttest.Run(t, denied, collector.Service, "stack-set", "eu-west-1")
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 || got.ByID()["baseline-0"].Details["permission_model"] != "SELF_MANAGED" {
		t.Fatalf("want the stack sets with a warning each: %v, %v", got.Err, got.Task.Warnings())
	}
}
