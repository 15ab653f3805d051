// Package fsx collects Amazon FSx file systems (Lustre, Windows File
// Server, NetApp ONTAP, OpenZFS), their backups, volumes, ONTAP storage
// virtual machines and Lustre data repository associations.
package fsx

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/fsx"
	"github.com/aws/aws-sdk-go-v2/service/fsx/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the FSx collector.
var Service = &collect.Service{
	Name:        "fsx",
	Description: "FSx file systems (Lustre, Windows, ONTAP, OpenZFS), backups, volumes, storage virtual machines, data repository associations",
	Types: []collect.Type{
		{Name: "file-system", Description: "FSx file system (id = fs-...)", Fields: fileSystemFields.Declared(), Tags: collect.TagsListed, Collect: fileSystems},
		{Name: "backup", Description: "FSx backup, automatic or user-initiated (id = backup-...)", Fields: backupFields.Declared(), Tags: collect.TagsListed, Collect: backups},
		{Name: "volume", Description: "FSx for ONTAP or OpenZFS volume (id = fsvol-...)", Fields: volumeFields.Declared(), Tags: collect.TagsListed, Collect: volumes},
		{Name: "data-repository-association", Description: "link between a Lustre file system path and an S3 or NFS data repository (id = dra-...)",
			Fields: associationFields.Declared(), Tags: collect.TagsListed, Collect: associations},
		{Name: "storage-virtual-machine", Description: "FSx for ONTAP storage virtual machine (id = svm-...)", Fields: svmFields.Declared(), Tags: collect.TagsListed, Collect: svms},
	},
	Calls: "1 paged Describe* per type",
	Relations: []collect.Relation{
		{From: "file-system", Kind: "encrypted-with", To: "kms/key"},
		{From: "file-system", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "file-system", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "backup", Kind: "backup-of", To: "fsx/file-system"},
		{From: "backup", Kind: "backup-of", To: "fsx/volume"},
		{From: "backup", Kind: "encrypted-with", To: "kms/key"},
		{From: "volume", Kind: "in-file-system", To: "fsx/file-system"},
		{From: "volume", Kind: "in-storage-virtual-machine", To: "fsx/storage-virtual-machine"},
		{From: "storage-virtual-machine", Kind: "in-file-system", To: "fsx/file-system"},
		{From: "data-repository-association", Kind: "in-file-system", To: "fsx/file-system"},
		{From: "data-repository-association", Kind: "links-to", To: "s3/bucket"},
	},
}

