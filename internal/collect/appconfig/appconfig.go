// Package appconfig collects AppConfig applications, their environments
// and configuration profiles, and custom deployment strategies.
package appconfig

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/appconfig"
	"github.com/aws/aws-sdk-go-v2/service/appconfig/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the AppConfig collector.
var Service = &collect.Service{
	Name:        "appconfig",
	Description: "AppConfig applications, environments, configuration profiles and deployment strategies",
	Types: []collect.Type{
		{Name: "application", Description: "AppConfig application (id = application id)", Fields: applicationFields.Declared(),
			Tags: collect.TagsPerResource, Collect: applications, DetailCalls: 1},
		{Name: "environment", Description: "environment of an application (id = APPLICATION_ID/ENVIRONMENT_ID), with the alarms that roll deployments back",
			Fields: environmentFields.Declared(), Tags: collect.TagsPerResource, Collect: environments, DetailCalls: 2},
		{Name: "configuration-profile", Description: "configuration profile of an application (id = APPLICATION_ID/PROFILE_ID): where the configuration is stored",
			Fields: profileFields.Declared(), Tags: collect.TagsPerResource, Collect: profiles, DetailCalls: 2},
		{Name: "deployment-strategy", Description: "custom deployment strategy (id = strategy id); AWS's predefined AppConfig.* strategies are skipped",
			Fields: strategyFields.Declared(), Tags: collect.TagsPerResource, Collect: strategies, DetailCalls: 1},
	},
	Calls: "ListApplications once for application, environment and configuration-profile; application: per application ListTagsForResource. " +
		"environment: per application ListEnvironments + per environment ListTagsForResource. " +
		"configuration-profile: per application ListConfigurationProfiles + per profile ListTagsForResource. " +
		"deployment-strategy: ListDeploymentStrategies + per strategy ListTagsForResource",
	Relations: []collect.Relation{
		{From: "environment", Kind: "in", To: "appconfig/application"},
		{From: "environment", Kind: "monitors", To: "cloudwatch/alarm"},
		{From: "configuration-profile", Kind: "in", To: "appconfig/application"},
		{From: "configuration-profile", Kind: "reads", To: "s3/bucket"},
		{From: "configuration-profile", Kind: "reads", To: "ssm/parameter"},
		{From: "configuration-profile", Kind: "reads", To: "ssm/document"},
		{From: "configuration-profile", Kind: "reads", To: "secretsmanager/secret"},
	},
}

// emit reads r's tags (a failure is a warning) and emits it.
func emit(ctx context.Context, t *collect.Task, api *appconfig.Client, r *model.Resource) {
	out, err := api.ListTagsForResource(ctx, &appconfig.ListTagsForResourceInput{ResourceArn: aws.String(r.ARN)})
	t.Warn("ListTagsForResource", err)
	if err == nil {
		r.Tags = out.Tags
	}
	t.Emit(r)
}

func appARN(t *collect.Task, resource string) string {
	return collect.ARN(t, "appconfig", "", resource)
}

// applicationList are the region's applications, listed once for the
// application, environment and configuration-profile types.
func applicationList(ctx context.Context, t *collect.Task, api *appconfig.Client) ([]types.Application, error) {
	p := appconfig.NewListApplicationsPaginator(api, &appconfig.ListApplicationsInput{MaxResults: t.PageSize(50)})
	return collect.ReuseItems(ctx, t, "ListApplications", p, func(page *appconfig.ListApplicationsOutput) []types.Application { return page.Items })
}

// eachApplication runs fn on every application, concurrently, and returns
// the listing's error.
func eachApplication(ctx context.Context, t *collect.Task, api *appconfig.Client, fn func(ctx context.Context, a types.Application)) error {
	apps, err := applicationList(ctx, t, api)
	collect.ForEach(ctx, apps, fn)
	return err
}

var applicationFields = collect.Fields[types.Application]{
	collect.Text("description", "application description", func(a types.Application) *string { return a.Description }),
}

func applications(ctx context.Context, t *collect.Task) error {
	api := appconfig.NewFromConfig(t.Config)
	return eachApplication(ctx, t, api, func(ctx context.Context, a types.Application) {
		id := aws.ToString(a.Id)
		emit(ctx, t, api, &model.Resource{Key: t.Key("application", id), Name: aws.ToString(a.Name), ARN: appARN(t, "application/"+id),
			Details: applicationFields.Details(a)})
	})
}

var environmentFields = collect.Fields[types.Environment]{
	collect.Enum("state", "READY_FOR_DEPLOYMENT, DEPLOYING, ROLLING_BACK or ROLLED_BACK", func(e types.Environment) types.EnvironmentState { return e.State }),
	collect.Text("description", "environment description", func(e types.Environment) *string { return e.Description }),
	collect.Computed("alarm_arns", model.JSON, "CloudWatch alarms that roll a deployment back; none: deployments are not monitored", func(e types.Environment) any {
		out := []string{}
		for _, m := range e.Monitors {
			out = append(out, aws.ToString(m.AlarmArn))
		}
		return out
	}),
}

