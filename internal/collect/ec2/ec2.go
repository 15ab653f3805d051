// Package ec2 collects EC2 compute and VPC networking resources.
package ec2

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the EC2 collector.
var Service = &collect.Service{
	Name:        "ec2",
	Description: "EC2 instances, volumes, images, networking (VPC) resources",
	Types: []collect.Type{
		{Name: "instance", Description: "EC2 instance (every state but terminated)", Fields: instanceFields, Tags: collect.TagsListed, Collect: instances},
		{Name: "volume", Description: "EBS volume", Fields: volumeFields, Tags: collect.TagsListed, Collect: volumes},
		{Name: "snapshot", Description: "EBS snapshot owned by the account (public ones found by one filtered listing)", Fields: snapshotFields, Tags: collect.TagsListed, Collect: snapshots},
		{Name: "ami", Description: "machine image (AMI) owned by the account", Fields: amiFields, Tags: collect.TagsListed, Collect: amis},
		{Name: "elastic-ip", Description: "Elastic IP address, keyed by allocation id", Fields: elasticIPFields, Tags: collect.TagsListed, Collect: elasticIPs},
		{Name: "security-group", Description: "VPC security group with its rules", Fields: securityGroupFields, Tags: collect.TagsListed, Collect: securityGroups},
		{Name: "network-interface", Description: "elastic network interface (ENI)", Fields: networkInterfaceFields, Tags: collect.TagsListed, Collect: networkInterfaces},
		{Name: "key-pair", Description: "SSH key pair, keyed by name (public key not stored)", Fields: keyPairFields, Tags: collect.TagsListed, Collect: keyPairs},
		{Name: "launch-template", Description: "launch template (versions not expanded)", Fields: launchTemplateFields, Tags: collect.TagsListed, Collect: launchTemplates},
		{Name: "vpc", Description: "VPC; is_default for the region's default VPC", Fields: vpcFields, Tags: collect.TagsListed, Collect: vpcs},
		{Name: "subnet", Description: "VPC subnet; is_default for the default subnets of the default VPC", Fields: subnetFields, Tags: collect.TagsListed, Collect: subnets},
		{Name: "route-table", Description: "VPC route table; is_default for the main table of the default VPC (one extra DescribeVpcs call finds it)", Fields: routeTableFields, Tags: collect.TagsListed, Collect: routeTables},
		{Name: "internet-gateway", Description: "internet gateway; is_default when attached to the default VPC (one extra DescribeVpcs call finds it)", Fields: internetGatewayFields, Tags: collect.TagsListed, Collect: internetGateways},
		{Name: "nat-gateway", Description: "NAT gateway (deleted ones skipped)", Fields: natGatewayFields, Tags: collect.TagsListed, Collect: natGateways},
		{Name: "network-acl", Description: "VPC network ACL with its entries", Fields: networkACLFields, Tags: collect.TagsListed, Collect: networkACLs},
		{Name: "vpc-endpoint", Description: "VPC endpoint (gateway, interface, ...)", Fields: vpcEndpointFields, Tags: collect.TagsListed, Collect: vpcEndpoints},
		{Name: "vpc-peering-connection", Description: "VPC peering connection, from either side (deleted ones skipped)", Fields: vpcPeeringFields, Tags: collect.TagsListed, Collect: vpcPeeringConnections},
		{Name: "transit-gateway", Description: "transit gateway (deleted ones skipped)", Fields: transitGatewayFields, Tags: collect.TagsListed, Collect: transitGateways},
		{Name: "transit-gateway-attachment", Description: "attachment of a VPC, VPN, peering... to a transit gateway (deleted ones skipped)", Fields: tgwAttachmentFields, Tags: collect.TagsListed, Collect: tgwAttachments},
		{Name: "dhcp-options", Description: "DHCP options set; is_default when used by the default VPC (one extra DescribeVpcs call finds it)", Fields: dhcpOptionsFields, Tags: collect.TagsListed, Collect: dhcpOptions},
		{Name: "flow-log", Description: "VPC/subnet/ENI flow log", Fields: flowLogFields, Tags: collect.TagsListed, Collect: flowLogs},
	},
}

func client(t *collect.Task) *ec2.Client { return ec2.NewFromConfig(t.Config) }

func tags(ts []types.Tag) map[string]string {
	return collect.TagMap(ts, func(t types.Tag) (*string, *string) { return t.Key, t.Value })
}

// nameTag is the conventional display name of EC2 resources.
func nameTag(ts []types.Tag) string { return tags(ts)["Name"] }

// eachPage is collect.EachPage for a page function that cannot fail.
func eachPage[Out any](ctx context.Context, p collect.Pager[ec2.Options, Out], fn func(page *Out)) error {
	return collect.EachPage(ctx, p, func(page *Out) error { fn(page); return nil })
}

// arn builds the ARN of an EC2 resource; owner defaults to the task account.
func arn(t *collect.Task, owner *string, resource string) string {
	return collect.ARN(t, "ec2", aws.ToString(owner), resource)
}

