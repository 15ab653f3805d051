// Package autoscaling collects EC2 Auto Scaling groups, launch configurations,
// scaling policies, scheduled actions and lifecycle hooks.
package autoscaling

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/autoscaling"
	"github.com/aws/aws-sdk-go-v2/service/autoscaling/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the EC2 Auto Scaling collector.
var Service = &collect.Service{
	Name:        "autoscaling",
	Description: "EC2 Auto Scaling groups, launch configurations, scaling policies, scheduled actions and lifecycle hooks",
	Types: []collect.Type{
		{Name: "group", Description: "Auto Scaling group (id = group name)", Fields: groupFields.Declared(), Tags: collect.TagsListed, Collect: groups},
		{Name: "launch-configuration", Description: "Auto Scaling launch configuration (id = name)", Fields: launchConfigurationFields.Declared(), Tags: collect.NotTaggable, Collect: launchConfigurations},
		{Name: "scaling-policy", Description: "scaling policy of a group (id = group/policy name)", Fields: policyFields.Declared(), Tags: collect.NotTaggable, Collect: scalingPolicies},
		{Name: "scheduled-action", Description: "scheduled resize of a group (id = group/action name)", Fields: scheduledActionFields.Declared(), Tags: collect.NotTaggable, Collect: scheduledActions},
		{Name: "lifecycle-hook", Description: "lifecycle hook of a group (id = group/hook name)", Fields: hookFields.Declared(), Tags: collect.NotTaggable, Collect: lifecycleHooks, DetailCalls: 1},
	},
	Calls: "DescribeAutoScalingGroups (paged) once for group and lifecycle-hook; launch-configuration, scaling-policy, scheduled-action: 1 paged describe. " +
		"lifecycle-hook: per group DescribeLifecycleHooks",
	Relations: []collect.Relation{
		{From: "group", Kind: "contains", To: "ec2/instance"},
		{From: "group", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "group", Kind: "registers-with", To: "elb/load-balancer"},
		{From: "group", Kind: "registers-with", To: "elbv2/target-group"},
		{From: "group", Kind: "uses-launch-configuration", To: "autoscaling/launch-configuration"},
		{From: "launch-configuration", Kind: "uses-instance-profile", To: "iam/instance-profile"},
		{From: "lifecycle-hook", Kind: "assumes-role", To: "iam/role"},
		{From: "lifecycle-hook", Kind: "hooks", To: "autoscaling/group"},
		{From: "lifecycle-hook", Kind: "notifies", To: "sns/topic"},
		{From: "lifecycle-hook", Kind: "notifies", To: "sqs/queue"},
		{From: "scaling-policy", Kind: "scales", To: "autoscaling/group"},
		{From: "scaling-policy", Kind: "triggered-by", To: "cloudwatch/alarm"},
		{From: "scheduled-action", Kind: "scales", To: "autoscaling/group"},
		{From: "launch-configuration", Kind: "uses-security-group", To: "ec2/security-group"},
	},
}

func hasLaunchTemplate(g types.AutoScalingGroup) bool { return launchTemplate(g) != nil }

