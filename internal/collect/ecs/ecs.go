// Package ecs collects ECS clusters, services, task definitions and capacity
// providers.
package ecs

import (
	"context"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the ECS collector.
var Service = &collect.Service{
	Name:        "ecs",
	Description: "ECS clusters, services, task definitions and capacity providers",
	Types: []collect.Type{
		{Name: "cluster", Description: "ECS cluster (id = cluster name)", Fields: clusterFields.Declared(), Tags: collect.TagsListed, Collect: clusters},
		{Name: "service", Description: "ECS service (id = cluster/service)", Fields: serviceFields.Declared(), Tags: collect.TagsListed, Collect: services},
		{Name: "task-definition", Description: "ACTIVE ECS task definition revision (id = family:revision)", Fields: taskDefinitionFields.Declared(), Tags: collect.TagsListed, Collect: taskDefinitions, DetailCalls: 1},
		{Name: "capacity-provider", Description: "ECS capacity provider (id = name; the built-in FARGATE and FARGATE_SPOT and deleted ones skipped)", Fields: capacityProviderFields.Declared(), Tags: collect.TagsListed, Collect: capacityProviders},
	},
	Calls: "ListClusters once for the cluster and service types; cluster: DescribeClusters per 100. service: ListServices per cluster + DescribeServices per 10. task-definition: ListTaskDefinitions + per revision DescribeTaskDefinition. capacity-provider: DescribeCapacityProviders (paged by token)",
	Relations: []collect.Relation{
		{From: "capacity-provider", Kind: "uses-group", To: "autoscaling/group"},
		{From: "service", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "service", Kind: "member-of", To: "ecs/cluster"},
		{From: "service", Kind: "runs", To: "ecs/task-definition"},
		{From: "service", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "task-definition", Kind: "assumes-role", To: "iam/role"},
	},
}

// Batch sizes of the Describe APIs.
const (
	clusterBatch = 100
	serviceBatch = 10
)

func client(t *collect.Task) *ecs.Client { return ecs.NewFromConfig(t.Config) }

func tags(ts []types.Tag) map[string]string {
	return collect.TagMap(ts, func(t types.Tag) (*string, *string) { return t.Key, t.Value })
}

// batches splits items into slices of at most n.
func batches(items []string, n int) [][]string {
	var out [][]string
	for len(items) > n {
		out = append(out, items[:n])
		items = items[n:]
	}
	if len(items) > 0 {
		out = append(out, items)
	}
	return out
}

// taskDefinitionID turns a task definition ARN into family:revision.
func taskDefinitionID(arn string) string {
	if i := strings.Index(arn, ":task-definition/"); i >= 0 {
		return arn[i+len(":task-definition/"):]
	}
	return arn
}

// clusterARNs are the region's clusters, listed once for the cluster and
// service types.
func clusterARNs(ctx context.Context, t *collect.Task, api *ecs.Client) ([]string, error) {
	p := ecs.NewListClustersPaginator(api, &ecs.ListClustersInput{MaxResults: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "ListClusters", p, func(page *ecs.ListClustersOutput) []string { return page.ClusterArns })
}

var clusterFields = collect.Fields[types.Cluster]{
	collect.Text("status", "ACTIVE, PROVISIONING, DEPROVISIONING, FAILED, INACTIVE", func(c types.Cluster) *string { return c.Status }),
	collect.Computed("running_tasks", model.Integer, "tasks in the RUNNING state", func(c types.Cluster) any { return c.RunningTasksCount }),
	collect.Computed("pending_tasks", model.Integer, "tasks in the PENDING state", func(c types.Cluster) any { return c.PendingTasksCount }),
	collect.Computed("active_services", model.Integer, "services in the ACTIVE state", func(c types.Cluster) any { return c.ActiveServicesCount }),
	collect.Computed("registered_container_instances", model.Integer, "EC2 container instances registered", func(c types.Cluster) any {
		return c.RegisteredContainerInstancesCount
	}),
	collect.Computed("container_insights", model.Text, "CloudWatch Container Insights setting (enabled, enhanced, disabled)", containerInsights),
	collect.Computed("capacity_providers", model.JSON, "capacity providers associated with the cluster", func(c types.Cluster) any { return c.CapacityProviders }),
}

// containerInsights is the cluster's Container Insights setting, nil
// (field left out) when DescribeClusters lists none.
func containerInsights(c types.Cluster) any {
	var v any
	for _, s := range c.Settings {
		if s.Name == types.ClusterSettingNameContainerInsights {
			v = aws.ToString(s.Value)
		}
	}
	return v
}

// clusters describes the listed clusters; a failed listing fails the
// collection after the clusters of the pages it did read are emitted.
func clusters(ctx context.Context, t *collect.Task) error {
	api := client(t)
	arns, listErr := clusterARNs(ctx, t, api)
	for _, batch := range batches(arns, clusterBatch) {
		out, err := api.DescribeClusters(ctx, &ecs.DescribeClustersInput{Clusters: batch,
			Include: []types.ClusterField{types.ClusterFieldTags, types.ClusterFieldSettings}})
		if err != nil {
			return err
		}
		for _, c := range out.Clusters {
			emitCluster(t, c)
		}
	}
	return listErr
}

func emitCluster(t *collect.Task, c types.Cluster) {
	name := aws.ToString(c.ClusterName)
	t.Emit(&model.Resource{
		Key:     t.Key("cluster", name),
		ARN:     aws.ToString(c.ClusterArn),
		Name:    name,
		Tags:    tags(c.Tags),
		Details: clusterFields.Details(c),
	})
}

// awsvpc is the service's awsvpc network configuration, nil without one.
func awsvpc(s types.Service) *types.AwsVpcConfiguration {
	if s.NetworkConfiguration == nil {
		return nil
	}
	return s.NetworkConfiguration.AwsvpcConfiguration
}

func hasAwsvpc(s types.Service) bool { return awsvpc(s) != nil }

func serviceCluster(s types.Service) string {
	return collect.ARNResourceName(aws.ToString(s.ClusterArn))
}

func serviceTaskDefinition(s types.Service) string {
	return taskDefinitionID(aws.ToString(s.TaskDefinition))
}

var serviceFields = collect.Fields[types.Service]{
	collect.Computed("cluster", model.Text, "name of the cluster the service runs in", func(s types.Service) any { return serviceCluster(s) }),
	collect.Text("status", "ACTIVE, DRAINING or INACTIVE", func(s types.Service) *string { return s.Status }),
	collect.Enum("launch_type", "EC2, FARGATE, EXTERNAL; empty with a capacity provider strategy", func(s types.Service) types.LaunchType { return s.LaunchType }),
	collect.Enum("scheduling_strategy", "REPLICA or DAEMON", func(s types.Service) types.SchedulingStrategy { return s.SchedulingStrategy }),
	collect.Computed("desired_count", model.Integer, "tasks the service should run", func(s types.Service) any { return s.DesiredCount }),
	collect.Computed("running_count", model.Integer, "tasks RUNNING", func(s types.Service) any { return s.RunningCount }),
	collect.Computed("pending_count", model.Integer, "tasks PENDING", func(s types.Service) any { return s.PendingCount }),
	collect.Computed("task_definition", model.Text, "task definition the service runs (family:revision)", func(s types.Service) any { return serviceTaskDefinition(s) }),
	collect.When(hasAwsvpc, collect.Computed("subnets", model.JSON, "subnets of the awsvpc network configuration", func(s types.Service) any {
		return awsvpc(s).Subnets
	})),
	collect.When(hasAwsvpc, collect.Computed("security_groups", model.JSON, "security groups of the awsvpc network configuration", func(s types.Service) any {
		return awsvpc(s).SecurityGroups
	})),
	collect.When(hasAwsvpc, collect.Computed("assign_public_ip", model.Boolean, "tasks get a public IP address (awsvpc)", func(s types.Service) any {
		return awsvpc(s).AssignPublicIp == types.AssignPublicIpEnabled
	})),
	collect.Computed("enable_execute_command", model.Boolean, "ECS Exec is enabled", func(s types.Service) any { return s.EnableExecuteCommand }),
	collect.Text("platform_version", "Fargate platform version", func(s types.Service) *string { return s.PlatformVersion }),
}

// services lists and describes each listed cluster's services; a failed
// listing of the clusters fails the collection after the services of the
// clusters it did read.
func services(ctx context.Context, t *collect.Task) error {
	api := client(t)
	arns, listErr := clusterARNs(ctx, t, api)
	for _, cluster := range arns {
		if err := clusterServices(ctx, t, api, cluster); err != nil {
			return err
		}
	}
	return listErr
}

func clusterServices(ctx context.Context, t *collect.Task, api *ecs.Client, cluster string) error {
	p := ecs.NewListServicesPaginator(api, &ecs.ListServicesInput{Cluster: aws.String(cluster), MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *ecs.ListServicesOutput) error {
		for _, batch := range batches(page.ServiceArns, serviceBatch) {
			out, err := api.DescribeServices(ctx, &ecs.DescribeServicesInput{Cluster: aws.String(cluster), Services: batch,
				Include: []types.ServiceField{types.ServiceFieldTags}})
			if err != nil {
				return err
			}
			for _, s := range out.Services {
				emitService(t, s)
			}
		}
		return nil
	})
}

func emitService(t *collect.Task, s types.Service) {
	cluster, name, taskDef := serviceCluster(s), aws.ToString(s.ServiceName), serviceTaskDefinition(s)
	var vpc types.AwsVpcConfiguration
	if c := awsvpc(s); c != nil {
		vpc = *c
	}
	key := t.Key("service", cluster+"/"+name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(s.ServiceArn),
		Name:      name,
		CreatedAt: model.Time(s.CreatedAt),
		Tags:      tags(s.Tags),
		Details:   serviceFields.Details(s),
	})
	t.Relate(key, "member-of", t.Key("cluster", cluster))
	t.Relate(key, "runs", t.Key("task-definition", taskDef))
	for _, sn := range vpc.Subnets {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", sn))
	}
	for _, sg := range vpc.SecurityGroups {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
}

// taskDefinition is a described task definition with what is stored of
// its containers.
type taskDefinition struct {
	types.TaskDefinition
	containers []container
}

// anyContainer is a boolean getter: some container has the property.
func anyContainer(has func(container) bool) func(taskDefinition) any {
	return func(td taskDefinition) any {
		for _, c := range td.containers {
			if has(c) {
				return true
			}
		}
		return false
	}
}

var taskDefinitionFields = collect.Fields[taskDefinition]{
	collect.Text("family", "task definition family", func(td taskDefinition) *string { return td.Family }),
	collect.Computed("revision", model.Integer, "revision number within the family", func(td taskDefinition) any { return td.Revision }),
	collect.Enum("network_mode", "awsvpc, bridge, host or none", func(td taskDefinition) types.NetworkMode { return td.NetworkMode }),
	collect.Computed("requires_compatibilities", model.JSON, "launch types the definition is validated for (EC2, FARGATE...)", func(td taskDefinition) any {
		return compatibilities(td.RequiresCompatibilities)
	}),
	collect.Text("cpu", "task-level CPU units", func(td taskDefinition) *string { return td.Cpu }),
	collect.Text("memory", "task-level memory (MiB)", func(td taskDefinition) *string { return td.Memory }),
	collect.Text("task_role_arn", "IAM role the containers assume", func(td taskDefinition) *string { return td.TaskRoleArn }),
	collect.Text("execution_role_arn", "IAM role ECS uses to pull images and fetch secrets", func(td taskDefinition) *string { return td.ExecutionRoleArn }),
	collect.Computed("containers", model.JSON,
		"containers: name, image, privileged, readonly_root_filesystem, user, essential, environment_variable_names, secrets_names (names only, never values)",
		func(td taskDefinition) any { return td.containers }),
	collect.Computed("any_privileged", model.Boolean, "a container runs privileged", anyContainer(func(c container) bool { return c.Privileged })),
	collect.Computed("any_runs_as_root", model.Boolean, "a container runs as root (user unset, root or 0)", anyContainer(func(c container) bool { return runsAsRoot(c.User) })),
	collect.Computed("any_writable_root_fs", model.Boolean, "a container's root filesystem is writable", anyContainer(func(c container) bool { return !c.ReadonlyRootFilesystem })),
}

// compatibilities are the launch types as strings, nil (stored as null)
// when the definition requires none.
func compatibilities(cs []types.Compatibility) []string {
	var out []string
	for _, c := range cs {
		out = append(out, string(c))
	}
	return out
}

// container is what is stored of a container definition: names of
// environment variables and secrets, never their values.
type container struct {
	Name                     string   `json:"name"`
	Image                    string   `json:"image"`
	Privileged               bool     `json:"privileged"`
	ReadonlyRootFilesystem   bool     `json:"readonly_root_filesystem"`
	User                     string   `json:"user"`
	Essential                bool     `json:"essential"`
	EnvironmentVariableNames []string `json:"environment_variable_names"`
	SecretsNames             []string `json:"secrets_names"`
}

func taskDefinitions(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := ecs.NewListTaskDefinitionsPaginator(api, &ecs.ListTaskDefinitionsInput{
		Status: types.TaskDefinitionStatusActive, MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *ecs.ListTaskDefinitionsOutput) error {
		collect.ForEach(ctx, page.TaskDefinitionArns, func(ctx context.Context, arn string) {
			out, err := api.DescribeTaskDefinition(ctx, &ecs.DescribeTaskDefinitionInput{TaskDefinition: aws.String(arn),
				Include: []types.TaskDefinitionField{types.TaskDefinitionFieldTags}})
			if err != nil || out.TaskDefinition == nil {
				// The listing proves the revision exists: keep it, without details.
				t.Warn("DescribeTaskDefinition", err)
				id := taskDefinitionID(arn)
				t.Emit(&model.Resource{Key: t.Key("task-definition", id), ARN: arn, Name: id})
				return
			}
			emitTaskDefinition(t, *out.TaskDefinition, out.Tags)
		})
		return nil
	})
}

func emitTaskDefinition(t *collect.Task, td types.TaskDefinition, ts []types.Tag) {
	id := aws.ToString(td.Family) + ":" + strconv.Itoa(int(td.Revision))
	d := taskDefinition{TaskDefinition: td, containers: make([]container, 0, len(td.ContainerDefinitions))}
	for _, cd := range td.ContainerDefinitions {
		d.containers = append(d.containers, containerOf(cd))
	}
	taskRole, execRole := aws.ToString(td.TaskRoleArn), aws.ToString(td.ExecutionRoleArn)
	key := t.Key("task-definition", id)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(td.TaskDefinitionArn),
		Name:      id,
		CreatedAt: model.Time(td.RegisteredAt),
		Tags:      tags(ts),
		Details:   taskDefinitionFields.Details(d),
	})
	for _, role := range []string{taskRole, execRole} {
		if role != "" {
			t.Relate(key, "assumes-role", t.Role(role))
		}
	}
}

func containerOf(cd types.ContainerDefinition) container {
	c := container{
		Name:                     aws.ToString(cd.Name),
		Image:                    aws.ToString(cd.Image),
		Privileged:               aws.ToBool(cd.Privileged),
		ReadonlyRootFilesystem:   aws.ToBool(cd.ReadonlyRootFilesystem),
		User:                     aws.ToString(cd.User),
		Essential:                cd.Essential == nil || *cd.Essential, // ECS defaults essential to true
		EnvironmentVariableNames: []string{},
		SecretsNames:             []string{},
	}
	for _, e := range cd.Environment {
		c.EnvironmentVariableNames = append(c.EnvironmentVariableNames, aws.ToString(e.Name))
	}
	for _, s := range cd.Secrets {
		c.SecretsNames = append(c.SecretsNames, aws.ToString(s.Name))
	}
	return c
}

// runsAsRoot: an unset user means the image's default, which is root for
// most images; "user[:group]" forms count by their user part.
func runsAsRoot(user string) bool {
	u, _, _ := strings.Cut(user, ":")
	return u == "" || u == "root" || u == "0"
}
