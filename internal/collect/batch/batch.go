// Package batch collects AWS Batch compute environments, job queues, job
// definitions and scheduling policies.
package batch

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/batch"
	"github.com/aws/aws-sdk-go-v2/service/batch/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the AWS Batch collector.
var Service = &collect.Service{
	Name:        "batch",
	Description: "AWS Batch compute environments, job queues, job definitions and scheduling policies",
	Types: []collect.Type{
		{Name: "compute-environment", Description: "Batch compute environment (id = name)", Fields: environmentFields.Declared(), Tags: collect.TagsListed, Collect: computeEnvironments},
		{Name: "job-queue", Description: "Batch job queue (id = name)", Fields: queueFields.Declared(), Tags: collect.TagsListed, Collect: jobQueues},
		{Name: "job-definition", Description: "latest ACTIVE revision of each Batch job definition (id = name; environment variable values are not stored)", Fields: definitionFields.Declared(), Tags: collect.TagsListed, Collect: jobDefinitions},
		{Name: "scheduling-policy", Description: "Batch fair-share scheduling policy (id = name)", Fields: policyFields.Declared(), Tags: collect.TagsListed, Collect: schedulingPolicies},
	},
	Calls: "compute-environment, job-queue: 1 paged Describe* call. job-definition: DescribeJobDefinitions filtered on ACTIVE (paged). scheduling-policy: ListSchedulingPolicies (paged) + per page one DescribeSchedulingPolicies",
	Relations: []collect.Relation{
		{From: "compute-environment", Kind: "assumes-role", To: "iam/role"},
		{From: "compute-environment", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "compute-environment", Kind: "uses-cluster", To: "ecs/cluster"},
		{From: "compute-environment", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "job-definition", Kind: "assumes-role", To: "iam/role"},
		{From: "job-queue", Kind: "runs-on", To: "batch/compute-environment"},
		{From: "job-queue", Kind: "uses-policy", To: "batch/scheduling-policy"},
	},
}

// resources is a compute environment's managed resources, zero when
// unmanaged.
func resources(c types.ComputeEnvironmentDetail) types.ComputeResource {
	if c.ComputeResources == nil {
		return types.ComputeResource{}
	}
	return *c.ComputeResources
}

var environmentFields = collect.Fields[types.ComputeEnvironmentDetail]{
	collect.Enum("environment_type", "MANAGED or UNMANAGED", func(c types.ComputeEnvironmentDetail) types.CEType { return c.Type }),
	collect.Enum("state", "ENABLED or DISABLED", func(c types.ComputeEnvironmentDetail) types.CEState { return c.State }),
	collect.Enum("status", "VALID, INVALID, CREATING, UPDATING, ...", func(c types.ComputeEnvironmentDetail) types.CEStatus { return c.Status }),
	collect.Enum("orchestration", "ECS or EKS", func(c types.ComputeEnvironmentDetail) types.OrchestrationType { return c.ContainerOrchestrationType }),
	collect.Computed("resource_type", model.Text, "EC2, SPOT, FARGATE or FARGATE_SPOT", func(c types.ComputeEnvironmentDetail) any { return string(resources(c).Type) }),
	collect.Computed("allocation_strategy", model.Text, "how instances are picked (BEST_FIT_PROGRESSIVE, SPOT_CAPACITY_OPTIMIZED, ...)", func(c types.ComputeEnvironmentDetail) any {
		return string(resources(c).AllocationStrategy)
	}),
	collect.Computed("min_vcpus", model.Integer, "vCPUs kept running even without jobs (they cost)", func(c types.ComputeEnvironmentDetail) any { return int64(aws.ToInt32(resources(c).MinvCpus)) }),
	collect.Computed("max_vcpus", model.Integer, "vCPU limit", func(c types.ComputeEnvironmentDetail) any { return int64(aws.ToInt32(resources(c).MaxvCpus)) }),
	collect.Computed("instance_types", model.JSON, "instance types allowed", func(c types.ComputeEnvironmentDetail) any { return append([]string{}, resources(c).InstanceTypes...) }),
	collect.Computed("instance_role", model.Text, "instance profile of the instances", func(c types.ComputeEnvironmentDetail) any { return aws.ToString(resources(c).InstanceRole) }),
	collect.Text("service_role", "role AWS Batch acts with", func(c types.ComputeEnvironmentDetail) *string { return c.ServiceRole }),
	collect.Text("ecs_cluster_arn", "ECS cluster the environment runs", func(c types.ComputeEnvironmentDetail) *string { return c.EcsClusterArn }),
}

