package all_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/cloudwatch"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

// moto cannot parse the CBOR the CloudWatch SDK speaks: ListDashboards is
// canned over two pages, so the real client and paginator still run.
func TestCloudwatchDashboards(t *testing.T) {
	collecttest.Require(t)
	modified := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	arn := "arn:aws:cloudwatch::" + collecttest.MotoAccount + ":dashboard/"
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListDashboards": func(in any) (any, error) {
			if aws.ToString(in.(*cloudwatch.ListDashboardsInput).NextToken) == "" {
				return &cloudwatch.ListDashboardsOutput{NextToken: aws.String("2"), DashboardEntries: []types.DashboardEntry{
					{DashboardName: aws.String("ops"), DashboardArn: aws.String(arn + "ops"), LastModified: &modified, Size: aws.Int64(2048)}}}, nil
			}
			return &cloudwatch.ListDashboardsOutput{DashboardEntries: []types.DashboardEntry{{DashboardName: aws.String("billing"), DashboardArn: aws.String(arn + "billing")}}}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "dashboard", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	ops := got.ByID()["ops"]
	if len(got.Resources) != 2 || ops == nil || ops.ARN != arn+"ops" || ops.Details["size_bytes"] != int64(2048) || ops.Details["last_modified"] != "2025-03-01T12:00:00Z" {
		t.Fatalf("dashboards: %d %+v", len(got.Resources), ops)
	}

	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListDashboards")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "dashboard", region))
}
