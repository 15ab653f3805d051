package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/logs"
)

func TestLogsLogGroups(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := cloudwatchlogs.NewFromConfig(cfg)
	names := []string{"/aws/lambda/api", "/app/web"}
	for i := range 4 {
		names = append(names, fmt.Sprintf("/app/worker-%d", i))
	}
	for i, n := range names {
		in := &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String(n)}
		if i%2 == 1 {
			in.Tags = map[string]string{"Owner": "carol"}
		}
		if _, err := api.CreateLogGroup(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.PutRetentionPolicy(ctx, &cloudwatchlogs.PutRetentionPolicyInput{LogGroupName: aws.String("/app/web"), RetentionInDays: aws.Int32(30)}); err != nil {
		t.Fatal(err)
	}

	got := collecttest.Run(t, cfg, collector.Service, "log-group", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 log groups over several pages, got %d", len(byID))
	}
	for i, n := range names {
		if owner := byID[n].Tags["Owner"]; owner != map[bool]string{true: "carol"}[i%2 == 1] {
			t.Errorf("%s: tags %v", n, byID[n].Tags)
		}
	}
	// moto does not count metric filters (always 0).
	web, fn := byID["/app/web"], byID["/aws/lambda/api"]
	if web.Details["retention_days"] != int64(30) || web.Details["never_expires"] != false || web.Details["metric_filter_count"] != int64(0) {
		t.Errorf("/app/web details = %v", web.Details)
	}
	if fn.Details["retention_days"] != nil || fn.Details["never_expires"] != true {
		t.Errorf("/aws/lambda/api details = %v", fn.Details)
	}
	if web.CreatedAt == "" || web.Details["created"] != web.CreatedAt || web.ARN != "arn:aws:logs:"+region+":"+collecttest.MotoAccount+":log-group:/app/web" {
		t.Errorf("created %q arn %q", web.CreatedAt, web.ARN)
	}
	edges := got.Edges()
	if len(edges) != 1 || edges[0] != "/aws/lambda/api -logs-for-> lambda/function:api" {
		t.Errorf("edges = %v", edges)
	}
}

// Tags come from GetResources, else from ListTagsForResource; only when both
// are denied are log groups emitted without them.
func TestLogsTagDenials(t *testing.T) {
	for _, c := range collecttest.TagDenials("ListTagsForResource") {
		t.Run(fmt.Sprint(c.Deny), func(t *testing.T) {
			collecttest.Setup(t)
			cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(c.Deny...)})
			if _, err := cloudwatchlogs.NewFromConfig(cfg).CreateLogGroup(context.Background(), &cloudwatchlogs.CreateLogGroupInput{
				LogGroupName: aws.String("/app/tagged"), Tags: map[string]string{"Owner": "carol"}}); err != nil {
				t.Fatal(err)
			}
			got := collecttest.Run(t, cfg, collector.Service, "log-group", region)
			g := got.ByID()["/app/tagged"]
			if got.Err != nil || g == nil || (g.Tags["Owner"] == "carol") != c.Tagged || (len(got.Task.Warnings()) > 0) != c.Warned {
				t.Errorf("err %v, group %+v, warnings %v", got.Err, g, got.Task.Warnings())
			}
		})
	}
}

func TestLogsPermissions(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeLogGroups")})
	got := collecttest.Run(t, cfg, collector.Service, "log-group", region)
	collecttest.AssertDenied(t, got)
}
