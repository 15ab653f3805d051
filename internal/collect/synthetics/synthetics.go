// Package synthetics collects CloudWatch Synthetics canaries.
package synthetics

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/synthetics"
	"github.com/aws/aws-sdk-go-v2/service/synthetics/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the CloudWatch Synthetics collector.
var Service = &collect.Service{
	Name:        "synthetics",
	Description: "CloudWatch Synthetics canaries",
	Types: []collect.Type{
		{Name: "canary", Description: "Synthetics canary (id = name): a scripted check run on a schedule, with where its artifacts go",
			Fields: canaryFields.Declared(), Tags: collect.TagsListed, Collect: canaries},
	},
	Calls: "canary: DescribeCanaries (tags included)",
	Relations: []collect.Relation{
		{From: "canary", Kind: "assumes-role", To: "iam/role"},
		{From: "canary", Kind: "writes-to", To: "s3/bucket"},
		{From: "canary", Kind: "encrypted-with", To: "kms/key"},
		{From: "canary", Kind: "runs-as", To: "lambda/function"},
		{From: "canary", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "canary", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "canary", Kind: "uses-security-group", To: "ec2/security-group"},
	},
}

// artifactBucket is the bucket of a canary's s3://bucket/prefix (or
// bucket/prefix) artifact location.
func artifactBucket(c types.Canary) string {
	bucket, _, _ := strings.Cut(strings.TrimPrefix(aws.ToString(c.ArtifactS3Location), "s3://"), "/")
	return bucket
}

func encryption(c types.Canary) types.S3EncryptionConfig {
	if c.ArtifactConfig == nil || c.ArtifactConfig.S3Encryption == nil {
		return types.S3EncryptionConfig{}
	}
	return *c.ArtifactConfig.S3Encryption
}

func runConfig(c types.Canary) types.CanaryRunConfigOutput {
	if c.RunConfig == nil {
		return types.CanaryRunConfigOutput{}
	}
	return *c.RunConfig
}

func timeline(c types.Canary) types.CanaryTimeline {
	if c.Timeline == nil {
		return types.CanaryTimeline{}
	}
	return *c.Timeline
}

var canaryFields = collect.Fields[types.Canary]{
	collect.Computed("state", model.Text, "RUNNING, STOPPED, READY, ERROR, ...", func(c types.Canary) any {
		if c.Status == nil {
			return ""
		}
		return string(c.Status.State)
	}),
	collect.Text("runtime_version", "runtime, e.g. syn-nodejs-puppeteer-9.1 (old ones are deprecated)", func(c types.Canary) *string { return c.RuntimeVersion }),
	collect.Computed("schedule", model.Text, "rate or cron expression; rate(0 minute) runs once", func(c types.Canary) any {
		if c.Schedule == nil {
			return ""
		}
		return aws.ToString(c.Schedule.Expression)
	}),
	collect.Computed("timeout_seconds", model.Integer, "longest a run may take", func(c types.Canary) any { return int64(aws.ToInt32(runConfig(c).TimeoutInSeconds)) }),
	collect.Computed("memory_mb", model.Integer, "memory of each run", func(c types.Canary) any { return int64(aws.ToInt32(runConfig(c).MemoryInMB)) }),
	collect.Computed("active_tracing", model.Boolean, "runs are traced with X-Ray", func(c types.Canary) any { return aws.ToBool(runConfig(c).ActiveTracing) }),
	collect.Text("artifact_location", "S3 location of screenshots, HAR files and logs", func(c types.Canary) *string { return c.ArtifactS3Location }),
	collect.Computed("artifact_encryption", model.Text, "SSE_S3 or SSE_KMS; empty: the bucket's default", func(c types.Canary) any { return string(encryption(c).EncryptionMode) }),
	collect.Computed("artifact_kms_key", model.Text, "KMS key of SSE_KMS artifacts", func(c types.Canary) any { return aws.ToString(encryption(c).KmsKeyArn) }),
	collect.Int("success_retention_days", "days successful runs' data is kept", func(c types.Canary) *int32 { return c.SuccessRetentionPeriodInDays }),
	collect.Int("failure_retention_days", "days failed runs' data is kept", func(c types.Canary) *int32 { return c.FailureRetentionPeriodInDays }),
	collect.Text("execution_role_arn", "role the canary runs with", func(c types.Canary) *string { return c.ExecutionRoleArn }),
	collect.Computed("vpc_id", model.Text, "VPC the canary runs in; empty: outside any VPC", func(c types.Canary) any {
		if c.VpcConfig == nil {
			return ""
		}
		return aws.ToString(c.VpcConfig.VpcId)
	}),
	collect.Computed("last_started", model.Timestamp, "last time the canary was started", func(c types.Canary) any { return model.Time(timeline(c).LastStarted) }),
	collect.Computed("last_modified", model.Timestamp, "last change", func(c types.Canary) any { return model.Time(timeline(c).LastModified) }),
}

func canaries(ctx context.Context, t *collect.Task) error {
	p := synthetics.NewDescribeCanariesPaginator(synthetics.NewFromConfig(t.Config), &synthetics.DescribeCanariesInput{MaxResults: t.PageSize(20)})
	return collect.EachPage(ctx, p, func(page *synthetics.DescribeCanariesOutput) error {
		for _, c := range page.Canaries {
			emit(t, c)
		}
		return nil
	})
}

func emit(t *collect.Task, c types.Canary) {
	name := aws.ToString(c.Name)
	key := t.Key("canary", name)
	t.Emit(&model.Resource{Key: key, Name: name, ARN: collect.ARN(t, "synthetics", "", "canary:"+name), CreatedAt: model.Time(timeline(c).Created),
		Tags: c.Tags, Details: canaryFields.Details(c)})
	if role := aws.ToString(c.ExecutionRoleArn); role != "" {
		t.Relate(key, "assumes-role", t.Role(role))
	}
	t.RelateByName(key, "writes-to", "s3", "bucket", artifactBucket(c), t.Region)
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(encryption(c).KmsKeyArn)))
	if k, ok := collect.TargetKey(aws.ToString(c.EngineArn)); ok {
		t.Relate(key, "runs-as", k)
	}
	if v := c.VpcConfig; v != nil {
		t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(v.VpcId)))
		for _, sn := range v.SubnetIds {
			t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", sn))
		}
		for _, sg := range v.SecurityGroupIds {
			t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
		}
	}
}
