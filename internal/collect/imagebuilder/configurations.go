package imagebuilder

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/imagebuilder"
	"github.com/aws/aws-sdk-go-v2/service/imagebuilder/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

func s3Logs(c types.InfrastructureConfiguration) types.S3Logs {
	if c.Logging == nil || c.Logging.S3Logs == nil {
		return types.S3Logs{}
	}
	return *c.Logging.S3Logs
}

var infraFields = collect.Fields[types.InfrastructureConfiguration]{
	collect.Text("description", "configuration description", func(c types.InfrastructureConfiguration) *string { return c.Description }),
	collect.Computed("instance_types", model.JSON, "instance types builds run on", func(c types.InfrastructureConfiguration) any {
		return append([]string{}, c.InstanceTypes...)
	}),
	collect.Text("instance_profile", "instance profile of the build instances", func(c types.InfrastructureConfiguration) *string { return c.InstanceProfileName }),
	collect.Text("subnet_id", "subnet builds run in; empty: the default VPC", func(c types.InfrastructureConfiguration) *string { return c.SubnetId }),
	collect.Computed("security_group_ids", model.JSON, "security groups of the build instances", func(c types.InfrastructureConfiguration) any {
		return append([]string{}, c.SecurityGroupIds...)
	}),
	collect.Text("key_pair", "EC2 key pair that opens SSH to build instances", func(c types.InfrastructureConfiguration) *string { return c.KeyPair }),
	collect.Bool("terminate_on_failure", "failed build instances are terminated; false: kept running for troubleshooting", func(c types.InfrastructureConfiguration) *bool {
		return c.TerminateInstanceOnFailure
	}),
	collect.Computed("http_tokens", model.Text, "IMDS tokens of build instances: required (IMDSv2 only) or optional", func(c types.InfrastructureConfiguration) any {
		if c.InstanceMetadataOptions == nil {
			return ""
		}
		return aws.ToString(c.InstanceMetadataOptions.HttpTokens)
	}),
	collect.Computed("log_bucket", model.Text, "S3 bucket of the build logs; empty: not kept in S3", func(c types.InfrastructureConfiguration) any {
		return aws.ToString(s3Logs(c).S3BucketName)
	}),
	collect.Text("sns_topic_arn", "topic told about build results", func(c types.InfrastructureConfiguration) *string { return c.SnsTopicArn }),
	date("updated", "last change", func(c types.InfrastructureConfiguration) *string { return c.DateUpdated }),
}

// summaryConfiguration is what the listing says of a configuration, for
// when GetInfrastructureConfiguration fails.
func summaryConfiguration(s types.InfrastructureConfigurationSummary) types.InfrastructureConfiguration {
	return types.InfrastructureConfiguration{Arn: s.Arn, Name: s.Name, Description: s.Description, DateCreated: s.DateCreated, DateUpdated: s.DateUpdated,
		InstanceProfileName: s.InstanceProfileName, InstanceTypes: s.InstanceTypes, Tags: s.Tags}
}

func infraConfigs(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := imagebuilder.NewListInfrastructureConfigurationsPaginator(api, &imagebuilder.ListInfrastructureConfigurationsInput{MaxResults: t.PageSize(maxResults)})
	summaries := func(page *imagebuilder.ListInfrastructureConfigurationsOutput) []types.InfrastructureConfigurationSummary {
		return page.InfrastructureConfigurationSummaryList
	}
	return collect.EachItem(ctx, p, summaries, func(ctx context.Context, s types.InfrastructureConfigurationSummary) {
		c := summaryConfiguration(s)
		out, err := api.GetInfrastructureConfiguration(ctx, &imagebuilder.GetInfrastructureConfigurationInput{InfrastructureConfigurationArn: s.Arn})
		t.Warn("GetInfrastructureConfiguration", err)
		if err == nil && out.InfrastructureConfiguration != nil {
			c = *out.InfrastructureConfiguration
		}
		key := t.Key("infrastructure-configuration", arnID(s.Arn))
		t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.Name), ARN: aws.ToString(s.Arn), CreatedAt: collect.TimeText(s.DateCreated),
			Tags: c.Tags, Details: infraFields.Details(c)})
		t.Relate(key, "uses", t.GlobalRef("iam", "instance-profile", aws.ToString(c.InstanceProfileName)))
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", aws.ToString(c.SubnetId)))
		for _, sg := range c.SecurityGroupIds {
			t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
		}
		t.RelateByName(key, "logs-to", "s3", "bucket", aws.ToString(s3Logs(c).S3BucketName), t.Region)
		if topic := aws.ToString(c.SnsTopicArn); topic != "" {
			if to, ok := collect.TargetKey(topic); ok {
				t.Relate(key, "notifies", to)
			}
		}
	})
}

var distributionFields = collect.Fields[types.DistributionConfigurationSummary]{
	collect.Text("description", "configuration description", func(d types.DistributionConfigurationSummary) *string { return d.Description }),
	collect.Computed("regions", model.JSON, "regions images are copied to", func(d types.DistributionConfigurationSummary) any {
		return append([]string{}, d.Regions...)
	}),
	date("updated", "last change", func(d types.DistributionConfigurationSummary) *string { return d.DateUpdated }),
}

func distributions(ctx context.Context, t *collect.Task) error {
	p := imagebuilder.NewListDistributionConfigurationsPaginator(client(t), &imagebuilder.ListDistributionConfigurationsInput{MaxResults: t.PageSize(maxResults)})
	return collect.EachPage(ctx, p, func(page *imagebuilder.ListDistributionConfigurationsOutput) error {
		for _, d := range page.DistributionConfigurationSummaryList {
			t.Emit(&model.Resource{Key: t.Key("distribution-configuration", arnID(d.Arn)), Name: aws.ToString(d.Name), ARN: aws.ToString(d.Arn),
				CreatedAt: collect.TimeText(d.DateCreated), Tags: d.Tags, Details: distributionFields.Details(d)})
		}
		return nil
	})
}

