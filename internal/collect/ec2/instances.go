package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var instanceFields = []model.Field{
	{Name: "state", Type: "text", Description: "pending, running, stopping, stopped, shutting-down", Values: collect.Values(types.InstanceStateName("").Values())},
	{Name: "instance_type", Type: "text", Description: "instance type, e.g. m5.large"},
	{Name: "image_id", Type: "text", Description: "AMI the instance was launched from"},
	{Name: "launch_time", Type: "timestamp", Description: "last launch (start) time"},
	{Name: "availability_zone", Type: "text", Description: "availability zone"},
	{Name: "vpc_id", Type: "text", Description: "VPC the instance runs in"},
	{Name: "subnet_id", Type: "text", Description: "subnet of the primary interface"},
	{Name: "private_ip", Type: "text", Description: "primary private IPv4 address"},
	{Name: "public_ip", Type: "text", Description: "public IPv4 address, if any"},
	{Name: "security_group_ids", Type: "json", Description: "security groups of the instance"},
	{Name: "iam_instance_profile", Type: "text", Description: "ARN of the attached instance profile"},
	{Name: "key_name", Type: "text", Description: "SSH key pair name"},
	{Name: "platform", Type: "text", Description: "platform details, e.g. Linux/UNIX, Windows"},
	{Name: "architecture", Type: "text", Description: "x86_64, arm64, ..."},
	{Name: "lifecycle", Type: "text", Description: "spot or scheduled; empty for on-demand"},
	{Name: "tenancy", Type: "text", Description: "default, dedicated or host"},
	{Name: "root_device_type", Type: "text", Description: "ebs or instance-store"},
	{Name: "volume_ids", Type: "json", Description: "attached EBS volumes"},
	{Name: "ebs_optimized", Type: "boolean", Description: "EBS-optimized"},
	{Name: "monitoring", Type: "text", Description: "detailed monitoring state"},
	{Name: "imdsv2_required", Type: "boolean", Description: "instance metadata requires session tokens (IMDSv2)"},
	{Name: "state_reason", Type: "text", Description: "why the instance last changed state (e.g. user-initiated stop, with its date)"},
}

func instances(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeInstancesPaginator(client(t), &ec2.DescribeInstancesInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeInstancesOutput) {
		for _, res := range page.Reservations {
			for _, in := range res.Instances {
				if in.State != nil && in.State.Name == types.InstanceStateNameTerminated {
					continue
				}
				emitInstance(t, res.OwnerId, in)
			}
		}
	})
}

func emitInstance(t *collect.Task, owner *string, in types.Instance) {
	id := aws.ToString(in.InstanceId)
	var sgs, volumes []string
	for _, g := range in.SecurityGroups {
		sgs = append(sgs, aws.ToString(g.GroupId))
	}
	for _, m := range in.BlockDeviceMappings {
		if m.Ebs != nil {
			volumes = append(volumes, aws.ToString(m.Ebs.VolumeId))
		}
	}
	d := map[string]any{
		"state":              stateName(in.State),
		"instance_type":      string(in.InstanceType),
		"image_id":           aws.ToString(in.ImageId),
		"launch_time":        model.Time(in.LaunchTime),
		"vpc_id":             aws.ToString(in.VpcId),
		"subnet_id":          aws.ToString(in.SubnetId),
		"private_ip":         aws.ToString(in.PrivateIpAddress),
		"public_ip":          aws.ToString(in.PublicIpAddress),
		"security_group_ids": sgs,
		"key_name":           aws.ToString(in.KeyName),
		"platform":           aws.ToString(in.PlatformDetails),
		"architecture":       string(in.Architecture),
		"lifecycle":          string(in.InstanceLifecycle),
		"root_device_type":   string(in.RootDeviceType),
		"volume_ids":         volumes,
		"ebs_optimized":      aws.ToBool(in.EbsOptimized),
		"state_reason":       aws.ToString(in.StateTransitionReason),
	}
	if in.Placement != nil {
		d["availability_zone"] = aws.ToString(in.Placement.AvailabilityZone)
		d["tenancy"] = string(in.Placement.Tenancy)
	}
	if in.Monitoring != nil {
		d["monitoring"] = string(in.Monitoring.State)
	}
	if in.MetadataOptions != nil {
		d["imdsv2_required"] = in.MetadataOptions.HttpTokens == types.HttpTokensStateRequired
	}
	var profileName string
	if in.IamInstanceProfile != nil {
		arn := aws.ToString(in.IamInstanceProfile.Arn)
		d["iam_instance_profile"] = arn
		profileName = collect.ARNResourceName(arn)
	}
	key := t.Key("instance", id)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       arn(t, owner, "instance/"+id),
		Name:      nameTag(in.Tags),
		CreatedAt: model.Time(in.LaunchTime),
		Tags:      tags(in.Tags),
		Details:   d,
	})
	t.Relate(key, "in-subnet", t.Key("subnet", aws.ToString(in.SubnetId)))
	t.Relate(key, "in-vpc", t.Key("vpc", aws.ToString(in.VpcId)))
	for _, sg := range sgs {
		t.Relate(key, "uses-security-group", t.Key("security-group", sg))
	}
	t.Relate(key, "uses-instance-profile", t.GlobalRef("iam", "instance-profile", profileName))
}

func stateName(s *types.InstanceState) string {
	if s == nil {
		return ""
	}
	return string(s.Name)
}
