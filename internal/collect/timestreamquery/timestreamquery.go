// Package timestreamquery collects Timestream for LiveAnalytics scheduled
// queries: what they run as, where they write and report.
package timestreamquery

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/timestreamquery"
	"github.com/aws/aws-sdk-go-v2/service/timestreamquery/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Timestream Query collector.
var Service = &collect.Service{
	Name:        "timestream-query",
	Description: "Timestream for LiveAnalytics scheduled queries",
	Types: []collect.Type{
		{Name: "scheduled-query", Description: "scheduled query (id = name): schedule, state, target table, role, error reports",
			Fields: queryFields.Declared(), Tags: collect.TagsPerResource, Collect: scheduledQueries, DetailCalls: 2},
	},
	Calls: "scheduled-query: ListScheduledQueries (after DescribeEndpoints, the SDK's endpoint discovery) + per query DescribeScheduledQuery, ListTagsForResource",
	Relations: []collect.Relation{
		{From: "scheduled-query", Kind: "writes-to", To: "timestream-write/table"},
		{From: "scheduled-query", Kind: "assumes-role", To: "iam/role"},
		{From: "scheduled-query", Kind: "encrypted-with", To: "kms/key"},
		{From: "scheduled-query", Kind: "notifies", To: "sns/topic"},
		{From: "scheduled-query", Kind: "reports-errors-to", To: "s3/bucket"},
	},
}

// client is the Timestream Query client. The SDK makes each operation call
// api.DescribeEndpoints first for a cell endpoint (written so, the IAM
// policy scan of this code grants timestream:DescribeEndpoints too); an
// emulator (Local) answers on its own address, which discovery would
// replace with AWS's.
func client(t *collect.Task) *timestreamquery.Client {
	return timestreamquery.NewFromConfig(t.Config, func(o *timestreamquery.Options) {
		if t.Local {
			o.EndpointDiscovery.EnableEndpointDiscovery = aws.EndpointDiscoveryDisabled
		}
	})
}

// query is a listed scheduled query with its DescribeScheduledQuery answer
// (nil when that failed).
type query struct {
	types.ScheduledQuery
	detail *types.ScheduledQueryDescription
}

func hasDetail(q query) bool { return q.detail != nil }

// target is the Timestream table the query writes to, "" when none.
func (q query) target() (database, table string) {
	if d := q.TargetDestination; d != nil && d.TimestreamDestination != nil {
		return aws.ToString(d.TimestreamDestination.DatabaseName), aws.ToString(d.TimestreamDestination.TableName)
	}
	return "", ""
}

// errorBucket is the S3 bucket error reports go to, "" when none.
func (q query) errorBucket() string {
	if c := q.ErrorReportConfiguration; c != nil && c.S3Configuration != nil {
		return aws.ToString(c.S3Configuration.BucketName)
	}
	return ""
}

var queryFields = collect.Fields[query]{
	collect.Enum("state", "ENABLED or DISABLED", func(q query) types.ScheduledQueryState { return q.State }),
	collect.Enum("last_run_status", "AUTO_TRIGGER_SUCCESS, AUTO_TRIGGER_FAILURE, MANUAL_TRIGGER_SUCCESS or MANUAL_TRIGGER_FAILURE",
		func(q query) types.ScheduledQueryRunStatus { return q.LastRunStatus }),
	collect.Computed("target_table", model.Text, "Timestream table the results are written to (DATABASE/TABLE)", func(q query) any {
		if db, table := q.target(); db != "" {
			return db + "/" + table
		}
		return ""
	}),
	collect.Computed("error_report_bucket", model.Text, "S3 bucket of the error reports", func(q query) any { return q.errorBucket() }),
	collect.Timestamp("next_invocation", "next run", func(q query) *time.Time { return q.NextInvocationTime }),
	collect.Timestamp("previous_invocation", "last run", func(q query) *time.Time { return q.PreviousInvocationTime }),
	collect.When(hasDetail, collect.Text("schedule_expression", "cron or rate expression of the runs", func(q query) *string {
		if q.detail.ScheduleConfiguration == nil {
			return nil
		}
		return q.detail.ScheduleConfiguration.ScheduleExpression
	})),
	collect.When(hasDetail, collect.Text("execution_role_arn", "role the query runs as", func(q query) *string { return q.detail.ScheduledQueryExecutionRoleArn })),
	collect.When(hasDetail, collect.Text("kms_key_id", "KMS key encrypting the query's resources; empty: a Timestream-owned key", func(q query) *string {
		return q.detail.KmsKeyId
	})),
	collect.When(hasDetail, collect.Text("notification_topic_arn", "SNS topic told of each run", func(q query) *string {
		if n := q.detail.NotificationConfiguration; n != nil && n.SnsConfiguration != nil {
			return n.SnsConfiguration.TopicArn
		}
		return nil
	})),
}

func queriesOf(page *timestreamquery.ListScheduledQueriesOutput) []types.ScheduledQuery {
	return page.ScheduledQueries
}

func scheduledQueries(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := timestreamquery.NewListScheduledQueriesPaginator(api, &timestreamquery.ListScheduledQueriesInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, queriesOf, func(ctx context.Context, s types.ScheduledQuery) {
		q := query{ScheduledQuery: s}
		out, err := api.DescribeScheduledQuery(ctx, &timestreamquery.DescribeScheduledQueryInput{ScheduledQueryArn: s.Arn})
		t.Warn("DescribeScheduledQuery", err)
		if err == nil {
			q.detail = out.ScheduledQuery
		}
		name := aws.ToString(s.Name)
		r := &model.Resource{Key: t.Key("scheduled-query", name), Name: name, ARN: aws.ToString(s.Arn), CreatedAt: model.Time(s.CreationTime),
			Details: queryFields.Details(q)}
		tags, err := api.ListTagsForResource(ctx, &timestreamquery.ListTagsForResourceInput{ResourceARN: s.Arn})
		t.Warn("ListTagsForResource", err)
		if err == nil {
			r.Tags = collect.TagMap(tags.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
		}
		t.Emit(r)
		if db, table := q.target(); db != "" {
			t.Relate(r.Key, "writes-to", t.Ref("timestream-write", "table", db+"/"+table))
		}
		t.RelateByName(r.Key, "reports-errors-to", "s3", "bucket", q.errorBucket(), t.Region)
		if d := q.detail; d != nil {
			if role := aws.ToString(d.ScheduledQueryExecutionRoleArn); role != "" {
				t.Relate(r.Key, "assumes-role", t.Role(role))
			}
			t.Relate(r.Key, "encrypted-with", t.KMSKey(aws.ToString(d.KmsKeyId)))
			if d.NotificationConfiguration != nil && d.NotificationConfiguration.SnsConfiguration != nil {
				if topic, ok := collect.TargetKey(aws.ToString(d.NotificationConfiguration.SnsConfiguration.TopicArn)); ok {
					t.Relate(r.Key, "notifies", topic)
				}
			}
		}
	})
}
