package ec2

import (
	"cmp"
	"context"
	"errors"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

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
	p := ec2.NewDescribeVolumesPaginator(client(t), &ec2.DescribeVolumesInput{MaxResults: t.PageSize(1000)})
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
	p := ec2.NewDescribeSnapshotsPaginator(api, &ec2.DescribeSnapshotsInput{OwnerIds: []string{"self"}, MaxResults: t.PageSize(1000)})
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
		OwnerIds: []string{"self"}, RestorableByUserIds: []string{"all"}, MaxResults: t.PageSize(1000)})
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