func tags(ts []types.Tag) map[string]string {
	return collect.TagMap(ts, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

// settings are the settings every kind of file system has, each in its
// own configuration.
type settings struct {
	deployment             string
	throughput, backupDays *int32
}

func fsSettings(fs types.FileSystem) settings {
	switch {
	case fs.LustreConfiguration != nil:
		c := fs.LustreConfiguration
		return settings{string(c.DeploymentType), c.PerUnitStorageThroughput, c.AutomaticBackupRetentionDays}
	case fs.WindowsConfiguration != nil:
		c := fs.WindowsConfiguration
		return settings{string(c.DeploymentType), c.ThroughputCapacity, c.AutomaticBackupRetentionDays}
	case fs.OntapConfiguration != nil:
		c := fs.OntapConfiguration
		return settings{string(c.DeploymentType), c.ThroughputCapacity, c.AutomaticBackupRetentionDays}
	case fs.OpenZFSConfiguration != nil:
		c := fs.OpenZFSConfiguration
		return settings{string(c.DeploymentType), c.ThroughputCapacity, c.AutomaticBackupRetentionDays}
	}
	return settings{}
}

var fileSystemFields = collect.Fields[types.FileSystem]{
	collect.Enum("file_system_type", "LUSTRE, WINDOWS, ONTAP or OPENZFS", func(fs types.FileSystem) types.FileSystemType { return fs.FileSystemType }),
	collect.Text("type_version", "Lustre version, for Lustre", func(fs types.FileSystem) *string { return fs.FileSystemTypeVersion }),
	collect.Enum("lifecycle", "AVAILABLE, CREATING, FAILED, DELETING, MISCONFIGURED, UPDATING, ...", func(fs types.FileSystem) types.FileSystemLifecycle { return fs.Lifecycle }),
	collect.Int("storage_capacity_gb", "storage capacity in GiB", func(fs types.FileSystem) *int32 { return fs.StorageCapacity }),
	collect.Enum("storage_type", "SSD, HDD or INTELLIGENT_TIERING", func(fs types.FileSystem) types.StorageType { return fs.StorageType }),
	collect.Computed("deployment_type", model.Text, "deployment type (SCRATCH_2, PERSISTENT_2, MULTI_AZ_1, SINGLE_AZ_2, ...)", func(fs types.FileSystem) any {
		return fsSettings(fs).deployment
	}),
	collect.Computed("throughput", model.Integer, "throughput capacity in MB/s (Lustre: per TiB of storage)", func(fs types.FileSystem) any {
		return int64(aws.ToInt32(fsSettings(fs).throughput))
	}),
	collect.Computed("backup_retention_days", model.Integer, "automatic daily backups are kept this many days (0 = off)", func(fs types.FileSystem) any {
		return int64(aws.ToInt32(fsSettings(fs).backupDays))
	}),
	collect.Text("kms_key_id", "KMS key encrypting the data", func(fs types.FileSystem) *string { return fs.KmsKeyId }),
	collect.Text("vpc_id", "VPC of the file system", func(fs types.FileSystem) *string { return fs.VpcId }),
	collect.Computed("subnet_ids", model.JSON, "subnets of the file system", func(fs types.FileSystem) any { return append([]string{}, fs.SubnetIds...) }),
	collect.Text("dns_name", "DNS name clients mount", func(fs types.FileSystem) *string { return fs.DNSName }),
}

func fileSystems(ctx context.Context, t *collect.Task) error {
	p := fsx.NewDescribeFileSystemsPaginator(fsx.NewFromConfig(t.Config), &fsx.DescribeFileSystemsInput{MaxResults: t.PageSize(2147483647)})
	return collect.EachPage(ctx, p, func(page *fsx.DescribeFileSystemsOutput) error {
		for _, fs := range page.FileSystems {
			id := aws.ToString(fs.FileSystemId)
			key := t.Key("file-system", id)
			t.Emit(&model.Resource{Key: key, ARN: aws.ToString(fs.ResourceARN), Name: tags(fs.Tags)["Name"], CreatedAt: model.Time(fs.CreationTime),
				Tags: tags(fs.Tags), Details: fileSystemFields.Details(fs)})
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(fs.KmsKeyId)))
			t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(fs.VpcId)))
			for _, s := range fs.SubnetIds {
				t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
			}
		}
		return nil
	})
}

var backupFields = collect.Fields[types.Backup]{
	collect.Enum("backup_type", "AUTOMATIC, USER_INITIATED or AWS_BACKUP", func(b types.Backup) types.BackupType { return b.Type }),
	collect.Enum("lifecycle", "AVAILABLE, CREATING, TRANSFERRING, DELETED, FAILED, PENDING, COPYING", func(b types.Backup) types.BackupLifecycle { return b.Lifecycle }),
	collect.Enum("resource_type", "FILE_SYSTEM or VOLUME backed up", func(b types.Backup) types.ResourceType { return b.ResourceType }),
	collect.Computed("file_system_id", model.Text, "file system backed up", func(b types.Backup) any { return backupFileSystem(b) }),
	collect.Computed("volume_id", model.Text, "volume backed up, for volume backups", func(b types.Backup) any { return backupVolume(b) }),
	collect.Int("size_bytes", "size of the backup", func(b types.Backup) *int64 { return b.SizeInBytes }),
	collect.Text("kms_key_id", "KMS key encrypting the backup", func(b types.Backup) *string { return b.KmsKeyId }),
	collect.Text("source_backup_id", "backup this one was copied from, if a copy", func(b types.Backup) *string { return b.SourceBackupId }),
}

func backupFileSystem(b types.Backup) string {
	if b.FileSystem == nil {
		return ""
	}
	return aws.ToString(b.FileSystem.FileSystemId)
}

func backupVolume(b types.Backup) string {
	if b.Volume == nil {
		return ""
	}
	return aws.ToString(b.Volume.VolumeId)
}

