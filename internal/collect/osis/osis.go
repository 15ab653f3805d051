// Package osis collects OpenSearch Ingestion pipelines. The pipeline
// configuration body is never stored: sources may hold credentials in it.
package osis

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/osis"
	"github.com/aws/aws-sdk-go-v2/service/osis/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the OpenSearch Ingestion collector.
var Service = &collect.Service{
	Name:        "osis",
	Description: "OpenSearch Ingestion pipelines",
	Types: []collect.Type{
		{Name: "pipeline", Description: "OpenSearch Ingestion pipeline (id = name): capacity, destinations, network exposure, logging, encryption; " +
			"the configuration body is never stored", Fields: pipelineFields.Declared(), Tags: collect.TagsListed, Collect: pipelines, DetailCalls: 1},
	},
	Calls: "pipeline: ListPipelines (tags included) + per pipeline GetPipeline",
	Relations: []collect.Relation{
		{From: "pipeline", Kind: "assumes-role", To: "iam/role"},
		{From: "pipeline", Kind: "encrypted-with", To: "kms/key"},
		{From: "pipeline", Kind: "logs-to", To: "logs/log-group"},
		{From: "pipeline", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "pipeline", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "pipeline", Kind: "uses-security-group", To: "ec2/security-group"},
	},
}

// pipeline is a listed pipeline with its GetPipeline answer (nil when that failed).
type pipeline struct {
	types.PipelineSummary
	detail *types.Pipeline
}

func hasDetail(p pipeline) bool { return p.detail != nil }

// vpcOptions are the options of the pipeline's VPC endpoint, nil for a
// public pipeline (or when unknown).
func (p pipeline) vpcOptions() *types.VpcOptions {
	if p.detail == nil || len(p.detail.VpcEndpoints) == 0 {
		return nil
	}
	return p.detail.VpcEndpoints[0].VpcOptions
}

var pipelineFields = collect.Fields[pipeline]{
	collect.Enum("status", "CREATING, ACTIVE, UPDATING, DELETING, CREATE_FAILED, UPDATE_FAILED, STARTING, START_FAILED, STOPPING or STOPPED",
		func(p pipeline) types.PipelineStatus { return p.Status }),
	collect.Int("min_units", "minimum Ingestion OCUs", func(p pipeline) *int32 { return p.MinUnits }),
	collect.Int("max_units", "maximum Ingestion OCUs", func(p pipeline) *int32 { return p.MaxUnits }),
	collect.Computed("destinations", model.JSON, "where the pipeline writes: service and endpoint", func(p pipeline) any {
		out := []map[string]string{}
		for _, d := range p.Destinations {
			out = append(out, map[string]string{"service": aws.ToString(d.ServiceName), "endpoint": aws.ToString(d.Endpoint)})
		}
		return out
	}),
	collect.When(hasDetail, collect.Computed("public", model.Boolean, "ingestion endpoint reachable from the internet (no VPC endpoint)", func(p pipeline) any {
		return len(p.detail.VpcEndpoints) == 0
	})),
	collect.When(hasDetail, collect.Computed("ingest_endpoint_urls", model.JSON, "URLs sources send data to", func(p pipeline) any {
		return append([]string{}, p.detail.IngestEndpointUrls...)
	})),
	collect.When(hasDetail, collect.Text("vpc_id", "VPC of the pipeline's endpoint; empty for a public pipeline", func(p pipeline) *string {
		if len(p.detail.VpcEndpoints) == 0 {
			return nil
		}
		return p.detail.VpcEndpoints[0].VpcId
	})),
	collect.When(hasDetail, collect.Computed("logging_enabled", model.Boolean, "pipeline logs are published to CloudWatch Logs", func(p pipeline) any {
		return p.detail.LogPublishingOptions != nil && aws.ToBool(p.detail.LogPublishingOptions.IsLoggingEnabled)
	})),
	collect.When(hasDetail, collect.Text("log_group", "CloudWatch Logs log group of the pipeline logs", func(p pipeline) *string {
		if o := p.detail.LogPublishingOptions; o != nil && o.CloudWatchLogDestination != nil {
			return o.CloudWatchLogDestination.LogGroup
		}
		return nil
	})),
	collect.When(hasDetail, collect.Text("kms_key_arn", "customer managed key encrypting buffered data; empty: an AWS owned key", func(p pipeline) *string {
		if p.detail.EncryptionAtRestOptions == nil {
			return nil
		}
		return p.detail.EncryptionAtRestOptions.KmsKeyArn
	})),
	collect.When(hasDetail, collect.Computed("persistent_buffer", model.Boolean, "data is buffered on disk across AZs", func(p pipeline) any {
		return p.detail.BufferOptions != nil && aws.ToBool(p.detail.BufferOptions.PersistentBufferEnabled)
	})),
	collect.When(hasDetail, collect.Text("role_arn", "role the pipeline reads and writes with", func(p pipeline) *string { return p.detail.PipelineRoleArn })),
	collect.Timestamp("updated_at", "last change", func(p pipeline) *time.Time { return p.LastUpdatedAt }),
}

func pipelinesOf(page *osis.ListPipelinesOutput) []types.PipelineSummary { return page.Pipelines }

func pipelines(ctx context.Context, t *collect.Task) error {
	api := osis.NewFromConfig(t.Config)
	pages := osis.NewListPipelinesPaginator(api, &osis.ListPipelinesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, pages, pipelinesOf, func(ctx context.Context, s types.PipelineSummary) {
		p := pipeline{PipelineSummary: s}
		out, err := api.GetPipeline(ctx, &osis.GetPipelineInput{PipelineName: s.PipelineName})
		t.Warn("GetPipeline", err)
		if err == nil {
			p.detail = out.Pipeline
		}
		name := aws.ToString(s.PipelineName)
		key := t.Key("pipeline", name)
		t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(s.PipelineArn), CreatedAt: model.Time(s.CreatedAt),
			Tags: collect.TagMap(s.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value }), Details: pipelineFields.Details(p)})
		if p.detail == nil {
			return
		}
		d := p.detail
		if role := aws.ToString(d.PipelineRoleArn); role != "" {
			t.Relate(key, "assumes-role", t.Role(role))
		}
		if d.EncryptionAtRestOptions != nil {
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(d.EncryptionAtRestOptions.KmsKeyArn)))
		}
		if d.LogPublishingOptions != nil && d.LogPublishingOptions.CloudWatchLogDestination != nil {
			t.Relate(key, "logs-to", t.Ref("logs", "log-group", aws.ToString(d.LogPublishingOptions.CloudWatchLogDestination.LogGroup)))
		}
		for _, e := range d.VpcEndpoints {
			t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(e.VpcId)))
		}
		if o := p.vpcOptions(); o != nil {
			for _, s := range o.SubnetIds {
				t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
			}
			for _, g := range o.SecurityGroupIds {
				t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", g))
			}
		}
	})
}
