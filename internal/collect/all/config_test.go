package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/config"
)

var configPaged = collecttest.Paged{Cap: 2}

var configRole = "arn:aws:iam::" + collecttest.MotoAccount + ":role/config-recorder"

// recording sets up a recorder (started when start) and a delivery channel.
func recording(t *testing.T, start bool) {
	t.Helper()
	ctx := context.Background()
	api := configservice.NewFromConfig(collecttest.Config(t, region, nil))
	if _, err := api.PutConfigurationRecorder(ctx, &configservice.PutConfigurationRecorderInput{ConfigurationRecorder: &types.ConfigurationRecorder{
		Name: aws.String("default"), RoleARN: aws.String(configRole),
		RecordingGroup: &types.RecordingGroup{AllSupported: true, IncludeGlobalResourceTypes: true}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.PutDeliveryChannel(ctx, &configservice.PutDeliveryChannelInput{DeliveryChannel: &types.DeliveryChannel{
		Name: aws.String("default"), S3BucketName: aws.String("config-bucket"), S3KeyPrefix: aws.String("cfg"),
		SnsTopicARN:                      aws.String("arn:aws:sns:" + region + ":" + collecttest.MotoAccount + ":config-topic"),
		ConfigSnapshotDeliveryProperties: &types.ConfigSnapshotDeliveryProperties{DeliveryFrequency: types.MaximumExecutionFrequencySixHours}}}); err != nil {
		t.Fatal(err)
	}
	if start {
		if _, err := api.StartConfigurationRecorder(ctx, &configservice.StartConfigurationRecorderInput{ConfigurationRecorderName: aws.String("default")}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestConfigRecordersAndChannels(t *testing.T) {
	for _, start := range []bool{true, false} {
		t.Run(fmt.Sprint("recording=", start), func(t *testing.T) {
			collecttest.Setup(t)
			recording(t, start)
			cfg := collecttest.Config(t, region, nil)
			got := configPaged.Run(t, cfg, collector.Service, "configuration-recorder", region)
			if got.Err != nil {
				t.Fatal(got.Err)
			}
			collecttest.AssertNoWarnings(t, got)
			r := got.ByID()["default"]
			if r == nil {
				t.Fatalf("no recorder in %v", got.Resources)
			}
			want := map[string]any{"recording": start, "all_supported": true, "records_iam": true, "role_arn": configRole}
			for k, v := range want {
				if r.Details[k] != v {
					t.Errorf("details[%s] = %v, want %v", k, r.Details[k], v)
				}
			}
			collecttest.HasEdges(t, got, "default -assumes-role-> iam/role:config-recorder")

			got = configPaged.Run(t, cfg, collector.Service, "delivery-channel", region)
			c := got.ByID()["default"]
			if got.Err != nil || c == nil || c.Details["s3_bucket_name"] != "config-bucket" || c.Details["delivery_frequency"] != "Six_Hours" {
				t.Fatalf("channel: %v %+v", got.Err, c)
			}
			collecttest.HasEdges(t, got, "default -delivers-to-> s3/bucket:config-bucket", "default -notifies-> sns/topic:config-topic")
		})
	}
}

func TestConfigRecorderNotEnabled(t *testing.T) {
	collecttest.Setup(t)
	got := configPaged.Run(t, collecttest.Config(t, region, nil), collector.Service, "configuration-recorder", region)
	if awsx.Classify(got.Err) != awsx.Unsupported || awsx.ErrorCode(got.Err) != "NotEnabled" ||
		awsx.ErrorMessage(got.Err) != "AWS Config is not enabled in eu-west-1" {
		t.Errorf("want unsupported NotEnabled, got %v", got.Err)
	}
}

func TestConfigRulesAndAggregators(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := configservice.NewFromConfig(cfg)
	for i := range 3 {
		_, err := api.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &types.ConfigRule{
			ConfigRuleName: aws.String(fmt.Sprintf("rule-%d", i)), Description: aws.String("versioning"),
			Source: &types.Source{Owner: types.OwnerAws, SourceIdentifier: aws.String("S3_BUCKET_VERSIONING_ENABLED")}},
			Tags: []types.Tag{{Key: aws.String("Team"), Value: aws.String("sec")}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	got := configPaged.Run(t, cfg, collector.Service, "config-rule", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	r := got.ByID()["rule-1"]
	if len(got.Resources) != 3 || r == nil || r.Details["owner"] != "AWS" || r.Details["state"] != "ACTIVE" ||
		r.Details["source_identifier"] != "S3_BUCKET_VERSIONING_ENABLED" || r.Tags["Team"] != "sec" || r.ARN == "" {
		t.Errorf("rules: %d, %+v", len(got.Resources), r)
	}

	if _, err := api.PutConfigurationAggregator(ctx, &configservice.PutConfigurationAggregatorInput{ConfigurationAggregatorName: aws.String("org"),
		OrganizationAggregationSource: &types.OrganizationAggregationSource{RoleArn: aws.String(configRole), AllAwsRegions: true},
		Tags:                          []types.Tag{{Key: aws.String("Team"), Value: aws.String("sec")}}}); err != nil {
		t.Fatal(err)
	}
	got = configPaged.Run(t, cfg, collector.Service, "aggregator", region)
	a := got.ByID()["org"]
	if got.Err != nil || a == nil || a.Details["organization"] != true || a.Details["all_regions"] != true || a.Tags["Team"] != "sec" || a.CreatedAt == "" {
		t.Fatalf("aggregator: %v %+v", got.Err, a)
	}
	collecttest.HasEdges(t, got, "org -assumes-role-> iam/role:config-recorder")
}

// moto 5.2.1 does not serve DescribeConformancePacks: canned, with tags.
func TestConfigConformancePacks(t *testing.T) {
	collecttest.Setup(t)
	arn := "arn:aws:config:" + region + ":" + collecttest.MotoAccount + ":conformance-pack/ops/conformance-pack-abc"
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeConformancePacks": func(any) (any, error) {
			return &configservice.DescribeConformancePacksOutput{ConformancePackDetails: []types.ConformancePackDetail{{
				ConformancePackName: aws.String("ops"), ConformancePackArn: aws.String(arn), ConformancePackId: aws.String("conformance-pack-abc"),
				DeliveryS3Bucket: aws.String("packs")}}}, nil
		},
		"ListTagsForResource": func(any) (any, error) {
			return &configservice.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("Team"), Value: aws.String("ops")}}}, nil
		},
	})})
	got := configPaged.Run(t, cfg, collector.Service, "conformance-pack", region)
	p := got.ByID()["ops"]
	if got.Err != nil || p == nil || p.ARN != arn || p.Details["delivery_s3_bucket"] != "packs" || p.Tags["Team"] != "ops" {
		t.Fatalf("pack: %v %+v", got.Err, p)
	}
}

func TestConfigDenied(t *testing.T) {
	collecttest.Setup(t)
	recording(t, true)
	for typ, op := range map[string]string{"configuration-recorder": "DescribeConfigurationRecorders", "delivery-channel": "DescribeDeliveryChannels",
		"config-rule": "DescribeConfigRules", "conformance-pack": "DescribeConformancePacks", "aggregator": "DescribeConfigurationAggregators"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, configPaged.Run(t, cfg, collector.Service, typ, region))
	}
	// A denied status leaves the recorder, its recording state unknown.
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeConfigurationRecorderStatus")})
	got := configPaged.Run(t, cfg, collector.Service, "configuration-recorder", region)
	if _, known := got.ByID()["default"].Details["recording"]; got.Err != nil || known || len(got.Task.Warnings()) != 1 {
		t.Errorf("want the recorder, recording unknown and a warning: %v %v", got.Err, got.Resources)
	}
}
