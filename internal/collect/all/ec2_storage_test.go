package all_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/ec2"
)

const kmsKeyARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

// launch starts one instance in eu-west-1a and returns its id.
func launch(t *testing.T, api *ec2.Client) string {
	t.Helper()
	run, err := api.RunInstances(context.Background(), &ec2.RunInstancesInput{
		ImageId: aws.String("ami-12c6146b"), InstanceType: types.InstanceTypeT3Micro, MinCount: aws.Int32(1), MaxCount: aws.Int32(1),
		Placement: &types.Placement{AvailabilityZone: aws.String("eu-west-1a")},
	})
	check(t, err)
	return aws.ToString(run.Instances[0].InstanceId)
}

func TestEc2Volumes(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	instance := launch(t, api)
	data, err := api.CreateVolume(ctx, &ec2.CreateVolumeInput{
		AvailabilityZone: aws.String("eu-west-1a"), Size: aws.Int32(10), VolumeType: types.VolumeTypeGp3,
		Iops: aws.Int32(3000), Throughput: aws.Int32(125), Encrypted: aws.Bool(true), KmsKeyId: aws.String(kmsKeyARN),
		TagSpecifications: tagSpec(types.ResourceTypeVolume, ec2Tag("Name", "data"), ec2Tag("Team", "db")),
	})
	check(t, err)
	spare, err := api.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String("eu-west-1b"), Size: aws.Int32(5), VolumeType: types.VolumeTypeGp2})
	check(t, err)
	_, err = api.AttachVolume(ctx, &ec2.AttachVolumeInput{VolumeId: data.VolumeId, InstanceId: aws.String(instance), Device: aws.String("/dev/sdf")})
	check(t, err)

	got := ec2Run(t, cfg, "volume", "eu-west-1")
	byID := got.ByID()
	if len(byID) != 3 {
		t.Errorf("want 3 volumes (root, data, spare), got %d", len(byID))
	}
	id := aws.ToString(data.VolumeId)
	v := byID[id]
	ec2WantDetails(t, v, map[string]any{
		"size_gb": 10, "volume_type": "gp3", "iops": 3000, "throughput": 125, "encrypted": true,
		"kms_key_id": kmsKeyARN, "state": "in-use", "availability_zone": "eu-west-1a",
		"attached_instance_ids": []string{instance}, "multi_attach": false,
	})
	if v.Name != "data" || v.Tags["Team"] != "db" || v.CreatedAt == "" ||
		v.ARN != "arn:aws:ec2:eu-west-1:"+collecttest.MotoAccount+":volume/"+id {
		t.Errorf("identity fields wrong: %+v", v)
	}
	s := byID[aws.ToString(spare.VolumeId)]
	ec2WantDetails(t, s, map[string]any{"state": "available", "attached_instance_ids": []string{}, "encrypted": false})
	collecttest.HasEdges(t, got,
		id+" -attached-to-> ec2/instance:"+instance,
		id+" -encrypted-with-> kms/key:1234abcd-12ab-34cd-56ef-1234567890ab")
}

// moto ignores MaxResults for volumes, so pages are served canned.
func TestEc2VolumesPaged(t *testing.T) {
	collecttest.Setup(t)
	var all []types.Volume
	for i := range 12 {
		all = append(all, types.Volume{VolumeId: aws.String(fmt.Sprintf("vol-%02d", i)), Size: aws.Int32(int32(i + 1))})
	}
	calls := 0
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeVolumes": func(in any) (any, error) {
			calls++
			req := in.(*ec2.DescribeVolumesInput)
			page, next := pageOf(t, all, req.NextToken, req.MaxResults)
			return &ec2.DescribeVolumesOutput{Volumes: page, NextToken: next}, nil
		},
	})})
	got := ec2Run(t, cfg, "volume", "eu-west-1")
	if len(got.ByID()) != 12 || calls != 3 {
		t.Errorf("want 12 volumes over 3 pages, got %d over %d", len(got.ByID()), calls)
	}
	ec2WantDetails(t, got.ByID()["vol-11"], map[string]any{"size_gb": 12})
}

func TestEc2VolumesDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("DescribeVolumes")})
	got := collecttest.Run(t, cfg, collector.Service, "volume", "eu-west-1")
	collecttest.AssertDenied(t, got)
}