// ids extracts the non-empty string each item gives, as a never-nil list so
// it is stored as a JSON list.
func ids[T any](items []T, f func(T) *string) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		if s := aws.ToString(f(it)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// optional stores *p under key only when AWS gave a value, so "not
// applicable" (gp2 throughput, all-port rules) is not stored as zero.
func optional[T any](d map[string]any, key string, p *T) {
	if p != nil {
		d[key] = *p
	}
}

// firstOf is the first non-empty string.
func firstOf(ps ...*string) string {
	for _, p := range ps {
		if s := aws.ToString(p); s != "" {
			return s
		}
	}
	return ""
}

// textTime converts the string timestamps of the images API; unparsable gives "".
func textTime(s *string) string {
	tm, err := time.Parse(time.RFC3339, aws.ToString(s))
	if err != nil {
		return ""
	}
	return model.Time(&tm)
}

// protocol normalises AWS's "-1" (every protocol) to "all".
func protocol(p *string) string {
	if s := aws.ToString(p); s != "-1" {
		return s
	}
	return "all"
}

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
	p := ec2.NewDescribeInstancesPaginator(client(t), &ec2.DescribeInstancesInput{MaxResults: collect.PageSize(1000)})
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

var volumeFields = []model.Field{
	{Name: "size_gb", Type: "integer", Description: "size in GiB"},
	{Name: "volume_type", Type: "text", Description: "gp2, gp3, io1, io2, st1, sc1, standard", Values: collect.Values(types.VolumeType("").Values())},
	{Name: "iops", Type: "integer", Description: "provisioned or baseline IOPS, when the type has them"},
	{Name: "throughput", Type: "integer", Description: "throughput in MiB/s (gp3 only)"},
	{Name: "encrypted", Type: "boolean", Description: "encrypted at rest"},
	{Name: "kms_key_id", Type: "text", Description: "ARN of the KMS key encrypting the volume"},
	{Name: "state", Type: "text", Description: "creating, available, in-use, deleting, error", Values: collect.Values(types.VolumeState("").Values())},
	{Name: "availability_zone", Type: "text", Description: "availability zone"},
	{Name: "attached_instance_ids", Type: "json", Description: "instances the volume is attached to"},
	{Name: "snapshot_id", Type: "text", Description: "snapshot the volume was created from"},
	{Name: "multi_attach", Type: "boolean", Description: "Multi-Attach enabled"},
}

func volumes(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeVolumesPaginator(client(t), &ec2.DescribeVolumesInput{MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeVolumesOutput) {
		for _, v := range page.Volumes {
			emitVolume(t, v)
		}
	})
}

// emitVolume is the one source of volume -attached-to-> instance edges.
func emitVolume(t *collect.Task, v types.Volume) {
	id := aws.ToString(v.VolumeId)
	instances := ids(v.Attachments, func(a types.VolumeAttachment) *string { return a.InstanceId })
	kmsKey := aws.ToString(v.KmsKeyId)
	d := map[string]any{
		"size_gb":               aws.ToInt32(v.Size),
		"volume_type":           string(v.VolumeType),
		"encrypted":             aws.ToBool(v.Encrypted),
		"kms_key_id":            kmsKey,
		"state":                 string(v.State),
		"availability_zone":     aws.ToString(v.AvailabilityZone),
		"attached_instance_ids": instances,
		"snapshot_id":           aws.ToString(v.SnapshotId),
		"multi_attach":          aws.ToBool(v.MultiAttachEnabled),
	}
	optional(d, "iops", v.Iops)
	optional(d, "throughput", v.Throughput)
	key := t.Key("volume", id)
	resourceARN := aws.ToString(v.VolumeArn)
	if resourceARN == "" {
		resourceARN = arn(t, v.OwnerId, "volume/"+id)
	}
	t.Emit(&model.Resource{Key: key, ARN: resourceARN, Name: nameTag(v.Tags), CreatedAt: model.Time(v.CreateTime), Tags: tags(v.Tags), Details: d})
	for _, in := range instances {
		t.Relate(key, "attached-to", t.Key("instance", in))
	}
	relateKMS(t, key, kmsKey)
}

// relateKMS links key to the KMS key whose ARN (or bare id) AWS reported.
func relateKMS(t *collect.Task, from model.Key, kmsKey string) {
	t.Relate(from, "encrypted-with", t.KMSKey(kmsKey))
}

var snapshotFields = []model.Field{
	{Name: "volume_id", Type: "text", Description: "volume the snapshot was taken from"},
	{Name: "volume_size_gb", Type: "integer", Description: "size of that volume in GiB"},
	{Name: "state", Type: "text", Description: "pending, completed, error, ..."},
	{Name: "encrypted", Type: "boolean", Description: "encrypted at rest"},
	{Name: "kms_key_id", Type: "text", Description: "ARN of the KMS key encrypting the snapshot"},
	{Name: "start_time", Type: "timestamp", Description: "when the snapshot was started"},
	{Name: "description", Type: "text", Description: "description"},
	{Name: "shared_publicly", Type: "boolean", Description: "anyone may create volumes from it (createVolumePermission group all); null when unknown"},
}

func snapshots(ctx context.Context, t *collect.Task) error {
	api := client(t)
	public := publicSnapshots(ctx, t, api)
	p := ec2.NewDescribeSnapshotsPaginator(api, &ec2.DescribeSnapshotsInput{OwnerIds: []string{"self"}, MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeSnapshotsOutput) {
		for _, s := range page.Snapshots {
			emitSnapshot(t, s, public)
		}
	})
}

// publicSnapshotsOp names the filtered listing in warnings.
const publicSnapshotsOp = "DescribeSnapshots(RestorableByUserIds=all)"

// publicSnapshots lists the account's snapshots anyone may restore: a few
// paged calls instead of one DescribeSnapshotAttribute per snapshot. The
// answer is checked: if the first, middle or last snapshot it lists is not
// shared with group "all", the endpoint ignored the filter (moto does) and
// the answer is worthless. nil means unknown: the listing failed or was not
// filtered, and a warning says so.
func publicSnapshots(ctx context.Context, t *collect.Task, api *ec2.Client) map[string]bool {
	p := ec2.NewDescribeSnapshotsPaginator(api, &ec2.DescribeSnapshotsInput{
		OwnerIds: []string{"self"}, RestorableByUserIds: []string{"all"}, MaxResults: collect.PageSize(1000)})
	var listed []string
	err := eachPage(ctx, p, func(page *ec2.DescribeSnapshotsOutput) {
		for _, s := range page.Snapshots {
			listed = append(listed, aws.ToString(s.SnapshotId))
		}
	})
	if err != nil {
		t.Warn(publicSnapshotsOp, err)
		return nil
	}
	if len(listed) > 0 {
		samples := slices.Compact([]string{listed[0], listed[len(listed)/2], listed[len(listed)-1]})
		for _, id := range samples {
			public, err := snapshotPublic(ctx, api, id)
			if awsx.IsNotFound(err) {
				continue // deleted since it was listed
			}
			if err != nil || !public {
				t.Warn(publicSnapshotsOp, cmp.Or(err, errFilterIgnored))
				return nil
			}
		}
	}
	public := make(map[string]bool, len(listed))
	for _, id := range listed {
		public[id] = true
	}
	return public
}

// snapshotPublic asks whether snapshot id is shared with group "all".
func snapshotPublic(ctx context.Context, api *ec2.Client, id string) (bool, error) {
	attr, err := api.DescribeSnapshotAttribute(ctx, &ec2.DescribeSnapshotAttributeInput{
		SnapshotId: aws.String(id), Attribute: types.SnapshotAttributeNameCreateVolumePermission})
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(attr.CreateVolumePermissions, func(p types.CreateVolumePermission) bool { return p.Group == types.PermissionGroupAll }), nil
}

// errFilterIgnored says an endpoint answered a filtered listing unfiltered.
var errFilterIgnored error = &awsx.InconsistentError{Err: errors.New("the endpoint ignored RestorableByUserIds=all (it listed a snapshot that is not public): which snapshots are public is unknown")}

// emitSnapshot stores s; shared_publicly is left out (unknown) when public is nil.
func emitSnapshot(t *collect.Task, s types.Snapshot, public map[string]bool) {
	id := aws.ToString(s.SnapshotId)
	kmsKey := aws.ToString(s.KmsKeyId)
	d := map[string]any{
		"volume_id":      aws.ToString(s.VolumeId),
		"volume_size_gb": aws.ToInt32(s.VolumeSize),
		"state":          string(s.State),
		"encrypted":      aws.ToBool(s.Encrypted),
		"kms_key_id":     kmsKey,
		"start_time":     model.Time(s.StartTime),
		"description":    aws.ToString(s.Description),
	}
	if public != nil {
		d["shared_publicly"] = public[id]
	}
	key := t.Key("snapshot", id)
	t.Emit(&model.Resource{Key: key, ARN: collect.AccountlessARN(t, "ec2", t.Region, "snapshot/"+id), Name: nameTag(s.Tags), CreatedAt: model.Time(s.StartTime), Tags: tags(s.Tags), Details: d})
	t.Relate(key, "created-from", t.Key("volume", aws.ToString(s.VolumeId)))
	relateKMS(t, key, kmsKey)
}

var amiFields = []model.Field{
	{Name: "state", Type: "text", Description: "available, pending, failed, deregistered, ..."},
	{Name: "architecture", Type: "text", Description: "x86_64, arm64, ..."},
	{Name: "platform", Type: "text", Description: "platform details, e.g. Linux/UNIX, Windows"},
	{Name: "creation_date", Type: "timestamp", Description: "when the image was created"},
	{Name: "public", Type: "boolean", Description: "launch permission granted to everyone"},
	{Name: "root_device_type", Type: "text", Description: "ebs or instance-store"},
	{Name: "snapshot_ids", Type: "json", Description: "EBS snapshots backing the image"},
	{Name: "deprecation_time", Type: "timestamp", Description: "when the image is (or was) deprecated"},
	{Name: "description", Type: "text", Description: "description"},
}

func amis(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeImagesPaginator(client(t), &ec2.DescribeImagesInput{Owners: []string{"self"}, MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeImagesOutput) {
		for _, img := range page.Images {
			emitAMI(t, img)
		}
	})
}

func emitAMI(t *collect.Task, img types.Image) {
	id := aws.ToString(img.ImageId)
	snaps := ids(img.BlockDeviceMappings, func(m types.BlockDeviceMapping) *string {
		if m.Ebs == nil {
			return nil
		}
		return m.Ebs.SnapshotId
	})
	platform := aws.ToString(img.PlatformDetails)
	if platform == "" {
		platform = string(img.Platform)
	}
	created := textTime(img.CreationDate)
	d := map[string]any{
		"state":            string(img.State),
		"architecture":     string(img.Architecture),
		"platform":         platform,
		"creation_date":    created,
		"public":           aws.ToBool(img.Public),
		"root_device_type": string(img.RootDeviceType),
		"snapshot_ids":     snaps,
		"deprecation_time": textTime(img.DeprecationTime),
		"description":      aws.ToString(img.Description),
	}
	name := aws.ToString(img.Name)
	if name == "" {
		name = nameTag(img.Tags)
	}
	key := t.Key("ami", id)
	t.Emit(&model.Resource{Key: key, ARN: collect.AccountlessARN(t, "ec2", t.Region, "image/"+id), Name: name, CreatedAt: created, Tags: tags(img.Tags), Details: d})
	for _, s := range snaps {
		t.Relate(key, "created-from", t.Key("snapshot", s))
	}
}

var elasticIPFields = []model.Field{
	{Name: "public_ip", Type: "text", Description: "the Elastic IP address"},
	{Name: "domain", Type: "text", Description: "vpc or standard"},
	{Name: "instance_id", Type: "text", Description: "instance it is associated with"},
	{Name: "network_interface_id", Type: "text", Description: "network interface it is associated with"},
	{Name: "association_id", Type: "text", Description: "association id; empty when unassociated"},
	{Name: "private_ip", Type: "text", Description: "private address it maps to"},
}

// elasticIPs: DescribeAddresses is not paginated, one call returns them all.
func elasticIPs(ctx context.Context, t *collect.Task) error {
	out, err := client(t).DescribeAddresses(ctx, &ec2.DescribeAddressesInput{})
	if err != nil {
		return err
	}
	for _, a := range out.Addresses {
		// EC2-Classic addresses have no allocation id: the address is the id.
		id := firstOf(a.AllocationId, a.PublicIp)
		key := t.Key("elastic-ip", id)
		t.Emit(&model.Resource{
			Key: key, ARN: arn(t, nil, "elastic-ip/"+id), Name: nameTag(a.Tags), Tags: tags(a.Tags),
			Details: map[string]any{
				"public_ip":            aws.ToString(a.PublicIp),
				"domain":               string(a.Domain),
				"instance_id":          aws.ToString(a.InstanceId),
				"network_interface_id": aws.ToString(a.NetworkInterfaceId),
				"association_id":       aws.ToString(a.AssociationId),
				"private_ip":           aws.ToString(a.PrivateIpAddress),
			},
		})
		t.Relate(key, "associated-with", t.Key("instance", aws.ToString(a.InstanceId)))
		t.Relate(key, "associated-with", t.Key("network-interface", aws.ToString(a.NetworkInterfaceId)))
	}
	return nil
}

var securityGroupFields = []model.Field{
	{Name: "group_name", Type: "text", Description: "group name"},
	{Name: "description", Type: "text", Description: "description"},
	{Name: "vpc_id", Type: "text", Description: "VPC of the group"},
	{Name: "ingress_rules", Type: "json", Description: "inbound rules: [{protocol (all for any), from_port, to_port, cidrs, ipv6_cidrs, prefix_list_ids, referenced_group_ids}]"},
	{Name: "egress_rules", Type: "json", Description: "outbound rules, same shape as ingress_rules"},
	{Name: "open_to_world", Type: "boolean", Description: "some inbound rule allows 0.0.0.0/0 or ::/0"},
	{Name: "open_ports_to_world", Type: "json", Description: `inbound "protocol:from-to" (or "protocol:all") ranges open to 0.0.0.0/0 or ::/0`},
}

// sgRule is one stored security group rule (an IpPermission).
type sgRule struct {
	Protocol           string   `json:"protocol"`
	FromPort           *int32   `json:"from_port"`
	ToPort             *int32   `json:"to_port"`
	CIDRs              []string `json:"cidrs"`
	IPv6CIDRs          []string `json:"ipv6_cidrs"`
	PrefixListIDs      []string `json:"prefix_list_ids"`
	ReferencedGroupIDs []string `json:"referenced_group_ids"`
}

func newSGRule(p types.IpPermission) sgRule {
	return sgRule{
		Protocol:           protocol(p.IpProtocol),
		FromPort:           p.FromPort,
		ToPort:             p.ToPort,
		CIDRs:              ids(p.IpRanges, func(r types.IpRange) *string { return r.CidrIp }),
		IPv6CIDRs:          ids(p.Ipv6Ranges, func(r types.Ipv6Range) *string { return r.CidrIpv6 }),
		PrefixListIDs:      ids(p.PrefixListIds, func(r types.PrefixListId) *string { return r.PrefixListId }),
		ReferencedGroupIDs: ids(p.UserIdGroupPairs, func(r types.UserIdGroupPair) *string { return r.GroupId }),
	}
}

// openToWorld reports whether the rule admits any IPv4 or IPv6 address.
func (r sgRule) openToWorld() bool {
	return slices.Contains(r.CIDRs, "0.0.0.0/0") || slices.Contains(r.IPv6CIDRs, "::/0")
}

// ports renders the rule as "tcp:22-22"; -1 or absent ports mean all of them.
func (r sgRule) ports() string {
	if r.FromPort == nil || r.ToPort == nil || *r.FromPort == -1 || r.Protocol == "all" {
		return r.Protocol + ":all"
	}
	return fmt.Sprintf("%s:%d-%d", r.Protocol, *r.FromPort, *r.ToPort)
}

func securityGroups(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeSecurityGroupsPaginator(client(t), &ec2.DescribeSecurityGroupsInput{MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeSecurityGroupsOutput) {
		for _, g := range page.SecurityGroups {
			emitSecurityGroup(t, g)
		}
	})
}

func emitSecurityGroup(t *collect.Task, g types.SecurityGroup) {
	id := aws.ToString(g.GroupId)
	key := t.Key("security-group", id)
	openPorts := []string{}
	ingress := make([]sgRule, 0, len(g.IpPermissions))
	for _, p := range g.IpPermissions {
		r := newSGRule(p)
		ingress = append(ingress, r)
		if r.openToWorld() {
			openPorts = append(openPorts, r.ports())
		}
	}
	egress := make([]sgRule, 0, len(g.IpPermissionsEgress))
	for _, p := range g.IpPermissionsEgress {
		egress = append(egress, newSGRule(p))
	}
	resourceARN := aws.ToString(g.SecurityGroupArn)
	if resourceARN == "" {
		resourceARN = arn(t, g.OwnerId, "security-group/"+id)
	}
	name := aws.ToString(g.GroupName)
	t.Emit(&model.Resource{
		Key: key, ARN: resourceARN, Name: name, IsDefault: name == "default", Tags: tags(g.Tags),
		Details: map[string]any{
			"group_name":          name,
			"description":         aws.ToString(g.Description),
			"vpc_id":              aws.ToString(g.VpcId),
			"ingress_rules":       ingress,
			"egress_rules":        egress,
			"open_to_world":       len(openPorts) > 0,
			"open_ports_to_world": openPorts,
		},
	})
	t.Relate(key, "in-vpc", t.Key("vpc", aws.ToString(g.VpcId)))
	seen := map[string]bool{id: true}
	for _, p := range slices.Concat(g.IpPermissions, g.IpPermissionsEgress) {
		for _, pair := range p.UserIdGroupPairs {
			ref := aws.ToString(pair.GroupId)
			// Groups of other accounts (peered VPCs) are not ours to key.
			if seen[ref] || (pair.UserId != nil && aws.ToString(pair.UserId) != aws.ToString(g.OwnerId)) {
				continue
			}
			seen[ref] = true
			t.Relate(key, "references-security-group", t.Key("security-group", ref))
		}
	}
}

var networkInterfaceFields = []model.Field{
	{Name: "status", Type: "text", Description: "available, in-use, attaching, detaching, ...", Values: collect.Values(types.NetworkInterfaceStatus("").Values())},
	{Name: "interface_type", Type: "text", Description: "interface, natGateway, lambda, vpc_endpoint, ...", Values: collect.Values(types.NetworkInterfaceType("").Values())},
	{Name: "subnet_id", Type: "text", Description: "subnet"},
	{Name: "vpc_id", Type: "text", Description: "VPC"},
	{Name: "private_ip", Type: "text", Description: "primary private IPv4 address"},
	{Name: "public_ip", Type: "text", Description: "associated public IPv4 address, if any"},
	{Name: "attached_instance_id", Type: "text", Description: "instance it is attached to"},
	{Name: "description", Type: "text", Description: "description (AWS services describe their interfaces here)"},
	{Name: "requester_managed", Type: "boolean", Description: "created and managed by an AWS service"},
	{Name: "security_group_ids", Type: "json", Description: "security groups of the interface"},
}

func networkInterfaces(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeNetworkInterfacesPaginator(client(t), &ec2.DescribeNetworkInterfacesInput{MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeNetworkInterfacesOutput) {
		for _, n := range page.NetworkInterfaces {
			emitNetworkInterface(t, n)
		}
	})
}

func emitNetworkInterface(t *collect.Task, n types.NetworkInterface) {
	id := aws.ToString(n.NetworkInterfaceId)
	sgs := ids(n.Groups, func(g types.GroupIdentifier) *string { return g.GroupId })
	var publicIP, instance string
	if n.Association != nil {
		publicIP = aws.ToString(n.Association.PublicIp)
	}
	if n.Attachment != nil {
		instance = aws.ToString(n.Attachment.InstanceId)
	}
	key := t.Key("network-interface", id)
	t.Emit(&model.Resource{
		Key: key, ARN: arn(t, n.OwnerId, "network-interface/"+id), Name: nameTag(n.TagSet), Tags: tags(n.TagSet),
		Details: map[string]any{
			"status":               string(n.Status),
			"interface_type":       string(n.InterfaceType),
			"subnet_id":            aws.ToString(n.SubnetId),
			"vpc_id":               aws.ToString(n.VpcId),
			"private_ip":           aws.ToString(n.PrivateIpAddress),
			"public_ip":            publicIP,
			"attached_instance_id": instance,
			"description":          aws.ToString(n.Description),
			"requester_managed":    aws.ToBool(n.RequesterManaged),
			"security_group_ids":   sgs,
		},
	})
	t.Relate(key, "in-subnet", t.Key("subnet", aws.ToString(n.SubnetId)))
	for _, sg := range sgs {
		t.Relate(key, "uses-security-group", t.Key("security-group", sg))
	}
	t.Relate(key, "attached-to", t.Key("instance", instance))
}

var keyPairFields = []model.Field{
	{Name: "key_pair_id", Type: "text", Description: "key-... id"},
	{Name: "fingerprint", Type: "text", Description: "key fingerprint"},
	{Name: "key_type", Type: "text", Description: "rsa or ed25519"},
	{Name: "create_time", Type: "timestamp", Description: "when the key pair was created or imported"},
}

// keyPairs: DescribeKeyPairs is not paginated, one call returns them all.
func keyPairs(ctx context.Context, t *collect.Task) error {
	out, err := client(t).DescribeKeyPairs(ctx, &ec2.DescribeKeyPairsInput{})
	if err != nil {
		return err
	}
	for _, k := range out.KeyPairs {
		name := aws.ToString(k.KeyName)
		t.Emit(&model.Resource{
			Key: t.Key("key-pair", name), ARN: arn(t, nil, "key-pair/"+name), Name: name,
			CreatedAt: model.Time(k.CreateTime), Tags: tags(k.Tags),
			Details: map[string]any{
				"key_pair_id": aws.ToString(k.KeyPairId),
				"fingerprint": aws.ToString(k.KeyFingerprint),
				"key_type":    string(k.KeyType),
				"create_time": model.Time(k.CreateTime),
			},
		})
	}
	return nil
}

var launchTemplateFields = []model.Field{
	{Name: "name", Type: "text", Description: "template name"},
	{Name: "default_version", Type: "integer", Description: "version launched when none is given"},
	{Name: "latest_version", Type: "integer", Description: "newest version number"},
	{Name: "created_by", Type: "text", Description: "ARN of the principal that created it"},
	{Name: "create_time", Type: "timestamp", Description: "when it was created"},
}

func launchTemplates(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeLaunchTemplatesPaginator(client(t), &ec2.DescribeLaunchTemplatesInput{MaxResults: collect.PageSize(200)})
	return eachPage(ctx, p, func(page *ec2.DescribeLaunchTemplatesOutput) {
		for _, lt := range page.LaunchTemplates {
			id := aws.ToString(lt.LaunchTemplateId)
			name := aws.ToString(lt.LaunchTemplateName)
			t.Emit(&model.Resource{
				Key: t.Key("launch-template", id), ARN: arn(t, nil, "launch-template/"+id), Name: name,
				CreatedAt: model.Time(lt.CreateTime), Tags: tags(lt.Tags),
				Details: map[string]any{
					"name":            name,
					"default_version": aws.ToInt64(lt.DefaultVersionNumber),
					"latest_version":  aws.ToInt64(lt.LatestVersionNumber),
					"created_by":      aws.ToString(lt.CreatedBy),
					"create_time":     model.Time(lt.CreateTime),
				},
			})
		}
	})
}

var vpcFields = []model.Field{
	{Name: "cidr_block", Type: "text", Description: "primary IPv4 CIDR"},
	{Name: "cidr_blocks", Type: "json", Description: "every associated IPv4 CIDR"},
	{Name: "state", Type: "text", Description: "pending or available"},
	{Name: "dhcp_options_id", Type: "text", Description: "DHCP options set in use"},
	{Name: "instance_tenancy", Type: "text", Description: "default, dedicated or host"},
}

func vpcs(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeVpcsPaginator(client(t), &ec2.DescribeVpcsInput{MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeVpcsOutput) {
		for _, v := range page.Vpcs {
			id := aws.ToString(v.VpcId)
			t.Emit(&model.Resource{
				Key: t.Key("vpc", id), ARN: arn(t, v.OwnerId, "vpc/"+id), Name: nameTag(v.Tags),
				IsDefault: aws.ToBool(v.IsDefault), Tags: tags(v.Tags),
				Details: map[string]any{
					"cidr_block":       aws.ToString(v.CidrBlock),
					"cidr_blocks":      ids(v.CidrBlockAssociationSet, func(a types.VpcCidrBlockAssociation) *string { return a.CidrBlock }),
					"state":            string(v.State),
					"dhcp_options_id":  aws.ToString(v.DhcpOptionsId),
					"instance_tenancy": string(v.InstanceTenancy),
				},
			})
		}
	})
}

// defaultVPCs finds the region's default VPC (there is at most one, so one
// filtered call, no paging) for the types whose is_default depends on it.
// Failing costs only that flag, so it is a warning, not an error.
func defaultVPCs(ctx context.Context, t *collect.Task, api *ec2.Client) map[string]types.Vpc {
	out, err := api.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{
		Filters: []types.Filter{{Name: aws.String("is-default"), Values: []string{"true"}}},
	})
	if err != nil {
		t.Warn("DescribeVpcs", err)
		return nil
	}
	m := make(map[string]types.Vpc, len(out.Vpcs))
	for _, v := range out.Vpcs {
		m[aws.ToString(v.VpcId)] = v
	}
	return m
}

