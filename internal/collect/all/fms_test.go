package all_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/fms"
	"github.com/aws/aws-sdk-go-v2/service/fms/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/fms"
)

func fmsArn(id string) *string {
	return aws.String("arn:aws:fms:" + region + ":" + collecttest.MotoAccount + ":policy/" + id)
}

// estate cans Firewall Manager, which moto 5.2.1 does not serve: two
// policies over two pages.
var fmsEstate = map[string]func(any) (any, error){
	"ListPolicies": func(in any) (any, error) {
		if aws.ToString(in.(*fms.ListPoliciesInput).NextToken) == "" {
			return &fms.ListPoliciesOutput{NextToken: aws.String("2"), PolicyList: []types.PolicySummary{{PolicyId: aws.String("p-1"), PolicyName: aws.String("waf-albs"),
				PolicyArn: fmsArn("p-1"), SecurityServiceType: types.SecurityServiceTypeWafv2, ResourceType: aws.String("AWS::ElasticLoadBalancingV2::LoadBalancer"),
				RemediationEnabled: true, PolicyStatus: types.CustomerPolicyStatusActive}}}, nil
		}
		return &fms.ListPoliciesOutput{PolicyList: []types.PolicySummary{{PolicyId: aws.String("p-2"), PolicyName: aws.String("sg-audit"), PolicyArn: fmsArn("p-2"),
			SecurityServiceType: types.SecurityServiceTypeSecurityGroupsContentAudit}}}, nil
	},
	"ListTagsForResource": func(any) (any, error) {
		return &fms.ListTagsForResourceOutput{TagList: []types.Tag{{Key: aws.String("Team"), Value: aws.String("net")}}}, nil
	},
}

func fmsRun(t *testing.T, answers map[string]func(any) (any, error)) collecttest.Result {
	t.Helper()
	collecttest.Setup(t)
	return collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(answers)}), collector.Service, "policy", region)
}

func TestFmsPolicies(t *testing.T) {
	got := fmsRun(t, fmsEstate)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("policies: %v %v", got.Err, got.Resources)
	}
	collecttest.AssertNoWarnings(t, got)
	p := got.ByID()["p-1"]
	if p.Name != "waf-albs" || p.ARN != *fmsArn("p-1") || p.Tags["Team"] != "net" || p.Details["security_service_type"] != "WAFV2" ||
		p.Details["remediation_enabled"] != true || p.Details["status"] != "ACTIVE" {
		t.Errorf("p-1: %+v", p)
	}
	if got.ByID()["p-2"].Details["remediation_enabled"] != false {
		t.Errorf("p-2: %v", got.ByID()["p-2"].Details)
	}
}

func TestFmsNotAdministratorAndDenied(t *testing.T) {
	notAdmin := func(any) (any, error) {
		return nil, &smithy.GenericAPIError{Code: "AccessDeniedException", Message: "Operation: ListPolicies is only available to Administration account in AWS Firewall Manager."}
	}
	got := fmsRun(t, map[string]func(any) (any, error){"ListPolicies": notAdmin})
	if awsx.Classify(got.Err) != awsx.Unsupported || len(got.Resources) != 0 {
		t.Errorf("want unsupported, got %v", got.Err)
	}
	collecttest.AssertDenied(t, fmsRun(t, map[string]func(any) (any, error){"ListPolicies": collecttest.Denied("ListPolicies")}))
	got = fmsRun(t, map[string]func(any) (any, error){"ListPolicies": fmsEstate["ListPolicies"], "ListTagsForResource": collecttest.Denied("ListTagsForResource")})
	if got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 2 {
		t.Errorf("want two policies with warnings, got %v, %v", got.Err, got.Task.Warnings())
	}
}