// snapshotFixture makes a volume with two snapshots: a private one, then one
// shared publicly and with an account. The private one comes first, so that
// moto, which ignores RestorableByUserIds, lists a private snapshot first.
func snapshotFixture(t *testing.T, api *ec2.Client) (volume, public, private string) {
	t.Helper()
	ctx := context.Background()
	vol, err := api.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String("eu-west-1a"), Size: aws.Int32(8)})
	check(t, err)
	priv, err := api.CreateSnapshot(ctx, &ec2.CreateSnapshotInput{VolumeId: vol.VolumeId})
	check(t, err)
	pub, err := api.CreateSnapshot(ctx, &ec2.CreateSnapshotInput{VolumeId: vol.VolumeId, Description: aws.String("nightly"),
		TagSpecifications: tagSpec(types.ResourceTypeSnapshot, ec2Tag("Name", "nightly"))})
	check(t, err)
	_, err = api.ModifySnapshotAttribute(ctx, &ec2.ModifySnapshotAttributeInput{
		SnapshotId: pub.SnapshotId, Attribute: types.SnapshotAttributeNameCreateVolumePermission,
		OperationType: types.OperationTypeAdd, GroupNames: []string{"all"}, UserIds: []string{"210987654321"},
	})
	check(t, err)
	return aws.ToString(vol.VolumeId), aws.ToString(pub.SnapshotId), aws.ToString(priv.SnapshotId)
}

// publicListing answers the RestorableByUserIds=all listing as AWS does (moto
// ignores the filter) with the snapshots in *public, passes every other call
// to moto, and counts the calls by operation.
func publicListing(public *[]string, calls map[string]int) awsx.Responder {
	var mu sync.Mutex
	return awsx.ResponderFunc(func(_ context.Context, req awsx.Request) (any, error) {
		mu.Lock()
		calls[req.Operation]++
		mu.Unlock()
		if in, ok := req.Input.(*ec2.DescribeSnapshotsInput); ok && slices.Contains(in.RestorableByUserIds, "all") {
			out := &ec2.DescribeSnapshotsOutput{}
			for _, id := range *public {
				out.Snapshots = append(out.Snapshots, types.Snapshot{SnapshotId: aws.String(id)})
			}
			return out, nil
		}
		return nil, awsx.ErrPassThrough
	})
}

// Public snapshots come from one filtered listing, checked with one
// DescribeSnapshotAttribute call, not one call per snapshot.
func TestEc2Snapshots(t *testing.T) {
	collecttest.Setup(t)
	var public []string
	calls := map[string]int{}
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: publicListing(&public, calls)})
	volume, pub, private := snapshotFixture(t, ec2.NewFromConfig(cfg))
	for i := range 3 { // more private snapshots: the call count must not grow with them
		_, err := ec2.NewFromConfig(cfg).CreateSnapshot(context.Background(), &ec2.CreateSnapshotInput{VolumeId: aws.String(volume), Description: aws.String(fmt.Sprint("extra ", i))})
		check(t, err)
	}
	public = []string{pub}
	clear(calls)

	got := ec2Run(t, cfg, "snapshot", "eu-west-1")
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	if len(byID) != 5 {
		t.Errorf("want 5 snapshots, got %d", len(byID))
	}
	s := byID[pub]
	ec2WantDetails(t, s, map[string]any{
		"volume_id": volume, "volume_size_gb": 8, "description": "nightly", "encrypted": false, "shared_publicly": true,
	})
	if s.Name != "nightly" || s.CreatedAt == "" || s.Details["start_time"] != s.CreatedAt ||
		s.ARN != "arn:aws:ec2:eu-west-1::snapshot/"+pub {
		t.Errorf("identity fields wrong: %+v", s)
	}
	ec2WantDetails(t, byID[private], map[string]any{"shared_publicly": false})
	if calls["DescribeSnapshotAttribute"] != 1 {
		t.Errorf("want 1 DescribeSnapshotAttribute (the check of the filtered answer), got calls %v", calls)
	}
	collecttest.HasEdges(t, got, pub+" -created-from-> ec2/volume:"+volume, private+" -created-from-> ec2/volume:"+volume)
}

