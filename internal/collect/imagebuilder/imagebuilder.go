// Package imagebuilder collects EC2 Image Builder pipelines, the recipes,
// components, workflows and configurations they are built from, the images
// they produced and the lifecycle policies that retire them. Only the
// account's own recipes, components, images and workflows are collected:
// the ones AWS and Marketplace publish are not part of the estate.
package imagebuilder

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/imagebuilder"
	"github.com/aws/aws-sdk-go-v2/service/imagebuilder/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Image Builder collector.
var Service = &collect.Service{
	Name:        "imagebuilder",
	Description: "EC2 Image Builder pipelines, recipes, components, workflows, configurations, images and lifecycle policies",
	Types: []collect.Type{
		{Name: "image-pipeline", Description: "image pipeline (id = name), with what it builds from, its schedule and logging",
			Fields: pipelineFields.Declared(), Tags: collect.TagsListed, Collect: pipelines},
		{Name: "image-recipe", Description: "AMI recipe owned by the account (id = NAME/VERSION)",
			Fields: imageRecipeFields.Declared(), Tags: collect.TagsListed, Collect: imageRecipes},
		{Name: "container-recipe", Description: "container image recipe owned by the account (id = NAME/VERSION)",
			Fields: containerRecipeFields.Declared(), Tags: collect.TagsListed, Collect: containerRecipes},
		{Name: "component", Description: "build or test component owned by the account (id = NAME/VERSION; its latest build is described)",
			Fields: componentFields.Declared(), Tags: collect.TagsPerResource, Collect: components, DetailCalls: 1},
		{Name: "workflow", Description: "build, test or distribution workflow owned by the account (id = TYPE/NAME/VERSION; its latest build is described)",
			Fields: workflowFields.Declared(), Tags: collect.TagsPerResource, Collect: workflows, DetailCalls: 1},
		{Name: "infrastructure-configuration", Description: "where pipeline build instances run (id = name): instance types, profile, subnet, security groups, log bucket",
			Fields: infraFields.Declared(), Tags: collect.TagsListed, Collect: infraConfigs, DetailCalls: 1},
		{Name: "distribution-configuration", Description: "regions and accounts a pipeline's images are distributed to (id = name)",
			Fields: distributionFields.Declared(), Tags: collect.TagsListed, Collect: distributions},
		{Name: "image", Description: "image build owned by the account (id = NAME/VERSION/BUILD), with the AMIs or container images it produced",
			Fields: imageFields.Declared(), Tags: collect.TagsListed, Collect: images, DetailCalls: 1},
		{Name: "lifecycle-policy", Description: "lifecycle policy that deprecates or deletes old images (id = name)",
			Fields: lifecycleFields.Declared(), Tags: collect.TagsListed, Collect: lifecyclePolicies},
	},
	Calls: "image-pipeline: ListImagePipelines. image-recipe: ListImageRecipes. container-recipe: ListContainerRecipes. " +
		"component: ListComponents + per component GetComponent. workflow: ListWorkflows + per workflow GetWorkflow. " +
		"infrastructure-configuration: ListInfrastructureConfigurations + per configuration GetInfrastructureConfiguration. " +
		"distribution-configuration: ListDistributionConfigurations. image: ListImages + per image version ListImageBuildVersions. " +
		"lifecycle-policy: ListLifecyclePolicies",
	Relations: []collect.Relation{
		{From: "image-pipeline", Kind: "uses", To: "imagebuilder/image-recipe"},
		{From: "image-pipeline", Kind: "uses", To: "imagebuilder/container-recipe"},
		{From: "image-pipeline", Kind: "uses", To: "imagebuilder/infrastructure-configuration"},
		{From: "image-pipeline", Kind: "uses", To: "imagebuilder/distribution-configuration"},
		{From: "image-pipeline", Kind: "assumes-role", To: "iam/role"},
		{From: "image-pipeline", Kind: "logs-to", To: "logs/log-group"},
		{From: "component", Kind: "encrypted-with", To: "kms/key"},
		{From: "workflow", Kind: "encrypted-with", To: "kms/key"},
		{From: "infrastructure-configuration", Kind: "uses", To: "iam/instance-profile"},
		{From: "infrastructure-configuration", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "infrastructure-configuration", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "infrastructure-configuration", Kind: "logs-to", To: "s3/bucket"},
		{From: "infrastructure-configuration", Kind: "notifies", To: "sns/topic"},
		{From: "image", Kind: "produced", To: "ec2/ami"},
		{From: "lifecycle-policy", Kind: "assumes-role", To: "iam/role"},
	},
}

