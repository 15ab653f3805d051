// Package elasticbeanstalk collects Elastic Beanstalk applications,
// environments and application versions.
package elasticbeanstalk

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	eb "github.com/aws/aws-sdk-go-v2/service/elasticbeanstalk"
	"github.com/aws/aws-sdk-go-v2/service/elasticbeanstalk/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Elastic Beanstalk collector.
var Service = &collect.Service{
	Name:        "elasticbeanstalk",
	Description: "Elastic Beanstalk applications, environments and application versions",
	Types: []collect.Type{
		{Name: "application", Description: "Elastic Beanstalk application (id = name)", Fields: applicationFields.Declared(), Tags: collect.TagsPerResource, Collect: applications, DetailCalls: 1},
		{Name: "environment", Description: "Elastic Beanstalk environment (id = name, unique in the account and region; terminated ones skipped)", Fields: environmentFields.Declared(), Tags: collect.TagsPerResource, Collect: environments, DetailCalls: 1},
		{Name: "application-version", Description: "Elastic Beanstalk application version (id = application/version label)", Fields: versionFields.Declared(), Tags: collect.TagsPerResource, Collect: applicationVersions, DetailCalls: 1},
	},
	Calls: "application: DescribeApplications (one call). environment, application-version: DescribeEnvironments, DescribeApplicationVersions (paged by token). Every type: + per resource ListTagsForResource",
	Relations: []collect.Relation{
		{From: "application-version", Kind: "member-of", To: "elasticbeanstalk/application"},
		{From: "application-version", Kind: "stored-in", To: "s3/bucket"},
		{From: "environment", Kind: "member-of", To: "elasticbeanstalk/application"},
		{From: "environment", Kind: "assumes-role", To: "iam/role"},
	},
}

// tags reads a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *eb.Client, arn *string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &eb.ListTagsForResourceInput{ResourceArn: arn})
	if err != nil {
		t.Warn("ListTagsForResource", err)
		return nil
	}
	return collect.TagMap(out.ResourceTags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

var applicationFields = collect.Fields[types.ApplicationDescription]{
	collect.Text("description", "description", func(a types.ApplicationDescription) *string { return a.Description }),
	collect.Computed("versions", model.Integer, "application versions kept (each is a source bundle in S3)", func(a types.ApplicationDescription) any { return int64(len(a.Versions)) }),
	collect.Computed("configuration_templates", model.JSON, "saved configuration templates", func(a types.ApplicationDescription) any {
		return append([]string{}, a.ConfigurationTemplates...)
	}),
	collect.Computed("version_lifecycle", model.Boolean, "old versions are deleted by a lifecycle rule", func(a types.ApplicationDescription) any {
		c := a.ResourceLifecycleConfig
		if c == nil || c.VersionLifecycleConfig == nil {
			return false
		}
		v := c.VersionLifecycleConfig
		return v.MaxAgeRule != nil && aws.ToBool(v.MaxAgeRule.Enabled) || v.MaxCountRule != nil && aws.ToBool(v.MaxCountRule.Enabled)
	}),
	collect.Timestamp("updated_at", "last update", func(a types.ApplicationDescription) *time.Time { return a.DateUpdated }),
}

// applications: DescribeApplications is not paginated.
func applications(ctx context.Context, t *collect.Task) error {
	api := eb.NewFromConfig(t.Config)
	out, err := api.DescribeApplications(ctx, &eb.DescribeApplicationsInput{})
	if err != nil {
		return err
	}
	collect.ForEach(ctx, out.Applications, func(ctx context.Context, a types.ApplicationDescription) {
		name := aws.ToString(a.ApplicationName)
		t.Emit(&model.Resource{Key: t.Key("application", name), Name: name, ARN: aws.ToString(a.ApplicationArn), CreatedAt: model.Time(a.DateCreated),
			Tags: tags(ctx, t, api, a.ApplicationArn), Details: applicationFields.Details(a)})
	})
	return nil
}

// tier is an environment's tier, zero when absent.
func tier(e types.EnvironmentDescription) types.EnvironmentTier {
	if e.Tier == nil {
		return types.EnvironmentTier{}
	}
	return *e.Tier
}

var environmentFields = collect.Fields[types.EnvironmentDescription]{
	collect.Text("environment_id", "environment id (e-...)", func(e types.EnvironmentDescription) *string { return e.EnvironmentId }),
	collect.Text("application", "application of the environment", func(e types.EnvironmentDescription) *string { return e.ApplicationName }),
	collect.Enum("status", "Launching, Ready, Updating, Terminating, ...", func(e types.EnvironmentDescription) types.EnvironmentStatus { return e.Status }),
	collect.Enum("health", "Green, Yellow, Red or Grey", func(e types.EnvironmentDescription) types.EnvironmentHealth { return e.Health }),
	collect.Enum("health_status", "enhanced health: Ok, Warning, Degraded, Severe, ...", func(e types.EnvironmentDescription) types.EnvironmentHealthStatus { return e.HealthStatus }),
	collect.Text("solution_stack", "platform (solution stack) name", func(e types.EnvironmentDescription) *string { return e.SolutionStackName }),
	collect.Text("platform_arn", "platform version ARN (an old one is unpatched)", func(e types.EnvironmentDescription) *string { return e.PlatformArn }),
	collect.Computed("tier", model.Text, "WebServer or Worker", func(e types.EnvironmentDescription) any { return aws.ToString(tier(e).Name) }),
	collect.Text("cname", "public CNAME of a web server environment", func(e types.EnvironmentDescription) *string { return e.CNAME }),
	collect.Text("endpoint_url", "load balancer URL or instance IP", func(e types.EnvironmentDescription) *string { return e.EndpointURL }),
	collect.Text("version_label", "application version deployed", func(e types.EnvironmentDescription) *string { return e.VersionLabel }),
	collect.Text("operations_role", "role Elastic Beanstalk operates the environment with", func(e types.EnvironmentDescription) *string { return e.OperationsRole }),
	collect.Timestamp("updated_at", "last update", func(e types.EnvironmentDescription) *time.Time { return e.DateUpdated }),
}

func environments(ctx context.Context, t *collect.Task) error {
	api := eb.NewFromConfig(t.Config)
	p := collect.NewTokenPager(func(ctx context.Context, token *string, o ...func(*eb.Options)) (*eb.DescribeEnvironmentsOutput, error) {
		return api.DescribeEnvironments(ctx, &eb.DescribeEnvironmentsInput{MaxRecords: t.PageSize(1000), NextToken: token}, o...)
	}, func(out *eb.DescribeEnvironmentsOutput) *string { return out.NextToken })
	return collect.EachItem(ctx, p, func(page *eb.DescribeEnvironmentsOutput) []types.EnvironmentDescription { return page.Environments },
		func(ctx context.Context, e types.EnvironmentDescription) {
			if e.Status == types.EnvironmentStatusTerminated {
				return
			}
			key := t.Key("environment", aws.ToString(e.EnvironmentName))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(e.EnvironmentName), ARN: aws.ToString(e.EnvironmentArn), CreatedAt: model.Time(e.DateCreated),
				Tags: tags(ctx, t, api, e.EnvironmentArn), Details: environmentFields.Details(e)})
			t.Relate(key, "member-of", t.Key("application", aws.ToString(e.ApplicationName)))
			t.Relate(key, "assumes-role", t.Role(aws.ToString(e.OperationsRole)))
		})
}