var groupFields = collect.Fields[types.AutoScalingGroup]{
	collect.Computed("min_size", model.Integer, "minimum number of instances", func(g types.AutoScalingGroup) any { return aws.ToInt32(g.MinSize) }),
	collect.Computed("max_size", model.Integer, "maximum number of instances", func(g types.AutoScalingGroup) any { return aws.ToInt32(g.MaxSize) }),
	collect.Computed("desired_capacity", model.Integer, "number of instances the group aims for", func(g types.AutoScalingGroup) any { return aws.ToInt32(g.DesiredCapacity) }),
	collect.When(hasLaunchTemplate, collect.Text("launch_template", "launch template name (directly or through a mixed instances policy)", func(g types.AutoScalingGroup) *string {
		return launchTemplate(g).LaunchTemplateName
	})),
	collect.When(hasLaunchTemplate, collect.Text("launch_template_version", "launch template version ($Default, $Latest or a number)", func(g types.AutoScalingGroup) *string {
		return launchTemplate(g).Version
	})),
	collect.Text("launch_configuration", "launch configuration name, when the group uses one", func(g types.AutoScalingGroup) *string { return g.LaunchConfigurationName }),
	collect.Computed("instances", model.JSON, "instances: instance_id, lifecycle_state, health_status, availability_zone", func(g types.AutoScalingGroup) any {
		return groupInstances(g)
	}),
	collect.Text("health_check_type", "EC2, ELB, VPC_LATTICE or EBS", func(g types.AutoScalingGroup) *string { return g.HealthCheckType }),
	collect.Computed("availability_zones", model.JSON, "availability zones of the group", func(g types.AutoScalingGroup) any { return g.AvailabilityZones }),
	collect.Computed("subnets", model.JSON, "subnets of the group (VPCZoneIdentifier)", func(g types.AutoScalingGroup) any { return groupSubnets(g) }),
	collect.Computed("target_group_arns", model.JSON, "ELBv2 target groups instances are registered with", func(g types.AutoScalingGroup) any { return g.TargetGroupARNs }),
	collect.Computed("load_balancer_names", model.JSON, "Classic Load Balancers instances are registered with", func(g types.AutoScalingGroup) any {
		return g.LoadBalancerNames
	}),
	collect.Text("status", "set while the group is being deleted", func(g types.AutoScalingGroup) *string { return g.Status }),
}

// asgInstance is what is stored of a group member.
type asgInstance struct {
	InstanceID       string `json:"instance_id"`
	LifecycleState   string `json:"lifecycle_state"`
	HealthStatus     string `json:"health_status"`
	AvailabilityZone string `json:"availability_zone"`
}

// groupList are the region's groups, listed once for the group and
// lifecycle-hook types.
func groupList(ctx context.Context, t *collect.Task, api *autoscaling.Client) ([]types.AutoScalingGroup, error) {
	p := autoscaling.NewDescribeAutoScalingGroupsPaginator(api, &autoscaling.DescribeAutoScalingGroupsInput{MaxRecords: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "DescribeAutoScalingGroups", p,
		func(page *autoscaling.DescribeAutoScalingGroupsOutput) []types.AutoScalingGroup {
			return page.AutoScalingGroups
		})
}

func groups(ctx context.Context, t *collect.Task) error {
	list, err := groupList(ctx, t, autoscaling.NewFromConfig(t.Config))
	for _, g := range list {
		emitGroup(t, g)
	}
	return err
}

func emitGroup(t *collect.Task, g types.AutoScalingGroup) {
	name := aws.ToString(g.AutoScalingGroupName)
	key := t.Key("group", name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(g.AutoScalingGroupARN),
		Name:      name,
		CreatedAt: model.Time(g.CreatedTime),
		Tags:      collect.TagMap(g.Tags, func(tg types.TagDescription) (*string, *string) { return tg.Key, tg.Value }),
		Details:   groupFields.Details(g),
	})
	for _, s := range groupSubnets(g) {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
	}
	for _, in := range g.Instances {
		t.Relate(key, "contains", t.Ref("ec2", "instance", aws.ToString(in.InstanceId)))
	}
	for _, arn := range g.TargetGroupARNs {
		t.Relate(key, "registers-with", t.Ref("elbv2", "target-group", targetGroupName(arn)))
	}
	for _, lb := range g.LoadBalancerNames {
		t.Relate(key, "registers-with", t.Ref("elb", "load-balancer", lb))
	}
	t.Relate(key, "uses-launch-configuration", t.Key("launch-configuration", aws.ToString(g.LaunchConfigurationName)))
}

// groupSubnets are the subnets of the group's VPCZoneIdentifier, nil
// (stored as null) when it has none.
func groupSubnets(g types.AutoScalingGroup) []string {
	var subnets []string
	for s := range strings.SplitSeq(aws.ToString(g.VPCZoneIdentifier), ",") {
		if s = strings.TrimSpace(s); s != "" {
			subnets = append(subnets, s)
		}
	}
	return subnets
}

