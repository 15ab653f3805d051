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
		{Name: "cluster", Description: "ECS cluster (id = cluster name)", Fields: clusterFields, Tags: collect.TagsListed, Collect: clusters},
		{Name: "service", Description: "ECS service (id = cluster/service)", Fields: serviceFields, Tags: collect.TagsListed, Collect: services},
		{Name: "task-definition", Description: "ACTIVE ECS task definition revision (id = family:revision)", Fields: taskDefinitionFields, Tags: collect.TagsListed, Collect: taskDefinitions, DetailCalls: 1},
		{Name: "capacity-provider", Description: "ECS capacity provider (id = name; the built-in FARGATE and FARGATE_SPOT and deleted ones skipped)", Fields: capacityProviderFields.Declared(), Tags: collect.TagsListed, Collect: capacityProviders},
	},
	Calls: "cluster: ListClusters + DescribeClusters per 100. service: + ListServices per cluster + DescribeServices per 10. task-definition: ListTaskDefinitions + per revision DescribeTaskDefinition. capacity-provider: DescribeCapacityProviders (paged by token)",
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

// clusterPages runs fn on each page of cluster ARNs, one page at a time.
func clusterPages(ctx context.Context, t *collect.Task, api *ecs.Client, fn func(arns []string) error) error {
	p := ecs.NewListClustersPaginator(api, &ecs.ListClustersInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *ecs.ListClustersOutput) error {
		return fn(page.ClusterArns)
	})
}

var clusterFields = []model.Field{
	{Name: "status", Type: "text", Description: "ACTIVE, PROVISIONING, DEPROVISIONING, FAILED, INACTIVE"},
	{Name: "running_tasks", Type: "integer", Description: "tasks in the RUNNING state"},
	{Name: "pending_tasks", Type: "integer", Description: "tasks in the PENDING state"},
	{Name: "active_services", Type: "integer", Description: "services in the ACTIVE state"},
	{Name: "registered_container_instances", Type: "integer", Description: "EC2 container instances registered"},
	{Name: "container_insights", Type: "text", Description: "CloudWatch Container Insights setting (enabled, enhanced, disabled)"},
	{Name: "capacity_providers", Type: "json", Description: "capacity providers associated with the cluster"},
}

func clusters(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return clusterPages(ctx, t, api, func(arns []string) error {
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
		return nil
	})
}

func emitCluster(t *collect.Task, c types.Cluster) {
	name := aws.ToString(c.ClusterName)
	d := map[string]any{
		"status":                         aws.ToString(c.Status),
		"running_tasks":                  c.RunningTasksCount,
		"pending_tasks":                  c.PendingTasksCount,
		"active_services":                c.ActiveServicesCount,
		"registered_container_instances": c.RegisteredContainerInstancesCount,
		"capacity_providers":             c.CapacityProviders,
	}
	for _, s := range c.Settings {
		if s.Name == types.ClusterSettingNameContainerInsights {
			d["container_insights"] = aws.ToString(s.Value)
		}
	}
	t.Emit(&model.Resource{
		Key:     t.Key("cluster", name),
		ARN:     aws.ToString(c.ClusterArn),
		Name:    name,
		Tags:    tags(c.Tags),
		Details: d,
	})
}

var serviceFields = []model.Field{
	{Name: "cluster", Type: "text", Description: "name of the cluster the service runs in"},
	{Name: "status", Type: "text", Description: "ACTIVE, DRAINING or INACTIVE"},
	{Name: "launch_type", Type: "text", Description: "EC2, FARGATE, EXTERNAL; empty with a capacity provider strategy"},
	{Name: "scheduling_strategy", Type: "text", Description: "REPLICA or DAEMON"},
	{Name: "desired_count", Type: "integer", Description: "tasks the service should run"},
	{Name: "running_count", Type: "integer", Description: "tasks RUNNING"},
	{Name: "pending_count", Type: "integer", Description: "tasks PENDING"},
	{Name: "task_definition", Type: "text", Description: "task definition the service runs (family:revision)"},
	{Name: "subnets", Type: "json", Description: "subnets of the awsvpc network configuration"},
	{Name: "security_groups", Type: "json", Description: "security groups of the awsvpc network configuration"},
	{Name: "assign_public_ip", Type: "boolean", Description: "tasks get a public IP address (awsvpc)"},
	{Name: "enable_execute_command", Type: "boolean", Description: "ECS Exec is enabled"},
	{Name: "platform_version", Type: "text", Description: "Fargate platform version"},
}