func computeEnvironments(ctx context.Context, t *collect.Task) error {
	p := batch.NewDescribeComputeEnvironmentsPaginator(batch.NewFromConfig(t.Config), &batch.DescribeComputeEnvironmentsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *batch.DescribeComputeEnvironmentsOutput) error {
		for _, c := range page.ComputeEnvironments {
			name := aws.ToString(c.ComputeEnvironmentName)
			key := t.Key("compute-environment", name)
			t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(c.ComputeEnvironmentArn), Tags: c.Tags, Details: environmentFields.Details(c)})
			t.Relate(key, "assumes-role", t.Role(aws.ToString(c.ServiceRole)))
			t.Relate(key, "uses-cluster", t.Ref("ecs", "cluster", collect.ARNResourceName(aws.ToString(c.EcsClusterArn))))
			for _, s := range resources(c).Subnets {
				t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
			}
			for _, sg := range resources(c).SecurityGroupIds {
				t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
			}
		}
		return nil
	})
}

// environmentNames are the compute environments of a queue, in order.
func environmentNames(q types.JobQueueDetail) []string {
	out := []string{}
	for _, o := range q.ComputeEnvironmentOrder {
		out = append(out, collect.ARNResourceName(aws.ToString(o.ComputeEnvironment)))
	}
	return out
}

var queueFields = collect.Fields[types.JobQueueDetail]{
	collect.Enum("state", "ENABLED or DISABLED", func(q types.JobQueueDetail) types.JQState { return q.State }),
	collect.Enum("status", "VALID, INVALID, CREATING, UPDATING, ...", func(q types.JobQueueDetail) types.JQStatus { return q.Status }),
	collect.Int("priority", "priority among the queues sharing an environment (higher first)", func(q types.JobQueueDetail) *int32 { return q.Priority }),
	collect.Computed("compute_environments", model.JSON, "compute environments, in the order tried", func(q types.JobQueueDetail) any { return environmentNames(q) }),
	collect.Text("scheduling_policy_arn", "fair-share scheduling policy, if any", func(q types.JobQueueDetail) *string { return q.SchedulingPolicyArn }),
}

func jobQueues(ctx context.Context, t *collect.Task) error {
	p := batch.NewDescribeJobQueuesPaginator(batch.NewFromConfig(t.Config), &batch.DescribeJobQueuesInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *batch.DescribeJobQueuesOutput) error {
		for _, q := range page.JobQueues {
			name := aws.ToString(q.JobQueueName)
			key := t.Key("job-queue", name)
			t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(q.JobQueueArn), Tags: q.Tags, Details: queueFields.Details(q)})
			for _, env := range environmentNames(q) {
				t.Relate(key, "runs-on", t.Key("compute-environment", env))
			}
			t.Relate(key, "uses-policy", t.Key("scheduling-policy", collect.ARNResourceName(aws.ToString(q.SchedulingPolicyArn))))
		}
		return nil
	})
}

// container is a job definition's container properties, zero for
// multi-node, ECS-properties and EKS definitions.
func container(d types.JobDefinition) types.ContainerProperties {
	if d.ContainerProperties == nil {
		return types.ContainerProperties{}
	}
	return *d.ContainerProperties
}

var definitionFields = collect.Fields[types.JobDefinition]{
	collect.Int("revision", "latest active revision", func(d types.JobDefinition) *int32 { return d.Revision }),
	collect.Text("definition_type", "container or multinode", func(d types.JobDefinition) *string { return d.Type }),
	collect.Computed("platform_capabilities", model.JSON, "EC2 and/or FARGATE", func(d types.JobDefinition) any { return collect.Values(d.PlatformCapabilities) }),
	collect.Computed("image", model.Text, "container image", func(d types.JobDefinition) any { return aws.ToString(container(d).Image) }),
	collect.Computed("job_role_arn", model.Text, "role the job's containers get", func(d types.JobDefinition) any { return aws.ToString(container(d).JobRoleArn) }),
	collect.Computed("execution_role_arn", model.Text, "role that pulls the image and writes the logs", func(d types.JobDefinition) any { return aws.ToString(container(d).ExecutionRoleArn) }),
	collect.Computed("privileged", model.Boolean, "the container runs privileged", func(d types.JobDefinition) any { return aws.ToBool(container(d).Privileged) }),
	collect.Computed("environment_variables", model.JSON, "names of the environment variables (values are not stored)", func(d types.JobDefinition) any {
		out := []string{}
		for _, kv := range container(d).Environment {
			out = append(out, aws.ToString(kv.Name))
		}
		return out
	}),
	collect.Computed("secrets", model.JSON, "names of the secrets injected from Secrets Manager or SSM", func(d types.JobDefinition) any {
		out := []string{}
		for _, s := range container(d).Secrets {
			out = append(out, aws.ToString(s.Name))
		}
		return out
	}),
	collect.Computed("timeout_seconds", model.Integer, "attempt timeout; 0 when none", func(d types.JobDefinition) any {
		if d.Timeout == nil {
			return int64(0)
		}
		return int64(aws.ToInt32(d.Timeout.AttemptDurationSeconds))
	}),
}

