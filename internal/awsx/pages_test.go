package awsx

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
)

func TestListPage(t *testing.T) {
	for _, tc := range []struct {
		name          string
		input, output any
		page          bool
		items         int
	}{
		{"a page of snapshots", &ec2.DescribeSnapshotsInput{}, &ec2.DescribeSnapshotsOutput{Snapshots: make([]types.Snapshot, 3)}, true, 3},
		{"an empty page", &ec2.DescribeSnapshotsInput{}, &ec2.DescribeSnapshotsOutput{}, true, 0},
		{"reservations, not instances", &ec2.DescribeInstancesInput{},
			&ec2.DescribeInstancesOutput{Reservations: []types.Reservation{{Instances: make([]types.Instance, 4)}}}, true, 1},
		{"a listing without paging", &ec2.DescribeAddressesInput{}, &ec2.DescribeAddressesOutput{Addresses: make([]types.Address, 2)}, false, 0},
		{"one resource's detail", &ec2.DescribeSnapshotAttributeInput{},
			&ec2.DescribeSnapshotAttributeOutput{CreateVolumePermissions: make([]types.CreateVolumePermission, 2)}, false, 0},
		{"S3's continuation token", &s3.ListBucketsInput{}, &s3.ListBucketsOutput{Buckets: make([]s3types.Bucket, 5)}, true, 5},
		{"no output", &ec2.DescribeSnapshotsInput{}, nil, false, 0},
	} {
		page, items := listPage(tc.input, tc.output)
		if page != tc.page || items != tc.items {
			t.Errorf("%s: page %v with %d items, want %v with %d", tc.name, page, items, tc.page, tc.items)
		}
	}
}
