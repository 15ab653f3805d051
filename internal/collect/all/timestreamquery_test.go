package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/timestreamquery"
	"github.com/aws/aws-sdk-go-v2/service/timestreamquery/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/timestreamquery"
)

var timestreamqueryPaged = collecttest.Paged{Cap: 2}

var (
	next = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
)

// client reaches moto as the collector does: without endpoint discovery.
func timestreamqueryClient(cfg aws.Config) *timestreamquery.Client {
	return timestreamquery.NewFromConfig(cfg, func(o *timestreamquery.Options) {
		o.EndpointDiscovery.EnableEndpointDiscovery = aws.EndpointDiscoveryDisabled
	})
}

// canned answers what moto lacks: ListScheduledQueries (the queries the
// test creates, one a page, hourly writing to metrics/hourly) and
// ListTagsForResource (moto keeps scheduled query tags where it does not
// read them).
var timestreamqueryCanned = map[string]func(any) (any, error){
	"ListScheduledQueries": func(in any) (any, error) {
		var all []types.ScheduledQuery
		for _, name := range []string{"hourly", "daily", "weekly"} {
			q := types.ScheduledQuery{Name: aws.String(name), Arn: aws.String("arn:aws:timestream:" + region + ":" + account + ":scheduled-query/" + name),
				State: types.ScheduledQueryStateEnabled, LastRunStatus: types.ScheduledQueryRunStatusAutoTriggerFailure, NextInvocationTime: &next,
				ErrorReportConfiguration: &types.ErrorReportConfiguration{S3Configuration: &types.S3Configuration{BucketName: aws.String("query-errors")}}}
			if name == "hourly" {
				q.TargetDestination = &types.TargetDestination{TimestreamDestination: &types.TimestreamDestination{DatabaseName: aws.String("metrics"),
					TableName: aws.String("hourly")}}
			}
			all = append(all, q)
		}
		page, next := collecttest.Page(all, in.(*timestreamquery.ListScheduledQueriesInput).NextToken, 1)
		return &timestreamquery.ListScheduledQueriesOutput{ScheduledQueries: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &timestreamquery.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"),
			Value: in.(*timestreamquery.ListTagsForResourceInput).ResourceARN}}}, nil
	},
}

func TestTimestreamqueryScheduledQueries(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(timestreamqueryCanned)})
	api := timestreamqueryClient(cfg)
	for i, name := range []string{"hourly", "daily", "weekly"} {
		in := &timestreamquery.CreateScheduledQueryInput{Name: aws.String(name), QueryString: aws.String("SELECT 1"),
			ScheduleConfiguration:          &types.ScheduleConfiguration{ScheduleExpression: aws.String(fmt.Sprintf("rate(%d hours)", i+1))},
			NotificationConfiguration:      &types.NotificationConfiguration{SnsConfiguration: &types.SnsConfiguration{TopicArn: aws.String("arn:aws:sns:" + region + ":" + account + ":runs")}},
			ScheduledQueryExecutionRoleArn: aws.String("arn:aws:iam::" + account + ":role/query-runner"),
			ErrorReportConfiguration:       &types.ErrorReportConfiguration{S3Configuration: &types.S3Configuration{BucketName: aws.String("query-errors")}}}
		if name == "hourly" {
			in.KmsKeyId = aws.String("arn:aws:kms:" + region + ":" + account + ":key/k-1")
		}
		if _, err := api.CreateScheduledQuery(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
	got := timestreamqueryPaged.Run(t, cfg, collector.Service, "scheduled-query", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("scheduled queries: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	q := got.ByID()["hourly"]
	arn := "arn:aws:timestream:" + region + ":" + account + ":scheduled-query/hourly"
	if q == nil || q.ARN != arn || q.Tags["arn"] != arn || q.Details["state"] != "ENABLED" || q.Details["last_run_status"] != "AUTO_TRIGGER_FAILURE" ||
		q.Details["target_table"] != "metrics/hourly" || q.Details["schedule_expression"] != "rate(1 hours)" || q.Details["next_invocation"] != "2026-05-01T12:00:00Z" ||
		q.Details["execution_role_arn"] != "arn:aws:iam::"+account+":role/query-runner" || q.Details["error_report_bucket"] != "query-errors" {
		t.Fatalf("hourly: %+v", q)
	}
	if d := got.ByID()["daily"]; d.Details["kms_key_id"] != "" || d.Details["target_table"] != "" {
		t.Errorf("daily: %v", d.Details)
	}
	collecttest.HasEdges(t, got, "hourly -writes-to-> timestream-write/table:metrics/hourly", "hourly -encrypted-with-> kms/key:k-1",
		"daily -assumes-role-> iam/role:query-runner", "weekly -notifies-> sns/topic:runs", "weekly -reports-errors-to-> s3/bucket:query-errors")

	// A failed DescribeScheduledQuery leaves its fields unknown.
	broken := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny("DescribeScheduledQuery"), collecttest.Canned(timestreamqueryCanned))})
	got = timestreamqueryPaged.Run(t, broken, collector.Service, "scheduled-query", region)
	if _, known := got.ByID()["hourly"].Details["execution_role_arn"]; got.Err != nil || len(got.Task.Warnings()) != 3 || known {
		t.Fatalf("want 3 warnings and an unknown role: %v, %v, %v", got.Err, got.Task.Warnings(), got.ByID()["hourly"].Details)
	}

	denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListScheduledQueries")})
	collecttest.AssertDenied(t, timestreamqueryPaged.Run(t, denied, collector.Service, "scheduled-query", region))
}