var subnetFields = []model.Field{
	{Name: "vpc_id", Type: "text", Description: "VPC"},
	{Name: "availability_zone", Type: "text", Description: "availability zone"},
	{Name: "cidr_block", Type: "text", Description: "IPv4 CIDR"},
	{Name: "available_ips", Type: "integer", Description: "unused IPv4 addresses"},
	{Name: "map_public_ip_on_launch", Type: "boolean", Description: "instances get a public IPv4 address by default"},
}

func subnets(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeSubnetsPaginator(client(t), &ec2.DescribeSubnetsInput{MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeSubnetsOutput) {
		for _, s := range page.Subnets {
			id := aws.ToString(s.SubnetId)
			resourceARN := aws.ToString(s.SubnetArn)
			if resourceARN == "" {
				resourceARN = arn(t, s.OwnerId, "subnet/"+id)
			}
			key := t.Key("subnet", id)
			t.Emit(&model.Resource{
				Key: key, ARN: resourceARN, Name: nameTag(s.Tags), IsDefault: aws.ToBool(s.DefaultForAz), Tags: tags(s.Tags),
				Details: map[string]any{
					"vpc_id":                  aws.ToString(s.VpcId),
					"availability_zone":       aws.ToString(s.AvailabilityZone),
					"cidr_block":              aws.ToString(s.CidrBlock),
					"available_ips":           aws.ToInt32(s.AvailableIpAddressCount),
					"map_public_ip_on_launch": aws.ToBool(s.MapPublicIpOnLaunch),
				},
			})
			t.Relate(key, "in-vpc", t.Key("vpc", aws.ToString(s.VpcId)))
		}
	})
}

