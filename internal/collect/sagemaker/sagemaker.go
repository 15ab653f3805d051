// Package sagemaker collects SageMaker notebook instances, endpoints,
// endpoint configurations, models, Studio domains and user profiles,
// pipelines, recent training jobs, model package groups and feature groups.
package sagemaker

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the SageMaker collector.
var Service = &collect.Service{
	Name:        "sagemaker",
	Description: "SageMaker notebooks, endpoints, models, Studio domains, pipelines, training jobs and feature groups",
	Types: []collect.Type{
		{Name: "notebook-instance", Description: "SageMaker notebook instance (id = name), with root access, direct internet access and its network",
			Fields: notebookFields.Declared(), Tags: collect.TagsPerResource, Collect: notebookInstances, DetailCalls: 2},
		{Name: "endpoint", Description: "SageMaker real-time inference endpoint (id = name)",
			Fields: endpointFields.Declared(), Tags: collect.TagsPerResource, Collect: endpoints, DetailCalls: 2},
		{Name: "endpoint-config", Description: "SageMaker endpoint configuration (id = name): variants, instance types, storage key",
			Fields: endpointConfigFields.Declared(), Tags: collect.TagsPerResource, Collect: endpointConfigs, DetailCalls: 2},
		{Name: "model", Description: "SageMaker model (id = name): execution role, network isolation, VPC",
			Fields: modelFields.Declared(), Tags: collect.TagsPerResource, Collect: models, DetailCalls: 2},
		{Name: "domain", Description: "SageMaker Studio domain (id = domain id): auth mode, network access, storage key",
			Fields: domainFields.Declared(), Tags: collect.TagsPerResource, Collect: domains, DetailCalls: 2},
		{Name: "user-profile", Description: "SageMaker Studio user profile (id = domain id/profile name)",
			Fields: userProfileFields.Declared(), Tags: collect.TagsPerResource, Collect: userProfiles, DetailCalls: 2},
		{Name: "pipeline", Description: "SageMaker pipeline (id = name)",
			Fields: pipelineFields.Declared(), Tags: collect.TagsPerResource, Collect: pipelines, DetailCalls: 2},
		{Name: "training-job", Description: "SageMaker training job created in the last 30 days (id = name); older jobs are history, not estate",
			Fields: trainingJobFields.Declared(), Tags: collect.TagsPerResource, Collect: trainingJobs, DetailCalls: 2},
		{Name: "model-package-group", Description: "SageMaker model registry group (id = name)",
			Fields: packageGroupFields.Declared(), Tags: collect.TagsPerResource, Collect: modelPackageGroups, DetailCalls: 1},
		{Name: "feature-group", Description: "SageMaker Feature Store feature group (id = name): online/offline stores and their encryption",
			Fields: featureGroupFields.Declared(), Tags: collect.TagsPerResource, Collect: featureGroups, DetailCalls: 2},
	},
	Calls: "notebook-instance: ListNotebookInstances + per instance DescribeNotebookInstance, ListTags. " +
		"endpoint: ListEndpoints + per endpoint DescribeEndpoint, ListTags. " +
		"endpoint-config: ListEndpointConfigs + per config DescribeEndpointConfig, ListTags. " +
		"model: ListModels + per model DescribeModel, ListTags. " +
		"domain: ListDomains + per domain DescribeDomain, ListTags. " +
		"user-profile: ListUserProfiles + per profile DescribeUserProfile, ListTags. " +
		"pipeline: ListPipelines + per pipeline DescribePipeline, ListTags. " +
		"training-job: ListTrainingJobs (created in the last 30 days) + per job DescribeTrainingJob, ListTags. " +
		"model-package-group: ListModelPackageGroups + per group ListTags. " +
		"feature-group: ListFeatureGroups + per group DescribeFeatureGroup, ListTags",
	Relations: []collect.Relation{
		{From: "notebook-instance", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "notebook-instance", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "notebook-instance", Kind: "assumes-role", To: "iam/role"},
		{From: "notebook-instance", Kind: "encrypted-with", To: "kms/key"},
		{From: "endpoint", Kind: "uses-config", To: "sagemaker/endpoint-config"},
		{From: "endpoint-config", Kind: "serves", To: "sagemaker/model"},
		{From: "endpoint-config", Kind: "encrypted-with", To: "kms/key"},
		{From: "model", Kind: "assumes-role", To: "iam/role"},
		{From: "model", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "model", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "domain", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "domain", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "domain", Kind: "assumes-role", To: "iam/role"},
		{From: "domain", Kind: "encrypted-with", To: "kms/key"},
		{From: "user-profile", Kind: "in-domain", To: "sagemaker/domain"},
		{From: "user-profile", Kind: "assumes-role", To: "iam/role"},
		{From: "pipeline", Kind: "assumes-role", To: "iam/role"},
		{From: "training-job", Kind: "assumes-role", To: "iam/role"},
		{From: "training-job", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "training-job", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "training-job", Kind: "encrypted-with", To: "kms/key"},
		{From: "feature-group", Kind: "assumes-role", To: "iam/role"},
		{From: "feature-group", Kind: "encrypted-with", To: "kms/key"},
		{From: "feature-group", Kind: "stores-in", To: "s3/bucket"},
	},
}

