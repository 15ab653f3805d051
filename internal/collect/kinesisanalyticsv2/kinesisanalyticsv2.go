// Package kinesisanalyticsv2 collects Managed Service for Apache Flink
// (Kinesis Data Analytics v2) applications.
package kinesisanalyticsv2

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	kda "github.com/aws/aws-sdk-go-v2/service/kinesisanalyticsv2"
	"github.com/aws/aws-sdk-go-v2/service/kinesisanalyticsv2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Managed Service for Apache Flink collector.
var Service = &collect.Service{
	Name:        "kinesisanalyticsv2",
	Description: "Managed Service for Apache Flink (Kinesis Data Analytics v2) applications",
	Types: []collect.Type{
		{Name: "application", Description: "Flink, SQL or Zeppelin studio application (id = name): runtime, state, role, VPC, checkpoints, logging",
			Fields: applicationFields.Declared(), Tags: collect.TagsPerResource, Collect: applications, DetailCalls: 2},
	},
	Calls: "application: ListApplications + per application DescribeApplication, ListTagsForResource",
	Relations: []collect.Relation{
		{From: "application", Kind: "assumes-role", To: "iam/role"},
		{From: "application", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "application", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "application", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "application", Kind: "logs-to", To: "logs/log-group"},
		{From: "application", Kind: "encrypted-with", To: "kms/key"},
	},
}

func config(a *types.ApplicationDetail) types.ApplicationConfigurationDescription {
	if a.ApplicationConfigurationDescription == nil {
		return types.ApplicationConfigurationDescription{}
	}
	return *a.ApplicationConfigurationDescription
}

func vpc(a *types.ApplicationDetail) types.VpcConfigurationDescription {
	if v := config(a).VpcConfigurationDescriptions; len(v) > 0 {
		return v[0]
	}
	return types.VpcConfigurationDescription{}
}

func encryption(a *types.ApplicationDetail) types.ApplicationEncryptionConfigurationDescription {
	if e := config(a).ApplicationEncryptionConfigurationDescription; e != nil {
		return *e
	}
	return types.ApplicationEncryptionConfigurationDescription{}
}

var applicationFields = collect.Fields[*types.ApplicationDetail]{
	collect.Enum("runtime", "runtime, e.g. FLINK-1_20, SQL-1_0, ZEPPELIN-FLINK-3_0", func(a *types.ApplicationDetail) types.RuntimeEnvironment { return a.RuntimeEnvironment }),
	collect.Enum("status", "READY, RUNNING, STARTING, STOPPING, UPDATING, DELETING, ...", func(a *types.ApplicationDetail) types.ApplicationStatus { return a.ApplicationStatus }),
	collect.Enum("mode", "STREAMING or INTERACTIVE (studio notebook)", func(a *types.ApplicationDetail) types.ApplicationMode { return a.ApplicationMode }),
	collect.Text("description", "application description", func(a *types.ApplicationDetail) *string { return a.ApplicationDescription }),
	collect.Int("version_id", "current application version", func(a *types.ApplicationDetail) *int64 { return a.ApplicationVersionId }),
	collect.Text("role_arn", "IAM service execution role", func(a *types.ApplicationDetail) *string { return a.ServiceExecutionRole }),
	collect.Computed("vpc_id", model.Text, "VPC the application runs in; empty when not in a VPC", func(a *types.ApplicationDetail) any { return aws.ToString(vpc(a).VpcId) }),
	collect.Computed("checkpointing", model.Boolean, "Flink checkpoints are taken (state survives failures)", func(a *types.ApplicationDetail) any {
		f := config(a).FlinkApplicationConfigurationDescription
		return f != nil && f.CheckpointConfigurationDescription != nil && aws.ToBool(f.CheckpointConfigurationDescription.CheckpointingEnabled)
	}),
	collect.Computed("snapshots", model.Boolean, "snapshots are taken on stop and update", func(a *types.ApplicationDetail) any {
		s := config(a).ApplicationSnapshotConfigurationDescription
		return s != nil && aws.ToBool(s.SnapshotsEnabled)
	}),
	collect.Computed("cloudwatch_logging", model.Boolean, "the application logs to CloudWatch Logs", func(a *types.ApplicationDetail) any {
		return len(a.CloudWatchLoggingOptionDescriptions) > 0
	}),
	collect.Computed("encryption_key_type", model.Text, "AWS_OWNED_KEY or CUSTOMER_MANAGED_KEY for durable application state", func(a *types.ApplicationDetail) any {
		return string(encryption(a).KeyType)
	}),
	collect.Timestamp("last_updated", "last update of the application", func(a *types.ApplicationDetail) *time.Time { return a.LastUpdateTimestamp }),
}

func applications(ctx context.Context, t *collect.Task) error {
	api := kda.NewFromConfig(t.Config)
	p := kda.NewListApplicationsPaginator(api, &kda.ListApplicationsInput{Limit: t.PageSize(50)})
	return collect.EachItem(ctx, p, func(page *kda.ListApplicationsOutput) []types.ApplicationSummary { return page.ApplicationSummaries },
		func(ctx context.Context, s types.ApplicationSummary) {
			name := aws.ToString(s.ApplicationName)
			r := &model.Resource{Key: t.Key("application", name), Name: name, ARN: aws.ToString(s.ApplicationARN)}
			out, err := api.DescribeApplication(ctx, &kda.DescribeApplicationInput{ApplicationName: s.ApplicationName})
			t.Warn("DescribeApplication", err)
			if err == nil && out.ApplicationDetail != nil {
				a := out.ApplicationDetail
				r.CreatedAt, r.Details = model.Time(a.CreateTimestamp), applicationFields.Details(a)
				relate(t, r.Key, a)
			}
			tags, err := api.ListTagsForResource(ctx, &kda.ListTagsForResourceInput{ResourceARN: s.ApplicationARN})
			t.Warn("ListTagsForResource", err)
			if err == nil {
				r.Tags = collect.TagMap(tags.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
			}
			t.Emit(r)
		})
}

func relate(t *collect.Task, key model.Key, a *types.ApplicationDetail) {
	t.Relate(key, "assumes-role", t.Role(aws.ToString(a.ServiceExecutionRole)))
	v := vpc(a)
	t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(v.VpcId)))
	for _, id := range v.SubnetIds {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", id))
	}
	for _, id := range v.SecurityGroupIds {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", id))
	}
	for _, l := range a.CloudWatchLoggingOptionDescriptions {
		// arn:aws:logs:r:a:log-group:NAME:log-stream:STREAM
		group, _, _ := strings.Cut(collect.LogGroupName(aws.ToString(l.LogStreamARN)), ":log-stream:")
		t.Relate(key, "logs-to", t.Ref("logs", "log-group", group))
	}
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(encryption(a).KeyId)))
}
