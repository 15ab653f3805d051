package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	"github.com/aws/aws-sdk-go-v2/service/efs/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/efs"
)

// seedShares makes three file systems, each with two access points and a
// mount target in each of two subnets.
func seedShares(t *testing.T, cfg aws.Config) (testvpc.Network, []string) {
	t.Helper()
	ctx := context.Background()
	api := efs.NewFromConfig(cfg)
	n := testvpc.New(t, cfg, "10.4.0.0/16", "nfs", testvpc.Subnet{CIDR: "10.4.1.0/24", AZ: region + "a"}, testvpc.Subnet{CIDR: "10.4.2.0/24", AZ: region + "b"})
	var fss []string
	for i := range 3 {
		fs, err := api.CreateFileSystem(ctx, &efs.CreateFileSystemInput{CreationToken: aws.String(fmt.Sprint("share", i))})
		if err != nil {
			t.Fatal(err)
		}
		fss = append(fss, aws.ToString(fs.FileSystemId))
		for j, sub := range n.Subnets {
			if _, err := api.CreateMountTarget(ctx, &efs.CreateMountTargetInput{FileSystemId: fs.FileSystemId, SubnetId: aws.String(sub), SecurityGroups: []string{n.SG}}); err != nil {
				t.Fatal(err)
			}
			if _, err := api.CreateAccessPoint(ctx, &efs.CreateAccessPointInput{FileSystemId: fs.FileSystemId, ClientToken: aws.String(fmt.Sprint("ap", i, j)),
				PosixUser:     &types.PosixUser{Uid: aws.Int64(1000 + int64(j)), Gid: aws.Int64(1000)},
				RootDirectory: &types.RootDirectory{Path: aws.String(fmt.Sprintf("/app%d", j))},
				Tags:          []types.Tag{{Key: aws.String("Name"), Value: aws.String(fmt.Sprintf("app-%d-%d", i, j))}}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return n, fss
}

func TestEfsAccessPointsAndMountTargets(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	n, fss := seedShares(t, cfg)

	got := collecttest.Run(t, cfg, collector.Service, "access-point", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 access points, got %v %d", got.Err, len(got.Resources))
	}
	var ap1 string
	for _, r := range got.Resources {
		if r.Name == "app-2-1" {
			ap1 = r.ID
			for k, v := range map[string]any{"file_system_id": fss[2], "root_directory": "/app1", "posix_uid": int64(1001), "posix_gid": int64(1000), "lifecycle_state": "available"} {
				if r.Details[k] != v {
					t.Errorf("app-2-1 details[%s] = %v, want %v", k, r.Details[k], v)
				}
			}
			if r.ARN != "arn:aws:elasticfilesystem:"+region+":"+collecttest.MotoAccount+":access-point/"+r.ID || r.Tags["Name"] != "app-2-1" {
				t.Errorf("app-2-1: %s %v", r.ARN, r.Tags)
			}
		}
	}
	collecttest.HasEdges(t, got, ap1+" -opens-> efs/file-system:"+fss[2])

	got = collecttest.Run(t, cfg, collector.Service, "mount-target", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 mount targets, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	for _, r := range got.Resources {
		if r.Details["vpc_id"] != n.VPC || fmt.Sprint(r.Details["security_group_ids"]) != "["+n.SG+"]" || r.Details["ip_address"] == "" {
			t.Errorf("%s: %v", r.ID, r.Details)
		}
		collecttest.HasEdges(t, got, r.ID+" -mounts-> efs/file-system:"+r.Details["file_system_id"].(string),
			r.ID+" -in-subnet-> ec2/subnet:"+r.Details["subnet_id"].(string), r.ID+" -uses-security-group-> ec2/security-group:"+n.SG)
	}
}

// TestReplications: moto has no EFS replication; the SDK's answer is canned.
func TestEfsReplications(t *testing.T) {
	collecttest.Setup(t)
	at := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeReplicationConfigurations": func(any) (any, error) {
			return &efs.DescribeReplicationConfigurationsOutput{Replications: []types.ReplicationConfigurationDescription{{
				SourceFileSystemId: aws.String("fs-src"), SourceFileSystemRegion: aws.String(region), CreationTime: &at,
				Destinations: []types.Destination{{FileSystemId: aws.String("fs-dr"), Region: aws.String("eu-central-1"), Status: types.ReplicationStatusEnabled, LastReplicatedTimestamp: &at}},
			}}}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "replication-configuration", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("replications: %v %d", got.Err, len(got.Resources))
	}
	r := got.Resources[0]
	if r.ID != "fs-src" || r.CreatedAt != "2025-06-01T00:00:00Z" || fmt.Sprint(r.Details["destinations"]) != "[{fs-dr eu-central-1 ENABLED 2025-06-01T00:00:00Z}]" {
		t.Errorf("replication: %s %s %v", r.ID, r.CreatedAt, r.Details)
	}
	collecttest.HasEdges(t, got, "fs-src -replicates-> efs/file-system:fs-src")
}

func TestEfsNewTypesDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"access-point": "DescribeAccessPoints", "mount-target": "DescribeFileSystems",
		"replication-configuration": "DescribeReplicationConfigurations"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	seedShares(t, collecttest.Config(t, region, nil))
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeMountTargets")})
	if got := collecttest.Run(t, cfg, collector.Service, "mount-target", region); awsx.Classify(got.Err) != awsx.Denied {
		t.Errorf("denied mount target listing: want the collection denied, got %v", got.Err)
	}
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeMountTargetSecurityGroups")})
	got := collecttest.Run(t, cfg, collector.Service, "mount-target", region)
	if _, ok := got.Resources[0].Details["security_group_ids"]; got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 6 || ok {
		t.Errorf("denied security groups: want 6 mount targets without them and 6 warnings, got %v %d %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
