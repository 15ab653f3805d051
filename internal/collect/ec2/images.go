package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var amiFields = collect.Fields[types.Image]{
	collect.Enum("state", "available, pending, failed, deregistered, ...", func(img types.Image) types.ImageState { return img.State }),
	collect.Enum("architecture", "x86_64, arm64, ...", func(img types.Image) types.ArchitectureValues { return img.Architecture }),
	collect.Computed("platform", model.Text, "platform details, e.g. Linux/UNIX, Windows", func(img types.Image) any {
		if platform := aws.ToString(img.PlatformDetails); platform != "" {
			return platform
		}
		return string(img.Platform)
	}),
	collect.Computed("creation_date", model.Timestamp, "when the image was created", func(img types.Image) any { return textTime(img.CreationDate) }),
	collect.Bool("public", "launch permission granted to everyone", func(img types.Image) *bool { return img.Public }),
	collect.Enum("root_device_type", "ebs or instance-store", func(img types.Image) types.DeviceType { return img.RootDeviceType }),
	collect.Computed("snapshot_ids", model.JSON, "EBS snapshots backing the image", func(img types.Image) any { return imageSnapshots(img) }),
	collect.Computed("deprecation_time", model.Timestamp, "when the image is (or was) deprecated", func(img types.Image) any { return textTime(img.DeprecationTime) }),
	collect.Text("description", "description", func(img types.Image) *string { return img.Description }),
}

// imageSnapshots are the EBS snapshots backing the image.
func imageSnapshots(img types.Image) []string {
	return collect.IDs(img.BlockDeviceMappings, func(m types.BlockDeviceMapping) *string {
		if m.Ebs == nil {
			return nil
		}
		return m.Ebs.SnapshotId
	})
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
	name := aws.ToString(img.Name)
	if name == "" {
		name = nameTag(img.Tags)
	}
	key := t.Key("ami", id)
	t.Emit(&model.Resource{Key: key, ARN: collect.AccountlessARN(t, "ec2", t.Region, "image/"+id), Name: name, CreatedAt: textTime(img.CreationDate), Tags: tags(img.Tags), Details: amiFields.Details(img)})
	for _, s := range imageSnapshots(img) {
		t.Relate(key, "created-from", t.Key("snapshot", s))
	}
}
