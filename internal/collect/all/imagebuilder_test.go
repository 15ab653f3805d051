package all_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/imagebuilder"
	"github.com/aws/aws-sdk-go-v2/service/imagebuilder/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/imagebuilder"
)

const (
	imagebuilderCreated = "2026-03-01T10:00:00.000Z"
)

func imagebuilderArn(resource string) *string {
	return aws.String("arn:aws:imagebuilder:" + region + ":" + account + ":" + resource)
}

// self fails the call unless it asks for the account's own resources:
// AWS-published recipes, components and images are not the estate's.
func self(owner types.Ownership) error {
	if owner != types.OwnershipSelf {
		return errors.New("owner is not Self")
	}
	return nil
}

// canned answers Image Builder (moto has none of it); every listing runs
// over two pages.
var imagebuilderCanned = map[string]func(any) (any, error){
	"ListImagePipelines": func(in any) (any, error) {
		var all []types.ImagePipeline
		for i := range 3 {
			name := fmt.Sprint("web", i)
			all = append(all, types.ImagePipeline{Arn: imagebuilderArn("image-pipeline/" + name), Name: aws.String(name), DateCreated: aws.String(imagebuilderCreated),
				Status: types.PipelineStatusEnabled, Platform: types.PlatformLinux, LastRunStatus: types.ImageStatusFailed, ConsecutiveFailures: aws.Int32(2),
				Schedule:       &types.Schedule{ScheduleExpression: aws.String("cron(0 0 * * ? *)")},
				ImageRecipeArn: imagebuilderArn("image-recipe/web/1.0.0"), InfrastructureConfigurationArn: imagebuilderArn("infrastructure-configuration/build"),
				DistributionConfigurationArn: imagebuilderArn("distribution-configuration/everywhere"),
				ExecutionRole:                aws.String("arn:aws:iam::" + account + ":role/ib-exec"),
				ImageScanningConfiguration:   &types.ImageScanningConfiguration{ImageScanningEnabled: aws.Bool(i == 0)},
				LoggingConfiguration:         &types.PipelineLoggingConfiguration{PipelineLogGroupName: aws.String("/ib/web")},
				Tags:                         map[string]string{"n": fmt.Sprint(i)}})
		}
		page, next := collecttest.Page(all, in.(*imagebuilder.ListImagePipelinesInput).NextToken, 2)
		return &imagebuilder.ListImagePipelinesOutput{ImagePipelineList: page, NextToken: next}, nil
	},
	"ListImageRecipes": func(in any) (any, error) {
		input := in.(*imagebuilder.ListImageRecipesInput)
		all := []types.ImageRecipeSummary{
			{Arn: imagebuilderArn("image-recipe/web/1.0.0"), Name: aws.String("web"), Platform: types.PlatformLinux, ParentImage: aws.String("ami-0abc"), DateCreated: aws.String(imagebuilderCreated), Tags: map[string]string{"team": "web"}},
			{Arn: imagebuilderArn("image-recipe/web/1.1.0"), Name: aws.String("web"), Platform: types.PlatformLinux, DateCreated: aws.String(imagebuilderCreated)},
		}
		page, next := collecttest.Page(all, input.NextToken, 1)
		return &imagebuilder.ListImageRecipesOutput{ImageRecipeSummaryList: page, NextToken: next}, self(input.Owner)
	},
	"ListContainerRecipes": func(in any) (any, error) {
		input := in.(*imagebuilder.ListContainerRecipesInput)
		all := []types.ContainerRecipeSummary{
			{Arn: imagebuilderArn("container-recipe/api/2.0.0"), Name: aws.String("api"), ContainerType: types.ContainerTypeDocker, ParentImage: aws.String("amazonlinux:2023")},
			{Arn: imagebuilderArn("container-recipe/worker/1.0.0"), Name: aws.String("worker"), ContainerType: types.ContainerTypeDocker, Tags: map[string]string{"k": "v"}},
		}
		page, next := collecttest.Page(all, input.NextToken, 1)
		return &imagebuilder.ListContainerRecipesOutput{ContainerRecipeSummaryList: page, NextToken: next}, self(input.Owner)
	},
	"ListComponents": func(in any) (any, error) {
		input := in.(*imagebuilder.ListComponentsInput)
		all := []types.ComponentVersion{
			{Arn: imagebuilderArn("component/hardening/1.0.0"), Name: aws.String("hardening"), Version: aws.String("1.0.0"), Type: types.ComponentTypeBuild,
				Platform: types.PlatformLinux, Status: types.ComponentStatusActive, DateCreated: aws.String(imagebuilderCreated)},
			{Arn: imagebuilderArn("component/smoke/0.1.0"), Name: aws.String("smoke"), Version: aws.String("0.1.0"), Type: types.ComponentTypeTest, Status: types.ComponentStatusDeprecated},
		}
		page, next := collecttest.Page(all, input.NextToken, 1)
		return &imagebuilder.ListComponentsOutput{ComponentVersionList: page, NextToken: next}, self(input.Owner)
	},
	"GetComponent": func(in any) (any, error) {
		a := aws.ToString(in.(*imagebuilder.GetComponentInput).ComponentBuildVersionArn)
		c := &types.Component{Arn: aws.String(a + "/1"), Encrypted: aws.Bool(true), Data: aws.String("secret script"), Tags: map[string]string{"arn": a}}
		if a == aws.ToString(imagebuilderArn("component/hardening/1.0.0")) {
			c.KmsKeyId = aws.String("arn:aws:kms:" + region + ":" + account + ":key/k1")
		}
		return &imagebuilder.GetComponentOutput{Component: c}, nil
	},
	"ListWorkflows": func(in any) (any, error) {
		input := in.(*imagebuilder.ListWorkflowsInput)
		all := []types.WorkflowVersion{
			{Arn: imagebuilderArn("workflow/build/custom/1.0.0"), Name: aws.String("custom"), Version: aws.String("1.0.0"), Type: types.WorkflowTypeBuild, DateCreated: aws.String(imagebuilderCreated)},
			{Arn: imagebuilderArn("workflow/test/custom/1.0.0"), Name: aws.String("custom"), Version: aws.String("1.0.0"), Type: types.WorkflowTypeTest},
		}
		page, next := collecttest.Page(all, input.NextToken, 1)
		return &imagebuilder.ListWorkflowsOutput{WorkflowVersionList: page, NextToken: next}, self(input.Owner)
	},
	"GetWorkflow": func(in any) (any, error) {
		a := aws.ToString(in.(*imagebuilder.GetWorkflowInput).WorkflowBuildVersionArn)
		return &imagebuilder.GetWorkflowOutput{Workflow: &types.Workflow{Arn: aws.String(a + "/1"), KmsKeyId: aws.String("k2"),
			State: &types.WorkflowState{Status: types.WorkflowStatusDeprecated}, Tags: map[string]string{"wf": "yes"}}}, nil
	},
	"ListInfrastructureConfigurations": func(in any) (any, error) {
		all := []types.InfrastructureConfigurationSummary{
			{Arn: imagebuilderArn("infrastructure-configuration/build"), Name: aws.String("build"), InstanceProfileName: aws.String("ib-profile"), InstanceTypes: []string{"m5.large"},
				DateCreated: aws.String(imagebuilderCreated), Tags: map[string]string{"team": "platform"}},
			{Arn: imagebuilderArn("infrastructure-configuration/test"), Name: aws.String("test"), InstanceProfileName: aws.String("ib-profile")},
		}
		page, next := collecttest.Page(all, in.(*imagebuilder.ListInfrastructureConfigurationsInput).NextToken, 1)
		return &imagebuilder.ListInfrastructureConfigurationsOutput{InfrastructureConfigurationSummaryList: page, NextToken: next}, nil
	},
	"GetInfrastructureConfiguration": func(in any) (any, error) {
		a := in.(*imagebuilder.GetInfrastructureConfigurationInput).InfrastructureConfigurationArn
		return &imagebuilder.GetInfrastructureConfigurationOutput{InfrastructureConfiguration: &types.InfrastructureConfiguration{
			Arn: a, Name: aws.String(nameOf(a)), InstanceProfileName: aws.String("ib-profile"), InstanceTypes: []string{"m5.large", "c5.large"},
			SubnetId: aws.String("subnet-1"), SecurityGroupIds: []string{"sg-1", "sg-2"}, KeyPair: aws.String("ops"), TerminateInstanceOnFailure: aws.Bool(false),
			InstanceMetadataOptions: &types.InstanceMetadataOptions{HttpTokens: aws.String("required")},
			Logging:                 &types.Logging{S3Logs: &types.S3Logs{S3BucketName: aws.String("build-logs")}},
			SnsTopicArn:             aws.String("arn:aws:sns:" + region + ":" + account + ":builds"), Tags: map[string]string{"team": "platform"}}}, nil
	},
	"ListDistributionConfigurations": func(in any) (any, error) {
		all := []types.DistributionConfigurationSummary{
			{Arn: imagebuilderArn("distribution-configuration/everywhere"), Name: aws.String("everywhere"), Regions: []string{"eu-west-1", "us-east-1"}, DateCreated: aws.String(imagebuilderCreated), Tags: map[string]string{"a": "b"}},
			{Arn: imagebuilderArn("distribution-configuration/here"), Name: aws.String("here"), Regions: []string{"eu-west-1"}},
		}
		page, next := collecttest.Page(all, in.(*imagebuilder.ListDistributionConfigurationsInput).NextToken, 1)
		return &imagebuilder.ListDistributionConfigurationsOutput{DistributionConfigurationSummaryList: page, NextToken: next}, nil
	},
	"ListImages": func(in any) (any, error) {
		input := in.(*imagebuilder.ListImagesInput)
		if !aws.ToBool(input.IncludeDeprecated) {
			return nil, errors.New("deprecated images are left out")
		}
		all := []types.ImageVersion{{Arn: imagebuilderArn("image/web/1.0.0"), Name: aws.String("web")}, {Arn: imagebuilderArn("image/api/2.0.0"), Name: aws.String("api")}}
		page, next := collecttest.Page(all, input.NextToken, 1)
		return &imagebuilder.ListImagesOutput{ImageVersionList: page, NextToken: next}, self(input.Owner)
	},
	"ListImageBuildVersions": func(in any) (any, error) {
		input := in.(*imagebuilder.ListImageBuildVersionsInput)
		version := aws.ToString(input.ImageVersionArn)
		var all []types.ImageSummary
		for b := 1; b <= 3; b++ {
			i := types.ImageSummary{Arn: aws.String(fmt.Sprint(version, "/", b)), Name: aws.String(nameOf(input.ImageVersionArn)), DateCreated: aws.String(imagebuilderCreated),
				Version: aws.String(fmt.Sprint("1.0.0/", b)), Type: types.ImageTypeAmi, BuildType: types.BuildTypeScheduled,
				State: &types.ImageState{Status: types.ImageStatusAvailable}, Tags: map[string]string{"build": fmt.Sprint(b)},
				OutputResources: &types.OutputResources{Amis: []types.Ami{
					{Region: aws.String("eu-west-1"), Image: aws.String(fmt.Sprint("ami-", b))},
					{Region: aws.String("us-east-1"), Image: aws.String(fmt.Sprint("ami-us", b)), AccountId: aws.String("222222222222")}}}}
			all = append(all, i)
		}
		page, next := collecttest.Page(all, input.NextToken, 2)
		return &imagebuilder.ListImageBuildVersionsOutput{ImageSummaryList: page, NextToken: next}, nil
	},
	"ListLifecyclePolicies": func(in any) (any, error) {
		at := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
		all := []types.LifecyclePolicySummary{
			{Arn: imagebuilderArn("lifecycle-policy/old-amis"), Name: aws.String("old-amis"), Status: types.LifecyclePolicyStatusEnabled, ResourceType: types.LifecyclePolicyResourceTypeAmiImage,
				ExecutionRole: aws.String("arn:aws:iam::" + account + ":role/ib-lifecycle"), DateCreated: &at, Tags: map[string]string{"x": "y"}},
			{Arn: imagebuilderArn("lifecycle-policy/old-containers"), Name: aws.String("old-containers"), Status: types.LifecyclePolicyStatusDisabled},
		}
		page, next := collecttest.Page(all, in.(*imagebuilder.ListLifecyclePoliciesInput).NextToken, 1)
		return &imagebuilder.ListLifecyclePoliciesOutput{LifecyclePolicySummaryList: page, NextToken: next}, nil
	},
}