// A region without public snapshots costs no check.
func TestEc2SnapshotsNonePublic(t *testing.T) {
	collecttest.Setup(t)
	var public []string
	calls := map[string]int{}
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: publicListing(&public, calls)})
	_, pub, _ := snapshotFixture(t, ec2.NewFromConfig(cfg))
	clear(calls)
	got := ec2Run(t, cfg, "snapshot", "eu-west-1")
	collecttest.AssertNoWarnings(t, got)
	if got.ByID()[pub].Details["shared_publicly"] != false || calls["DescribeSnapshotAttribute"] != 0 {
		t.Errorf("shared_publicly = %v, calls %v", got.ByID()[pub].Details["shared_publicly"], calls)
	}
}

// moto ignores RestorableByUserIds and lists every snapshot: the check
// catches it, and shared_publicly is unknown rather than true for all.
func TestEc2SnapshotsFilterIgnored(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, "eu-west-1", nil)
	_, pub, private := snapshotFixture(t, ec2.NewFromConfig(cfg))
	got := ec2Run(t, cfg, "snapshot", "eu-west-1")
	assertPublicUnknown(t, got, pub, private)
}

func TestEc2SnapshotPublicListingDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeSnapshots": func(in any) (any, error) {
			if slices.Contains(in.(*ec2.DescribeSnapshotsInput).RestorableByUserIds, "all") {
				return collecttest.Denied("DescribeSnapshots")(in)
			}
			return nil, awsx.ErrPassThrough
		},
	})})
	_, pub, private := snapshotFixture(t, ec2.NewFromConfig(cfg))
	assertPublicUnknown(t, ec2Run(t, cfg, "snapshot", "eu-west-1"), pub, private)
}

// assertPublicUnknown fails t unless every snapshot was emitted without
// shared_publicly and the collection has a warning.
func assertPublicUnknown(t *testing.T, got collecttest.Result, ids ...string) {
	t.Helper()
	if len(got.Task.Warnings()) == 0 {
		t.Errorf("want a warning, got none")
	}
	for _, id := range ids {
		s := got.ByID()[id]
		if s == nil {
			t.Fatalf("snapshot %s not emitted", id)
		}
		if v, ok := s.Details["shared_publicly"]; ok {
			t.Errorf("%s: shared_publicly = %v, want unknown (absent)", id, v)
		}
	}
}

func TestEc2AMIs(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	img, err := api.CreateImage(ctx, &ec2.CreateImageInput{
		InstanceId: aws.String(launch(t, api)), Name: aws.String("web-2024"), Description: aws.String("web server"),
		TagSpecifications: tagSpec(types.ResourceTypeImage, ec2Tag("Team", "web")),
	})
	check(t, err)
	id := aws.ToString(img.ImageId)
	_, err = api.ModifyImageAttribute(ctx, &ec2.ModifyImageAttributeInput{ImageId: img.ImageId,
		LaunchPermission: &types.LaunchPermissionModifications{Add: []types.LaunchPermission{{Group: types.PermissionGroupAll}}}})
	check(t, err)
	// moto snapshots the instance's root volume for the image.
	var snap string
	for _, s := range ec2Run(t, cfg, "snapshot", "eu-west-1").Resources {
		if strings.Contains(s.Details["description"].(string), id) {
			snap = s.ID
		}
	}

	got := ec2Run(t, cfg, "ami", "eu-west-1")
	if len(got.Resources) != 1 {
		t.Fatalf("want 1 own AMI, got %d", len(got.Resources))
	}
	a := got.ByID()[id]
	ec2WantDetails(t, a, map[string]any{
		"architecture": "x86_64", "public": true, "snapshot_ids": []string{snap}, "description": "web server", "state": "available",
	})
	if a.Name != "web-2024" || a.Tags["Team"] != "web" || a.CreatedAt == "" || a.Details["creation_date"] != a.CreatedAt ||
		a.ARN != "arn:aws:ec2:eu-west-1::image/"+id {
		t.Errorf("identity fields wrong: %+v %+v", a.Name, a.Tags)
	}
	collecttest.HasEdges(t, got, id+" -created-from-> ec2/snapshot:"+snap)
}