// listed is what a listing says of one resource.
type listed struct {
	typ, id, name, arn string
	created            *time.Time
}

// emitDescribed emits one listed resource with the details of its describe
// call and its tags; a failed describe leaves the details unknown and the
// collection partial. relate records the relationships the description names.
func emitDescribed[D any](ctx context.Context, t *collect.Task, api *sagemaker.Client, l listed, op string,
	describe func(context.Context) (D, error), fields collect.Fields[D], relate func(model.Key, D)) {
	key := t.Key(l.typ, l.id)
	r := &model.Resource{Key: key, Name: l.name, ARN: l.arn, CreatedAt: model.Time(l.created)}
	if d, err := describe(ctx); err != nil {
		t.Warn(op, err)
	} else {
		r.Details = fields.Details(d)
		relate(key, d)
	}
	r.Tags = tags(ctx, t, api, l.arn)
	t.Emit(r)
}

// tags pages through a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *sagemaker.Client, arn string) map[string]string {
	out := map[string]string{}
	p := sagemaker.NewListTagsPaginator(api, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn)})
	t.Warn("ListTags", collect.EachPage(ctx, p, func(page *sagemaker.ListTagsOutput) error {
		for _, tg := range page.Tags {
			out[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
		}
		return nil
	}))
	return out
}

// relateRole records that key runs as the IAM role roleARN.
func relateRole(t *collect.Task, key model.Key, roleARN *string) {
	t.Relate(key, "assumes-role", t.Role(aws.ToString(roleARN)))
}

// relateNetwork records the subnets and security groups key runs in.
func relateNetwork(t *collect.Task, key model.Key, subnets, groups []string) {
	for _, s := range subnets {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
	}
	for _, g := range groups {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", g))
	}
}

// relateVPC records the subnets and security groups of a VPC configuration.
func relateVPC(t *collect.Task, key model.Key, c *types.VpcConfig) {
	if c != nil {
		relateNetwork(t, key, c.Subnets, c.SecurityGroupIds)
	}
}

// inVPC is a boolean field: the resource runs in a VPC of the account.
func inVPC[T any](description string, get func(T) *types.VpcConfig) collect.Field[T] {
	return collect.Computed("in_vpc", model.Boolean, description, func(v T) any { return get(v) != nil })
}

// jsonList stores a string list as a JSON list, never null.
func jsonList(s []string) any {
	if s == nil {
		return []string{}
	}
	return s
}