// nameOf is the name part of an Image Builder ARN: .../image/web/1.0.0 -> web.
func nameOf(a *string) string { return strings.Split(aws.ToString(a), "/")[1] }

func imagebuilderRun(t *testing.T, typ string, want int) collecttest.Result {
	t.Helper()
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(imagebuilderCanned)})
	got := collecttest.Run(t, cfg, collector.Service, typ, region)
	if got.Err != nil || len(got.Resources) != want {
		t.Fatalf("%s: %v, %d resources, want %d", typ, got.Err, len(got.Resources), want)
	}
	collecttest.AssertNoWarnings(t, got)
	return got
}

func TestImagebuilderPipelines(t *testing.T) {
	collecttest.Require(t)
	got := imagebuilderRun(t, "image-pipeline", 3)
	p := got.ByID()["web0"]
	if p == nil || p.ARN != aws.ToString(imagebuilderArn("image-pipeline/web0")) || p.Tags["n"] != "0" || p.CreatedAt != "2026-03-01T10:00:00Z" ||
		p.Details["status"] != "ENABLED" || p.Details["last_run_status"] != "FAILED" || p.Details["consecutive_failures"] != int64(2) ||
		p.Details["schedule"] != "cron(0 0 * * ? *)" || p.Details["image_scanning"] != true || p.Details["image_tests"] != true || p.Details["log_group"] != "/ib/web" {
		t.Fatalf("pipeline: %+v", p)
	}
	if got.ByID()["web1"].Details["image_scanning"] != false {
		t.Errorf("web1 is not scanned: %v", got.ByID()["web1"].Details)
	}
	collecttest.HasEdges(t, got, "web2 -uses-> imagebuilder/image-recipe:web/1.0.0", "web2 -uses-> imagebuilder/infrastructure-configuration:build",
		"web2 -uses-> imagebuilder/distribution-configuration:everywhere", "web2 -assumes-role-> iam/role:ib-exec", "web2 -logs-to-> logs/log-group:/ib/web")
	for _, e := range got.Edges() {
		if e == "web0 -uses-> imagebuilder/container-recipe:" {
			t.Errorf("edge to a container recipe the pipeline has not: %s", e)
		}
	}
}

