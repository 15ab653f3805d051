package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codepipeline"
	"github.com/aws/aws-sdk-go-v2/service/codepipeline/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/codepipeline"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

func action(category types.ActionCategory, owner types.ActionOwner, provider string, config map[string]string, in, out string) types.ActionDeclaration {
	a := types.ActionDeclaration{Name: aws.String(provider), ActionTypeId: &types.ActionTypeId{Category: category, Owner: owner, Provider: aws.String(provider), Version: aws.String("1")},
		Configuration: config}
	if in != "" {
		a.InputArtifacts = []types.InputArtifact{{Name: aws.String(in)}}
	}
	if out != "" {
		a.OutputArtifacts = []types.OutputArtifact{{Name: aws.String(out)}}
	}
	return a
}

var codepipelineCreated = time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)

// declaration is a source-build-deploy pipeline storing artifacts in a
// KMS-encrypted bucket.
func declaration(name string) *types.PipelineDeclaration {
	return &types.PipelineDeclaration{Name: aws.String(name), RoleArn: aws.String("arn:aws:iam::" + account + ":role/pipeline-role"), Version: aws.Int32(1),
		ArtifactStore: &types.ArtifactStore{Type: types.ArtifactStoreTypeS3, Location: aws.String("pipeline-artifacts"),
			EncryptionKey: &types.EncryptionKey{Type: types.EncryptionKeyTypeKms, Id: aws.String("arn:aws:kms:" + region + ":" + account + ":key/k-1")}},
		Stages: []types.StageDeclaration{
			{Name: aws.String("Source"), Actions: []types.ActionDeclaration{action(types.ActionCategorySource, types.ActionOwnerAws, "CodeCommit",
				map[string]string{"RepositoryName": "shop", "BranchName": "main"}, "", "src")}},
			{Name: aws.String("Build"), Actions: []types.ActionDeclaration{action(types.ActionCategoryBuild, types.ActionOwnerAws, "CodeBuild",
				map[string]string{"ProjectName": "shop-build"}, "src", "out")}},
			{Name: aws.String("Deploy"), Actions: []types.ActionDeclaration{action(types.ActionCategoryDeploy, types.ActionOwnerAws, "CodeDeploy",
				map[string]string{"ApplicationName": "shop", "DeploymentGroupName": "prod"}, "out", "")}},
		}}
}

// canned answers CodePipeline (moto writes times as strings the SDK cannot
// read): six pipelines over two pages, each tagged with its ARN.
var codepipelineCanned = map[string]func(any) (any, error){
	"ListPipelines": func(in any) (any, error) {
		var all []types.PipelineSummary
		for i := range 6 {
			all = append(all, types.PipelineSummary{Name: aws.String(fmt.Sprint("release", i)), Created: &codepipelineCreated, Version: aws.Int32(1),
				PipelineType: types.PipelineTypeV2, ExecutionMode: types.ExecutionModeQueued})
		}
		page, next := collecttest.Page(all, in.(*codepipeline.ListPipelinesInput).NextToken, 4)
		return &codepipeline.ListPipelinesOutput{Pipelines: page, NextToken: next}, nil
	},
	"GetPipeline": func(in any) (any, error) {
		name := aws.ToString(in.(*codepipeline.GetPipelineInput).Name)
		return &codepipeline.GetPipelineOutput{Pipeline: declaration(name),
			Metadata: &types.PipelineMetadata{PipelineArn: aws.String("arn:aws:codepipeline:" + region + ":" + account + ":" + name)}}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &codepipeline.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: in.(*codepipeline.ListTagsForResourceInput).ResourceArn}}}, nil
	},
}

func TestCodepipelinePipelines(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(codepipelineCanned)})
	got := collecttest.Run(t, cfg, collector.Service, "pipeline", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("pipelines: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	p := got.ByID()["release3"]
	want := map[string]any{"artifact_bucket": "pipeline-artifacts", "artifact_kms_key": "arn:aws:kms:" + region + ":" + account + ":key/k-1", "stage_count": int64(3),
		"role_arn": "arn:aws:iam::" + account + ":role/pipeline-role", "version": int64(1), "pipeline_type": "V2", "execution_mode": "QUEUED"}
	for k, v := range want {
		if p.Details[k] != v {
			t.Errorf("details[%s] = %v, want %v", k, p.Details[k], v)
		}
	}
	if fmt.Sprint(p.Details["action_providers"]) != "[Source:CodeCommit Build:CodeBuild Deploy:CodeDeploy]" || p.Tags["arn"] != p.ARN ||
		p.ARN != "arn:aws:codepipeline:"+region+":"+account+":release3" || p.CreatedAt != "2026-08-01T00:00:00Z" {
		t.Errorf("release3: %s %v %q %v", p.ARN, p.Tags, p.CreatedAt, p.Details)
	}
	collecttest.HasEdges(t, got, "release3 -assumes-role-> iam/role:pipeline-role", "release3 -stores-artifacts-in-> s3/bucket:pipeline-artifacts",
		"release3 -encrypted-with-> kms/key:k-1", "release3 -builds-with-> codebuild/project:shop-build", "release3 -sources-from-> codecommit/repository:shop",
		"release3 -deploys-with-> codedeploy/application:shop")
}

func TestCodepipelineDenied(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListPipelines": collecttest.Denied("ListPipelines")})})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "pipeline", region))

	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListPipelines": codepipelineCanned["ListPipelines"],
		"GetPipeline": collecttest.Denied("GetPipeline"), "ListTagsForResource": codepipelineCanned["ListTagsForResource"]})})
	got := collecttest.Run(t, cfg, collector.Service, "pipeline", region)
	if got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 6 {
		t.Fatalf("want pipelines with a warning each: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if r := got.ByID()["release0"]; r.Details["role_arn"] != nil || r.Tags["arn"] != "arn:aws:codepipeline:"+region+":"+account+":release0" {
		t.Errorf("without GetPipeline: %+v", r)
	}
}