func backups(ctx context.Context, t *collect.Task) error {
	p := fsx.NewDescribeBackupsPaginator(fsx.NewFromConfig(t.Config), &fsx.DescribeBackupsInput{MaxResults: t.PageSize(2147483647)})
	return collect.EachPage(ctx, p, func(page *fsx.DescribeBackupsOutput) error {
		for _, b := range page.Backups {
			id := aws.ToString(b.BackupId)
			key := t.Key("backup", id)
			t.Emit(&model.Resource{Key: key, ARN: aws.ToString(b.ResourceARN), Name: tags(b.Tags)["Name"], CreatedAt: model.Time(b.CreationTime),
				Tags: tags(b.Tags), Details: backupFields.Details(b)})
			if v := backupVolume(b); v != "" {
				t.Relate(key, "backup-of", t.Key("volume", v))
			} else {
				t.Relate(key, "backup-of", t.Key("file-system", backupFileSystem(b)))
			}
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(b.KmsKeyId)))
		}
		return nil
	})
}

var volumeFields = collect.Fields[types.Volume]{
	collect.Enum("volume_type", "ONTAP or OPENZFS", func(v types.Volume) types.VolumeType { return v.VolumeType }),
	collect.Text("file_system_id", "file system of the volume", func(v types.Volume) *string { return v.FileSystemId }),
	collect.Enum("lifecycle", "CREATING, CREATED, MISCONFIGURED, PENDING, AVAILABLE, DELETING, FAILED", func(v types.Volume) types.VolumeLifecycle { return v.Lifecycle }),
	collect.Computed("size_bytes", model.Integer, "size (ONTAP) or storage quota (OpenZFS) in bytes", func(v types.Volume) any {
		switch {
		case v.OntapConfiguration != nil:
			return aws.ToInt64(v.OntapConfiguration.SizeInBytes)
		case v.OpenZFSConfiguration != nil:
			return int64(aws.ToInt32(v.OpenZFSConfiguration.StorageCapacityQuotaGiB)) << 30
		}
		return nil
	}),
	collect.Computed("path", model.Text, "junction path (ONTAP) or volume path (OpenZFS)", func(v types.Volume) any {
		switch {
		case v.OntapConfiguration != nil:
			return aws.ToString(v.OntapConfiguration.JunctionPath)
		case v.OpenZFSConfiguration != nil:
			return aws.ToString(v.OpenZFSConfiguration.VolumePath)
		}
		return nil
	}),
	collect.Computed("storage_virtual_machine_id", model.Text, "ONTAP storage virtual machine of the volume", func(v types.Volume) any { return volumeSVM(v) }),
	collect.Computed("storage_efficiency", model.Boolean, "ONTAP deduplication and compression are on", func(v types.Volume) any {
		if v.OntapConfiguration == nil {
			return nil
		}
		return aws.ToBool(v.OntapConfiguration.StorageEfficiencyEnabled)
	}),
}

func volumeSVM(v types.Volume) string {
	if v.OntapConfiguration == nil {
		return ""
	}
	return aws.ToString(v.OntapConfiguration.StorageVirtualMachineId)
}

func volumes(ctx context.Context, t *collect.Task) error {
	p := fsx.NewDescribeVolumesPaginator(fsx.NewFromConfig(t.Config), &fsx.DescribeVolumesInput{MaxResults: t.PageSize(2147483647)})
	return collect.EachPage(ctx, p, func(page *fsx.DescribeVolumesOutput) error {
		for _, v := range page.Volumes {
			id := aws.ToString(v.VolumeId)
			key := t.Key("volume", id)
			t.Emit(&model.Resource{Key: key, ARN: aws.ToString(v.ResourceARN), Name: aws.ToString(v.Name), CreatedAt: model.Time(v.CreationTime),
				Tags: tags(v.Tags), Details: volumeFields.Details(v)})
			t.Relate(key, "in-file-system", t.Key("file-system", aws.ToString(v.FileSystemId)))
			t.Relate(key, "in-storage-virtual-machine", t.Key("storage-virtual-machine", volumeSVM(v)))
		}
		return nil
	})
}