var routeTableFields = []model.Field{
	{Name: "vpc_id", Type: "text", Description: "VPC"},
	{Name: "routes", Type: "json", Description: "[{destination (CIDR or prefix list), target (gateway, NAT, peering, ENI... id), state}]"},
	{Name: "main", Type: "boolean", Description: "the VPC's main route table (used by subnets without an explicit association)"},
	{Name: "associated_subnet_ids", Type: "json", Description: "subnets explicitly associated"},
}

// route is one stored route-table entry.
type route struct {
	Destination string `json:"destination"`
	Target      string `json:"target"`
	State       string `json:"state"`
}

func newRoute(r types.Route) route {
	return route{
		Destination: firstOf(r.DestinationCidrBlock, r.DestinationIpv6CidrBlock, r.DestinationPrefixListId),
		Target: firstOf(r.GatewayId, r.NatGatewayId, r.TransitGatewayId, r.VpcPeeringConnectionId, r.NetworkInterfaceId,
			r.InstanceId, r.EgressOnlyInternetGatewayId, r.CarrierGatewayId, r.LocalGatewayId, r.CoreNetworkArn, r.OdbNetworkArn),
		State: string(r.State),
	}
}

func routeTables(ctx context.Context, t *collect.Task) error {
	api := client(t)
	defaults := defaultVPCs(ctx, t, api)
	p := ec2.NewDescribeRouteTablesPaginator(api, &ec2.DescribeRouteTablesInput{MaxResults: collect.PageSize(100)})
	return eachPage(ctx, p, func(page *ec2.DescribeRouteTablesOutput) {
		for _, rt := range page.RouteTables {
			emitRouteTable(t, rt, defaults)
		}
	})
}