// maxResults is the largest page the Image Builder list calls accept.
const maxResults = 25

func client(t *collect.Task) *imagebuilder.Client { return imagebuilder.NewFromConfig(t.Config) }

// arnID is what follows the resource type in an Image Builder ARN:
// ...:image-recipe/web/1.0.0 -> web/1.0.0, ...:workflow/build/w/1.0.0 -> build/w/1.0.0.
func arnID(arn *string) string {
	_, id, _ := strings.Cut(aws.ToString(arn), "/")
	return id
}

// date is a creation or update date Image Builder sends as text.
func date[T any](name, description string, get func(T) *string) collect.Field[T] {
	return collect.Computed(name, model.Timestamp, description, func(v T) any { return collect.TimeText(get(v)) })
}

// relateRole links key to the IAM role an ARN or a bare name names.
func relateRole(t *collect.Task, key model.Key, role *string) {
	if r := aws.ToString(role); r != "" {
		t.Relate(key, "assumes-role", t.Role(r))
	}
}

var pipelineFields = collect.Fields[types.ImagePipeline]{
	collect.Enum("status", "ENABLED or DISABLED", func(p types.ImagePipeline) types.PipelineStatus { return p.Status }),
	collect.Enum("platform", "Windows, Linux or macOS", func(p types.ImagePipeline) types.Platform { return p.Platform }),
	collect.Text("description", "pipeline description", func(p types.ImagePipeline) *string { return p.Description }),
	collect.Enum("last_run_status", "status of the last image the pipeline built", func(p types.ImagePipeline) types.ImageStatus { return p.LastRunStatus }),
	collect.Int("consecutive_failures", "runs that failed in a row", func(p types.ImagePipeline) *int32 { return p.ConsecutiveFailures }),
	date("last_run", "when the pipeline last ran", func(p types.ImagePipeline) *string { return p.DateLastRun }),
	date("next_run", "when the schedule runs it next", func(p types.ImagePipeline) *string { return p.DateNextRun }),
	date("updated", "last change", func(p types.ImagePipeline) *string { return p.DateUpdated }),
	collect.Computed("schedule", model.Text, "cron expression of the schedule; empty: runs only when started by hand", func(p types.ImagePipeline) any {
		if p.Schedule == nil {
			return ""
		}
		return aws.ToString(p.Schedule.ScheduleExpression)
	}),
	collect.Text("image_recipe_arn", "AMI recipe it builds", func(p types.ImagePipeline) *string { return p.ImageRecipeArn }),
	collect.Text("container_recipe_arn", "container recipe it builds", func(p types.ImagePipeline) *string { return p.ContainerRecipeArn }),
	collect.Text("infrastructure_configuration_arn", "where its build instances run", func(p types.ImagePipeline) *string { return p.InfrastructureConfigurationArn }),
	collect.Text("distribution_configuration_arn", "where its images are distributed", func(p types.ImagePipeline) *string { return p.DistributionConfigurationArn }),
	collect.Text("execution_role", "role the pipeline's workflows run as", func(p types.ImagePipeline) *string { return p.ExecutionRole }),
	collect.Computed("image_scanning", model.Boolean, "images are scanned for vulnerabilities by Amazon Inspector", func(p types.ImagePipeline) any {
		return p.ImageScanningConfiguration != nil && aws.ToBool(p.ImageScanningConfiguration.ImageScanningEnabled)
	}),
	collect.Computed("image_tests", model.Boolean, "images are tested before distribution", func(p types.ImagePipeline) any {
		return p.ImageTestsConfiguration == nil || aws.ToBool(p.ImageTestsConfiguration.ImageTestsEnabled)
	}),
	collect.Computed("log_group", model.Text, "log group of the pipeline's runs; empty: the default /aws/imagebuilder/pipeline/NAME", func(p types.ImagePipeline) any {
		return pipelineLogGroup(p)
	}),
}

func pipelineLogGroup(p types.ImagePipeline) string {
	if p.LoggingConfiguration == nil {
		return ""
	}
	return aws.ToString(p.LoggingConfiguration.PipelineLogGroupName)
}

