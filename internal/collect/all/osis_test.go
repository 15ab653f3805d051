package all_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/osis"
	"github.com/aws/aws-sdk-go-v2/service/osis/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/osis"
)

var osisPaged = collecttest.Paged{Cap: 2}

const (
	// body has a basic-auth password the collector must not store.
	body = "source:\n  http:\n    authentication:\n      http_basic:\n        password: s3cret-pass\n"
)

var (
	osisCreated = time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
)

// canned answers OpenSearch Ingestion: moto sends its dates as strings
// the SDK cannot read. Three pipelines over two pages: private (in a VPC,
// logged, KMS-encrypted, buffered) and two public ones.
var osisCanned = map[string]func(any) (any, error){
	"ListPipelines": func(in any) (any, error) {
		var all []types.PipelineSummary
		for i, name := range []string{"private", "public", "spare"} {
			all = append(all, types.PipelineSummary{PipelineName: aws.String(name), PipelineArn: aws.String("arn:aws:osis:" + region + ":" + account + ":pipeline/" + name),
				Status: types.PipelineStatusActive, MinUnits: aws.Int32(1), MaxUnits: aws.Int32(int32(4 * (i + 1))), CreatedAt: &osisCreated, LastUpdatedAt: &osisCreated,
				Destinations: []types.PipelineDestination{{ServiceName: aws.String("OpenSearch"), Endpoint: aws.String("https://search-logs.eu-west-1.es.amazonaws.com")}},
				Tags:         []types.Tag{{Key: aws.String("pipeline"), Value: aws.String(name)}}})
		}
		page, next := collecttest.Page(all, in.(*osis.ListPipelinesInput).NextToken, 2)
		return &osis.ListPipelinesOutput{Pipelines: page, NextToken: next}, nil
	},
	"GetPipeline": func(in any) (any, error) {
		name := aws.ToString(in.(*osis.GetPipelineInput).PipelineName)
		p := &types.Pipeline{PipelineName: aws.String(name), PipelineConfigurationBody: aws.String(body),
			IngestEndpointUrls: []string{name + "-abc.eu-west-1.osis.amazonaws.com"}}
		if name == "private" {
			p.PipelineRoleArn = aws.String("arn:aws:iam::" + account + ":role/osis")
			p.VpcEndpoints = []types.VpcEndpoint{{VpcEndpointId: aws.String("vpce-1"), VpcId: aws.String("vpc-1"),
				VpcOptions: &types.VpcOptions{SubnetIds: []string{"subnet-1", "subnet-2"}, SecurityGroupIds: []string{"sg-1"}}}}
			p.LogPublishingOptions = &types.LogPublishingOptions{IsLoggingEnabled: aws.Bool(true),
				CloudWatchLogDestination: &types.CloudWatchLogDestination{LogGroup: aws.String("/aws/vendedlogs/osis")}}
			p.EncryptionAtRestOptions = &types.EncryptionAtRestOptions{KmsKeyArn: aws.String(key)}
			p.BufferOptions = &types.BufferOptions{PersistentBufferEnabled: aws.Bool(true)}
		}
		return &osis.GetPipelineOutput{Pipeline: p}, nil
	},
}

func TestOsisPipelines(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(osisCanned)})
	got := osisPaged.Run(t, cfg, collector.Service, "pipeline", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("pipelines: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	for _, r := range got.Resources {
		if s := fmt.Sprint(r.Details); strings.Contains(s, "s3cret-pass") {
			t.Fatalf("%s stores the configuration body: %s", r.ID, s)
		}
	}
	p, pub := got.ByID()["private"], got.ByID()["public"]
	if p == nil || p.ARN != "arn:aws:osis:"+region+":"+account+":pipeline/private" || p.Tags["pipeline"] != "private" || p.CreatedAt != "2026-01-05T00:00:00Z" ||
		p.Details["status"] != "ACTIVE" || p.Details["public"] != false || p.Details["vpc_id"] != "vpc-1" || p.Details["logging_enabled"] != true ||
		p.Details["log_group"] != "/aws/vendedlogs/osis" || p.Details["kms_key_arn"] != key || p.Details["persistent_buffer"] != true ||
		p.Details["max_units"] != int64(4) || p.Details["min_units"] != int64(1) || p.Details["role_arn"] != "arn:aws:iam::"+account+":role/osis" ||
		fmt.Sprint(p.Details["destinations"]) != "[map[endpoint:https://search-logs.eu-west-1.es.amazonaws.com service:OpenSearch]]" {
		t.Fatalf("private: %+v", p)
	}
	if pub == nil || pub.Details["public"] != true || pub.Details["vpc_id"] != "" || pub.Details["logging_enabled"] != false || pub.Details["kms_key_arn"] != "" ||
		fmt.Sprint(pub.Details["ingest_endpoint_urls"]) != "[public-abc.eu-west-1.osis.amazonaws.com]" {
		t.Fatalf("public: %+v", pub)
	}
	collecttest.HasEdges(t, got, "private -in-vpc-> ec2/vpc:vpc-1", "private -in-subnet-> ec2/subnet:subnet-2",
		"private -uses-security-group-> ec2/security-group:sg-1", "private -logs-to-> logs/log-group:/aws/vendedlogs/osis",
		"private -encrypted-with-> kms/key:1234abcd-12ab-34cd-56ef-1234567890ab", "private -assumes-role-> iam/role:osis")
	if len(got.Relationships) != 7 {
		t.Errorf("only private relates: %v", got.Edges())
	}

	// A failed GetPipeline leaves what only it says unknown.
	broken := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListPipelines": osisCanned["ListPipelines"], "GetPipeline": collecttest.Denied("GetPipeline")})})
	got = osisPaged.Run(t, broken, collector.Service, "pipeline", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want every pipeline, each with a warning: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if _, known := got.ByID()["public"].Details["public"]; known || got.ByID()["public"].Details["max_units"] != int64(8) {
		t.Errorf("public: %v", got.ByID()["public"].Details)
	}

	denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListPipelines": collecttest.Denied("ListPipelines")})})
	collecttest.AssertDenied(t, osisPaged.Run(t, denied, collector.Service, "pipeline", region))
}