func emitRouteTable(t *collect.Task, rt types.RouteTable, defaultVPCs map[string]types.Vpc) {
	id := aws.ToString(rt.RouteTableId)
	vpc := aws.ToString(rt.VpcId)
	main := false
	for _, a := range rt.Associations {
		main = main || aws.ToBool(a.Main)
	}
	subnets := ids(rt.Associations, func(a types.RouteTableAssociation) *string { return a.SubnetId })
	routes := make([]route, 0, len(rt.Routes))
	for _, r := range rt.Routes {
		routes = append(routes, newRoute(r))
	}
	_, inDefaultVPC := defaultVPCs[vpc]
	key := t.Key("route-table", id)
	t.Emit(&model.Resource{
		Key: key, ARN: arn(t, rt.OwnerId, "route-table/"+id), Name: nameTag(rt.Tags),
		IsDefault: main && inDefaultVPC, Tags: tags(rt.Tags),
		Details: map[string]any{"vpc_id": vpc, "routes": routes, "main": main, "associated_subnet_ids": subnets},
	})
	t.Relate(key, "in-vpc", t.Key("vpc", vpc))
	for _, s := range subnets {
		t.Relate(key, "associated-with", t.Key("subnet", s))
	}
}

var internetGatewayFields = []model.Field{
	{Name: "attached_vpc_ids", Type: "json", Description: "VPCs it is attached to"},
}

