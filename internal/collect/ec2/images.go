package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

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
	p := ec2.NewDescribeImagesPaginator(client(t), &ec2.DescribeImagesInput{Owners: []string{"self"}, MaxResults: t.PageSize(1000)})
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
