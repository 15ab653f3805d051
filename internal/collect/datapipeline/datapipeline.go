// Package datapipeline collects AWS Data Pipeline pipelines.
package datapipeline

import (
	"context"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/datapipeline"
	"github.com/aws/aws-sdk-go-v2/service/datapipeline/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Data Pipeline collector.
var Service = &collect.Service{
	Name:        "datapipeline",
	Description: "AWS Data Pipeline pipelines",
	Types: []collect.Type{
		{Name: "pipeline", Description: "Data Pipeline pipeline (id = df-...): state, health, schedule",
			Fields: pipelineFields.Declared(), Tags: collect.TagsListed, Collect: pipelines, DetailCalls: 1},
	},
	Calls: "pipeline: ListPipelines + per page DescribePipelines (which returns the tags)",
}

// describeBatch is how many pipelines one DescribePipelines call takes.
const describeBatch = 25

// field is the string value of a pipeline's described field ("@pipelineState", ...).
func field(p types.PipelineDescription, key string) string {
	for _, f := range p.Fields {
		if aws.ToString(f.Key) == key {
			return aws.ToString(f.StringValue)
		}
	}
	return ""
}

// timeField is a described time field ("2026-01-02T03:04:05"), as stored.
func timeField(p types.PipelineDescription, key string) string {
	at, err := time.Parse("2006-01-02T15:04:05", field(p, key))
	if err != nil {
		return ""
	}
	return model.Time(&at)
}

var pipelineFields = collect.Fields[types.PipelineDescription]{
	collect.Text("description", "pipeline description", func(p types.PipelineDescription) *string { return p.Description }),
	collect.Computed("state", model.Text, "PENDING, SCHEDULED, FINISHED, PAUSED, INACTIVE, ...", func(p types.PipelineDescription) any { return field(p, "@pipelineState") }),
	collect.Computed("health", model.Text, "HEALTHY or ERROR: the latest run's outcome", func(p types.PipelineDescription) any { return field(p, "@healthStatus") }),
	collect.Computed("schedule_type", model.Text, "cron, timeseries or ondemand", func(p types.PipelineDescription) any { return field(p, "scheduleType") }),
	collect.Computed("last_run", model.Timestamp, "when the latest run completed", func(p types.PipelineDescription) any { return timeField(p, "@latestRunTime") }),
}

func pipelines(ctx context.Context, t *collect.Task) error {
	api := datapipeline.NewFromConfig(t.Config)
	// ListPipelines has no page size: AWS returns up to 100 per page.
	p := datapipeline.NewListPipelinesPaginator(api, &datapipeline.ListPipelinesInput{})
	return collect.EachPage(ctx, p, func(page *datapipeline.ListPipelinesOutput) error {
		ids := make([]string, 0, len(page.PipelineIdList))
		for _, p := range page.PipelineIdList {
			ids = append(ids, aws.ToString(p.Id))
		}
		collect.ForEach(ctx, slices.Collect(slices.Chunk(ids, describeBatch)), func(ctx context.Context, batch []string) {
			out, err := api.DescribePipelines(ctx, &datapipeline.DescribePipelinesInput{PipelineIds: batch})
			if err != nil {
				// The pipelines are known by id and name only: emit them so.
				t.Warn("DescribePipelines", err)
				for _, p := range page.PipelineIdList {
					if slices.Contains(batch, aws.ToString(p.Id)) {
						t.Emit(&model.Resource{Key: t.Key("pipeline", aws.ToString(p.Id)), Name: aws.ToString(p.Name), ARN: arn(t, aws.ToString(p.Id))})
					}
				}
				return
			}
			for _, d := range out.PipelineDescriptionList {
				id := aws.ToString(d.PipelineId)
				t.Emit(&model.Resource{Key: t.Key("pipeline", id), Name: aws.ToString(d.Name), ARN: arn(t, id), CreatedAt: timeField(d, "@creationTime"),
					Details: pipelineFields.Details(d), Tags: collect.TagMap(d.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })})
			}
		})
		return nil
	})
}

func arn(t *collect.Task, id string) string {
	return collect.ARN(t, "datapipeline", "", "pipeline/"+id)
}
