// Package codebuild collects CodeBuild projects, report groups, compute
// fleets and source credentials (their kind, never a token).
package codebuild

import (
	"context"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codebuild"
	"github.com/aws/aws-sdk-go-v2/service/codebuild/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the CodeBuild collector.
var Service = &collect.Service{
	Name:        "codebuild",
	Description: "CodeBuild projects, report groups, compute fleets and source credentials",
	Types: []collect.Type{
		{Name: "project", Description: "CodeBuild project (id = name); environment variables are kept as name and type, never values", Fields: projectFields.Declared(), Tags: collect.TagsListed, Collect: projects},
		{Name: "report-group", Description: "test or coverage report group (id = name), with where raw results are exported", Fields: reportGroupFields.Declared(),
			Tags: collect.TagsListed, Collect: reportGroups},
		{Name: "source-credential", Description: "credential CodeBuild holds for a source provider (id = the ARN's last part); its kind only, never the token",
			Fields: sourceCredentialFields.Declared(), Tags: collect.NotTaggable, Collect: sourceCredentials},
		{Name: "fleet", Description: "reserved-capacity compute fleet (id = name): instances kept running for builds, billed while they run",
			Fields: fleetFields.Declared(), Tags: collect.TagsListed, Collect: fleets},
	},
	Calls: "project: ListProjects + BatchGetProjects per 100 names (which returns the tags). " +
		"report-group: ListReportGroups + BatchGetReportGroups per 100 ARNs (tags included). source-credential: ListSourceCredentials. " +
		"fleet: ListFleets + BatchGetFleets per 100 (tags included)",
	Relations: []collect.Relation{
		{From: "project", Kind: "assumes-role", To: "iam/role"},
		{From: "project", Kind: "encrypted-with", To: "kms/key"},
		{From: "project", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "project", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "project", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "project", Kind: "logs-to", To: "logs/log-group"},
		{From: "report-group", Kind: "exports-to", To: "s3/bucket"},
		{From: "report-group", Kind: "encrypted-with", To: "kms/key"},
		{From: "fleet", Kind: "assumes-role", To: "iam/role"},
		{From: "fleet", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "fleet", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "fleet", Kind: "uses-security-group", To: "ec2/security-group"},
	},
}

func environment(p types.Project) types.ProjectEnvironment {
	if p.Environment == nil {
		return types.ProjectEnvironment{}
	}
	return *p.Environment
}

func logs(p types.Project) (cw types.CloudWatchLogsConfig, s3 types.S3LogsConfig) {
	if p.LogsConfig == nil {
		return cw, s3
	}
	if p.LogsConfig.CloudWatchLogs != nil {
		cw = *p.LogsConfig.CloudWatchLogs
	}
	if p.LogsConfig.S3Logs != nil {
		s3 = *p.LogsConfig.S3Logs
	}
	return cw, s3
}

func vpc(p types.Project) types.VpcConfig {
	if p.VpcConfig == nil {
		return types.VpcConfig{}
	}
	return *p.VpcConfig
}

var projectFields = collect.Fields[types.Project]{
	collect.Text("description", "project description", func(p types.Project) *string { return p.Description }),
	collect.Enum("source_type", "CODECOMMIT, GITHUB, BITBUCKET, S3, NO_SOURCE, ...", func(p types.Project) types.SourceType {
		if p.Source == nil {
			return ""
		}
		return p.Source.Type
	}),
	collect.Enum("environment_type", "LINUX_CONTAINER, ARM_CONTAINER, WINDOWS_SERVER_2019_CONTAINER, LINUX_GPU_CONTAINER, ...", func(p types.Project) types.EnvironmentType { return environment(p).Type }),
	collect.Enum("compute_type", "BUILD_GENERAL1_SMALL, BUILD_GENERAL1_LARGE, BUILD_LAMBDA_1GB, ...", func(p types.Project) types.ComputeType { return environment(p).ComputeType }),
	collect.Computed("image", model.Text, "build image", func(p types.Project) any { return aws.ToString(environment(p).Image) }),
	collect.Computed("privileged_mode", model.Boolean, "builds run Docker privileged (root on the build host)", func(p types.Project) any { return aws.ToBool(environment(p).PrivilegedMode) }),
	collect.Computed("environment_variables", model.JSON, `environment variables as [{"name", "type"}], type PLAINTEXT, PARAMETER_STORE or SECRETS_MANAGER; values are never stored`, func(p types.Project) any {
		vars := []map[string]string{}
		for _, v := range environment(p).EnvironmentVariables {
			vars = append(vars, map[string]string{"name": aws.ToString(v.Name), "type": string(v.Type)})
		}
		return vars
	}),
	collect.Text("service_role", "IAM role builds run as", func(p types.Project) *string { return p.ServiceRole }),
	collect.Text("encryption_key", "KMS key (ARN or alias) of build artifacts", func(p types.Project) *string { return p.EncryptionKey }),
	collect.Int("timeout_minutes", "build timeout, in minutes", func(p types.Project) *int32 { return p.TimeoutInMinutes }),
	collect.Enum("cloudwatch_logs", "CloudWatch Logs of builds: ENABLED or DISABLED", func(p types.Project) types.LogsConfigStatusType { cw, _ := logs(p); return cw.Status }),
	collect.Enum("s3_logs", "S3 logs of builds: ENABLED or DISABLED", func(p types.Project) types.LogsConfigStatusType { _, s3 := logs(p); return s3.Status }),
	collect.Computed("artifacts_encryption_disabled", model.Boolean, "build artifacts are written to S3 unencrypted", func(p types.Project) any {
		return p.Artifacts != nil && aws.ToBool(p.Artifacts.EncryptionDisabled)
	}),
	collect.Enum("visibility", "PUBLIC_READ (build results readable by anyone) or PRIVATE", func(p types.Project) types.ProjectVisibilityType { return p.ProjectVisibility }),
	collect.Computed("vpc_id", model.Text, "VPC builds run in; empty when outside any VPC", func(p types.Project) any { return aws.ToString(vpc(p).VpcId) }),
	collect.Timestamp("last_modified", "last change of the project", func(p types.Project) *time.Time { return p.LastModified }),
}

// projects lists project names and reads them 100 at a time
// (BatchGetProjects' limit).
func projects(ctx context.Context, t *collect.Task) error {
	api := codebuild.NewFromConfig(t.Config)
	p := codebuild.NewListProjectsPaginator(api, &codebuild.ListProjectsInput{})
	return collect.EachPage(ctx, p, func(page *codebuild.ListProjectsOutput) error {
		return inBatches(page.Projects, func(batch []string) error {
			out, err := api.BatchGetProjects(ctx, &codebuild.BatchGetProjectsInput{Names: batch})
			if err != nil {
				return err
			}
			for _, pr := range out.Projects {
				emitProject(t, pr)
			}
			return nil
		})
	})
}

// inBatches runs read on ids 100 at a time, the limit of CodeBuild's
// BatchGet calls, and stops at the first error.
func inBatches(ids []string, read func(batch []string) error) error {
	for batch := range slices.Chunk(ids, 100) {
		if err := read(batch); err != nil {
			return err
		}
	}
	return nil
}

func emitProject(t *collect.Task, p types.Project) {
	name := aws.ToString(p.Name)
	key := t.Key("project", name)
	t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(p.Arn), CreatedAt: model.Time(p.Created),
		Tags: collect.TagMap(p.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value }), Details: projectFields.Details(p)})
	t.Relate(key, "assumes-role", t.Role(aws.ToString(p.ServiceRole)))
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(p.EncryptionKey)))
	v := vpc(p)
	t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(v.VpcId)))
	for _, sn := range v.Subnets {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", sn))
	}
	for _, sg := range v.SecurityGroupIds {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	if cw, _ := logs(p); cw.Status == types.LogsConfigStatusTypeEnabled {
		t.Relate(key, "logs-to", t.Ref("logs", "log-group", aws.ToString(cw.GroupName)))
	}
}