func TestImagebuilderRecipes(t *testing.T) {
	collecttest.Require(t)
	got := imagebuilderRun(t, "image-recipe", 2)
	r := got.ByID()["web/1.0.0"]
	if r == nil || r.Name != "web" || r.Tags["team"] != "web" || r.Details["platform"] != "Linux" || r.Details["parent_image"] != "ami-0abc" || r.CreatedAt != "2026-03-01T10:00:00Z" {
		t.Fatalf("image recipe: %+v", r)
	}
	got = imagebuilderRun(t, "container-recipe", 2)
	if c := got.ByID()["worker/1.0.0"]; c == nil || c.Tags["k"] != "v" || c.Details["container_type"] != "DOCKER" {
		t.Fatalf("container recipe: %+v", c)
	}
}

func TestImagebuilderComponentsAndWorkflows(t *testing.T) {
	collecttest.Require(t)
	got := imagebuilderRun(t, "component", 2)
	c := got.ByID()["hardening/1.0.0"]
	if c == nil || c.Tags["arn"] != aws.ToString(imagebuilderArn("component/hardening/1.0.0")) || c.Details["type"] != "BUILD" || c.Details["status"] != "ACTIVE" ||
		c.Details["encrypted"] != true || c.Details["version"] != "1.0.0" {
		t.Fatalf("component: %+v", c)
	}
	for _, r := range got.Resources {
		for k, v := range r.Details {
			if v == "secret script" {
				t.Errorf("%s: the component's document is stored in %s", r.ID, k)
			}
		}
	}
	if got.ByID()["smoke/0.1.0"].Details["status"] != "DEPRECATED" {
		t.Errorf("smoke: %v", got.ByID()["smoke/0.1.0"].Details)
	}
	collecttest.HasEdges(t, got, "hardening/1.0.0 -encrypted-with-> kms/key:k1")
	if len(got.Edges()) != 1 {
		t.Errorf("only hardening has a customer key: %v", got.Edges())
	}

	got = imagebuilderRun(t, "workflow", 2)
	w := got.ByID()["test/custom/1.0.0"]
	if w == nil || w.Details["type"] != "TEST" || w.Details["status"] != "DEPRECATED" || w.Tags["wf"] != "yes" || w.Details["kms_key_id"] != "k2" {
		t.Fatalf("workflow: %+v", w)
	}
	collecttest.HasEdges(t, got, "build/custom/1.0.0 -encrypted-with-> kms/key:k2")

	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny("GetComponent"), collecttest.Canned(imagebuilderCanned))})
	got = collecttest.Run(t, cfg, collector.Service, "component", region)
	if got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 2 {
		t.Fatalf("a denied GetComponent is a warning per component: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if _, ok := got.ByID()["smoke/0.1.0"].Details["encrypted"]; ok {
		t.Errorf("encryption is unknown without GetComponent: %v", got.ByID()["smoke/0.1.0"].Details)
	}
}

