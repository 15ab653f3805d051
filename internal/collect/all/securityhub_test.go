package all_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/securityhub/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/securityhub"
)

const cis = "arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/1.4.0"

// enabledStandards cans GetEnabledStandards, which moto 5.2.1 does not
// serve, over two pages.
var enabledStandards = collecttest.Canned(map[string]func(any) (any, error){
	"GetEnabledStandards": func(in any) (any, error) {
		if aws.ToString(in.(*securityhub.GetEnabledStandardsInput).NextToken) == "" {
			return &securityhub.GetEnabledStandardsOutput{NextToken: aws.String("2"), StandardsSubscriptions: []types.StandardsSubscription{
				{StandardsArn: aws.String(cis), StandardsStatus: types.StandardsStatusReady}}}, nil
		}
		return &securityhub.GetEnabledStandardsOutput{StandardsSubscriptions: []types.StandardsSubscription{
			{StandardsArn: aws.String("arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0"),
				StandardsStatus: types.StandardsStatusIncomplete}}}, nil
	},
})

func enable(t *testing.T) {
	t.Helper()
	if _, err := securityhub.NewFromConfig(collecttest.Config(t, region, nil)).EnableSecurityHub(context.Background(),
		&securityhub.EnableSecurityHubInput{EnableDefaultStandards: aws.Bool(false)}); err != nil {
		t.Fatal(err)
	}
}

func TestSecurityhubHub(t *testing.T) {
	collecttest.Setup(t)
	enable(t)
	got := collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: enabledStandards}), collector.Service, "hub", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	h := got.ByID()["default"]
	if h == nil || len(got.Resources) != 1 {
		t.Fatalf("want the default hub alone, got %v", got.Resources)
	}
	if h.ARN != "arn:aws:securityhub:"+region+":"+collecttest.MotoAccount+":hub/default" || h.CreatedAt == "" {
		t.Errorf("identity wrong: %+v", h)
	}
	if h.Details["auto_enable_controls"] != true || h.Details["control_finding_generator"] != "SECURITY_CONTROL" || h.Details["standards_count"] != 2 {
		t.Errorf("details = %v", h.Details)
	}
	standards, _ := h.Details["standards"].([]map[string]string)
	if len(standards) != 2 || standards[0]["arn"] != cis || standards[0]["status"] != "READY" || standards[1]["status"] != "INCOMPLETE" {
		t.Errorf("standards = %v", h.Details["standards"])
	}
}

// Standards moto cannot list leave the hub collected, its standards unknown
// (absent, not an empty list) and the collection partial.
func TestSecurityhubHubWithoutStandards(t *testing.T) {
	collecttest.Setup(t)
	enable(t)
	got := collecttest.Run(t, collecttest.Config(t, region, nil), collector.Service, "hub", region)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 {
		t.Fatalf("want the hub with a warning, got %v, %d resources, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
	if _, ok := got.Resources[0].Details["standards"]; ok {
		t.Errorf("standards should be unknown: %v", got.Resources[0].Details)
	}
}

func TestSecurityhubHubNotEnabled(t *testing.T) {
	collecttest.Setup(t)
	got := collecttest.Run(t, collecttest.Config(t, region, nil), collector.Service, "hub", region)
	if awsx.Classify(got.Err) != awsx.Unsupported || awsx.ErrorCode(got.Err) != "NotEnabled" ||
		awsx.ErrorMessage(got.Err) != "Security Hub is not enabled in eu-west-1" || len(got.Resources) != 0 {
		t.Errorf("want unsupported NotEnabled, got %v (%s)", got.Err, awsx.ErrorCode(got.Err))
	}
}

func TestSecurityhubHubDenied(t *testing.T) {
	collecttest.Setup(t)
	enable(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeHub")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "hub", region))
}