var notebookFields = collect.Fields[*sagemaker.DescribeNotebookInstanceOutput]{
	collect.Enum("status", "Pending, InService, Stopping, Stopped, Failed, Deleting or Updating", func(n *sagemaker.DescribeNotebookInstanceOutput) types.NotebookInstanceStatus {
		return n.NotebookInstanceStatus
	}),
	collect.Enum("instance_type", "ML instance type (ml.t3.medium...)", func(n *sagemaker.DescribeNotebookInstanceOutput) types.InstanceType { return n.InstanceType }),
	collect.Enum("root_access", "Enabled: notebook users can become root on the instance", func(n *sagemaker.DescribeNotebookInstanceOutput) types.RootAccess { return n.RootAccess }),
	collect.Enum("direct_internet_access", "Enabled: the instance reaches the internet outside the VPC", func(n *sagemaker.DescribeNotebookInstanceOutput) types.DirectInternetAccess {
		return n.DirectInternetAccess
	}),
	collect.Text("kms_key_id", "KMS key encrypting the ML storage volume; empty: AWS managed key", func(n *sagemaker.DescribeNotebookInstanceOutput) *string { return n.KmsKeyId }),
	collect.Text("subnet_id", "subnet of the instance's network interface; empty: no VPC", func(n *sagemaker.DescribeNotebookInstanceOutput) *string { return n.SubnetId }),
	collect.Computed("security_groups", model.JSON, "security group ids of the network interface", func(n *sagemaker.DescribeNotebookInstanceOutput) any { return jsonList(n.SecurityGroups) }),
	collect.Int("volume_size_gb", "ML storage volume size in GB", func(n *sagemaker.DescribeNotebookInstanceOutput) *int32 { return n.VolumeSizeInGB }),
	collect.Text("platform_identifier", "platform (notebook-al2-v2...)", func(n *sagemaker.DescribeNotebookInstanceOutput) *string { return n.PlatformIdentifier }),
	collect.Text("role_arn", "IAM role the notebook runs as", func(n *sagemaker.DescribeNotebookInstanceOutput) *string { return n.RoleArn }),
	collect.Text("lifecycle_config", "lifecycle configuration run at create and start", func(n *sagemaker.DescribeNotebookInstanceOutput) *string {
		return n.NotebookInstanceLifecycleConfigName
	}),
	collect.Computed("minimum_imds_version", model.Text, "minimum instance metadata service version (2: IMDSv2 only)", func(n *sagemaker.DescribeNotebookInstanceOutput) any {
		if c := n.InstanceMetadataServiceConfiguration; c != nil {
			return aws.ToString(c.MinimumInstanceMetadataServiceVersion)
		}
		return ""
	}),
	collect.Timestamp("last_modified", "last change of the instance", func(n *sagemaker.DescribeNotebookInstanceOutput) *time.Time { return n.LastModifiedTime }),
}

func notebookInstances(ctx context.Context, t *collect.Task) error {
	api := sagemaker.NewFromConfig(t.Config)
	p := sagemaker.NewListNotebookInstancesPaginator(api, &sagemaker.ListNotebookInstancesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sagemaker.ListNotebookInstancesOutput) []types.NotebookInstanceSummary {
		return page.NotebookInstances
	},
		func(ctx context.Context, s types.NotebookInstanceSummary) {
			name := aws.ToString(s.NotebookInstanceName)
			l := listed{typ: "notebook-instance", id: name, name: name, arn: aws.ToString(s.NotebookInstanceArn), created: s.CreationTime}
			emitDescribed(ctx, t, api, l, "DescribeNotebookInstance", func(ctx context.Context) (*sagemaker.DescribeNotebookInstanceOutput, error) {
				return api.DescribeNotebookInstance(ctx, &sagemaker.DescribeNotebookInstanceInput{NotebookInstanceName: s.NotebookInstanceName})
			}, notebookFields, func(key model.Key, n *sagemaker.DescribeNotebookInstanceOutput) {
				relateNetwork(t, key, []string{aws.ToString(n.SubnetId)}, n.SecurityGroups)
				relateRole(t, key, n.RoleArn)
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(n.KmsKeyId)))
			})
		})
}

var endpointFields = collect.Fields[*sagemaker.DescribeEndpointOutput]{
	collect.Enum("status", "InService, Creating, Updating, Failed, ...", func(e *sagemaker.DescribeEndpointOutput) types.EndpointStatus { return e.EndpointStatus }),
	collect.Text("endpoint_config", "endpoint configuration deployed", func(e *sagemaker.DescribeEndpointOutput) *string { return e.EndpointConfigName }),
	collect.Computed("variant_count", model.Integer, "production variants", func(e *sagemaker.DescribeEndpointOutput) any { return int64(len(e.ProductionVariants)) }),
	collect.Computed("instance_count", model.Integer, "instances currently serving, over all variants (0 for serverless)", func(e *sagemaker.DescribeEndpointOutput) any {
		var n int64
		for _, v := range e.ProductionVariants {
			n += int64(aws.ToInt32(v.CurrentInstanceCount))
		}
		return n
	}),
	collect.Computed("data_capture", model.Boolean, "request and response capture to S3 is on", func(e *sagemaker.DescribeEndpointOutput) any {
		return e.DataCaptureConfig != nil && aws.ToBool(e.DataCaptureConfig.EnableCapture)
	}),
	collect.Text("failure_reason", "why the last change failed", func(e *sagemaker.DescribeEndpointOutput) *string { return e.FailureReason }),
	collect.Timestamp("last_modified", "last change of the endpoint", func(e *sagemaker.DescribeEndpointOutput) *time.Time { return e.LastModifiedTime }),
}