func environments(ctx context.Context, t *collect.Task) error {
	api := appconfig.NewFromConfig(t.Config)
	return eachApplication(ctx, t, api, func(ctx context.Context, a types.Application) {
		app := aws.ToString(a.Id)
		p := appconfig.NewListEnvironmentsPaginator(api, &appconfig.ListEnvironmentsInput{ApplicationId: a.Id, MaxResults: t.PageSize(50)})
		t.Warn("ListEnvironments", collect.EachItem(ctx, p, func(page *appconfig.ListEnvironmentsOutput) []types.Environment { return page.Items },
			func(ctx context.Context, e types.Environment) {
				id := aws.ToString(e.Id)
				key := t.Key("environment", app+"/"+id)
				emit(ctx, t, api, &model.Resource{Key: key, Name: aws.ToString(e.Name), ARN: appARN(t, "application/"+app+"/environment/"+id),
					Details: environmentFields.Details(e)})
				t.Relate(key, "in", t.Key("application", app))
				for _, m := range e.Monitors {
					if alarm := aws.ToString(m.AlarmArn); strings.Contains(alarm, ":alarm:") {
						t.Relate(key, "monitors", t.Ref("cloudwatch", "alarm", alarm[strings.Index(alarm, ":alarm:")+len(":alarm:"):]))
					}
				}
			}))
	})
}

var profileFields = collect.Fields[types.ConfigurationProfileSummary]{
	collect.Text("profile_type", "AWS.Freeform or AWS.AppConfig.FeatureFlags", func(p types.ConfigurationProfileSummary) *string { return p.Type }),
	collect.Text("location_uri", "where the configuration is: hosted, s3://..., ssm-parameter://..., ssm-document://..., secretsmanager://...",
		func(p types.ConfigurationProfileSummary) *string { return p.LocationUri }),
	collect.Computed("validators", model.JSON, "validators run before a deployment: JSON_SCHEMA, LAMBDA", func(p types.ConfigurationProfileSummary) any {
		return collect.Values(p.ValidatorTypes)
	}),
}

// relateLocation links a profile to the bucket, parameter, document or
// secret its location URI names.
func relateLocation(t *collect.Task, key model.Key, uri string) {
	scheme, rest, ok := strings.Cut(uri, "://")
	if !ok {
		return
	}
	switch scheme {
	case "s3":
		bucket, _, _ := strings.Cut(rest, "/")
		t.RelateByName(key, "reads", "s3", "bucket", bucket, t.Region)
	case "ssm-parameter":
		t.Relate(key, "reads", t.Ref("ssm", "parameter", rest))
	case "ssm-document":
		t.Relate(key, "reads", t.Ref("ssm", "document", rest))
	case "secretsmanager":
		t.Relate(key, "reads", t.Ref("secretsmanager", "secret", rest))
	}
}

func profiles(ctx context.Context, t *collect.Task) error {
	api := appconfig.NewFromConfig(t.Config)
	return eachApplication(ctx, t, api, func(ctx context.Context, a types.Application) {
		app := aws.ToString(a.Id)
		p := appconfig.NewListConfigurationProfilesPaginator(api, &appconfig.ListConfigurationProfilesInput{ApplicationId: a.Id, MaxResults: t.PageSize(50)})
		t.Warn("ListConfigurationProfiles", collect.EachItem(ctx, p, func(page *appconfig.ListConfigurationProfilesOutput) []types.ConfigurationProfileSummary {
			return page.Items
		}, func(ctx context.Context, cp types.ConfigurationProfileSummary) {
			id := aws.ToString(cp.Id)
			key := t.Key("configuration-profile", app+"/"+id)
			emit(ctx, t, api, &model.Resource{Key: key, Name: aws.ToString(cp.Name), ARN: appARN(t, "application/"+app+"/configurationprofile/"+id),
				Details: profileFields.Details(cp)})
			t.Relate(key, "in", t.Key("application", app))
			relateLocation(t, key, aws.ToString(cp.LocationUri))
		}))
	})
}

var strategyFields = collect.Fields[types.DeploymentStrategy]{
	collect.Computed("duration_minutes", model.Integer, "time a deployment takes to reach every target", func(s types.DeploymentStrategy) any { return int64(s.DeploymentDurationInMinutes) }),
	collect.Computed("final_bake_minutes", model.Integer, "time alarms are watched after the deployment before it completes", func(s types.DeploymentStrategy) any {
		return int64(s.FinalBakeTimeInMinutes)
	}),
	collect.Enum("growth_type", "LINEAR or EXPONENTIAL", func(s types.DeploymentStrategy) types.GrowthType { return s.GrowthType }),
	collect.Computed("growth_factor", model.Real, "percentage of targets added at each step", func(s types.DeploymentStrategy) any {
		if s.GrowthFactor == nil {
			return nil
		}
		return float64(*s.GrowthFactor)
	}),
	collect.Enum("replicate_to", "NONE or SSM_DOCUMENT", func(s types.DeploymentStrategy) types.ReplicateTo { return s.ReplicateTo }),
	collect.Text("description", "strategy description", func(s types.DeploymentStrategy) *string { return s.Description }),
}

// predefined is the name prefix of AWS's own deployment strategies.
const predefined = "AppConfig."

func strategies(ctx context.Context, t *collect.Task) error {
	api := appconfig.NewFromConfig(t.Config)
	p := appconfig.NewListDeploymentStrategiesPaginator(api, &appconfig.ListDeploymentStrategiesInput{MaxResults: t.PageSize(50)})
	return collect.EachItem(ctx, p, func(page *appconfig.ListDeploymentStrategiesOutput) []types.DeploymentStrategy { return page.Items },
		func(ctx context.Context, s types.DeploymentStrategy) {
			if strings.HasPrefix(aws.ToString(s.Name), predefined) {
				return
			}
			id := aws.ToString(s.Id)
			emit(ctx, t, api, &model.Resource{Key: t.Key("deployment-strategy", id), Name: aws.ToString(s.Name), ARN: appARN(t, "deploymentstrategy/"+id),
				Details: strategyFields.Details(s)})
		})
}