func groupInstances(g types.AutoScalingGroup) []asgInstance {
	instances := make([]asgInstance, 0, len(g.Instances))
	for _, in := range g.Instances {
		instances = append(instances, asgInstance{
			InstanceID:       aws.ToString(in.InstanceId),
			LifecycleState:   string(in.LifecycleState),
			HealthStatus:     aws.ToString(in.HealthStatus),
			AvailabilityZone: aws.ToString(in.AvailabilityZone),
		})
	}
	return instances
}

// launchTemplate is the group's launch template, set directly or inside a
// mixed instances policy.
func launchTemplate(g types.AutoScalingGroup) *types.LaunchTemplateSpecification {
	if g.LaunchTemplate != nil {
		return g.LaunchTemplate
	}
	if m := g.MixedInstancesPolicy; m != nil && m.LaunchTemplate != nil {
		return m.LaunchTemplate.LaunchTemplateSpecification
	}
	return nil
}

// targetGroupName extracts NAME from arn:...:targetgroup/NAME/0123abcd.
func targetGroupName(arn string) string {
	_, res, ok := strings.Cut(arn, ":targetgroup/")
	if !ok {
		return arn
	}
	name, _, _ := strings.Cut(res, "/")
	return name
}

func hasPublicIP(lc types.LaunchConfiguration) bool        { return lc.AssociatePublicIpAddress != nil }
func hasMetadataOptions(lc types.LaunchConfiguration) bool { return lc.MetadataOptions != nil }

var launchConfigurationFields = collect.Fields[types.LaunchConfiguration]{
	collect.Text("image_id", "AMI instances are launched from", func(lc types.LaunchConfiguration) *string { return lc.ImageId }),
	collect.Text("instance_type", "instance type", func(lc types.LaunchConfiguration) *string { return lc.InstanceType }),
	collect.Text("key_name", "SSH key pair name", func(lc types.LaunchConfiguration) *string { return lc.KeyName }),
	collect.Computed("security_groups", model.JSON, "security groups of launched instances", func(lc types.LaunchConfiguration) any { return lc.SecurityGroups }),
	collect.Text("iam_instance_profile", "instance profile name or ARN", func(lc types.LaunchConfiguration) *string { return lc.IamInstanceProfile }),
	collect.When(hasPublicIP, collect.Bool("associate_public_ip", "instances get a public IP address", func(lc types.LaunchConfiguration) *bool {
		return lc.AssociatePublicIpAddress
	})),
	collect.When(hasMetadataOptions, collect.Enum("http_tokens", "instance metadata tokens: required (IMDSv2 only) or optional",
		func(lc types.LaunchConfiguration) types.InstanceMetadataHttpTokensState {
			return lc.MetadataOptions.HttpTokens
		})),
	collect.Bool("ebs_optimized", "EBS-optimized instances", func(lc types.LaunchConfiguration) *bool { return lc.EbsOptimized }),
}

func launchConfigurations(ctx context.Context, t *collect.Task) error {
	p := autoscaling.NewDescribeLaunchConfigurationsPaginator(autoscaling.NewFromConfig(t.Config),
		&autoscaling.DescribeLaunchConfigurationsInput{MaxRecords: t.PageSize(100)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, lc := range page.LaunchConfigurations {
			emitLaunchConfiguration(t, lc)
		}
	}
	return nil
}

func emitLaunchConfiguration(t *collect.Task, lc types.LaunchConfiguration) {
	name := aws.ToString(lc.LaunchConfigurationName)
	profile := aws.ToString(lc.IamInstanceProfile)
	key := t.Key("launch-configuration", name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(lc.LaunchConfigurationARN),
		Name:      name,
		CreatedAt: model.Time(lc.CreatedTime),
		Details:   launchConfigurationFields.Details(lc),
	})
	for _, sg := range lc.SecurityGroups {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	if profile != "" {
		t.Relate(key, "uses-instance-profile", t.GlobalRef("iam", "instance-profile", collect.ARNResourceName(profile)))
	}
}