func endpoints(ctx context.Context, t *collect.Task) error {
	api := sagemaker.NewFromConfig(t.Config)
	p := sagemaker.NewListEndpointsPaginator(api, &sagemaker.ListEndpointsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sagemaker.ListEndpointsOutput) []types.EndpointSummary { return page.Endpoints },
		func(ctx context.Context, s types.EndpointSummary) {
			name := aws.ToString(s.EndpointName)
			l := listed{typ: "endpoint", id: name, name: name, arn: aws.ToString(s.EndpointArn), created: s.CreationTime}
			emitDescribed(ctx, t, api, l, "DescribeEndpoint", func(ctx context.Context) (*sagemaker.DescribeEndpointOutput, error) {
				return api.DescribeEndpoint(ctx, &sagemaker.DescribeEndpointInput{EndpointName: s.EndpointName})
			}, endpointFields, func(key model.Key, e *sagemaker.DescribeEndpointOutput) {
				t.Relate(key, "uses-config", t.Key("endpoint-config", aws.ToString(e.EndpointConfigName)))
			})
		})
}

var endpointConfigFields = collect.Fields[*sagemaker.DescribeEndpointConfigOutput]{
	collect.Text("kms_key_id", "KMS key encrypting the instances' storage volumes", func(c *sagemaker.DescribeEndpointConfigOutput) *string { return c.KmsKeyId }),
	collect.Computed("models", model.JSON, "models the production variants serve", func(c *sagemaker.DescribeEndpointConfigOutput) any { return jsonList(variantModels(c)) }),
	collect.Computed("instance_types", model.JSON, "instance type of each instance-backed variant", func(c *sagemaker.DescribeEndpointConfigOutput) any {
		out := []string{}
		for _, v := range c.ProductionVariants {
			if v.InstanceType != "" {
				out = append(out, string(v.InstanceType))
			}
		}
		return out
	}),
	collect.Computed("initial_instance_count", model.Integer, "instances the variants start with, over all variants", func(c *sagemaker.DescribeEndpointConfigOutput) any {
		var n int64
		for _, v := range c.ProductionVariants {
			n += int64(aws.ToInt32(v.InitialInstanceCount))
		}
		return n
	}),
	collect.Computed("serverless", model.Boolean, "every variant is serverless", func(c *sagemaker.DescribeEndpointConfigOutput) any {
		for _, v := range c.ProductionVariants {
			if v.ServerlessConfig == nil {
				return false
			}
		}
		return len(c.ProductionVariants) > 0
	}),
	collect.Computed("data_capture", model.Boolean, "request and response capture to S3 is on", func(c *sagemaker.DescribeEndpointConfigOutput) any {
		return c.DataCaptureConfig != nil && aws.ToBool(c.DataCaptureConfig.EnableCapture)
	}),
	collect.Bool("network_isolation", "containers have no network access", func(c *sagemaker.DescribeEndpointConfigOutput) *bool { return c.EnableNetworkIsolation }),
}

func variantModels(c *sagemaker.DescribeEndpointConfigOutput) []string {
	var out []string
	for _, v := range c.ProductionVariants {
		if m := aws.ToString(v.ModelName); m != "" {
			out = append(out, m)
		}
	}
	return out
}

func endpointConfigs(ctx context.Context, t *collect.Task) error {
	api := sagemaker.NewFromConfig(t.Config)
	p := sagemaker.NewListEndpointConfigsPaginator(api, &sagemaker.ListEndpointConfigsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sagemaker.ListEndpointConfigsOutput) []types.EndpointConfigSummary {
		return page.EndpointConfigs
	},
		func(ctx context.Context, s types.EndpointConfigSummary) {
			name := aws.ToString(s.EndpointConfigName)
			l := listed{typ: "endpoint-config", id: name, name: name, arn: aws.ToString(s.EndpointConfigArn), created: s.CreationTime}
			emitDescribed(ctx, t, api, l, "DescribeEndpointConfig", func(ctx context.Context) (*sagemaker.DescribeEndpointConfigOutput, error) {
				return api.DescribeEndpointConfig(ctx, &sagemaker.DescribeEndpointConfigInput{EndpointConfigName: s.EndpointConfigName})
			}, endpointConfigFields, func(key model.Key, c *sagemaker.DescribeEndpointConfigOutput) {
				for _, m := range variantModels(c) {
					t.Relate(key, "serves", t.Key("model", m))
				}
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(c.KmsKeyId)))
			})
		})
}

