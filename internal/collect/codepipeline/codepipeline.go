// Package codepipeline collects CodePipeline pipelines with what they
// build, deploy and store, and the webhooks that start them.
package codepipeline

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codepipeline"
	"github.com/aws/aws-sdk-go-v2/service/codepipeline/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the CodePipeline collector.
var Service = &collect.Service{
	Name:        "codepipeline",
	Description: "CodePipeline pipelines and webhooks",
	Types: []collect.Type{
		{Name: "pipeline", Description: "pipeline (id = name), with its artifact store, stages and action providers; action settings are not stored",
			Fields: pipelineFields.Declared(), Tags: collect.TagsPerResource, Collect: pipelines, DetailCalls: 2},
		{Name: "webhook", Description: "webhook that starts a pipeline on a source provider's events (id = name); its URL and secret are not stored",
			Fields: webhookFields.Declared(), Tags: collect.TagsListed, Collect: webhooks},
	},
	Calls: "pipeline: ListPipelines + per pipeline GetPipeline, ListTagsForResource. webhook: ListWebhooks (tags included)",
	Relations: []collect.Relation{
		{From: "pipeline", Kind: "assumes-role", To: "iam/role"},
		{From: "pipeline", Kind: "stores-artifacts-in", To: "s3/bucket"},
		{From: "pipeline", Kind: "encrypted-with", To: "kms/key"},
		{From: "pipeline", Kind: "builds-with", To: "codebuild/project"},
		{From: "pipeline", Kind: "sources-from", To: "codecommit/repository"},
		{From: "pipeline", Kind: "deploys-with", To: "codedeploy/application"},
		{From: "webhook", Kind: "triggers", To: "codepipeline/pipeline"},
	},
}

// pipeline is a listed pipeline with its declaration (nil when GetPipeline
// failed: the fields it gives are then left out).
type pipeline struct {
	types.PipelineSummary
	decl *types.PipelineDeclaration
}

func store(d *types.PipelineDeclaration) types.ArtifactStore {
	if d.ArtifactStore != nil {
		return *d.ArtifactStore
	}
	for _, s := range d.ArtifactStores { // cross-region pipelines: one store per region
		return s
	}
	return types.ArtifactStore{}
}

func storeKey(d *types.PipelineDeclaration) string {
	if k := store(d).EncryptionKey; k != nil {
		return aws.ToString(k.Id)
	}
	return ""
}

func hasDeclaration(p pipeline) bool { return p.decl != nil }

// actions are every action of a pipeline, in stage order.
func actions(d *types.PipelineDeclaration) []types.ActionDeclaration {
	var out []types.ActionDeclaration
	for _, s := range d.Stages {
		out = append(out, s.Actions...)
	}
	return out
}

var pipelineFields = collect.Fields[pipeline]{
	collect.Enum("pipeline_type", "V1 or V2", func(p pipeline) types.PipelineType { return p.PipelineType }),
	collect.Enum("execution_mode", "QUEUED, SUPERSEDED or PARALLEL", func(p pipeline) types.ExecutionMode { return p.ExecutionMode }),
	collect.Int("version", "version of the pipeline structure", func(p pipeline) *int32 { return p.Version }),
	collect.Timestamp("updated", "last change of the pipeline", func(p pipeline) *time.Time { return p.Updated }),
	collect.When(hasDeclaration, collect.Text("role_arn", "role the pipeline runs with", func(p pipeline) *string { return p.decl.RoleArn })),
	collect.When(hasDeclaration, collect.Text("artifact_bucket", "S3 bucket of the artifact store", func(p pipeline) *string { return store(p.decl).Location })),
	collect.When(hasDeclaration, collect.Computed("artifact_kms_key", model.Text, "KMS key encrypting artifacts; empty: the AWS managed key", func(p pipeline) any {
		return storeKey(p.decl)
	})),
	collect.When(hasDeclaration, collect.Computed("stage_count", model.Integer, "number of stages", func(p pipeline) any { return int64(len(p.decl.Stages)) })),
	collect.When(hasDeclaration, collect.Computed("action_providers", model.JSON, "CATEGORY:PROVIDER of each action, in order, e.g. Source:CodeStarSourceConnection",
		func(p pipeline) any {
			out := []string{}
			for _, a := range actions(p.decl) {
				if id := a.ActionTypeId; id != nil {
					out = append(out, string(id.Category)+":"+aws.ToString(id.Provider))
				}
			}
			return out
		})),
}

// actionLinks are the relations an action provider's configuration names:
// provider -> (configuration key, kind, target service/type).
var actionLinks = map[string]struct{ key, kind, service, typ string }{
	"CodeBuild":  {"ProjectName", "builds-with", "codebuild", "project"},
	"CodeCommit": {"RepositoryName", "sources-from", "codecommit", "repository"},
	"CodeDeploy": {"ApplicationName", "deploys-with", "codedeploy", "application"},
}

func pipelines(ctx context.Context, t *collect.Task) error {
	api := codepipeline.NewFromConfig(t.Config)
	p := codepipeline.NewListPipelinesPaginator(api, &codepipeline.ListPipelinesInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *codepipeline.ListPipelinesOutput) []types.PipelineSummary { return page.Pipelines },
		func(ctx context.Context, s types.PipelineSummary) {
			name := aws.ToString(s.Name)
			key := t.Key("pipeline", name)
			pl := pipeline{PipelineSummary: s}
			arn := collect.ARN(t, "codepipeline", "", name)
			out, err := api.GetPipeline(ctx, &codepipeline.GetPipelineInput{Name: s.Name})
			t.Warn("GetPipeline", err)
			if err == nil {
				pl.decl = out.Pipeline
				if out.Metadata != nil && out.Metadata.PipelineArn != nil {
					arn = *out.Metadata.PipelineArn
				}
			}
			r := &model.Resource{Key: key, Name: name, ARN: arn, CreatedAt: model.Time(s.Created), Tags: map[string]string{}, Details: pipelineFields.Details(pl)}
			tp := codepipeline.NewListTagsForResourcePaginator(api, &codepipeline.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
			t.Warn("ListTagsForResource", collect.EachPage(ctx, tp, func(page *codepipeline.ListTagsForResourceOutput) error {
				for _, tg := range page.Tags {
					r.Tags[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
				}
				return nil
			}))
			t.Emit(r)
			if d := pl.decl; d != nil {
				relate(t, key, d)
			}
		})
}

func relate(t *collect.Task, key model.Key, d *types.PipelineDeclaration) {
	if role := aws.ToString(d.RoleArn); role != "" {
		t.Relate(key, "assumes-role", t.Role(role))
	}
	t.RelateByName(key, "stores-artifacts-in", "s3", "bucket", aws.ToString(store(d).Location), t.Region)
	t.Relate(key, "encrypted-with", t.KMSKey(storeKey(d)))
	for _, a := range actions(d) {
		if a.ActionTypeId == nil {
			continue
		}
		link, ok := actionLinks[aws.ToString(a.ActionTypeId.Provider)]
		if !ok || a.Configuration[link.key] == "" {
			continue
		}
		target := t.Ref(link.service, link.typ, a.Configuration[link.key])
		if region := aws.ToString(a.Region); region != "" {
			target.Region = region
		}
		t.Relate(key, link.kind, target)
	}
}
