package all_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/logs"
)

func TestLogsMetricFiltersAndDestinations(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := cloudwatchlogs.NewFromConfig(cfg)
	if _, err := api.CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String("/trail")}); err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		if _, err := api.PutMetricFilter(ctx, &cloudwatchlogs.PutMetricFilterInput{LogGroupName: aws.String("/trail"), FilterName: aws.String(fmt.Sprint("f", i)),
			FilterPattern:         aws.String(`{ $.eventName = "ConsoleLogin" }`),
			MetricTransformations: []types.MetricTransformation{{MetricNamespace: aws.String("CIS"), MetricName: aws.String(fmt.Sprint("m", i)), MetricValue: aws.String("1")}}}); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "metric-filter", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	f := got.ByID()["/trail:f0"]
	if len(got.Resources) != 6 || f == nil || f.Details["pattern"] != `{ $.eventName = "ConsoleLogin" }` || f.Details["log_group"] != "/trail" || f.Name != "f0" {
		t.Fatalf("want 6 filters over pages: %d %+v", len(got.Resources), f)
	}
	if m, _ := f.Details["metrics"].([]string); !slices.Equal(m, []string{"CIS/m0"}) {
		t.Errorf("metrics %v", f.Details["metrics"])
	}
	collecttest.HasEdges(t, got, "/trail:f0 -filters-> logs/log-group:/trail")

	stream := "arn:aws:kinesis:" + region + ":" + collecttest.MotoAccount + ":stream/central"
	role := "arn:aws:iam::" + collecttest.MotoAccount + ":role/cwl-to-kinesis"
	if _, err := api.PutDestination(ctx, &cloudwatchlogs.PutDestinationInput{DestinationName: aws.String("central"), TargetArn: aws.String(stream),
		RoleArn: aws.String(role), Tags: map[string]string{"Team": "obs"}}); err != nil {
		t.Fatal(err)
	}
	got = collecttest.Run(t, cfg, collector.Service, "destination", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	d := got.ByID()["central"]
	if d == nil || d.Details["target_arn"] != stream || d.Details["access_policy_present"] != false || d.ARN == "" || d.Tags["Team"] != "obs" {
		t.Fatalf("destination: %+v", d)
	}
	collecttest.HasEdges(t, got, "central -assumes-role-> iam/role:cwl-to-kinesis", "central -delivers-to-> kinesis/stream:central")
}

func TestLogsFiltersDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"metric-filter": "DescribeMetricFilters", "destination": "DescribeDestinations"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