func TestImagebuilderConfigurations(t *testing.T) {
	collecttest.Require(t)
	got := imagebuilderRun(t, "infrastructure-configuration", 2)
	c := got.ByID()["build"]
	if c == nil || c.Tags["team"] != "platform" || fmt.Sprint(c.Details["instance_types"]) != "[m5.large c5.large]" || c.Details["subnet_id"] != "subnet-1" ||
		c.Details["terminate_on_failure"] != false || c.Details["http_tokens"] != "required" || c.Details["log_bucket"] != "build-logs" || c.Details["key_pair"] != "ops" {
		t.Fatalf("infrastructure configuration: %+v", c)
	}
	collecttest.HasEdges(t, got, "build -uses-> iam/instance-profile:ib-profile", "build -in-subnet-> ec2/subnet:subnet-1",
		"build -uses-security-group-> ec2/security-group:sg-2", "build -logs-to-> s3/bucket:build-logs", "build -notifies-> sns/topic:builds")

	got = imagebuilderRun(t, "distribution-configuration", 2)
	if d := got.ByID()["everywhere"]; d == nil || fmt.Sprint(d.Details["regions"]) != "[eu-west-1 us-east-1]" || d.Tags["a"] != "b" {
		t.Fatalf("distribution configuration: %+v", d)
	}

	got = imagebuilderRun(t, "lifecycle-policy", 2)
	l := got.ByID()["old-amis"]
	if l == nil || l.Details["status"] != "ENABLED" || l.Details["resource_type"] != "AMI_IMAGE" || l.CreatedAt != "2026-02-01T00:00:00Z" || l.Tags["x"] != "y" {
		t.Fatalf("lifecycle policy: %+v", l)
	}
	collecttest.HasEdges(t, got, "old-amis -assumes-role-> iam/role:ib-lifecycle")
}

