package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/synthetics"
	"github.com/aws/aws-sdk-go-v2/service/synthetics/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/synthetics"
)

var syntheticsCreated = time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)

// moto answers canary times as strings the SDK cannot read:
// DescribeCanaries is canned, six canaries over two pages.
var syntheticsCanned = map[string]func(any) (any, error){
	"DescribeCanaries": func(in any) (any, error) {
		var all []types.Canary
		for i := range 6 {
			c := types.Canary{Name: aws.String(fmt.Sprint("home", i)), ArtifactS3Location: aws.String("s3://canary-artifacts/home/"),
				ExecutionRoleArn: aws.String("arn:aws:iam::" + account + ":role/canary-role"), RuntimeVersion: aws.String("syn-nodejs-puppeteer-9.1"),
				Schedule: &types.CanaryScheduleOutput{Expression: aws.String("rate(5 minutes)")}, RunConfig: &types.CanaryRunConfigOutput{TimeoutInSeconds: aws.Int32(60), MemoryInMB: aws.Int32(960)},
				SuccessRetentionPeriodInDays: aws.Int32(31), Status: &types.CanaryStatus{State: types.CanaryStateRunning}, Timeline: &types.CanaryTimeline{Created: &syntheticsCreated},
				EngineArn: aws.String(fmt.Sprintf("arn:aws:lambda:%s:%s:function:cwsyn-home%d-abc:3", region, account, i)), Tags: map[string]string{"n": fmt.Sprint(i)}}
			if i == 0 {
				c.VpcConfig = &types.VpcConfigOutput{VpcId: aws.String("vpc-1"), SubnetIds: []string{"subnet-1"}, SecurityGroupIds: []string{"sg-1"}}
				c.ArtifactConfig = &types.ArtifactConfigOutput{S3Encryption: &types.S3EncryptionConfig{EncryptionMode: types.EncryptionModeSseKms,
					KmsKeyArn: aws.String("arn:aws:kms:" + region + ":" + account + ":key/k-1")}}
			}
			all = append(all, c)
		}
		page, next := collecttest.Page(all, in.(*synthetics.DescribeCanariesInput).NextToken, 4)
		return &synthetics.DescribeCanariesOutput{Canaries: page, NextToken: next}, nil
	},
}

func TestSyntheticsCanaries(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(syntheticsCanned)})
	got := collecttest.Run(t, cfg, collector.Service, "canary", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("canaries: %v, %d", got.Err, len(got.Resources))
	}
	c := got.ByID()["home0"]
	want := map[string]any{"runtime_version": "syn-nodejs-puppeteer-9.1", "schedule": "rate(5 minutes)", "timeout_seconds": int64(60), "memory_mb": int64(960),
		"artifact_location": "s3://canary-artifacts/home/", "artifact_encryption": "SSE_KMS", "success_retention_days": int64(31),
		"execution_role_arn": "arn:aws:iam::" + account + ":role/canary-role"}
	for k, v := range want {
		if c.Details[k] != v {
			t.Errorf("home0 details[%s] = %v, want %v", k, c.Details[k], v)
		}
	}
	if c.Tags["n"] != "0" || c.ARN != "arn:aws:synthetics:"+region+":"+account+":canary:home0" || c.CreatedAt != "2026-04-01T00:00:00Z" || c.Details["state"] != "RUNNING" {
		t.Errorf("home0: %s %v %q %v", c.ARN, c.Tags, c.CreatedAt, c.Details["state"])
	}
	collecttest.HasEdges(t, got, "home0 -assumes-role-> iam/role:canary-role", "home3 -writes-to-> s3/bucket:canary-artifacts",
		"home0 -encrypted-with-> kms/key:k-1", "home0 -in-subnet-> ec2/subnet:subnet-1", "home0 -in-vpc-> ec2/vpc:vpc-1", "home2 -runs-as-> lambda/function:cwsyn-home2-abc", "home0 -uses-security-group-> ec2/security-group:sg-1")
}

func TestSyntheticsDenied(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"DescribeCanaries": collecttest.Denied("DescribeCanaries")})})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "canary", region))
}