var modelFields = collect.Fields[*sagemaker.DescribeModelOutput]{
	collect.Text("execution_role", "IAM role the model's containers run as", func(m *sagemaker.DescribeModelOutput) *string { return m.ExecutionRoleArn }),
	collect.Bool("network_isolation", "containers have no network access", func(m *sagemaker.DescribeModelOutput) *bool { return m.EnableNetworkIsolation }),
	inVPC("containers run in a VPC of the account", func(m *sagemaker.DescribeModelOutput) *types.VpcConfig { return m.VpcConfig }),
	collect.Computed("images", model.JSON, "container images of the model", func(m *sagemaker.DescribeModelOutput) any {
		out := []string{}
		for _, c := range append([]types.ContainerDefinition{deref(m.PrimaryContainer)}, m.Containers...) {
			if img := aws.ToString(c.Image); img != "" {
				out = append(out, img)
			}
		}
		return out
	}),
}

func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

func models(ctx context.Context, t *collect.Task) error {
	api := sagemaker.NewFromConfig(t.Config)
	p := sagemaker.NewListModelsPaginator(api, &sagemaker.ListModelsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sagemaker.ListModelsOutput) []types.ModelSummary { return page.Models },
		func(ctx context.Context, s types.ModelSummary) {
			name := aws.ToString(s.ModelName)
			l := listed{typ: "model", id: name, name: name, arn: aws.ToString(s.ModelArn), created: s.CreationTime}
			emitDescribed(ctx, t, api, l, "DescribeModel", func(ctx context.Context) (*sagemaker.DescribeModelOutput, error) {
				return api.DescribeModel(ctx, &sagemaker.DescribeModelInput{ModelName: s.ModelName})
			}, modelFields, func(key model.Key, m *sagemaker.DescribeModelOutput) {
				relateRole(t, key, m.ExecutionRoleArn)
				relateVPC(t, key, m.VpcConfig)
			})
		})
}

var domainFields = collect.Fields[*sagemaker.DescribeDomainOutput]{
	collect.Enum("status", "InService, Pending, Failed, ...", func(d *sagemaker.DescribeDomainOutput) types.DomainStatus { return d.Status }),
	collect.Enum("auth_mode", "SSO (IAM Identity Center) or IAM", func(d *sagemaker.DescribeDomainOutput) types.AuthMode { return d.AuthMode }),
	collect.Enum("app_network_access", "PublicInternetOnly: apps reach the internet through SageMaker; VpcOnly: through the VPC", func(d *sagemaker.DescribeDomainOutput) types.AppNetworkAccessType {
		return d.AppNetworkAccessType
	}),
	collect.Text("kms_key_id", "KMS key encrypting the home EFS volume", func(d *sagemaker.DescribeDomainOutput) *string { return d.KmsKeyId }),
	collect.Text("vpc_id", "VPC the domain's apps use", func(d *sagemaker.DescribeDomainOutput) *string { return d.VpcId }),
	collect.Computed("subnet_ids", model.JSON, "subnets of the domain's apps", func(d *sagemaker.DescribeDomainOutput) any { return jsonList(d.SubnetIds) }),
	collect.Text("home_efs_file_system", "EFS file system holding the users' home directories", func(d *sagemaker.DescribeDomainOutput) *string { return d.HomeEfsFileSystemId }),
	collect.Computed("default_execution_role", model.Text, "IAM role user profiles run as unless they say otherwise", func(d *sagemaker.DescribeDomainOutput) any {
		return aws.ToString(deref(d.DefaultUserSettings).ExecutionRole)
	}),
	collect.Text("url", "Studio URL", func(d *sagemaker.DescribeDomainOutput) *string { return d.Url }),
}

func domains(ctx context.Context, t *collect.Task) error {
	api := sagemaker.NewFromConfig(t.Config)
	p := sagemaker.NewListDomainsPaginator(api, &sagemaker.ListDomainsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sagemaker.ListDomainsOutput) []types.DomainDetails { return page.Domains },
		func(ctx context.Context, s types.DomainDetails) {
			l := listed{typ: "domain", id: aws.ToString(s.DomainId), name: aws.ToString(s.DomainName), arn: aws.ToString(s.DomainArn), created: s.CreationTime}
			emitDescribed(ctx, t, api, l, "DescribeDomain", func(ctx context.Context) (*sagemaker.DescribeDomainOutput, error) {
				return api.DescribeDomain(ctx, &sagemaker.DescribeDomainInput{DomainId: s.DomainId})
			}, domainFields, func(key model.Key, d *sagemaker.DescribeDomainOutput) {
				t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(d.VpcId)))
				relateNetwork(t, key, d.SubnetIds, nil)
				relateRole(t, key, deref(d.DefaultUserSettings).ExecutionRole)
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(d.KmsKeyId)))
			})
		})
}