func internetGateways(ctx context.Context, t *collect.Task) error {
	api := client(t)
	defaults := defaultVPCs(ctx, t, api)
	p := ec2.NewDescribeInternetGatewaysPaginator(api, &ec2.DescribeInternetGatewaysInput{MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeInternetGatewaysOutput) {
		for _, g := range page.InternetGateways {
			id := aws.ToString(g.InternetGatewayId)
			attached := ids(g.Attachments, func(a types.InternetGatewayAttachment) *string { return a.VpcId })
			isDefault := false
			for _, v := range attached {
				_, ok := defaults[v]
				isDefault = isDefault || ok
			}
			key := t.Key("internet-gateway", id)
			t.Emit(&model.Resource{
				Key: key, ARN: arn(t, g.OwnerId, "internet-gateway/"+id), Name: nameTag(g.Tags),
				IsDefault: isDefault, Tags: tags(g.Tags), Details: map[string]any{"attached_vpc_ids": attached},
			})
			for _, v := range attached {
				t.Relate(key, "attached-to", t.Key("vpc", v))
			}
		}
	})
}

var natGatewayFields = []model.Field{
	{Name: "state", Type: "text", Description: "pending, available, failed, deleting", Values: collect.Values(types.NatGatewayState("").Values())},
	{Name: "connectivity_type", Type: "text", Description: "public or private"},
	{Name: "subnet_id", Type: "text", Description: "subnet it lives in"},
	{Name: "vpc_id", Type: "text", Description: "VPC"},
	{Name: "public_ips", Type: "json", Description: "Elastic IP addresses"},
	{Name: "private_ips", Type: "json", Description: "private addresses"},
}

func natGateways(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeNatGatewaysPaginator(client(t), &ec2.DescribeNatGatewaysInput{MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeNatGatewaysOutput) {
		for _, n := range page.NatGateways {
			// Deleted gateways stay listed for about an hour; they are gone.
			if n.State == types.NatGatewayStateDeleted {
				continue
			}
			id := aws.ToString(n.NatGatewayId)
			key := t.Key("nat-gateway", id)
			t.Emit(&model.Resource{
				Key: key, ARN: arn(t, nil, "natgateway/"+id), Name: nameTag(n.Tags),
				CreatedAt: model.Time(n.CreateTime), Tags: tags(n.Tags),
				Details: map[string]any{
					"state":             string(n.State),
					"connectivity_type": string(n.ConnectivityType),
					"subnet_id":         aws.ToString(n.SubnetId),
					"vpc_id":            aws.ToString(n.VpcId),
					"public_ips":        ids(n.NatGatewayAddresses, func(a types.NatGatewayAddress) *string { return a.PublicIp }),
					"private_ips":       ids(n.NatGatewayAddresses, func(a types.NatGatewayAddress) *string { return a.PrivateIp }),
				},
			})
			t.Relate(key, "in-subnet", t.Key("subnet", aws.ToString(n.SubnetId)))
		}
	})
}

var networkACLFields = []model.Field{
	{Name: "vpc_id", Type: "text", Description: "VPC"},
	{Name: "entries", Type: "json", Description: "[{rule_number, egress, protocol (all for any), action, cidr, ipv6_cidr, from_port, to_port}]"},
	{Name: "associated_subnet_ids", Type: "json", Description: "subnets using the ACL"},
}

