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
		{Name: "group", Description: "Auto Scaling group (id = group name)", Fields: groupFields, Tags: collect.TagsListed, Collect: groups},
		{Name: "launch-configuration", Description: "Auto Scaling launch configuration (id = name)", Fields: launchConfigurationFields, Tags: collect.NotTaggable, Collect: launchConfigurations},
		{Name: "scaling-policy", Description: "scaling policy of a group (id = group/policy name)", Fields: policyFields.Declared(), Tags: collect.NotTaggable, Collect: scalingPolicies},
		{Name: "scheduled-action", Description: "scheduled resize of a group (id = group/action name)", Fields: scheduledActionFields.Declared(), Tags: collect.NotTaggable, Collect: scheduledActions},
		{Name: "lifecycle-hook", Description: "lifecycle hook of a group (id = group/hook name)", Fields: hookFields.Declared(), Tags: collect.NotTaggable, Collect: lifecycleHooks, DetailCalls: 1},
	},
	Calls: "group, launch-configuration, scaling-policy, scheduled-action: 1 paged describe. lifecycle-hook: DescribeAutoScalingGroups (paged) + per group DescribeLifecycleHooks",
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

var groupFields = []model.Field{
	{Name: "min_size", Type: "integer", Description: "minimum number of instances"},
	{Name: "max_size", Type: "integer", Description: "maximum number of instances"},
	{Name: "desired_capacity", Type: "integer", Description: "number of instances the group aims for"},
	{Name: "launch_template", Type: "text", Description: "launch template name (directly or through a mixed instances policy)"},
	{Name: "launch_template_version", Type: "text", Description: "launch template version ($Default, $Latest or a number)"},
	{Name: "launch_configuration", Type: "text", Description: "launch configuration name, when the group uses one"},
	{Name: "instances", Type: "json", Description: "instances: instance_id, lifecycle_state, health_status, availability_zone"},
	{Name: "health_check_type", Type: "text", Description: "EC2, ELB, VPC_LATTICE or EBS"},
	{Name: "availability_zones", Type: "json", Description: "availability zones of the group"},
	{Name: "subnets", Type: "json", Description: "subnets of the group (VPCZoneIdentifier)"},
	{Name: "target_group_arns", Type: "json", Description: "ELBv2 target groups instances are registered with"},
	{Name: "load_balancer_names", Type: "json", Description: "Classic Load Balancers instances are registered with"},
	{Name: "status", Type: "text", Description: "set while the group is being deleted"},
}

// asgInstance is what is stored of a group member.
type asgInstance struct {
	InstanceID       string `json:"instance_id"`
	LifecycleState   string `json:"lifecycle_state"`
	HealthStatus     string `json:"health_status"`
	AvailabilityZone string `json:"availability_zone"`
}

func groups(ctx context.Context, t *collect.Task) error {
	p := autoscaling.NewDescribeAutoScalingGroupsPaginator(autoscaling.NewFromConfig(t.Config),
		&autoscaling.DescribeAutoScalingGroupsInput{MaxRecords: t.PageSize(100)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, g := range page.AutoScalingGroups {
			emitGroup(t, g)
		}
	}
	return nil
}

func emitGroup(t *collect.Task, g types.AutoScalingGroup) {
	name := aws.ToString(g.AutoScalingGroupName)
	var subnets []string
	for s := range strings.SplitSeq(aws.ToString(g.VPCZoneIdentifier), ",") {
		if s = strings.TrimSpace(s); s != "" {
			subnets = append(subnets, s)
		}
	}
	instances := make([]asgInstance, 0, len(g.Instances))
	for _, in := range g.Instances {
		instances = append(instances, asgInstance{
			InstanceID:       aws.ToString(in.InstanceId),
			LifecycleState:   string(in.LifecycleState),
			HealthStatus:     aws.ToString(in.HealthStatus),
			AvailabilityZone: aws.ToString(in.AvailabilityZone),
		})
	}
	d := map[string]any{
		"min_size":             aws.ToInt32(g.MinSize),
		"max_size":             aws.ToInt32(g.MaxSize),
		"desired_capacity":     aws.ToInt32(g.DesiredCapacity),
		"launch_configuration": aws.ToString(g.LaunchConfigurationName),
		"instances":            instances,
		"health_check_type":    aws.ToString(g.HealthCheckType),
		"availability_zones":   g.AvailabilityZones,
		"subnets":              subnets,
		"target_group_arns":    g.TargetGroupARNs,
		"load_balancer_names":  g.LoadBalancerNames,
		"status":               aws.ToString(g.Status),
	}
	if lt := launchTemplate(g); lt != nil {
		d["launch_template"] = aws.ToString(lt.LaunchTemplateName)
		d["launch_template_version"] = aws.ToString(lt.Version)
	}
	key := t.Key("group", name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(g.AutoScalingGroupARN),
		Name:      name,
		CreatedAt: model.Time(g.CreatedTime),
		Tags:      collect.TagMap(g.Tags, func(tg types.TagDescription) (*string, *string) { return tg.Key, tg.Value }),
		Details:   d,
	})
	for _, s := range subnets {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
	}
	for _, in := range instances {
		t.Relate(key, "contains", t.Ref("ec2", "instance", in.InstanceID))
	}
	for _, arn := range g.TargetGroupARNs {
		t.Relate(key, "registers-with", t.Ref("elbv2", "target-group", targetGroupName(arn)))
	}
	for _, lb := range g.LoadBalancerNames {
		t.Relate(key, "registers-with", t.Ref("elb", "load-balancer", lb))
	}
	t.Relate(key, "uses-launch-configuration", t.Key("launch-configuration", aws.ToString(g.LaunchConfigurationName)))
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

var launchConfigurationFields = []model.Field{
	{Name: "image_id", Type: "text", Description: "AMI instances are launched from"},
	{Name: "instance_type", Type: "text", Description: "instance type"},
	{Name: "key_name", Type: "text", Description: "SSH key pair name"},
	{Name: "security_groups", Type: "json", Description: "security groups of launched instances"},
	{Name: "iam_instance_profile", Type: "text", Description: "instance profile name or ARN"},
	{Name: "associate_public_ip", Type: "boolean", Description: "instances get a public IP address"},
	{Name: "http_tokens", Type: "text", Description: "instance metadata tokens: required (IMDSv2 only) or optional"},
	{Name: "ebs_optimized", Type: "boolean", Description: "EBS-optimized instances"},
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
	d := map[string]any{
		"image_id":             aws.ToString(lc.ImageId),
		"instance_type":        aws.ToString(lc.InstanceType),
		"key_name":             aws.ToString(lc.KeyName),
		"security_groups":      lc.SecurityGroups,
		"iam_instance_profile": profile,
		"ebs_optimized":        aws.ToBool(lc.EbsOptimized),
	}
	if lc.AssociatePublicIpAddress != nil {
		d["associate_public_ip"] = *lc.AssociatePublicIpAddress
	}
	if lc.MetadataOptions != nil {
		d["http_tokens"] = string(lc.MetadataOptions.HttpTokens)
	}
	key := t.Key("launch-configuration", name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(lc.LaunchConfigurationARN),
		Name:      name,
		CreatedAt: model.Time(lc.CreatedTime),
		Details:   d,
	})
	for _, sg := range lc.SecurityGroups {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	if profile != "" {
		t.Relate(key, "uses-instance-profile", t.GlobalRef("iam", "instance-profile", collect.ARNResourceName(profile)))
	}
}
