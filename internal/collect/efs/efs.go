// Package efs collects EFS file systems.
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
	Description: "EFS elastic file systems",
	Types: []collect.Type{
		{Name: "file-system", Description: "EFS file system (id = fs-...)", Fields: fileSystemFields, Tags: collect.TagsListed, Collect: fileSystems},
	},
}

var fileSystemFields = []model.Field{
	{Name: "performance_mode", Type: "text", Description: "generalPurpose or maxIO"},
	{Name: "throughput_mode", Type: "text", Description: "bursting, provisioned or elastic"},
	{Name: "provisioned_throughput_mibps", Type: "real", Description: "provisioned throughput, in provisioned mode"},
	{Name: "encrypted", Type: "boolean", Description: "data at rest is encrypted"},
	{Name: "kms_key_id", Type: "text", Description: "KMS key ARN used for encryption"},
	{Name: "size_bytes", Type: "integer", Description: "metered size of the data (eventually consistent)"},
	{Name: "lifecycle_state", Type: "text", Description: "creating, available, updating, deleting, error"},
	{Name: "number_of_mount_targets", Type: "integer", Description: "mount targets (one per availability zone at most)"},
	{Name: "availability_zone", Type: "text", Description: "availability zone of a One Zone file system; empty for Regional"},
}

func fileSystems(ctx context.Context, t *collect.Task) error {
	p := efs.NewDescribeFileSystemsPaginator(efs.NewFromConfig(t.Config), &efs.DescribeFileSystemsInput{MaxItems: collect.PageSize(100)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, fs := range page.FileSystems {
			emitFileSystem(t, fs)
		}
	}
	return nil
}

func emitFileSystem(t *collect.Task, fs types.FileSystemDescription) {
	id := aws.ToString(fs.FileSystemId)
	kms := aws.ToString(fs.KmsKeyId)
	d := map[string]any{
		"performance_mode":        string(fs.PerformanceMode),
		"throughput_mode":         string(fs.ThroughputMode),
		"encrypted":               aws.ToBool(fs.Encrypted),
		"kms_key_id":              kms,
		"lifecycle_state":         string(fs.LifeCycleState),
		"number_of_mount_targets": fs.NumberOfMountTargets,
		"availability_zone":       aws.ToString(fs.AvailabilityZoneName),
	}
	if fs.ProvisionedThroughputInMibps != nil {
		d["provisioned_throughput_mibps"] = *fs.ProvisionedThroughputInMibps
	}
	if fs.SizeInBytes != nil {
		d["size_bytes"] = fs.SizeInBytes.Value
	}
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
		Tags:      collect.TagMap(fs.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value }),
		Details:   d,
	})
	if kms != "" {
		t.Relate(key, "encrypted-with", t.KMSKey(kms))
	}
}
