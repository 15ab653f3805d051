package all_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/auditmanager"
	"github.com/aws/aws-sdk-go-v2/service/auditmanager/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/auditmanager"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var auditmanagerCreated = time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)

// estate cans Audit Manager, which moto 5.2.1 does not serve: two
// assessments over two pages.
var auditmanagerEstate = map[string]func(any) (any, error){
	"ListAssessments": func(in any) (any, error) {
		if aws.ToString(in.(*auditmanager.ListAssessmentsInput).NextToken) == "" {
			return &auditmanager.ListAssessmentsOutput{NextToken: aws.String("2"), AssessmentMetadata: []types.AssessmentMetadataItem{{Id: aws.String("a-1"),
				Name: aws.String("pci"), Status: types.AssessmentStatusActive, ComplianceType: aws.String("PCI DSS"), CreationTime: &auditmanagerCreated, LastUpdated: &auditmanagerCreated,
				Roles:       []types.Role{{RoleArn: aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":role/auditor"), RoleType: types.RoleTypeProcessOwner}},
				Delegations: []types.Delegation{{Id: aws.String("d")}}}}}, nil
		}
		return &auditmanager.ListAssessmentsOutput{AssessmentMetadata: []types.AssessmentMetadataItem{{Id: aws.String("a-2"), Name: aws.String("soc2"), Status: types.AssessmentStatusInactive}}}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &auditmanager.ListTagsForResourceOutput{Tags: map[string]string{"arn": aws.ToString(in.(*auditmanager.ListTagsForResourceInput).ResourceArn)}}, nil
	},
}

func auditmanagerRun(t *testing.T, answers map[string]func(any) (any, error)) collecttest.Result {
	t.Helper()
	collecttest.Setup(t)
	return collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(answers)}), collector.Service, "assessment", region)
}

func TestAuditmanagerAssessments(t *testing.T) {
	got := auditmanagerRun(t, auditmanagerEstate)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("assessments: %v %v", got.Err, got.Resources)
	}
	collecttest.AssertNoWarnings(t, got)
	a := got.ByID()["a-1"]
	arn := "arn:aws:auditmanager:" + region + ":" + collecttest.MotoAccount + ":assessment/a-1"
	if a.Name != "pci" || a.ARN != arn || a.Tags["arn"] != arn || a.Details["status"] != "ACTIVE" || a.Details["compliance_type"] != "PCI DSS" || a.Details["delegations"] != 1 {
		t.Errorf("a-1: %+v", a)
	}
	collecttest.HasEdges(t, got, "a-1 -assumes-role-> iam/role:auditor")
}

func TestAuditmanagerNotSetUpAndDenied(t *testing.T) {
	notSetUp := func(any) (any, error) {
		return nil, &smithy.GenericAPIError{Code: "AccessDeniedException", Message: "Please complete AWS Audit Manager setup from home page to enable this action in this account."}
	}
	got := auditmanagerRun(t, map[string]func(any) (any, error){"ListAssessments": notSetUp})
	if awsx.Classify(got.Err) != awsx.Unsupported || awsx.ErrorCode(got.Err) != "NotEnabled" {
		t.Errorf("want NotEnabled, got %v", got.Err)
	}
	collecttest.AssertDenied(t, auditmanagerRun(t, map[string]func(any) (any, error){"ListAssessments": collecttest.Denied("ListAssessments")}))
	got = auditmanagerRun(t, map[string]func(any) (any, error){"ListAssessments": auditmanagerEstate["ListAssessments"], "ListTagsForResource": collecttest.Denied("ListTagsForResource")})
	if got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 2 {
		t.Errorf("want two assessments with warnings, got %v, %v", got.Err, got.Task.Warnings())
	}
}