func pipelines(ctx context.Context, t *collect.Task) error {
	p := imagebuilder.NewListImagePipelinesPaginator(client(t), &imagebuilder.ListImagePipelinesInput{MaxResults: t.PageSize(maxResults)})
	return collect.EachPage(ctx, p, func(page *imagebuilder.ListImagePipelinesOutput) error {
		for _, ip := range page.ImagePipelineList {
			key := t.Key("image-pipeline", arnID(ip.Arn))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(ip.Name), ARN: aws.ToString(ip.Arn), CreatedAt: collect.TimeText(ip.DateCreated),
				Tags: ip.Tags, Details: pipelineFields.Details(ip)})
			for _, uses := range []struct {
				typ string
				arn *string
			}{{"image-recipe", ip.ImageRecipeArn}, {"container-recipe", ip.ContainerRecipeArn},
				{"infrastructure-configuration", ip.InfrastructureConfigurationArn}, {"distribution-configuration", ip.DistributionConfigurationArn}} {
				t.Relate(key, "uses", t.Key(uses.typ, arnID(uses.arn)))
			}
			relateRole(t, key, ip.ExecutionRole)
			t.Relate(key, "logs-to", t.Ref("logs", "log-group", pipelineLogGroup(ip)))
		}
		return nil
	})
}

var imageRecipeFields = collect.Fields[types.ImageRecipeSummary]{
	collect.Enum("platform", "Windows, Linux or macOS", func(r types.ImageRecipeSummary) types.Platform { return r.Platform }),
	collect.Text("parent_image", "image the recipe starts from (an AMI id or an Image Builder image ARN)", func(r types.ImageRecipeSummary) *string { return r.ParentImage }),
}

func imageRecipes(ctx context.Context, t *collect.Task) error {
	p := imagebuilder.NewListImageRecipesPaginator(client(t), &imagebuilder.ListImageRecipesInput{Owner: types.OwnershipSelf, MaxResults: t.PageSize(maxResults)})
	return collect.EachPage(ctx, p, func(page *imagebuilder.ListImageRecipesOutput) error {
		for _, r := range page.ImageRecipeSummaryList {
			t.Emit(&model.Resource{Key: t.Key("image-recipe", arnID(r.Arn)), Name: aws.ToString(r.Name), ARN: aws.ToString(r.Arn),
				CreatedAt: collect.TimeText(r.DateCreated), Tags: r.Tags, Details: imageRecipeFields.Details(r)})
		}
		return nil
	})
}

var containerRecipeFields = collect.Fields[types.ContainerRecipeSummary]{
	collect.Enum("container_type", "DOCKER", func(r types.ContainerRecipeSummary) types.ContainerType { return r.ContainerType }),
	collect.Enum("platform", "Windows, Linux or macOS", func(r types.ContainerRecipeSummary) types.Platform { return r.Platform }),
	collect.Text("parent_image", "base image the container is built on", func(r types.ContainerRecipeSummary) *string { return r.ParentImage }),
	collect.Text("instance_image", "AMI of the instance that builds the container", func(r types.ContainerRecipeSummary) *string { return r.InstanceImage }),
}

func containerRecipes(ctx context.Context, t *collect.Task) error {
	p := imagebuilder.NewListContainerRecipesPaginator(client(t), &imagebuilder.ListContainerRecipesInput{Owner: types.OwnershipSelf, MaxResults: t.PageSize(maxResults)})
	return collect.EachPage(ctx, p, func(page *imagebuilder.ListContainerRecipesOutput) error {
		for _, r := range page.ContainerRecipeSummaryList {
			t.Emit(&model.Resource{Key: t.Key("container-recipe", arnID(r.Arn)), Name: aws.ToString(r.Name), ARN: aws.ToString(r.Arn),
				CreatedAt: collect.TimeText(r.DateCreated), Tags: r.Tags, Details: containerRecipeFields.Details(r)})
		}
		return nil
	})
}

// component is a listed component version with its latest build, when
// GetComponent answered.
type component struct {
	types.ComponentVersion
	build *types.Component
}

func hasComponentBuild(c component) bool { return c.build != nil }

