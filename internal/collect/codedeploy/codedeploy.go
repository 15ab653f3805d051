// Package codedeploy collects CodeDeploy applications, deployment groups
// and custom deployment configurations.
package codedeploy

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codedeploy"
	"github.com/aws/aws-sdk-go-v2/service/codedeploy/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the CodeDeploy collector.
var Service = &collect.Service{
	Name:        "codedeploy",
	Description: "CodeDeploy applications, deployment groups and deployment configurations",
	Types: []collect.Type{
		{Name: "application", Description: "CodeDeploy application (id = name)", Fields: applicationFields.Declared(), Tags: collect.TagsPerResource,
			Collect: applications, DetailCalls: 1},
		{Name: "deployment-group", Description: "deployment group of an application (id = APPLICATION/GROUP): where and how it deploys, with rollback settings",
			Fields: groupFields.Declared(), Tags: collect.TagsPerResource, Collect: deploymentGroups, DetailCalls: 2},
		{Name: "deployment-config", Description: "custom deployment configuration (id = name); AWS's CodeDeployDefault.* configurations are skipped",
			Fields: configFields.Declared(), Tags: collect.NotTaggable, Collect: deploymentConfigs, DetailCalls: 1},
	},
	Calls: "ListApplications once for application and deployment-group; application: BatchGetApplications per 100 + per application ListTagsForResource. " +
		"deployment-group: per application ListDeploymentGroups, BatchGetDeploymentGroups per 100 + per group ListTagsForResource. " +
		"deployment-config: ListDeploymentConfigs + per custom configuration GetDeploymentConfig",
	Relations: []collect.Relation{
		{From: "deployment-group", Kind: "in", To: "codedeploy/application"},
		{From: "deployment-group", Kind: "assumes-role", To: "iam/role"},
		{From: "deployment-group", Kind: "uses-config", To: "codedeploy/deployment-config"},
		{From: "deployment-group", Kind: "deploys-to", To: "autoscaling/group"},
		{From: "deployment-group", Kind: "deploys-to", To: "ecs/service"},
		{From: "deployment-group", Kind: "monitors", To: "cloudwatch/alarm"},
	},
}

// batch is the most names a BatchGet call takes.
const batch = 100

// predefined is the name prefix of AWS's deployment configurations.
const predefined = "CodeDeployDefault."

func arn(t *collect.Task, resource string) string { return collect.ARN(t, "codedeploy", "", resource) }

// emit reads r's tags (a failure is a warning) and emits it.
func emit(ctx context.Context, t *collect.Task, api *codedeploy.Client, r *model.Resource) {
	out, err := api.ListTagsForResource(ctx, &codedeploy.ListTagsForResourceInput{ResourceArn: aws.String(r.ARN)})
	t.Warn("ListTagsForResource", err)
	if err == nil {
		r.Tags = collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
	}
	t.Emit(r)
}

var applicationFields = collect.Fields[types.ApplicationInfo]{
	collect.Enum("compute_platform", "Server (EC2 and on-premises), Lambda or ECS", func(a types.ApplicationInfo) types.ComputePlatform { return a.ComputePlatform }),
	collect.Computed("linked_to_github", model.Boolean, "revisions come from a GitHub account", func(a types.ApplicationInfo) any { return a.LinkedToGitHub }),
}

// applicationNames are the region's applications, listed once for the
// application and deployment-group types.
func applicationNames(ctx context.Context, t *collect.Task, api *codedeploy.Client) ([]string, error) {
	p := codedeploy.NewListApplicationsPaginator(api, &codedeploy.ListApplicationsInput{})
	return collect.ReuseItems(ctx, t, "ListApplications", p, func(page *codedeploy.ListApplicationsOutput) []string { return page.Applications })
}