var userProfileFields = collect.Fields[*sagemaker.DescribeUserProfileOutput]{
	collect.Enum("status", "InService, Pending, Failed, ...", func(u *sagemaker.DescribeUserProfileOutput) types.UserProfileStatus { return u.Status }),
	collect.Text("domain_id", "Studio domain of the profile", func(u *sagemaker.DescribeUserProfileOutput) *string { return u.DomainId }),
	collect.Computed("execution_role", model.Text, "IAM role the user's apps run as; empty: the domain's default", func(u *sagemaker.DescribeUserProfileOutput) any {
		return aws.ToString(deref(u.UserSettings).ExecutionRole)
	}),
	collect.Text("sso_user", "IAM Identity Center user name (SSO domains)", func(u *sagemaker.DescribeUserProfileOutput) *string { return u.SingleSignOnUserValue }),
	collect.Timestamp("last_modified", "last change of the profile", func(u *sagemaker.DescribeUserProfileOutput) *time.Time { return u.LastModifiedTime }),
}

func userProfiles(ctx context.Context, t *collect.Task) error {
	api := sagemaker.NewFromConfig(t.Config)
	p := sagemaker.NewListUserProfilesPaginator(api, &sagemaker.ListUserProfilesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sagemaker.ListUserProfilesOutput) []types.UserProfileDetails { return page.UserProfiles },
		func(ctx context.Context, s types.UserProfileDetails) {
			domain, name := aws.ToString(s.DomainId), aws.ToString(s.UserProfileName)
			l := listed{typ: "user-profile", id: domain + "/" + name, name: name,
				arn: collect.ARN(t, "sagemaker", "", "user-profile/"+domain+"/"+name), created: s.CreationTime}
			emitDescribed(ctx, t, api, l, "DescribeUserProfile", func(ctx context.Context) (*sagemaker.DescribeUserProfileOutput, error) {
				return api.DescribeUserProfile(ctx, &sagemaker.DescribeUserProfileInput{DomainId: s.DomainId, UserProfileName: s.UserProfileName})
			}, userProfileFields, func(key model.Key, u *sagemaker.DescribeUserProfileOutput) {
				t.Relate(key, "in-domain", t.Key("domain", domain))
				relateRole(t, key, deref(u.UserSettings).ExecutionRole)
			})
		})
}

var pipelineFields = collect.Fields[*sagemaker.DescribePipelineOutput]{
	collect.Enum("status", "Active or Deleting", func(p *sagemaker.DescribePipelineOutput) types.PipelineStatus { return p.PipelineStatus }),
	collect.Text("description", "pipeline description", func(p *sagemaker.DescribePipelineOutput) *string { return p.PipelineDescription }),
	collect.Text("role_arn", "IAM role the pipeline runs as", func(p *sagemaker.DescribePipelineOutput) *string { return p.RoleArn }),
	collect.Timestamp("last_run", "start of the last execution", func(p *sagemaker.DescribePipelineOutput) *time.Time { return p.LastRunTime }),
	collect.Timestamp("last_modified", "last change of the definition", func(p *sagemaker.DescribePipelineOutput) *time.Time { return p.LastModifiedTime }),
}

func pipelines(ctx context.Context, t *collect.Task) error {
	api := sagemaker.NewFromConfig(t.Config)
	p := sagemaker.NewListPipelinesPaginator(api, &sagemaker.ListPipelinesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sagemaker.ListPipelinesOutput) []types.PipelineSummary { return page.PipelineSummaries },
		func(ctx context.Context, s types.PipelineSummary) {
			name := aws.ToString(s.PipelineName)
			l := listed{typ: "pipeline", id: name, name: name, arn: aws.ToString(s.PipelineArn), created: s.CreationTime}
			emitDescribed(ctx, t, api, l, "DescribePipeline", func(ctx context.Context) (*sagemaker.DescribePipelineOutput, error) {
				return api.DescribePipeline(ctx, &sagemaker.DescribePipelineInput{PipelineName: s.PipelineName})
			}, pipelineFields, func(key model.Key, p *sagemaker.DescribePipelineOutput) { relateRole(t, key, p.RoleArn) })
		})
}