// aclEntry is one stored network ACL entry.
type aclEntry struct {
	RuleNumber int32  `json:"rule_number"`
	Egress     bool   `json:"egress"`
	Protocol   string `json:"protocol"`
	Action     string `json:"action"`
	CIDR       string `json:"cidr,omitempty"`
	IPv6CIDR   string `json:"ipv6_cidr,omitempty"`
	FromPort   *int32 `json:"from_port,omitempty"`
	ToPort     *int32 `json:"to_port,omitempty"`
}

func newACLEntry(e types.NetworkAclEntry) aclEntry {
	a := aclEntry{
		RuleNumber: aws.ToInt32(e.RuleNumber), Egress: aws.ToBool(e.Egress), Protocol: protocol(e.Protocol),
		Action: string(e.RuleAction), CIDR: aws.ToString(e.CidrBlock), IPv6CIDR: aws.ToString(e.Ipv6CidrBlock),
	}
	if e.PortRange != nil {
		a.FromPort, a.ToPort = e.PortRange.From, e.PortRange.To
	}
	return a
}

func networkACLs(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeNetworkAclsPaginator(client(t), &ec2.DescribeNetworkAclsInput{MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeNetworkAclsOutput) {
		for _, acl := range page.NetworkAcls {
			id := aws.ToString(acl.NetworkAclId)
			entries := make([]aclEntry, 0, len(acl.Entries))
			for _, e := range acl.Entries {
				entries = append(entries, newACLEntry(e))
			}
			key := t.Key("network-acl", id)
			t.Emit(&model.Resource{
				Key: key, ARN: arn(t, acl.OwnerId, "network-acl/"+id), Name: nameTag(acl.Tags),
				IsDefault: aws.ToBool(acl.IsDefault), Tags: tags(acl.Tags),
				Details: map[string]any{
					"vpc_id":                aws.ToString(acl.VpcId),
					"entries":               entries,
					"associated_subnet_ids": ids(acl.Associations, func(a types.NetworkAclAssociation) *string { return a.SubnetId }),
				},
			})
			t.Relate(key, "in-vpc", t.Key("vpc", aws.ToString(acl.VpcId)))
		}
	})
}

var vpcEndpointFields = []model.Field{
	{Name: "vpc_id", Type: "text", Description: "VPC"},
	{Name: "service_name", Type: "text", Description: "service, e.g. com.amazonaws.eu-west-1.s3"},
	{Name: "vpc_endpoint_type", Type: "text", Description: "Gateway, Interface, GatewayLoadBalancer, ..."},
	{Name: "state", Type: "text", Description: "pendingAcceptance, available, ..."},
	{Name: "policy_present", Type: "boolean", Description: "an endpoint policy document is set"},
	{Name: "route_table_ids", Type: "json", Description: "route tables (gateway endpoints)"},
	{Name: "subnet_ids", Type: "json", Description: "subnets (interface endpoints)"},
}

func vpcEndpoints(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeVpcEndpointsPaginator(client(t), &ec2.DescribeVpcEndpointsInput{MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeVpcEndpointsOutput) {
		for _, e := range page.VpcEndpoints {
			id := aws.ToString(e.VpcEndpointId)
			key := t.Key("vpc-endpoint", id)
			t.Emit(&model.Resource{
				Key: key, ARN: arn(t, e.OwnerId, "vpc-endpoint/"+id), Name: nameTag(e.Tags),
				CreatedAt: model.Time(e.CreationTimestamp), Tags: tags(e.Tags),
				Details: map[string]any{
					"vpc_id":            aws.ToString(e.VpcId),
					"service_name":      aws.ToString(e.ServiceName),
					"vpc_endpoint_type": string(e.VpcEndpointType),
					"state":             string(e.State),
					"policy_present":    aws.ToString(e.PolicyDocument) != "",
					"route_table_ids":   append([]string{}, e.RouteTableIds...),
					"subnet_ids":        append([]string{}, e.SubnetIds...),
				},
			})
			t.Relate(key, "in-vpc", t.Key("vpc", aws.ToString(e.VpcId)))
		}
	})
}

var vpcPeeringFields = []model.Field{
	{Name: "status", Type: "text", Description: "pending-acceptance, active, rejected, expired, ..."},
	{Name: "requester_vpc_id", Type: "text", Description: "requesting VPC"},
	{Name: "requester_account_id", Type: "text", Description: "account of the requesting VPC"},
	{Name: "requester_region", Type: "text", Description: "region of the requesting VPC"},
	{Name: "accepter_vpc_id", Type: "text", Description: "accepting VPC"},
	{Name: "accepter_account_id", Type: "text", Description: "account of the accepting VPC"},
	{Name: "accepter_region", Type: "text", Description: "region of the accepting VPC"},
}

func vpcPeeringConnections(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeVpcPeeringConnectionsPaginator(client(t), &ec2.DescribeVpcPeeringConnectionsInput{MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeVpcPeeringConnectionsOutput) {
		for _, pc := range page.VpcPeeringConnections {
			var status types.VpcPeeringConnectionStateReasonCode
			if pc.Status != nil {
				status = pc.Status.Code
			}
			if status == types.VpcPeeringConnectionStateReasonCodeDeleted {
				continue
			}
			id := aws.ToString(pc.VpcPeeringConnectionId)
			d := map[string]any{"status": string(status)}
			peeringSide(d, "requester", pc.RequesterVpcInfo)
			peeringSide(d, "accepter", pc.AccepterVpcInfo)
			t.Emit(&model.Resource{
				Key: t.Key("vpc-peering-connection", id), ARN: arn(t, nil, "vpc-peering-connection/"+id),
				Name: nameTag(pc.Tags), Tags: tags(pc.Tags), Details: d,
			})
		}
	})
}

// peeringSide stores one end of a peering connection under prefix_*.
func peeringSide(d map[string]any, prefix string, info *types.VpcPeeringConnectionVpcInfo) {
	if info == nil {
		return
	}
	d[prefix+"_vpc_id"] = aws.ToString(info.VpcId)
	d[prefix+"_account_id"] = aws.ToString(info.OwnerId)
	d[prefix+"_region"] = aws.ToString(info.Region)
}

var transitGatewayFields = []model.Field{
	{Name: "state", Type: "text", Description: "pending, available, modifying, deleting"},
	{Name: "owner_id", Type: "text", Description: "owning account (may be another account sharing it)"},
	{Name: "asn", Type: "integer", Description: "Amazon side BGP ASN"},
	{Name: "description", Type: "text", Description: "description"},
}