func applications(ctx context.Context, t *collect.Task) error {
	api := codedeploy.NewFromConfig(t.Config)
	names, err := applicationNames(ctx, t, api)
	collect.ForEach(ctx, slices.Collect(slices.Chunk(names, batch)), func(ctx context.Context, chunk []string) {
		out, err := api.BatchGetApplications(ctx, &codedeploy.BatchGetApplicationsInput{ApplicationNames: chunk})
		if err != nil {
			t.Warn("BatchGetApplications", err)
			return
		}
		collect.ForEach(ctx, out.ApplicationsInfo, func(ctx context.Context, a types.ApplicationInfo) {
			name := aws.ToString(a.ApplicationName)
			emit(ctx, t, api, &model.Resource{Key: t.Key("application", name), Name: name, ARN: arn(t, "application:"+name), CreatedAt: model.Time(a.CreateTime),
				Details: applicationFields.Details(a)})
		})
	})
	return err
}

func names[T any](items []T, name func(T) *string) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, aws.ToString(name(it)))
	}
	return out
}

var groupFields = collect.Fields[types.DeploymentGroupInfo]{
	collect.Text("application", "application the group deploys", func(g types.DeploymentGroupInfo) *string { return g.ApplicationName }),
	collect.Enum("compute_platform", "Server, Lambda or ECS", func(g types.DeploymentGroupInfo) types.ComputePlatform { return g.ComputePlatform }),
	collect.Text("deployment_config", "deployment configuration (how many targets at a time)", func(g types.DeploymentGroupInfo) *string { return g.DeploymentConfigName }),
	collect.Computed("deployment_type", model.Text, "IN_PLACE or BLUE_GREEN", func(g types.DeploymentGroupInfo) any {
		if g.DeploymentStyle == nil {
			return ""
		}
		return string(g.DeploymentStyle.DeploymentType)
	}),
	collect.Text("service_role_arn", "role CodeDeploy acts with", func(g types.DeploymentGroupInfo) *string { return g.ServiceRoleArn }),
	collect.Computed("auto_rollback", model.Boolean, "failed (or alarmed) deployments roll back automatically", func(g types.DeploymentGroupInfo) any {
		return g.AutoRollbackConfiguration != nil && g.AutoRollbackConfiguration.Enabled
	}),
	collect.Computed("alarms", model.JSON, "CloudWatch alarms that stop a deployment, when enabled", func(g types.DeploymentGroupInfo) any {
		if g.AlarmConfiguration == nil || !g.AlarmConfiguration.Enabled {
			return []string{}
		}
		return names(g.AlarmConfiguration.Alarms, func(a types.Alarm) *string { return a.Name })
	}),
	collect.Computed("autoscaling_groups", model.JSON, "Auto Scaling groups deployed to", func(g types.DeploymentGroupInfo) any {
		return names(g.AutoScalingGroups, func(a types.AutoScalingGroup) *string { return a.Name })
	}),
	collect.Computed("ecs_services", model.JSON, "ECS services deployed to, as CLUSTER/SERVICE", func(g types.DeploymentGroupInfo) any {
		out := []string{}
		for _, s := range g.EcsServices {
			out = append(out, aws.ToString(s.ClusterName)+"/"+aws.ToString(s.ServiceName))
		}
		return out
	}),
	collect.Computed("last_deployment_status", model.Text, "status of the last attempted deployment", func(g types.DeploymentGroupInfo) any {
		if g.LastAttemptedDeployment == nil {
			return ""
		}
		return string(g.LastAttemptedDeployment.Status)
	}),
}

func deploymentGroups(ctx context.Context, t *collect.Task) error {
	api := codedeploy.NewFromConfig(t.Config)
	apps, err := applicationNames(ctx, t, api)
	collect.ForEach(ctx, apps, func(ctx context.Context, app string) {
		p := codedeploy.NewListDeploymentGroupsPaginator(api, &codedeploy.ListDeploymentGroupsInput{ApplicationName: aws.String(app)})
		groups, err := collect.AllItems(ctx, p, func(page *codedeploy.ListDeploymentGroupsOutput) []string { return page.DeploymentGroups })
		if err != nil {
			t.Warn("ListDeploymentGroups", err)
			return
		}
		for chunk := range slices.Chunk(groups, batch) {
			out, err := api.BatchGetDeploymentGroups(ctx, &codedeploy.BatchGetDeploymentGroupsInput{ApplicationName: aws.String(app), DeploymentGroupNames: chunk})
			if err != nil {
				t.Warn("BatchGetDeploymentGroups", err)
				continue
			}
			collect.ForEach(ctx, out.DeploymentGroupsInfo, func(ctx context.Context, g types.DeploymentGroupInfo) { emitGroup(ctx, t, api, app, g) })
		}
	})
	return err
}

