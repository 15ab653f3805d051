package all_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	kda "github.com/aws/aws-sdk-go-v2/service/kinesisanalyticsv2"
	"github.com/aws/aws-sdk-go-v2/service/kinesisanalyticsv2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/kinesisanalyticsv2"
)

var kinesisanalyticsv2Paged = collecttest.Paged{Cap: 2}

var (
	kinesisanalyticsv2Created = time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
)

func kinesisanalyticsv2AppARN(name string) *string {
	return aws.String("arn:aws:kinesisanalytics:eu-west-1:" + account + ":application/" + name)
}

// answers can the API for five Flink applications, flink0 in a VPC,
// logging, checkpointing and encrypted with a customer key: moto sends
// the application's timestamps as strings, which the SDK refuses.
func kinesisanalyticsv2Answers() map[string]func(any) (any, error) {
	return map[string]func(any) (any, error){
		"ListApplications": func(in any) (any, error) {
			i := in.(*kda.ListApplicationsInput)
			start, _ := strconv.Atoi(aws.ToString(i.NextToken))
			out := &kda.ListApplicationsOutput{}
			for n := start; n < min(start+int(aws.ToInt32(i.Limit)), 5); n++ {
				name := fmt.Sprintf("flink%d", n)
				out.ApplicationSummaries = append(out.ApplicationSummaries, types.ApplicationSummary{ApplicationName: aws.String(name), ApplicationARN: kinesisanalyticsv2AppARN(name)})
			}
			if next := start + int(aws.ToInt32(i.Limit)); next < 5 {
				out.NextToken = aws.String(strconv.Itoa(next))
			}
			return out, nil
		},
		"DescribeApplication": func(in any) (any, error) {
			name := aws.ToString(in.(*kda.DescribeApplicationInput).ApplicationName)
			a := &types.ApplicationDetail{ApplicationName: aws.String(name), ApplicationARN: kinesisanalyticsv2AppARN(name), RuntimeEnvironment: types.RuntimeEnvironmentFlink120,
				ApplicationStatus: types.ApplicationStatusRunning, ApplicationVersionId: aws.Int64(3), CreateTimestamp: aws.Time(kinesisanalyticsv2Created),
				ServiceExecutionRole: aws.String("arn:aws:iam::" + account + ":role/flink"), ApplicationMode: types.ApplicationModeStreaming}
			if name == "flink0" {
				a.ApplicationConfigurationDescription = &types.ApplicationConfigurationDescription{
					VpcConfigurationDescriptions: []types.VpcConfigurationDescription{{VpcId: aws.String("vpc-1"), SubnetIds: []string{"subnet-1"}, SecurityGroupIds: []string{"sg-1"}}},
					FlinkApplicationConfigurationDescription: &types.FlinkApplicationConfigurationDescription{
						CheckpointConfigurationDescription: &types.CheckpointConfigurationDescription{CheckpointingEnabled: aws.Bool(true)}},
					ApplicationSnapshotConfigurationDescription:   &types.ApplicationSnapshotConfigurationDescription{SnapshotsEnabled: aws.Bool(true)},
					ApplicationEncryptionConfigurationDescription: &types.ApplicationEncryptionConfigurationDescription{KeyType: types.KeyTypeCustomerManagedKey, KeyId: aws.String("k-1")},
				}
				a.CloudWatchLoggingOptionDescriptions = []types.CloudWatchLoggingOptionDescription{
					{LogStreamARN: aws.String("arn:aws:logs:eu-west-1:" + account + ":log-group:/flink/clicks:log-stream:app")}}
			}
			return &kda.DescribeApplicationOutput{ApplicationDetail: a}, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			arn := aws.ToString(in.(*kda.ListTagsForResourceInput).ResourceARN)
			return &kda.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("app"), Value: aws.String(arn[strings.LastIndex(arn, "/")+1:])}}}, nil
		},
	}
}

func TestKinesisanalyticsv2Applications(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(kinesisanalyticsv2Answers())})
	got := kinesisanalyticsv2Paged.Run(t, cfg, collector.Service, "application", region)
	if got.Err != nil || len(got.Resources) != 5 {
		t.Fatalf("applications: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	f := got.ByID()["flink0"]
	if f.ARN != *kinesisanalyticsv2AppARN("flink0") || f.Tags["app"] != "flink0" || f.CreatedAt != "2026-05-01T08:00:00Z" {
		t.Errorf("flink0: %s %v %q", f.ARN, f.Tags, f.CreatedAt)
	}
	for k, v := range map[string]any{"runtime": "FLINK-1_20", "status": "RUNNING", "mode": "STREAMING", "version_id": int64(3), "vpc_id": "vpc-1",
		"cloudwatch_logging": true, "checkpointing": true, "snapshots": true, "encryption_key_type": "CUSTOMER_MANAGED_KEY"} {
		if f.Details[k] != v {
			t.Errorf("flink0 details[%s] = %v, want %v", k, f.Details[k], v)
		}
	}
	if d := got.ByID()["flink3"].Details; d["vpc_id"] != "" || d["cloudwatch_logging"] != false || d["checkpointing"] != false {
		t.Errorf("flink3: %v", d)
	}
	collecttest.HasEdges(t, got, "flink0 -assumes-role-> iam/role:flink", "flink0 -in-vpc-> ec2/vpc:vpc-1", "flink0 -in-subnet-> ec2/subnet:subnet-1",
		"flink0 -uses-security-group-> ec2/security-group:sg-1", "flink0 -logs-to-> logs/log-group:/flink/clicks", "flink0 -encrypted-with-> kms/key:k-1")
}

func TestKinesisanalyticsv2Denied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListApplications")})
	collecttest.AssertDenied(t, kinesisanalyticsv2Paged.Run(t, cfg, collector.Service, "application", region))
	denied := kinesisanalyticsv2Answers()
	denied["DescribeApplication"], denied["ListTagsForResource"] = collecttest.Denied("DescribeApplication"), collecttest.Denied("ListTagsForResource")
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(denied)})
	got := kinesisanalyticsv2Paged.Run(t, cfg, collector.Service, "application", region)
	if got.Err != nil || len(got.Resources) != 5 || len(got.Task.Warnings()) != 10 || len(got.ByID()["flink0"].Details) != 0 {
		t.Fatalf("want applications without details and two warnings each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