var svmFields = collect.Fields[types.StorageVirtualMachine]{
	collect.Text("file_system_id", "ONTAP file system of the SVM", func(s types.StorageVirtualMachine) *string { return s.FileSystemId }),
	collect.Enum("lifecycle", "CREATED, CREATING, DELETING, FAILED, MISCONFIGURED, PENDING", func(s types.StorageVirtualMachine) types.StorageVirtualMachineLifecycle {
		return s.Lifecycle
	}),
	collect.Enum("root_volume_security_style", "UNIX, NTFS or MIXED", func(s types.StorageVirtualMachine) types.StorageVirtualMachineRootVolumeSecurityStyle {
		return s.RootVolumeSecurityStyle
	}),
	collect.Computed("active_directory", model.Text, "NetBIOS name in Active Directory, when joined", func(s types.StorageVirtualMachine) any {
		if s.ActiveDirectoryConfiguration == nil {
			return ""
		}
		return aws.ToString(s.ActiveDirectoryConfiguration.NetBiosName)
	}),
}

func svms(ctx context.Context, t *collect.Task) error {
	p := fsx.NewDescribeStorageVirtualMachinesPaginator(fsx.NewFromConfig(t.Config), &fsx.DescribeStorageVirtualMachinesInput{MaxResults: t.PageSize(2147483647)})
	return collect.EachPage(ctx, p, func(page *fsx.DescribeStorageVirtualMachinesOutput) error {
		for _, s := range page.StorageVirtualMachines {
			id := aws.ToString(s.StorageVirtualMachineId)
			key := t.Key("storage-virtual-machine", id)
			t.Emit(&model.Resource{Key: key, ARN: aws.ToString(s.ResourceARN), Name: aws.ToString(s.Name), CreatedAt: model.Time(s.CreationTime),
				Tags: tags(s.Tags), Details: svmFields.Details(s)})
			t.Relate(key, "in-file-system", t.Key("file-system", aws.ToString(s.FileSystemId)))
		}
		return nil
	})
}

// dataBucket is the bucket of an s3://bucket/prefix data repository path.
func dataBucket(a types.DataRepositoryAssociation) string {
	rest, ok := strings.CutPrefix(aws.ToString(a.DataRepositoryPath), "s3://")
	if !ok {
		return ""
	}
	bucket, _, _ := strings.Cut(rest, "/")
	return bucket
}

var associationFields = collect.Fields[types.DataRepositoryAssociation]{
	collect.Text("file_system_id", "Lustre file system linked", func(a types.DataRepositoryAssociation) *string { return a.FileSystemId }),
	collect.Text("file_system_path", "directory of the file system linked", func(a types.DataRepositoryAssociation) *string { return a.FileSystemPath }),
	collect.Text("data_repository_path", "s3://bucket/prefix or nfs://... linked", func(a types.DataRepositoryAssociation) *string { return a.DataRepositoryPath }),
	collect.Enum("lifecycle", "CREATING, AVAILABLE, MISCONFIGURED, UPDATING, DELETING, FAILED", func(a types.DataRepositoryAssociation) types.DataRepositoryLifecycle {
		return a.Lifecycle
	}),
	collect.Computed("auto_import", model.Boolean, "changes in the S3 bucket are imported automatically", func(a types.DataRepositoryAssociation) any {
		return a.S3 != nil && a.S3.AutoImportPolicy != nil && len(a.S3.AutoImportPolicy.Events) > 0
	}),
	collect.Computed("auto_export", model.Boolean, "changes in the file system are exported to S3 automatically", func(a types.DataRepositoryAssociation) any {
		return a.S3 != nil && a.S3.AutoExportPolicy != nil && len(a.S3.AutoExportPolicy.Events) > 0
	}),
}

func associations(ctx context.Context, t *collect.Task) error {
	p := fsx.NewDescribeDataRepositoryAssociationsPaginator(fsx.NewFromConfig(t.Config), &fsx.DescribeDataRepositoryAssociationsInput{MaxResults: t.PageSize(25)})
	return collect.EachPage(ctx, p, func(page *fsx.DescribeDataRepositoryAssociationsOutput) error {
		for _, a := range page.Associations {
			id := aws.ToString(a.AssociationId)
			key := t.Key("data-repository-association", id)
			t.Emit(&model.Resource{Key: key, ARN: aws.ToString(a.ResourceARN), Name: tags(a.Tags)["Name"], CreatedAt: model.Time(a.CreationTime),
				Tags: tags(a.Tags), Details: associationFields.Details(a)})
			t.Relate(key, "in-file-system", t.Key("file-system", aws.ToString(a.FileSystemId)))
			t.RelateByName(key, "links-to", "s3", "bucket", dataBucket(a), t.Region)
		}
		return nil
	})
}