func imageState(i types.ImageSummary) types.ImageState {
	if i.State == nil {
		return types.ImageState{}
	}
	return *i.State
}

func outputs(i types.ImageSummary) types.OutputResources {
	if i.OutputResources == nil {
		return types.OutputResources{}
	}
	return *i.OutputResources
}

var imageFields = collect.Fields[types.ImageSummary]{
	collect.Enum("status", "AVAILABLE, BUILDING, FAILED, DEPRECATED, DELETED, ...", func(i types.ImageSummary) types.ImageStatus { return imageState(i).Status }),
	collect.Enum("type", "AMI or DOCKER", func(i types.ImageSummary) types.ImageType { return i.Type }),
	collect.Enum("platform", "Windows, Linux or macOS", func(i types.ImageSummary) types.Platform { return i.Platform }),
	collect.Enum("build_type", "USER_INITIATED, SCHEDULED, IMPORT or IMPORT_ISO", func(i types.ImageSummary) types.BuildType { return i.BuildType }),
	collect.Text("version", "semantic version with build number", func(i types.ImageSummary) *string { return i.Version }),
	collect.Text("os_version", "operating system of the image", func(i types.ImageSummary) *string { return i.OsVersion }),
	collect.Timestamp("deprecation_time", "when the image is deprecated", func(i types.ImageSummary) *time.Time { return i.DeprecationTime }),
	collect.Computed("amis", model.JSON, "AMIs the build produced, as REGION/AMI_ID", func(i types.ImageSummary) any {
		amis := []string{}
		for _, a := range outputs(i).Amis {
			amis = append(amis, aws.ToString(a.Region)+"/"+aws.ToString(a.Image))
		}
		return amis
	}),
	collect.Computed("container_images", model.JSON, "container image URIs the build pushed", func(i types.ImageSummary) any {
		uris := []string{}
		for _, c := range outputs(i).Containers {
			uris = append(uris, c.ImageUris...)
		}
		return uris
	}),
}

func images(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := imagebuilder.NewListImagesPaginator(api, &imagebuilder.ListImagesInput{Owner: types.OwnershipSelf, IncludeDeprecated: aws.Bool(true), MaxResults: t.PageSize(maxResults)})
	versions := func(page *imagebuilder.ListImagesOutput) []types.ImageVersion { return page.ImageVersionList }
	return collect.EachItem(ctx, p, versions, func(ctx context.Context, v types.ImageVersion) {
		builds := imagebuilder.NewListImageBuildVersionsPaginator(api, &imagebuilder.ListImageBuildVersionsInput{ImageVersionArn: v.Arn, MaxResults: t.PageSize(maxResults)})
		t.Warn("ListImageBuildVersions", collect.EachPage(ctx, builds, func(page *imagebuilder.ListImageBuildVersionsOutput) error {
			for _, i := range page.ImageSummaryList {
				key := t.Key("image", arnID(i.Arn))
				t.Emit(&model.Resource{Key: key, Name: aws.ToString(i.Name), ARN: aws.ToString(i.Arn), CreatedAt: collect.TimeText(i.DateCreated),
					Tags: i.Tags, Details: imageFields.Details(i)})
				for _, a := range outputs(i).Amis {
					account := aws.ToString(a.AccountId)
					if account == "" {
						account = t.Account
					}
					t.Relate(key, "produced", model.Key{Account: account, Region: aws.ToString(a.Region), Service: "ec2", Type: "ami", ID: aws.ToString(a.Image)})
				}
			}
			return nil
		}))
	})
}

var lifecycleFields = collect.Fields[types.LifecyclePolicySummary]{
	collect.Enum("status", "ENABLED or DISABLED", func(l types.LifecyclePolicySummary) types.LifecyclePolicyStatus { return l.Status }),
	collect.Enum("resource_type", "AMI_IMAGE or CONTAINER_IMAGE", func(l types.LifecyclePolicySummary) types.LifecyclePolicyResourceType { return l.ResourceType }),
	collect.Text("description", "policy description", func(l types.LifecyclePolicySummary) *string { return l.Description }),
	collect.Text("execution_role", "role the policy acts as", func(l types.LifecyclePolicySummary) *string { return l.ExecutionRole }),
	collect.Timestamp("last_run", "when the policy last ran", func(l types.LifecyclePolicySummary) *time.Time { return l.DateLastRun }),
	collect.Timestamp("updated", "last change", func(l types.LifecyclePolicySummary) *time.Time { return l.DateUpdated }),
}

func lifecyclePolicies(ctx context.Context, t *collect.Task) error {
	p := imagebuilder.NewListLifecyclePoliciesPaginator(client(t), &imagebuilder.ListLifecyclePoliciesInput{MaxResults: t.PageSize(maxResults)})
	return collect.EachPage(ctx, p, func(page *imagebuilder.ListLifecyclePoliciesOutput) error {
		for _, l := range page.LifecyclePolicySummaryList {
			key := t.Key("lifecycle-policy", arnID(l.Arn))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(l.Name), ARN: aws.ToString(l.Arn), CreatedAt: model.Time(l.DateCreated),
				Tags: l.Tags, Details: lifecycleFields.Details(l)})
			relateRole(t, key, l.ExecutionRole)
		}
		return nil
	})
}