// bundle is a version's source bundle location, zero when absent.
func bundle(v types.ApplicationVersionDescription) types.S3Location {
	if v.SourceBundle == nil {
		return types.S3Location{}
	}
	return *v.SourceBundle
}

var versionFields = collect.Fields[types.ApplicationVersionDescription]{
	collect.Text("application", "application of the version", func(v types.ApplicationVersionDescription) *string { return v.ApplicationName }),
	collect.Text("version_label", "label of the version", func(v types.ApplicationVersionDescription) *string { return v.VersionLabel }),
	collect.Enum("status", "Processed, Unprocessed, Failed, Processing or Building", func(v types.ApplicationVersionDescription) types.ApplicationVersionStatus { return v.Status }),
	collect.Text("description", "description", func(v types.ApplicationVersionDescription) *string { return v.Description }),
	collect.Computed("source_bucket", model.Text, "S3 bucket of the source bundle", func(v types.ApplicationVersionDescription) any { return aws.ToString(bundle(v).S3Bucket) }),
	collect.Computed("source_key", model.Text, "S3 key of the source bundle", func(v types.ApplicationVersionDescription) any { return aws.ToString(bundle(v).S3Key) }),
}

func applicationVersions(ctx context.Context, t *collect.Task) error {
	api := eb.NewFromConfig(t.Config)
	p := collect.NewTokenPager(func(ctx context.Context, token *string, o ...func(*eb.Options)) (*eb.DescribeApplicationVersionsOutput, error) {
		return api.DescribeApplicationVersions(ctx, &eb.DescribeApplicationVersionsInput{MaxRecords: t.PageSize(1000), NextToken: token}, o...)
	}, func(out *eb.DescribeApplicationVersionsOutput) *string { return out.NextToken })
	return collect.EachItem(ctx, p, func(page *eb.DescribeApplicationVersionsOutput) []types.ApplicationVersionDescription {
		return page.ApplicationVersions
	},
		func(ctx context.Context, v types.ApplicationVersionDescription) {
			app := aws.ToString(v.ApplicationName)
			key := t.Key("application-version", app+"/"+aws.ToString(v.VersionLabel))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(v.VersionLabel), ARN: aws.ToString(v.ApplicationVersionArn), CreatedAt: model.Time(v.DateCreated),
				Tags: tags(ctx, t, api, v.ApplicationVersionArn), Details: versionFields.Details(v)})
			t.Relate(key, "member-of", t.Key("application", app))
			t.RelateByName(key, "stored-in", "s3", "bucket", aws.ToString(bundle(v).S3Bucket), t.Region)
		})
}