// trainingWindow is how far back training jobs are collected: finished
// jobs are history, and an account can hold hundreds of thousands.
const trainingWindow = 30 * 24 * time.Hour

var trainingJobFields = collect.Fields[*sagemaker.DescribeTrainingJobOutput]{
	collect.Enum("status", "InProgress, Completed, Failed, Stopping or Stopped", func(j *sagemaker.DescribeTrainingJobOutput) types.TrainingJobStatus { return j.TrainingJobStatus }),
	collect.Computed("instance_type", model.Text, "training instance type", func(j *sagemaker.DescribeTrainingJobOutput) any { return string(deref(j.ResourceConfig).InstanceType) }),
	collect.Computed("instance_count", model.Integer, "training instances", func(j *sagemaker.DescribeTrainingJobOutput) any {
		return int64(aws.ToInt32(deref(j.ResourceConfig).InstanceCount))
	}),
	collect.Computed("volume_kms_key_id", model.Text, "KMS key encrypting the training volumes", func(j *sagemaker.DescribeTrainingJobOutput) any {
		return aws.ToString(deref(j.ResourceConfig).VolumeKmsKeyId)
	}),
	collect.Computed("output_kms_key_id", model.Text, "KMS key encrypting the model artifacts in S3", func(j *sagemaker.DescribeTrainingJobOutput) any {
		return aws.ToString(deref(j.OutputDataConfig).KmsKeyId)
	}),
	collect.Bool("inter_container_encryption", "traffic between training containers is encrypted", func(j *sagemaker.DescribeTrainingJobOutput) *bool {
		return j.EnableInterContainerTrafficEncryption
	}),
	collect.Bool("network_isolation", "containers have no network access", func(j *sagemaker.DescribeTrainingJobOutput) *bool { return j.EnableNetworkIsolation }),
	inVPC("training runs in a VPC of the account", func(j *sagemaker.DescribeTrainingJobOutput) *types.VpcConfig { return j.VpcConfig }),
	collect.Bool("managed_spot", "trains on spot capacity", func(j *sagemaker.DescribeTrainingJobOutput) *bool { return j.EnableManagedSpotTraining }),
	collect.Int("billable_seconds", "billable training time in seconds", func(j *sagemaker.DescribeTrainingJobOutput) *int32 { return j.BillableTimeInSeconds }),
	collect.Text("role_arn", "IAM role the job runs as", func(j *sagemaker.DescribeTrainingJobOutput) *string { return j.RoleArn }),
	collect.Timestamp("training_end", "when training ended", func(j *sagemaker.DescribeTrainingJobOutput) *time.Time { return j.TrainingEndTime }),
}

func trainingJobs(ctx context.Context, t *collect.Task) error {
	api := sagemaker.NewFromConfig(t.Config)
	p := sagemaker.NewListTrainingJobsPaginator(api, &sagemaker.ListTrainingJobsInput{MaxResults: t.PageSize(100),
		CreationTimeAfter: aws.Time(time.Now().Add(-trainingWindow))})
	return collect.EachItem(ctx, p, func(page *sagemaker.ListTrainingJobsOutput) []types.TrainingJobSummary {
		return page.TrainingJobSummaries
	},
		func(ctx context.Context, s types.TrainingJobSummary) {
			name := aws.ToString(s.TrainingJobName)
			l := listed{typ: "training-job", id: name, name: name, arn: aws.ToString(s.TrainingJobArn), created: s.CreationTime}
			emitDescribed(ctx, t, api, l, "DescribeTrainingJob", func(ctx context.Context) (*sagemaker.DescribeTrainingJobOutput, error) {
				return api.DescribeTrainingJob(ctx, &sagemaker.DescribeTrainingJobInput{TrainingJobName: s.TrainingJobName})
			}, trainingJobFields, func(key model.Key, j *sagemaker.DescribeTrainingJobOutput) {
				relateRole(t, key, j.RoleArn)
				relateVPC(t, key, j.VpcConfig)
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(deref(j.ResourceConfig).VolumeKmsKeyId)))
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(deref(j.OutputDataConfig).KmsKeyId)))
			})
		})
}