func emitGroup(ctx context.Context, t *collect.Task, api *codedeploy.Client, app string, g types.DeploymentGroupInfo) {
	name := aws.ToString(g.DeploymentGroupName)
	key := t.Key("deployment-group", app+"/"+name)
	emit(ctx, t, api, &model.Resource{Key: key, Name: name, ARN: arn(t, "deploymentgroup:"+app+"/"+name), Details: groupFields.Details(g)})
	t.Relate(key, "in", t.Key("application", app))
	if role := aws.ToString(g.ServiceRoleArn); role != "" {
		t.Relate(key, "assumes-role", t.Role(role))
	}
	if c := aws.ToString(g.DeploymentConfigName); c != "" && !strings.HasPrefix(c, predefined) {
		t.Relate(key, "uses-config", t.Key("deployment-config", c))
	}
	for _, a := range g.AutoScalingGroups {
		t.Relate(key, "deploys-to", t.Ref("autoscaling", "group", aws.ToString(a.Name)))
	}
	for _, s := range g.EcsServices {
		t.Relate(key, "deploys-to", t.Ref("ecs", "service", aws.ToString(s.ClusterName)+"/"+aws.ToString(s.ServiceName)))
	}
	if a := g.AlarmConfiguration; a != nil && a.Enabled {
		for _, alarm := range a.Alarms {
			t.Relate(key, "monitors", t.Ref("cloudwatch", "alarm", aws.ToString(alarm.Name)))
		}
	}
}

var configFields = collect.Fields[types.DeploymentConfigInfo]{
	collect.Enum("compute_platform", "Server, Lambda or ECS", func(c types.DeploymentConfigInfo) types.ComputePlatform { return c.ComputePlatform }),
	collect.Computed("minimum_healthy_hosts", model.Text, "hosts kept healthy during a Server deployment: HOST_COUNT:N or FLEET_PERCENT:N", func(c types.DeploymentConfigInfo) any {
		if m := c.MinimumHealthyHosts; m != nil {
			return string(m.Type) + ":" + strconv.Itoa(int(m.Value))
		}
		return ""
	}),
	collect.Computed("traffic_routing", model.Text, "TimeBasedCanary, TimeBasedLinear or AllAtOnce (Lambda and ECS)", func(c types.DeploymentConfigInfo) any {
		if c.TrafficRoutingConfig == nil {
			return ""
		}
		return string(c.TrafficRoutingConfig.Type)
	}),
	collect.Computed("zonal", model.Boolean, "deploys one availability zone at a time", func(c types.DeploymentConfigInfo) any { return c.ZonalConfig != nil }),
}

func deploymentConfigs(ctx context.Context, t *collect.Task) error {
	api := codedeploy.NewFromConfig(t.Config)
	p := codedeploy.NewListDeploymentConfigsPaginator(api, &codedeploy.ListDeploymentConfigsInput{})
	return collect.EachItem(ctx, p, func(page *codedeploy.ListDeploymentConfigsOutput) []string { return page.DeploymentConfigsList },
		func(ctx context.Context, name string) {
			if strings.HasPrefix(name, predefined) {
				return
			}
			r := &model.Resource{Key: t.Key("deployment-config", name), Name: name, ARN: arn(t, "deploymentconfig:"+name)}
			out, err := api.GetDeploymentConfig(ctx, &codedeploy.GetDeploymentConfigInput{DeploymentConfigName: aws.String(name)})
			t.Warn("GetDeploymentConfig", err)
			if err == nil && out.DeploymentConfigInfo != nil {
				r.CreatedAt = model.Time(out.DeploymentConfigInfo.CreateTime)
				r.Details = configFields.Details(*out.DeploymentConfigInfo)
			}
			t.Emit(r)
		})
}