// jobDefinitions keeps the latest ACTIVE revision of each definition:
// revisions of one name are listed together but not necessarily in order,
// so the newest is chosen over the whole listing before emitting.
func jobDefinitions(ctx context.Context, t *collect.Task) error {
	p := batch.NewDescribeJobDefinitionsPaginator(batch.NewFromConfig(t.Config), &batch.DescribeJobDefinitionsInput{Status: aws.String("ACTIVE"), MaxResults: t.PageSize(100)})
	latest := map[string]types.JobDefinition{}
	err := collect.EachPage(ctx, p, func(page *batch.DescribeJobDefinitionsOutput) error {
		for _, d := range page.JobDefinitions {
			name := aws.ToString(d.JobDefinitionName)
			if cur, ok := latest[name]; !ok || aws.ToInt32(d.Revision) > aws.ToInt32(cur.Revision) {
				latest[name] = d
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for name, d := range latest {
		key := t.Key("job-definition", name)
		t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(d.JobDefinitionArn), Tags: d.Tags, Details: definitionFields.Details(d)})
		for _, role := range []*string{container(d).JobRoleArn, container(d).ExecutionRoleArn} {
			t.Relate(key, "assumes-role", t.Role(aws.ToString(role)))
		}
	}
	return nil
}

var policyFields = collect.Fields[types.SchedulingPolicyDetail]{
	collect.Computed("share_decay_seconds", model.Integer, "time window fair share usage is computed over", func(p types.SchedulingPolicyDetail) any {
		if p.FairsharePolicy == nil {
			return int64(0)
		}
		return int64(aws.ToInt32(p.FairsharePolicy.ShareDecaySeconds))
	}),
	collect.Computed("compute_reservation", model.Integer, "percent of vCPUs reserved for share identifiers not yet seen", func(p types.SchedulingPolicyDetail) any {
		if p.FairsharePolicy == nil {
			return int64(0)
		}
		return int64(aws.ToInt32(p.FairsharePolicy.ComputeReservation))
	}),
	collect.Computed("share_identifiers", model.JSON, "share identifiers and their weights", func(p types.SchedulingPolicyDetail) any {
		out := map[string]float64{}
		if p.FairsharePolicy != nil {
			for _, s := range p.FairsharePolicy.ShareDistribution {
				out[aws.ToString(s.ShareIdentifier)] = float64(aws.ToFloat32(s.WeightFactor))
			}
		}
		return out
	}),
}

// schedulingPolicies: the listing gives ARNs; each page's policies are
// read with one DescribeSchedulingPolicies call (it takes up to 100); a
// failed read keeps them without details, as a warning.
func schedulingPolicies(ctx context.Context, t *collect.Task) error {
	api := batch.NewFromConfig(t.Config)
	p := batch.NewListSchedulingPoliciesPaginator(api, &batch.ListSchedulingPoliciesInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *batch.ListSchedulingPoliciesOutput) error {
		arns := make([]string, 0, len(page.SchedulingPolicies))
		for _, l := range page.SchedulingPolicies {
			arns = append(arns, aws.ToString(l.Arn))
		}
		if len(arns) == 0 {
			return nil
		}
		out, err := api.DescribeSchedulingPolicies(ctx, &batch.DescribeSchedulingPoliciesInput{Arns: arns})
		if err != nil {
			t.Warn("DescribeSchedulingPolicies", err)
			for _, arn := range arns {
				name := collect.ARNResourceName(arn)
				t.Emit(&model.Resource{Key: t.Key("scheduling-policy", name), Name: name, ARN: arn})
			}
			return nil
		}
		for _, d := range out.SchedulingPolicies {
			name := aws.ToString(d.Name)
			t.Emit(&model.Resource{Key: t.Key("scheduling-policy", name), Name: name, ARN: aws.ToString(d.Arn), Tags: d.Tags, Details: policyFields.Details(d)})
		}
		return nil
	})
}