var componentFields = collect.Fields[component]{
	collect.Enum("type", "BUILD or TEST", func(c component) types.ComponentType { return c.Type }),
	collect.Enum("platform", "Windows, Linux or macOS", func(c component) types.Platform { return c.Platform }),
	collect.Text("version", "semantic version", func(c component) *string { return c.Version }),
	collect.Text("description", "component description", func(c component) *string { return c.Description }),
	collect.Enum("status", "ACTIVE, DEPRECATED or DISABLED", func(c component) types.ComponentStatus { return c.Status }),
	collect.When(hasComponentBuild, collect.Bool("encrypted", "the component's document is encrypted", func(c component) *bool { return c.build.Encrypted })),
	collect.When(hasComponentBuild, collect.Text("kms_key_id", "customer managed key of the document; empty: an AWS owned key", func(c component) *string {
		return c.build.KmsKeyId
	})),
}

func components(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := imagebuilder.NewListComponentsPaginator(api, &imagebuilder.ListComponentsInput{Owner: types.OwnershipSelf, MaxResults: t.PageSize(maxResults)})
	versions := func(page *imagebuilder.ListComponentsOutput) []types.ComponentVersion {
		return page.ComponentVersionList
	}
	return collect.EachItem(ctx, p, versions, func(ctx context.Context, v types.ComponentVersion) {
		c := component{ComponentVersion: v}
		var tags map[string]string
		out, err := api.GetComponent(ctx, &imagebuilder.GetComponentInput{ComponentBuildVersionArn: v.Arn})
		t.Warn("GetComponent", err)
		if err == nil && out.Component != nil {
			c.build, tags = out.Component, out.Component.Tags
		}
		key := t.Key("component", arnID(v.Arn))
		t.Emit(&model.Resource{Key: key, Name: aws.ToString(v.Name), ARN: aws.ToString(v.Arn), CreatedAt: collect.TimeText(v.DateCreated),
			Tags: tags, Details: componentFields.Details(c)})
		if c.build != nil {
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(c.build.KmsKeyId)))
		}
	})
}

// workflow is a listed workflow version with its latest build, when
// GetWorkflow answered.
type workflow struct {
	types.WorkflowVersion
	build *types.Workflow
}

func hasWorkflowBuild(w workflow) bool { return w.build != nil }
func hasWorkflowState(w workflow) bool { return hasWorkflowBuild(w) && w.build.State != nil }

var workflowFields = collect.Fields[workflow]{
	collect.Enum("type", "BUILD, TEST or DISTRIBUTION", func(w workflow) types.WorkflowType { return w.Type }),
	collect.Text("version", "semantic version", func(w workflow) *string { return w.Version }),
	collect.Text("description", "workflow description", func(w workflow) *string { return w.Description }),
	collect.When(hasWorkflowState, collect.Enum("status", "DEPRECATED when retired, else empty", func(w workflow) types.WorkflowStatus { return w.build.State.Status })),
	collect.When(hasWorkflowBuild, collect.Text("kms_key_id", "customer managed key of the document; empty: an AWS owned key", func(w workflow) *string {
		return w.build.KmsKeyId
	})),
}

func workflows(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := imagebuilder.NewListWorkflowsPaginator(api, &imagebuilder.ListWorkflowsInput{Owner: types.OwnershipSelf, MaxResults: t.PageSize(maxResults)})
	versions := func(page *imagebuilder.ListWorkflowsOutput) []types.WorkflowVersion { return page.WorkflowVersionList }
	return collect.EachItem(ctx, p, versions, func(ctx context.Context, v types.WorkflowVersion) {
		w := workflow{WorkflowVersion: v}
		var tags map[string]string
		out, err := api.GetWorkflow(ctx, &imagebuilder.GetWorkflowInput{WorkflowBuildVersionArn: v.Arn})
		t.Warn("GetWorkflow", err)
		if err == nil && out.Workflow != nil {
			w.build, tags = out.Workflow, out.Workflow.Tags
		}
		key := t.Key("workflow", arnID(v.Arn))
		t.Emit(&model.Resource{Key: key, Name: aws.ToString(v.Name), ARN: aws.ToString(v.Arn), CreatedAt: collect.TimeText(v.DateCreated),
			Tags: tags, Details: workflowFields.Details(w)})
		if w.build != nil {
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(w.build.KmsKeyId)))
		}
	})
}