var packageGroupFields = collect.Fields[types.ModelPackageGroupSummary]{
	collect.Enum("status", "Completed, Pending, InProgress, Failed, Deleting or DeleteFailed", func(g types.ModelPackageGroupSummary) types.ModelPackageGroupStatus {
		return g.ModelPackageGroupStatus
	}),
	collect.Text("description", "group description", func(g types.ModelPackageGroupSummary) *string { return g.ModelPackageGroupDescription }),
}

func modelPackageGroups(ctx context.Context, t *collect.Task) error {
	api := sagemaker.NewFromConfig(t.Config)
	p := sagemaker.NewListModelPackageGroupsPaginator(api, &sagemaker.ListModelPackageGroupsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sagemaker.ListModelPackageGroupsOutput) []types.ModelPackageGroupSummary {
		return page.ModelPackageGroupSummaryList
	},
		func(ctx context.Context, g types.ModelPackageGroupSummary) {
			name, arn := aws.ToString(g.ModelPackageGroupName), aws.ToString(g.ModelPackageGroupArn)
			t.Emit(&model.Resource{Key: t.Key("model-package-group", name), Name: name, ARN: arn, CreatedAt: model.Time(g.CreationTime),
				Details: packageGroupFields.Details(g), Tags: tags(ctx, t, api, arn)})
		})
}

var featureGroupFields = collect.Fields[*sagemaker.DescribeFeatureGroupOutput]{
	collect.Enum("status", "Creating, Created, CreateFailed, Deleting or DeleteFailed", func(f *sagemaker.DescribeFeatureGroupOutput) types.FeatureGroupStatus {
		return f.FeatureGroupStatus
	}),
	collect.Computed("online_store", model.Boolean, "the online store is enabled", func(f *sagemaker.DescribeFeatureGroupOutput) any {
		return aws.ToBool(deref(f.OnlineStoreConfig).EnableOnlineStore)
	}),
	collect.Computed("online_kms_key_id", model.Text, "KMS key encrypting the online store", func(f *sagemaker.DescribeFeatureGroupOutput) any {
		return aws.ToString(deref(deref(f.OnlineStoreConfig).SecurityConfig).KmsKeyId)
	}),
	collect.Computed("offline_store_s3_uri", model.Text, "S3 location of the offline store; empty: no offline store", func(f *sagemaker.DescribeFeatureGroupOutput) any {
		return aws.ToString(offlineS3(f).S3Uri)
	}),
	collect.Computed("offline_kms_key_id", model.Text, "KMS key encrypting the offline store", func(f *sagemaker.DescribeFeatureGroupOutput) any {
		return aws.ToString(offlineS3(f).KmsKeyId)
	}),
	collect.Text("role_arn", "IAM role that writes the offline store", func(f *sagemaker.DescribeFeatureGroupOutput) *string { return f.RoleArn }),
	collect.Text("description", "feature group description", func(f *sagemaker.DescribeFeatureGroupOutput) *string { return f.Description }),
}

func offlineS3(f *sagemaker.DescribeFeatureGroupOutput) types.S3StorageConfig {
	return deref(deref(f.OfflineStoreConfig).S3StorageConfig)
}

func featureGroups(ctx context.Context, t *collect.Task) error {
	api := sagemaker.NewFromConfig(t.Config)
	p := sagemaker.NewListFeatureGroupsPaginator(api, &sagemaker.ListFeatureGroupsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sagemaker.ListFeatureGroupsOutput) []types.FeatureGroupSummary {
		return page.FeatureGroupSummaries
	},
		func(ctx context.Context, s types.FeatureGroupSummary) {
			name := aws.ToString(s.FeatureGroupName)
			l := listed{typ: "feature-group", id: name, name: name, arn: aws.ToString(s.FeatureGroupArn), created: s.CreationTime}
			emitDescribed(ctx, t, api, l, "DescribeFeatureGroup", func(ctx context.Context) (*sagemaker.DescribeFeatureGroupOutput, error) {
				return api.DescribeFeatureGroup(ctx, &sagemaker.DescribeFeatureGroupInput{FeatureGroupName: s.FeatureGroupName})
			}, featureGroupFields, func(key model.Key, f *sagemaker.DescribeFeatureGroupOutput) {
				relateRole(t, key, f.RoleArn)
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(deref(deref(f.OnlineStoreConfig).SecurityConfig).KmsKeyId)))
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(offlineS3(f).KmsKeyId)))
				t.RelateByName(key, "stores-in", "s3", "bucket", collect.S3URIBucket(aws.ToString(offlineS3(f).S3Uri)), t.Region)
			})
		})
}