func services(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return clusterPages(ctx, t, api, func(arns []string) error {
		for _, cluster := range arns {
			if err := clusterServices(ctx, t, api, cluster); err != nil {
				return err
			}
		}
		return nil
	})
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
	cluster := collect.ARNResourceName(aws.ToString(s.ClusterArn))
	name := aws.ToString(s.ServiceName)
	taskDef := taskDefinitionID(aws.ToString(s.TaskDefinition))
	d := map[string]any{
		"cluster":                cluster,
		"status":                 aws.ToString(s.Status),
		"launch_type":            string(s.LaunchType),
		"scheduling_strategy":    string(s.SchedulingStrategy),
		"desired_count":          s.DesiredCount,
		"running_count":          s.RunningCount,
		"pending_count":          s.PendingCount,
		"task_definition":        taskDef,
		"enable_execute_command": s.EnableExecuteCommand,
		"platform_version":       aws.ToString(s.PlatformVersion),
	}
	var vpc types.AwsVpcConfiguration
	if s.NetworkConfiguration != nil && s.NetworkConfiguration.AwsvpcConfiguration != nil {
		vpc = *s.NetworkConfiguration.AwsvpcConfiguration
		d["subnets"] = vpc.Subnets
		d["security_groups"] = vpc.SecurityGroups
		d["assign_public_ip"] = vpc.AssignPublicIp == types.AssignPublicIpEnabled
	}
	key := t.Key("service", cluster+"/"+name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(s.ServiceArn),
		Name:      name,
		CreatedAt: model.Time(s.CreatedAt),
		Tags:      tags(s.Tags),
		Details:   d,
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

var taskDefinitionFields = []model.Field{
	{Name: "family", Type: "text", Description: "task definition family"},
	{Name: "revision", Type: "integer", Description: "revision number within the family"},
	{Name: "network_mode", Type: "text", Description: "awsvpc, bridge, host or none"},
	{Name: "requires_compatibilities", Type: "json", Description: "launch types the definition is validated for (EC2, FARGATE...)"},
	{Name: "cpu", Type: "text", Description: "task-level CPU units"},
	{Name: "memory", Type: "text", Description: "task-level memory (MiB)"},
	{Name: "task_role_arn", Type: "text", Description: "IAM role the containers assume"},
	{Name: "execution_role_arn", Type: "text", Description: "IAM role ECS uses to pull images and fetch secrets"},
	{Name: "containers", Type: "json", Description: "containers: name, image, privileged, readonly_root_filesystem, user, essential, environment_variable_names, secrets_names (names only, never values)"},
	{Name: "any_privileged", Type: "boolean", Description: "a container runs privileged"},
	{Name: "any_runs_as_root", Type: "boolean", Description: "a container runs as root (user unset, root or 0)"},
	{Name: "any_writable_root_fs", Type: "boolean", Description: "a container's root filesystem is writable"},
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
	family := aws.ToString(td.Family)
	id := family + ":" + strconv.Itoa(int(td.Revision))
	var compat []string
	for _, c := range td.RequiresCompatibilities {
		compat = append(compat, string(c))
	}
	containers := make([]container, 0, len(td.ContainerDefinitions))
	var privileged, root, writable bool
	for _, cd := range td.ContainerDefinitions {
		c := containerOf(cd)
		containers = append(containers, c)
		privileged = privileged || c.Privileged
		root = root || runsAsRoot(c.User)
		writable = writable || !c.ReadonlyRootFilesystem
	}
	taskRole, execRole := aws.ToString(td.TaskRoleArn), aws.ToString(td.ExecutionRoleArn)
	key := t.Key("task-definition", id)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(td.TaskDefinitionArn),
		Name:      id,
		CreatedAt: model.Time(td.RegisteredAt),
		Tags:      tags(ts),
		Details: map[string]any{
			"family":                   family,
			"revision":                 td.Revision,
			"network_mode":             string(td.NetworkMode),
			"requires_compatibilities": compat,
			"cpu":                      aws.ToString(td.Cpu),
			"memory":                   aws.ToString(td.Memory),
			"task_role_arn":            taskRole,
			"execution_role_arn":       execRole,
			"containers":               containers,
			"any_privileged":           privileged,
			"any_runs_as_root":         root,
			"any_writable_root_fs":     writable,
		},
	})
	for _, role := range []string{taskRole, execRole} {
		if role != "" {
			t.Relate(key, "assumes-role", t.GlobalRef("iam", "role", collect.ARNResourceName(role)))
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
