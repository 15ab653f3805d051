package efs

import (
	"cmp"
	"context"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	"github.com/aws/aws-sdk-go-v2/service/efs/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

func tags(ts []types.Tag) map[string]string {
	return collect.TagMap(ts, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

var accessPointFields = collect.Fields[types.AccessPointDescription]{
	collect.Text("file_system_id", "file system the access point opens", func(a types.AccessPointDescription) *string { return a.FileSystemId }),
	collect.Enum("lifecycle_state", "creating, available, deleting, ...", func(a types.AccessPointDescription) types.LifeCycleState { return a.LifeCycleState }),
	collect.Computed("root_directory", model.Text, "directory clients see as the root", func(a types.AccessPointDescription) any {
		if a.RootDirectory == nil {
			return "/"
		}
		return aws.ToString(a.RootDirectory.Path)
	}),
	collect.Computed("posix_uid", model.Integer, "POSIX user id every request is made as; absent when clients choose", func(a types.AccessPointDescription) any {
		if a.PosixUser == nil || a.PosixUser.Uid == nil {
			return nil
		}
		return *a.PosixUser.Uid
	}),
	collect.Computed("posix_gid", model.Integer, "POSIX group id every request is made as; absent when clients choose", func(a types.AccessPointDescription) any {
		if a.PosixUser == nil || a.PosixUser.Gid == nil {
			return nil
		}
		return *a.PosixUser.Gid
	}),
}

// accessPoints: DescribeAccessPoints without a file system lists the
// region's access points.
func accessPoints(ctx context.Context, t *collect.Task) error {
	p := efs.NewDescribeAccessPointsPaginator(efs.NewFromConfig(t.Config), &efs.DescribeAccessPointsInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *efs.DescribeAccessPointsOutput) error {
		for _, a := range page.AccessPoints {
			id := aws.ToString(a.AccessPointId)
			key := t.Key("access-point", id)
			t.Emit(&model.Resource{Key: key, ARN: aws.ToString(a.AccessPointArn), Name: aws.ToString(a.Name), Tags: tags(a.Tags), Details: accessPointFields.Details(a)})
			t.Relate(key, "opens", t.Key("file-system", aws.ToString(a.FileSystemId)))
		}
		return nil
	})
}

// mountTarget is a mount target with its security groups (nil when they
// could not be read).
type mountTarget struct {
	types.MountTargetDescription
	groups []string
}

func hasGroups(m mountTarget) bool { return m.groups != nil }

var mountTargetFields = collect.Fields[mountTarget]{
	collect.Text("file_system_id", "file system mounted", func(m mountTarget) *string { return m.FileSystemId }),
	collect.Enum("lifecycle_state", "creating, available, deleting, ...", func(m mountTarget) types.LifeCycleState { return m.LifeCycleState }),
	collect.Text("subnet_id", "subnet of the mount target", func(m mountTarget) *string { return m.SubnetId }),
	collect.Text("vpc_id", "VPC of the mount target", func(m mountTarget) *string { return m.VpcId }),
	collect.Text("availability_zone", "availability zone", func(m mountTarget) *string { return m.AvailabilityZoneName }),
	collect.Text("ip_address", "IPv4 address NFS clients connect to", func(m mountTarget) *string { return m.IpAddress }),
	collect.Text("network_interface_id", "network interface of the mount target", func(m mountTarget) *string { return m.NetworkInterfaceId }),
	collect.When(hasGroups, collect.Computed("security_group_ids", model.JSON, "security groups guarding NFS access", func(m mountTarget) any { return m.groups })),
}

// mountTargets: DescribeMountTargets answers per file system, so the file
// systems are listed first; each mount target's security groups take one
// more call. A file system whose mount targets cannot be listed fails the
// collection (its listing is incomplete), after the others are stored.
func mountTargets(ctx context.Context, t *collect.Task) error {
	api := efs.NewFromConfig(t.Config)
	var listErr collect.FirstErr
	fileSystems, err := listedFileSystems(ctx, t, api)
	collect.ForEach(ctx, fileSystems, func(ctx context.Context, fs types.FileSystemDescription) {
		mp := efs.NewDescribeMountTargetsPaginator(api, &efs.DescribeMountTargetsInput{FileSystemId: fs.FileSystemId, MaxItems: t.PageSize(100)})
		listErr.Keep(collect.EachItem(ctx, mp, func(page *efs.DescribeMountTargetsOutput) []types.MountTargetDescription { return page.MountTargets },
			func(ctx context.Context, m types.MountTargetDescription) { emitMountTarget(ctx, t, api, m) }))
	})
	return cmp.Or(err, listErr.Err())
}

func emitMountTarget(ctx context.Context, t *collect.Task, api *efs.Client, m types.MountTargetDescription) {
	mt := mountTarget{MountTargetDescription: m}
	out, err := api.DescribeMountTargetSecurityGroups(ctx, &efs.DescribeMountTargetSecurityGroupsInput{MountTargetId: m.MountTargetId})
	t.Warn("DescribeMountTargetSecurityGroups", err)
	if err == nil {
		mt.groups = append([]string{}, out.SecurityGroups...)
		sort.Strings(mt.groups)
	}
	id := aws.ToString(m.MountTargetId)
	key := t.Key("mount-target", id)
	t.Emit(&model.Resource{Key: key, Name: id, Details: mountTargetFields.Details(mt)})
	t.Relate(key, "mounts", t.Key("file-system", aws.ToString(m.FileSystemId)))
	t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", aws.ToString(m.SubnetId)))
	for _, sg := range mt.groups {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
}

// replicationDestination is one entry of a replication's destinations field.
type replicationDestination struct {
	FileSystemID string `json:"file_system_id"`
	Region       string `json:"region"`
	Status       string `json:"status"`
	LastSync     string `json:"last_replicated,omitempty"`
}

var replicationFields = collect.Fields[types.ReplicationConfigurationDescription]{
	collect.Text("source_file_system_id", "file system replicated", func(r types.ReplicationConfigurationDescription) *string { return r.SourceFileSystemId }),
	collect.Text("source_region", "region of the source file system", func(r types.ReplicationConfigurationDescription) *string { return r.SourceFileSystemRegion }),
	collect.Computed("destinations", model.JSON, "replicas: [{file_system_id, region, status, last_replicated}]", func(r types.ReplicationConfigurationDescription) any {
		out := []replicationDestination{}
		for _, d := range r.Destinations {
			out = append(out, replicationDestination{FileSystemID: aws.ToString(d.FileSystemId), Region: aws.ToString(d.Region), Status: string(d.Status),
				LastSync: model.Time(d.LastReplicatedTimestamp)})
		}
		return out
	}),
}

// replications: one per replicated file system in the region (id = the
// source file system's id); DescribeReplicationConfigurations without a
// file system lists them all.
func replications(ctx context.Context, t *collect.Task) error {
	p := efs.NewDescribeReplicationConfigurationsPaginator(efs.NewFromConfig(t.Config), &efs.DescribeReplicationConfigurationsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *efs.DescribeReplicationConfigurationsOutput) error {
		for _, r := range page.Replications {
			id := aws.ToString(r.SourceFileSystemId)
			key := t.Key("replication-configuration", id)
			t.Emit(&model.Resource{Key: key, Name: id, CreatedAt: model.Time(r.CreationTime), Details: replicationFields.Details(r)})
			if aws.ToString(r.SourceFileSystemRegion) == t.Region {
				t.Relate(key, "replicates", t.Key("file-system", id))
			}
			for _, d := range r.Destinations {
				if aws.ToString(d.Region) == t.Region {
					t.Relate(key, "replicates-to", t.Key("file-system", aws.ToString(d.FileSystemId)))
				}
			}
		}
		return nil
	})
}
