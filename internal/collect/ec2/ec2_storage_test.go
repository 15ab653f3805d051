package ec2_test

import (
	"context"
	"fmt"
	"strings"
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

func TestVolumes(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	instance := launch(t, api)
	data, err := api.CreateVolume(ctx, &ec2.CreateVolumeInput{
		AvailabilityZone: aws.String("eu-west-1a"), Size: aws.Int32(10), VolumeType: types.VolumeTypeGp3,
		Iops: aws.Int32(3000), Throughput: aws.Int32(125), Encrypted: aws.Bool(true), KmsKeyId: aws.String(kmsKeyARN),
		TagSpecifications: tagSpec(types.ResourceTypeVolume, tag("Name", "data"), tag("Team", "db")),
	})
	check(t, err)
	spare, err := api.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String("eu-west-1b"), Size: aws.Int32(5), VolumeType: types.VolumeTypeGp2})
	check(t, err)
	_, err = api.AttachVolume(ctx, &ec2.AttachVolumeInput{VolumeId: data.VolumeId, InstanceId: aws.String(instance), Device: aws.String("/dev/sdf")})
	check(t, err)

	got := run(t, cfg, "volume", "eu-west-1")
	byID := got.ByID()
	if len(byID) != 3 {
		t.Errorf("want 3 volumes (root, data, spare), got %d", len(byID))
	}
	id := aws.ToString(data.VolumeId)
	v := byID[id]
	wantDetails(t, v, map[string]any{
		"size_gb": 10, "volume_type": "gp3", "iops": 3000, "throughput": 125, "encrypted": true,
		"kms_key_id": kmsKeyARN, "state": "in-use", "availability_zone": "eu-west-1a",
		"attached_instance_ids": []string{instance}, "multi_attach": false,
	})
	if v.Name != "data" || v.Tags["Team"] != "db" || v.CreatedAt == "" ||
		v.ARN != "arn:aws:ec2:eu-west-1:"+collecttest.MotoAccount+":volume/"+id {
		t.Errorf("identity fields wrong: %+v", v)
	}
	s := byID[aws.ToString(spare.VolumeId)]
	wantDetails(t, s, map[string]any{"state": "available", "attached_instance_ids": []string{}, "encrypted": false})
	collecttest.HasEdges(t, got,
		id+" -attached-to-> ec2/instance:"+instance,
		id+" -encrypted-with-> kms/key:1234abcd-12ab-34cd-56ef-1234567890ab")
}

// moto ignores MaxResults for volumes, so pages are served canned.
func TestVolumesPaged(t *testing.T) {
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
	got := run(t, cfg, "volume", "eu-west-1")
	if len(got.ByID()) != 12 || calls != 3 {
		t.Errorf("want 12 volumes over 3 pages, got %d over %d", len(got.ByID()), calls)
	}
	wantDetails(t, got.ByID()["vol-11"], map[string]any{"size_gb": 12})
}

func TestVolumesDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("DescribeVolumes")})
	got := collecttest.Run(t, cfg, collector.Service, "volume", "eu-west-1")
	collecttest.AssertDenied(t, got)
}

// snapshotFixture makes a volume with two snapshots: one shared publicly and
// with an account, one private.
func snapshotFixture(t *testing.T, api *ec2.Client) (volume, public, private string) {
	t.Helper()
	ctx := context.Background()
	vol, err := api.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String("eu-west-1a"), Size: aws.Int32(8)})
	check(t, err)
	pub, err := api.CreateSnapshot(ctx, &ec2.CreateSnapshotInput{VolumeId: vol.VolumeId, Description: aws.String("nightly"),
		TagSpecifications: tagSpec(types.ResourceTypeSnapshot, tag("Name", "nightly"))})
	check(t, err)
	priv, err := api.CreateSnapshot(ctx, &ec2.CreateSnapshotInput{VolumeId: vol.VolumeId})
	check(t, err)
	_, err = api.ModifySnapshotAttribute(ctx, &ec2.ModifySnapshotAttributeInput{
		SnapshotId: pub.SnapshotId, Attribute: types.SnapshotAttributeNameCreateVolumePermission,
		OperationType: types.OperationTypeAdd, GroupNames: []string{"all"}, UserIds: []string{"210987654321"},
	})
	check(t, err)
	return aws.ToString(vol.VolumeId), aws.ToString(pub.SnapshotId), aws.ToString(priv.SnapshotId)
}

