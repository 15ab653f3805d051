// Package fis collects AWS Fault Injection Service experiment templates.
package fis

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/fis"
	"github.com/aws/aws-sdk-go-v2/service/fis/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the FIS collector.
var Service = &collect.Service{
	Name:        "fis",
	Description: "Fault Injection Service experiment templates",
	Types: []collect.Type{
		{Name: "experiment-template", Description: "FIS experiment template (id = template id): the faults it injects, its stop conditions and logging",
			Fields: templateFields.Declared(), Tags: collect.TagsListed, Collect: templates, DetailCalls: 1},
	},
	Calls: "experiment-template: ListExperimentTemplates + per template GetExperimentTemplate",
	Relations: []collect.Relation{
		{From: "experiment-template", Kind: "assumes-role", To: "iam/role"},
		{From: "experiment-template", Kind: "logs-to", To: "logs/log-group"},
		{From: "experiment-template", Kind: "logs-to", To: "s3/bucket"},
	},
}

func logging(x *types.ExperimentTemplate) types.ExperimentTemplateLogConfiguration {
	if x.LogConfiguration == nil {
		return types.ExperimentTemplateLogConfiguration{}
	}
	return *x.LogConfiguration
}

func logGroup(x *types.ExperimentTemplate) string {
	if c := logging(x).CloudWatchLogsConfiguration; c != nil {
		return collect.LogGroupName(aws.ToString(c.LogGroupArn))
	}
	return ""
}

func logBucket(x *types.ExperimentTemplate) string {
	if c := logging(x).S3Configuration; c != nil {
		return aws.ToString(c.BucketName)
	}
	return ""
}

var templateFields = collect.Fields[*types.ExperimentTemplate]{
	collect.Text("description", "template description", func(x *types.ExperimentTemplate) *string { return x.Description }),
	collect.Text("role_arn", "IAM role the experiment acts with", func(x *types.ExperimentTemplate) *string { return x.RoleArn }),
	collect.Computed("action_count", model.Integer, "fault actions the experiment runs", func(x *types.ExperimentTemplate) any { return int64(len(x.Actions)) }),
	collect.Computed("target_count", model.Integer, "target sets the actions hit", func(x *types.ExperimentTemplate) any { return int64(len(x.Targets)) }),
	collect.Computed("stop_alarms", model.Integer, "CloudWatch alarms that stop the experiment; 0: nothing stops it but its own end", func(x *types.ExperimentTemplate) any {
		n := int64(0)
		for _, s := range x.StopConditions {
			if aws.ToString(s.Source) == "aws:cloudwatch:alarm" {
				n++
			}
		}
		return n
	}),
	collect.Computed("log_group", model.Text, "CloudWatch Logs log group of the experiment log", func(x *types.ExperimentTemplate) any { return logGroup(x) }),
	collect.Computed("log_bucket", model.Text, "S3 bucket of the experiment log", func(x *types.ExperimentTemplate) any { return logBucket(x) }),
	collect.Timestamp("last_updated", "last change", func(x *types.ExperimentTemplate) *time.Time { return x.LastUpdateTime }),
}

func templates(ctx context.Context, t *collect.Task) error {
	api := fis.NewFromConfig(t.Config)
	p := fis.NewListExperimentTemplatesPaginator(api, &fis.ListExperimentTemplatesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *fis.ListExperimentTemplatesOutput) []types.ExperimentTemplateSummary {
		return page.ExperimentTemplates
	},
		func(ctx context.Context, s types.ExperimentTemplateSummary) {
			id := aws.ToString(s.Id)
			key := t.Key("experiment-template", id)
			name := s.Tags["Name"]
			if name == "" {
				name = aws.ToString(s.Description)
			}
			r := &model.Resource{Key: key, Name: name, ARN: aws.ToString(s.Arn), CreatedAt: model.Time(s.CreationTime), Tags: s.Tags}
			if out, err := api.GetExperimentTemplate(ctx, &fis.GetExperimentTemplateInput{Id: s.Id}); err != nil {
				t.Warn("GetExperimentTemplate", err)
			} else if x := out.ExperimentTemplate; x != nil {
				r.Details = templateFields.Details(x)
				t.Relate(key, "assumes-role", t.Role(aws.ToString(x.RoleArn)))
				t.Relate(key, "logs-to", t.Ref("logs", "log-group", logGroup(x)))
				t.RelateByName(key, "logs-to", "s3", "bucket", logBucket(x), t.Region)
			}
			t.Emit(r)
		})
}
