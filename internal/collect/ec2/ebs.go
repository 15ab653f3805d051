package ec2

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var volumeFields = collect.Fields[types.Volume]{
	collect.Computed("size_gb", model.Integer, "size in GiB", func(v types.Volume) any { return aws.ToInt32(v.Size) }),
	collect.Enum("volume_type", "gp2, gp3, io1, io2, st1, sc1, standard", func(v types.Volume) types.VolumeType { return v.VolumeType }),
	collect.Computed("iops", model.Integer, "provisioned or baseline IOPS, when the type has them", func(v types.Volume) any { return given(v.Iops) }),
	collect.Computed("throughput", model.Integer, "throughput in MiB/s (gp3 only)", func(v types.Volume) any { return given(v.Throughput) }),
	collect.Bool("encrypted", "encrypted at rest", func(v types.Volume) *bool { return v.Encrypted }),
	collect.Text("kms_key_id", "ARN of the KMS key encrypting the volume", func(v types.Volume) *string { return v.KmsKeyId }),
	collect.Enum("state", "creating, available, in-use, deleting, error", func(v types.Volume) types.VolumeState { return v.State }),
	collect.Text("availability_zone", "availability zone", func(v types.Volume) *string { return v.AvailabilityZone }),
	collect.Computed("attached_instance_ids", model.JSON, "instances the volume is attached to", func(v types.Volume) any { return attachedInstances(v) }),
	collect.Text("snapshot_id", "snapshot the volume was created from", func(v types.Volume) *string { return v.SnapshotId }),
	collect.Bool("multi_attach", "Multi-Attach enabled", func(v types.Volume) *bool { return v.MultiAttachEnabled }),
}

// given is *p, or nil (the field left out) when AWS gave no value, so "not
// applicable" (gp2 throughput) is not stored as zero.
func given[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

func attachedInstances(v types.Volume) []string {
	return collect.IDs(v.Attachments, func(a types.VolumeAttachment) *string { return a.InstanceId })
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
	instances := attachedInstances(v)
	key := t.Key("volume", id)
	resourceARN := aws.ToString(v.VolumeArn)
	if resourceARN == "" {
		resourceARN = arn(t, v.OwnerId, "volume/"+id)
	}
	t.Emit(&model.Resource{Key: key, ARN: resourceARN, Name: nameTag(v.Tags), CreatedAt: model.Time(v.CreateTime), Tags: tags(v.Tags), Details: volumeFields.Details(v)})
	for _, in := range instances {
		t.Relate(key, "attached-to", t.Key("instance", in))
	}
	relateKMS(t, key, aws.ToString(v.KmsKeyId))
}

// relateKMS links key to the KMS key whose ARN (or bare id) AWS reported.
func relateKMS(t *collect.Task, from model.Key, kmsKey string) {
	t.Relate(from, "encrypted-with", t.KMSKey(kmsKey))
}

// listedSnapshot is a snapshot with the account's public snapshots (nil
// when unknown).
type listedSnapshot struct {
	types.Snapshot
	public map[string]bool
}

var snapshotFields = collect.Fields[listedSnapshot]{
	collect.Text("volume_id", "volume the snapshot was taken from", func(s listedSnapshot) *string { return s.VolumeId }),
	collect.Computed("volume_size_gb", model.Integer, "size of that volume in GiB", func(s listedSnapshot) any { return aws.ToInt32(s.VolumeSize) }),
	collect.Enum("state", "pending, completed, error, ...", func(s listedSnapshot) types.SnapshotState { return s.State }),
	collect.Bool("encrypted", "encrypted at rest", func(s listedSnapshot) *bool { return s.Encrypted }),
	collect.Text("kms_key_id", "ARN of the KMS key encrypting the snapshot", func(s listedSnapshot) *string { return s.KmsKeyId }),
	collect.Timestamp("start_time", "when the snapshot was started", func(s listedSnapshot) *time.Time { return s.StartTime }),
	collect.Text("description", "description", func(s listedSnapshot) *string { return s.Description }),
	collect.When(func(s listedSnapshot) bool { return s.public != nil },
		collect.Computed("shared_publicly", model.Boolean, "anyone may create volumes from it (createVolumePermission group all); null when unknown", func(s listedSnapshot) any {
			return s.public[aws.ToString(s.SnapshotId)]
		})),
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
	key := t.Key("snapshot", id)
	t.Emit(&model.Resource{Key: key, ARN: collect.AccountlessARN(t, "ec2", t.Region, "snapshot/"+id), Name: nameTag(s.Tags), CreatedAt: model.Time(s.StartTime), Tags: tags(s.Tags), Details: snapshotFields.Details(listedSnapshot{Snapshot: s, public: public})})
	t.Relate(key, "created-from", t.Key("volume", aws.ToString(s.VolumeId)))
	relateKMS(t, key, aws.ToString(s.KmsKeyId))
}