func TestSnapshots(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, "eu-west-1", nil)
	volume, public, private := snapshotFixture(t, ec2.NewFromConfig(cfg))

	got := run(t, cfg, "snapshot", "eu-west-1")
	byID := got.ByID()
	if len(byID) != 2 {
		t.Errorf("want 2 snapshots, got %d", len(byID))
	}
	s := byID[public]
	wantDetails(t, s, map[string]any{
		"volume_id": volume, "volume_size_gb": 8, "description": "nightly", "encrypted": false,
		"shared_publicly": true, "shared_with_accounts": []string{"210987654321"},
	})
	if s.Name != "nightly" || s.CreatedAt == "" || s.Details["start_time"] != s.CreatedAt ||
		s.ARN != "arn:aws:ec2:eu-west-1::snapshot/"+public {
		t.Errorf("identity fields wrong: %+v", s)
	}
	wantDetails(t, byID[private], map[string]any{"shared_publicly": false, "shared_with_accounts": []string{}})
	collecttest.HasEdges(t, got, public+" -created-from-> ec2/volume:"+volume, private+" -created-from-> ec2/volume:"+volume)
}

func TestSnapshotAttributeDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("DescribeSnapshotAttribute")})
	_, public, _ := snapshotFixture(t, ec2.NewFromConfig(cfg))
	got := run(t, cfg, "snapshot", "eu-west-1")
	s := got.ByID()[public]
	if s == nil || len(got.Task.Warnings()) == 0 {
		t.Fatalf("want the snapshot emitted with warnings, got %v / %v", s, got.Task.Warnings())
	}
	if _, ok := s.Details["shared_publicly"]; ok {
		t.Errorf("shared_publicly set without DescribeSnapshotAttribute: %v", s.Details)
	}
}

func TestAMIs(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	img, err := api.CreateImage(ctx, &ec2.CreateImageInput{
		InstanceId: aws.String(launch(t, api)), Name: aws.String("web-2024"), Description: aws.String("web server"),
		TagSpecifications: tagSpec(types.ResourceTypeImage, tag("Team", "web")),
	})
	check(t, err)
	id := aws.ToString(img.ImageId)
	_, err = api.ModifyImageAttribute(ctx, &ec2.ModifyImageAttributeInput{ImageId: img.ImageId,
		LaunchPermission: &types.LaunchPermissionModifications{Add: []types.LaunchPermission{{Group: types.PermissionGroupAll}}}})
	check(t, err)
	// moto snapshots the instance's root volume for the image.
	var snap string
	for _, s := range run(t, cfg, "snapshot", "eu-west-1").Resources {
		if strings.Contains(s.Details["description"].(string), id) {
			snap = s.ID
		}
	}

	got := run(t, cfg, "ami", "eu-west-1")
	if len(got.Resources) != 1 {
		t.Fatalf("want 1 own AMI, got %d", len(got.Resources))
	}
	a := got.ByID()[id]
	wantDetails(t, a, map[string]any{
		"architecture": "x86_64", "public": true, "snapshot_ids": []string{snap}, "description": "web server", "state": "available",
	})
	if a.Name != "web-2024" || a.Tags["Team"] != "web" || a.CreatedAt == "" || a.Details["creation_date"] != a.CreatedAt ||
		a.ARN != "arn:aws:ec2:eu-west-1::image/"+id {
		t.Errorf("identity fields wrong: %+v %+v", a.Name, a.Tags)
	}
	collecttest.HasEdges(t, got, id+" -created-from-> ec2/snapshot:"+snap)
}