func transitGateways(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeTransitGatewaysPaginator(client(t), &ec2.DescribeTransitGatewaysInput{MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeTransitGatewaysOutput) {
		for _, g := range page.TransitGateways {
			if g.State == types.TransitGatewayStateDeleted {
				continue
			}
			id := aws.ToString(g.TransitGatewayId)
			d := map[string]any{
				"state":       string(g.State),
				"owner_id":    aws.ToString(g.OwnerId),
				"description": aws.ToString(g.Description),
			}
			if g.Options != nil {
				optional(d, "asn", g.Options.AmazonSideAsn)
			}
			resourceARN := aws.ToString(g.TransitGatewayArn)
			if resourceARN == "" {
				resourceARN = arn(t, g.OwnerId, "transit-gateway/"+id)
			}
			t.Emit(&model.Resource{
				Key: t.Key("transit-gateway", id), ARN: resourceARN, Name: nameTag(g.Tags),
				CreatedAt: model.Time(g.CreationTime), Tags: tags(g.Tags), Details: d,
			})
		}
	})
}

var tgwAttachmentFields = []model.Field{
	{Name: "resource_type", Type: "text", Description: "vpc, vpn, direct-connect-gateway, peering, connect, ..."},
	{Name: "resource_id", Type: "text", Description: "id of the attached resource"},
	{Name: "transit_gateway_id", Type: "text", Description: "transit gateway"},
	{Name: "state", Type: "text", Description: "pendingAcceptance, available, ..."},
}

func tgwAttachments(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeTransitGatewayAttachmentsPaginator(client(t), &ec2.DescribeTransitGatewayAttachmentsInput{MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeTransitGatewayAttachmentsOutput) {
		for _, a := range page.TransitGatewayAttachments {
			if a.State == types.TransitGatewayAttachmentStateDeleted {
				continue
			}
			id := aws.ToString(a.TransitGatewayAttachmentId)
			key := t.Key("transit-gateway-attachment", id)
			t.Emit(&model.Resource{
				Key: key, ARN: arn(t, nil, "transit-gateway-attachment/"+id), Name: nameTag(a.Tags),
				CreatedAt: model.Time(a.CreationTime), Tags: tags(a.Tags),
				Details: map[string]any{
					"resource_type":      string(a.ResourceType),
					"resource_id":        aws.ToString(a.ResourceId),
					"transit_gateway_id": aws.ToString(a.TransitGatewayId),
					"state":              string(a.State),
				},
			})
			t.Relate(key, "attached-to-tgw", t.Key("transit-gateway", aws.ToString(a.TransitGatewayId)))
			if a.ResourceType == types.TransitGatewayAttachmentResourceTypeVpc {
				t.Relate(key, "attached-to", t.Key("vpc", aws.ToString(a.ResourceId)))
			}
		}
	})
}

var dhcpOptionsFields = []model.Field{
	{Name: "configurations", Type: "json", Description: `option name -> values, e.g. {"domain-name-servers": ["AmazonProvidedDNS"]}`},
}

func dhcpOptions(ctx context.Context, t *collect.Task) error {
	api := client(t)
	inDefaultVPC := map[string]bool{}
	for _, v := range defaultVPCs(ctx, t, api) {
		inDefaultVPC[aws.ToString(v.DhcpOptionsId)] = true
	}
	p := ec2.NewDescribeDhcpOptionsPaginator(api, &ec2.DescribeDhcpOptionsInput{MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeDhcpOptionsOutput) {
		for _, o := range page.DhcpOptions {
			id := aws.ToString(o.DhcpOptionsId)
			conf := make(map[string][]string, len(o.DhcpConfigurations))
			for _, c := range o.DhcpConfigurations {
				conf[aws.ToString(c.Key)] = ids(c.Values, func(v types.AttributeValue) *string { return v.Value })
			}
			t.Emit(&model.Resource{
				Key: t.Key("dhcp-options", id), ARN: arn(t, o.OwnerId, "dhcp-options/"+id), Name: nameTag(o.Tags),
				IsDefault: inDefaultVPC[id], Tags: tags(o.Tags), Details: map[string]any{"configurations": conf},
			})
		}
	})
}

var flowLogFields = []model.Field{
	{Name: "resource_id", Type: "text", Description: "VPC, subnet or network interface logged"},
	{Name: "traffic_type", Type: "text", Description: "ACCEPT, REJECT or ALL"},
	{Name: "log_destination_type", Type: "text", Description: "cloud-watch-logs, s3 or kinesis-data-firehose"},
	{Name: "log_destination", Type: "text", Description: "ARN of the destination (log group, bucket[/prefix], stream)"},
	{Name: "deliver_status", Type: "text", Description: "SUCCESS or FAILED delivery"},
}

func flowLogs(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeFlowLogsPaginator(client(t), &ec2.DescribeFlowLogsInput{MaxResults: collect.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeFlowLogsOutput) {
		for _, f := range page.FlowLogs {
			id := aws.ToString(f.FlowLogId)
			key := t.Key("flow-log", id)
			dest := aws.ToString(f.LogDestination)
			t.Emit(&model.Resource{
				Key: key, ARN: arn(t, nil, "vpc-flow-log/"+id), Name: nameTag(f.Tags),
				CreatedAt: model.Time(f.CreationTime), Tags: tags(f.Tags),
				Details: map[string]any{
					"resource_id":          aws.ToString(f.ResourceId),
					"traffic_type":         string(f.TrafficType),
					"log_destination_type": string(f.LogDestinationType),
					"log_destination":      dest,
					"deliver_status":       aws.ToString(f.DeliverLogsStatus),
				},
			})
			switch f.LogDestinationType {
			case types.LogDestinationTypeCloudWatchLogs:
				t.Relate(key, "logs-to", t.Ref("logs", "log-group", logGroupName(f)))
			case types.LogDestinationTypeS3:
				// The bucket may live elsewhere (see RelateByName).
				t.RelateByName(key, "logs-to", "s3", "bucket", s3Bucket(dest), t.Region)
			}
		}
	})
}

// logGroupName is the flow log's group, from its name or its destination
// ARN (arn:aws:logs:r:a:log-group:NAME[:*]).
func logGroupName(f types.FlowLog) string {
	if name := aws.ToString(f.LogGroupName); name != "" {
		return name
	}
	_, rest, _ := strings.Cut(aws.ToString(f.LogDestination), ":log-group:")
	return strings.TrimSuffix(rest, ":*")
}

// s3Bucket is the bucket of an S3 destination ARN arn:aws:s3:::bucket/prefix.
func s3Bucket(dest string) string {
	_, rest, ok := strings.Cut(dest, ":::")
	if !ok {
		return ""
	}
	bucket, _, _ := strings.Cut(rest, "/")
	return bucket
}
