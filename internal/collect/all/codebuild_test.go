package all_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codebuild"
	"github.com/aws/aws-sdk-go-v2/service/codebuild/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/codebuild"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

func TestCodebuildProjects(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := codebuild.NewFromConfig(cfg)
	role := "arn:aws:iam::" + collecttest.MotoAccount + ":role/builder"
	for i := range 6 {
		env := &types.ProjectEnvironment{Type: types.EnvironmentTypeLinuxContainer, ComputeType: types.ComputeTypeBuildGeneral1Small,
			Image: aws.String("aws/codebuild/standard:7.0"), PrivilegedMode: aws.Bool(i == 0)}
		if i == 0 {
			env.EnvironmentVariables = []types.EnvironmentVariable{
				{Name: aws.String("DB_PASSWORD"), Value: aws.String("hunter2"), Type: types.EnvironmentVariableTypePlaintext},
				{Name: aws.String("API_TOKEN"), Value: aws.String("/ci/token"), Type: types.EnvironmentVariableTypeParameterStore}}
		}
		_, err := api.CreateProject(context.Background(), &codebuild.CreateProjectInput{Name: aws.String(fmt.Sprintf("app%d", i)),
			Source:      &types.ProjectSource{Type: types.SourceTypeCodecommit, Location: aws.String("https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app")},
			Artifacts:   &types.ProjectArtifacts{Type: types.ArtifactsTypeNoArtifacts},
			Environment: env, ServiceRole: aws.String(role), Tags: []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "project", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("projects: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	app := byID["app0"]
	for k, v := range map[string]any{"privileged_mode": true, "source_type": "CODECOMMIT", "environment_type": "LINUX_CONTAINER",
		"compute_type": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/standard:7.0", "service_role": role} {
		if app.Details[k] != v {
			t.Errorf("details[%s] = %v, want %v", k, app.Details[k], v)
		}
	}
	if s := fmt.Sprint(app.Details["environment_variables"]); s != "[map[name:DB_PASSWORD type:PLAINTEXT] map[name:API_TOKEN type:PARAMETER_STORE]]" {
		t.Errorf("environment_variables = %s", s)
	}
	if strings.Contains(fmt.Sprint(app.Details), "hunter2") {
		t.Error("a variable's value is stored")
	}
	if byID["app3"].Details["privileged_mode"] != false || byID["app3"].Tags["n"] != "3" ||
		byID["app3"].ARN != "arn:aws:codebuild:eu-west-1:"+collecttest.MotoAccount+":project/app3" {
		t.Errorf("app3: %s %v %v", byID["app3"].ARN, byID["app3"].Tags, byID["app3"].Details)
	}
	collecttest.HasEdges(t, got, "app0 -assumes-role-> iam/role:builder")
}

func TestCodebuildProjectsDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListProjects")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "project", region))
}