func TestImagebuilderImages(t *testing.T) {
	collecttest.Require(t)
	got := imagebuilderRun(t, "image", 6)
	i := got.ByID()["api/2.0.0/3"]
	if i == nil || i.Name != "api" || i.Tags["build"] != "3" || i.Details["status"] != "AVAILABLE" || i.Details["type"] != "AMI" ||
		i.Details["build_type"] != "SCHEDULED" || fmt.Sprint(i.Details["amis"]) != "[eu-west-1/ami-3 us-east-1/ami-us3]" {
		t.Fatalf("image: %+v", i)
	}
	collecttest.HasEdges(t, got, "api/2.0.0/3 -produced-> ec2/ami:ami-3", "api/2.0.0/3 -produced-> ec2/ami:ami-us3")
	for _, rel := range got.Relationships {
		if rel.To.ID == "ami-us3" && (rel.To.Region != "us-east-1" || rel.To.Account != "222222222222") {
			t.Errorf("an AMI copied to another account and region is there: %+v", rel.To)
		}
	}
}

func TestImagebuilderDenied(t *testing.T) {
	collecttest.Require(t)
	lists := map[string]string{"image-pipeline": "ListImagePipelines", "image-recipe": "ListImageRecipes", "container-recipe": "ListContainerRecipes",
		"component": "ListComponents", "workflow": "ListWorkflows", "infrastructure-configuration": "ListInfrastructureConfigurations",
		"distribution-configuration": "ListDistributionConfigurations", "image": "ListImages", "lifecycle-policy": "ListLifecyclePolicies"}
	for typ, op := range lists {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny(op), collecttest.Canned(imagebuilderCanned))})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
