package all_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/cloudtrail"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

// setup creates, in region, trail "audit" (multi-region, logging, validated,
// tagged) and "local" (stopped), both writing to bucket "trail-logs"; and in
// us-east-1 a multi-region trail "elsewhere" whose shadow region must skip.
func cloudtrailSetup(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	s3API := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true })
	if _, err := s3API.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("trail-logs"),
		CreateBucketConfiguration: &s3types.CreateBucketConfiguration{LocationConstraint: s3types.BucketLocationConstraint(region)}}); err != nil {
		t.Fatal(err)
	}
	api := cloudtrail.NewFromConfig(cfg)
	if _, err := api.CreateTrail(ctx, &cloudtrail.CreateTrailInput{Name: aws.String("audit"), S3BucketName: aws.String("trail-logs"),
		IsMultiRegionTrail: aws.Bool(true), EnableLogFileValidation: aws.Bool(true), IncludeGlobalServiceEvents: aws.Bool(true),
		TagsList: []types.Tag{{Key: aws.String("Owner"), Value: aws.String("security")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.StartLogging(ctx, &cloudtrail.StartLoggingInput{Name: aws.String("audit")}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.PutEventSelectors(ctx, &cloudtrail.PutEventSelectorsInput{TrailName: aws.String("audit"),
		EventSelectors: []types.EventSelector{{IncludeManagementEvents: aws.Bool(true), ReadWriteType: types.ReadWriteTypeAll}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.CreateTrail(ctx, &cloudtrail.CreateTrailInput{Name: aws.String("local"), S3BucketName: aws.String("trail-logs"),
		IncludeGlobalServiceEvents: aws.Bool(false)}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.PutEventSelectors(ctx, &cloudtrail.PutEventSelectorsInput{TrailName: aws.String("local"),
		EventSelectors: []types.EventSelector{{IncludeManagementEvents: aws.Bool(false), ReadWriteType: types.ReadWriteTypeAll}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := cloudtrail.NewFromConfig(collecttest.Config(t, "us-east-1", nil)).CreateTrail(ctx, &cloudtrail.CreateTrailInput{
		Name: aws.String("elsewhere"), S3BucketName: aws.String("trail-logs"), IsMultiRegionTrail: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
}

func TestCloudtrailTrails(t *testing.T) {
	collecttest.Setup(t)
	cloudtrailSetup(t)
	cfg := collecttest.Config(t, region, nil)
	got := collecttest.Run(t, cfg, collector.Service, "trail", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	if len(byID) != 2 {
		t.Fatalf("want trails audit and local (not the shadow of elsewhere), got %v", byID)
	}
	audit, local := byID["audit"], byID["local"]
	checks := map[string]any{"is_logging": true, "multi_region": true, "log_file_validation": true, "organization_trail": false,
		"s3_bucket": "trail-logs", "home_region": region, "include_global_events": true, "management_events": true}
	for k, want := range checks {
		if audit.Details[k] != want {
			t.Errorf("details[%s] = %v (%T), want %v", k, audit.Details[k], audit.Details[k], want)
		}
	}
	if local.Details["is_logging"] != false || local.Details["multi_region"] != false || local.Details["management_events"] != false {
		t.Errorf("local details = %v", local.Details)
	}
	if audit.ARN != "arn:aws:cloudtrail:"+region+":"+collecttest.MotoAccount+":trail/audit" || audit.Tags["Owner"] != "security" {
		t.Errorf("arn %q tags %v", audit.ARN, audit.Tags)
	}
	var bucketEdge bool
	for _, rel := range got.Relationships {
		if rel.From.ID == "audit" && rel.Kind == "logs-to" && rel.To.Service == "s3" && rel.To.Type == "bucket" &&
			rel.To.ID == "trail-logs" && rel.To.Region == region && rel.ToGuessed {
			bucketEdge = true
		}
	}
	if !bucketEdge {
		t.Errorf("missing audit -logs-to-> s3 bucket trail-logs (guessed) in %s: %v", region, got.Edges())
	}
}

func TestCloudtrailPermissions(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeTrails")})
	got := collecttest.Run(t, cfg, collector.Service, "trail", region)
	collecttest.AssertDenied(t, got)

	cloudtrailSetup(t)
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetTrailStatus")})
	got = collecttest.Run(t, cfg, collector.Service, "trail", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("want the trails despite the denied detail call, got %v and %d", got.Err, len(got.Resources))
	}
	audit := got.ByID()["audit"]
	if _, ok := audit.Details["is_logging"]; ok || len(got.Task.Warnings()) == 0 || audit.Details["management_events"] != true {
		t.Errorf("want is_logging absent, the rest present and warnings, got %v / %v", audit.Details, got.Task.Warnings())
	}
}
