package all_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	"github.com/aws/aws-sdk-go-v2/service/guardduty/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/guardduty"
)

func TestGuarddutyDetectors(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	out, err := guardduty.NewFromConfig(cfg).CreateDetector(context.Background(), &guardduty.CreateDetectorInput{
		Enable: aws.Bool(true), FindingPublishingFrequency: types.FindingPublishingFrequencyFifteenMinutes,
		Features: []types.DetectorFeatureConfiguration{
			{Name: types.DetectorFeatureS3DataEvents, Status: types.FeatureStatusEnabled},
			{Name: types.DetectorFeatureEksAuditLogs, Status: types.FeatureStatusDisabled},
		},
		Tags: map[string]string{"Team": "sec"},
	})
	if err != nil {
		t.Fatal(err)
	}
	id := aws.ToString(out.DetectorId)
	got := collecttest.Run(t, cfg, collector.Service, "detector", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	d := got.ByID()[id]
	if d == nil || len(got.Resources) != 1 {
		t.Fatalf("want detector %s alone, got %v", id, got.Resources)
	}
	want := map[string]any{"status": "ENABLED", "finding_publishing_frequency": "FIFTEEN_MINUTES",
		"service_role": "arn:aws:iam::" + collecttest.MotoAccount + ":role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty"}
	for k, v := range want {
		if d.Details[k] != v {
			t.Errorf("details[%s] = %v, want %v", k, d.Details[k], v)
		}
	}
	features, _ := d.Details["features"].(map[string]string)
	if features["S3_DATA_EVENTS"] != "ENABLED" || features["EKS_AUDIT_LOGS"] != "DISABLED" {
		t.Errorf("features = %v", d.Details["features"])
	}
	if d.Tags["Team"] != "sec" || d.CreatedAt == "" || d.ARN != "arn:aws:guardduty:"+region+":"+collecttest.MotoAccount+":detector/"+id {
		t.Errorf("identity wrong: %+v", d)
	}
	collecttest.HasEdges(t, got, id+" -assumes-role-> iam/role:AWSServiceRoleForAmazonGuardDuty")
}

// A region without a detector has GuardDuty off: unsupported, NotEnabled,
// naming the region, rather than an empty success or a failure.
func TestGuarddutyDetectorsNotEnabled(t *testing.T) {
	collecttest.Setup(t)
	got := collecttest.Run(t, collecttest.Config(t, region, nil), collector.Service, "detector", region)
	if awsx.Classify(got.Err) != awsx.Unsupported || awsx.ErrorCode(got.Err) != "NotEnabled" ||
		awsx.ErrorMessage(got.Err) != "GuardDuty is not enabled in eu-west-1" {
		t.Errorf("want unsupported NotEnabled, got %v (%s)", got.Err, awsx.ErrorCode(got.Err))
	}
}

func TestGuarddutyDetectorsDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListDetectors")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "detector", region))

	if _, err := guardduty.NewFromConfig(collecttest.Config(t, region, nil)).CreateDetector(context.Background(),
		&guardduty.CreateDetectorInput{Enable: aws.Bool(false)}); err != nil {
		t.Fatal(err)
	}
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetDetector")})
	got := collecttest.Run(t, cfg, collector.Service, "detector", region)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 {
		t.Errorf("want the detector kept with a warning, got %v, %d resources, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}
