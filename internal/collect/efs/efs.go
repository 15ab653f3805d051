// Package efs collects EFS file systems, their access points and mount
// targets, and their replications.
package efs

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	"github.com/aws/aws-sdk-go-v2/service/efs/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the EFS collector.
var Service = &collect.Service{
	Name:        "efs",
	Description: "EFS elastic file systems, access points, mount targets and replications",
	Types: []collect.Type{
		{Name: "file-system", Description: "EFS file system (id = fs-...)", Fields: fileSystemFields.Declared(), Tags: collect.TagsListed, Collect: fileSystems},
		{Name: "access-point", Description: "EFS access point (id = fsap-...): an entry point with a fixed root directory and POSIX identity",
			Fields: accessPointFields.Declared(), Tags: collect.TagsListed, Collect: accessPoints},
		{Name: "mount-target", Description: "EFS mount target (id = fsmt-...): the NFS endpoint of a file system in a subnet",
			Fields: mountTargetFields.Declared(), Tags: collect.NotTaggable, Collect: mountTargets, DetailCalls: 2},
		{Name: "replication-configuration", Description: "EFS replication of a file system (id = the source file system id)",
			Fields: replicationFields.Declared(), Tags: collect.NotTaggable, Collect: replications},
	},
	Calls: "paged DescribeFileSystems once for the file-system and mount-target types; access-point, replication-configuration: 1 paged Describe*. mount-target: per file system DescribeMountTargets + per mount target DescribeMountTargetSecurityGroups",
	Relations: []collect.Relation{
		{From: "file-system", Kind: "encrypted-with", To: "kms/key"},
		{From: "access-point", Kind: "opens", To: "efs/file-system"},
		{From: "mount-target", Kind: "mounts", To: "efs/file-system"},
		{From: "mount-target", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "mount-target", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "replication-configuration", Kind: "replicates", To: "efs/file-system"},
		{From: "replication-configuration", Kind: "replicates-to", To: "efs/file-system"},
	},
}

var fileSystemFields = collect.Fields[types.FileSystemDescription]{
	collect.Enum("performance_mode", "generalPurpose or maxIO", func(fs types.FileSystemDescription) types.PerformanceMode { return fs.PerformanceMode }),
	collect.Enum("throughput_mode", "bursting, provisioned or elastic", func(fs types.FileSystemDescription) types.ThroughputMode { return fs.ThroughputMode }),
	collect.Computed("provisioned_throughput_mibps", model.Real, "provisioned throughput, in provisioned mode", func(fs types.FileSystemDescription) any {
		if p := fs.ProvisionedThroughputInMibps; p != nil {
			return *p
		}
		return nil
	}),
	collect.Bool("encrypted", "data at rest is encrypted", func(fs types.FileSystemDescription) *bool { return fs.Encrypted }),
	collect.Text("kms_key_id", "KMS key ARN used for encryption", func(fs types.FileSystemDescription) *string { return fs.KmsKeyId }),
	collect.Computed("size_bytes", model.Integer, "metered size of the data (eventually consistent)", func(fs types.FileSystemDescription) any {
		if fs.SizeInBytes != nil {
			return fs.SizeInBytes.Value
		}
		return nil
	}),
	collect.Enum("lifecycle_state", "creating, available, updating, deleting, error", func(fs types.FileSystemDescription) types.LifeCycleState { return fs.LifeCycleState }),
	collect.Computed("number_of_mount_targets", model.Integer, "mount targets (one per availability zone at most)", func(fs types.FileSystemDescription) any { return fs.NumberOfMountTargets }),
	collect.Text("availability_zone", "availability zone of a One Zone file system; empty for Regional", func(fs types.FileSystemDescription) *string { return fs.AvailabilityZoneName }),
}

// listedFileSystems are the region's file systems, listed once for the
// file-system and mount-target types.
func listedFileSystems(ctx context.Context, t *collect.Task, api *efs.Client) ([]types.FileSystemDescription, error) {
	p := efs.NewDescribeFileSystemsPaginator(api, &efs.DescribeFileSystemsInput{MaxItems: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "DescribeFileSystems", p, func(page *efs.DescribeFileSystemsOutput) []types.FileSystemDescription {
		return page.FileSystems
	})
}

// fileSystems emits the listed file systems; a failed listing fails the
// collection after those of the pages it did read.
func fileSystems(ctx context.Context, t *collect.Task) error {
	list, err := listedFileSystems(ctx, t, efs.NewFromConfig(t.Config))
	for _, fs := range list {
		emitFileSystem(t, fs)
	}
	return err
}

func emitFileSystem(t *collect.Task, fs types.FileSystemDescription) {
	id := aws.ToString(fs.FileSystemId)
	kms := aws.ToString(fs.KmsKeyId)
	arn := aws.ToString(fs.FileSystemArn)
	if arn == "" {
		arn = collect.ARN(t, "elasticfilesystem", aws.ToString(fs.OwnerId), "file-system/"+id)
	}
	key := t.Key("file-system", id)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       arn,
		Name:      aws.ToString(fs.Name), // the Name tag, as EFS reports it
		CreatedAt: model.Time(fs.CreationTime),
		Tags:      tags(fs.Tags),
		Details:   fileSystemFields.Details(fs),
	})
	if kms != "" {
		t.Relate(key, "encrypted-with", t.KMSKey(kms))
	}
}
