package ec2

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var instanceFields = collect.Fields[types.Instance]{
	collect.Enum("state", "pending, running, stopping, stopped, shutting-down", func(in types.Instance) types.InstanceStateName { return stateName(in.State) }),
	collect.Enum("instance_type", "instance type, e.g. m5.large", func(in types.Instance) types.InstanceType { return in.InstanceType }),
	collect.Text("image_id", "AMI the instance was launched from", func(in types.Instance) *string { return in.ImageId }),
	collect.Timestamp("launch_time", "last launch (start) time", func(in types.Instance) *time.Time { return in.LaunchTime }),
	collect.When(placed, collect.Text("availability_zone", "availability zone", func(in types.Instance) *string { return in.Placement.AvailabilityZone })),
	collect.Text("vpc_id", "VPC the instance runs in", func(in types.Instance) *string { return in.VpcId }),
	collect.Text("subnet_id", "subnet of the primary interface", func(in types.Instance) *string { return in.SubnetId }),
	collect.Text("private_ip", "primary private IPv4 address", func(in types.Instance) *string { return in.PrivateIpAddress }),
	collect.Text("public_ip", "public IPv4 address, if any", func(in types.Instance) *string { return in.PublicIpAddress }),
	collect.Computed("security_group_ids", model.JSON, "security groups of the instance", func(in types.Instance) any { return instanceGroups(in) }),
	collect.When(func(in types.Instance) bool { return in.IamInstanceProfile != nil },
		collect.Text("iam_instance_profile", "ARN of the attached instance profile", func(in types.Instance) *string { return in.IamInstanceProfile.Arn })),
	collect.Text("key_name", "SSH key pair name", func(in types.Instance) *string { return in.KeyName }),
	collect.Text("platform", "platform details, e.g. Linux/UNIX, Windows", func(in types.Instance) *string { return in.PlatformDetails }),
	collect.Enum("architecture", "x86_64, arm64, ...", func(in types.Instance) types.ArchitectureValues { return in.Architecture }),
	collect.Enum("lifecycle", "spot or scheduled; empty for on-demand", func(in types.Instance) types.InstanceLifecycleType { return in.InstanceLifecycle }),
	collect.When(placed, collect.Enum("tenancy", "default, dedicated or host", func(in types.Instance) types.Tenancy { return in.Placement.Tenancy })),
	collect.Enum("root_device_type", "ebs or instance-store", func(in types.Instance) types.DeviceType { return in.RootDeviceType }),
	collect.Computed("volume_ids", model.JSON, "attached EBS volumes", func(in types.Instance) any { return instanceVolumes(in) }),
	collect.Bool("ebs_optimized", "EBS-optimized", func(in types.Instance) *bool { return in.EbsOptimized }),
	collect.When(func(in types.Instance) bool { return in.Monitoring != nil },
		collect.Enum("monitoring", "detailed monitoring state", func(in types.Instance) types.MonitoringState { return in.Monitoring.State })),
	collect.When(func(in types.Instance) bool { return in.MetadataOptions != nil },
		collect.Computed("imdsv2_required", model.Boolean, "instance metadata requires session tokens (IMDSv2)", func(in types.Instance) any {
			return in.MetadataOptions.HttpTokens == types.HttpTokensStateRequired
		})),
	collect.Text("state_reason", "why the instance last changed state (e.g. user-initiated stop, with its date)", func(in types.Instance) *string { return in.StateTransitionReason }),
}

func placed(in types.Instance) bool { return in.Placement != nil }

// instanceGroups are the ids of the instance's security groups; nil (stored
// as null) when it has none.
func instanceGroups(in types.Instance) []string {
	var sgs []string
	for _, g := range in.SecurityGroups {
		sgs = append(sgs, aws.ToString(g.GroupId))
	}
	return sgs
}

// instanceVolumes are the EBS volumes of the instance's block devices; nil
// (stored as null) when it has none.
func instanceVolumes(in types.Instance) []string {
	var volumes []string
	for _, m := range in.BlockDeviceMappings {
		if m.Ebs != nil {
			volumes = append(volumes, aws.ToString(m.Ebs.VolumeId))
		}
	}
	return volumes
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
	var profileName string
	if in.IamInstanceProfile != nil {
		profileName = collect.ARNResourceName(aws.ToString(in.IamInstanceProfile.Arn))
	}
	key := t.Key("instance", id)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       arn(t, owner, "instance/"+id),
		Name:      nameTag(in.Tags),
		CreatedAt: model.Time(in.LaunchTime),
		Tags:      tags(in.Tags),
		Details:   instanceFields.Details(in),
	})
	t.Relate(key, "in-subnet", t.Key("subnet", aws.ToString(in.SubnetId)))
	t.Relate(key, "in-vpc", t.Key("vpc", aws.ToString(in.VpcId)))
	for _, sg := range instanceGroups(in) {
		t.Relate(key, "uses-security-group", t.Key("security-group", sg))
	}
	t.Relate(key, "uses-instance-profile", t.GlobalRef("iam", "instance-profile", profileName))
}

func stateName(s *types.InstanceState) types.InstanceStateName {
	if s == nil {
		return ""
	}
	return s.Name
}
