package all_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ds "github.com/aws/aws-sdk-go-v2/service/directoryservice"
	dstypes "github.com/aws/aws-sdk-go-v2/service/directoryservice/types"
	"github.com/aws/aws-sdk-go-v2/service/workspaces"
	"github.com/aws/aws-sdk-go-v2/service/workspaces/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/workspaces"
)

var workspacesPaged = collecttest.Paged{Cap: 2}

const workspacesRegion = "us-east-1"

var (
	workspacesKey = "arn:aws:kms:us-east-1:" + account + ":key/k-ws"
)

func workspacesTag(k, v string) []types.Tag {
	return []types.Tag{{Key: aws.String(k), Value: aws.String(v)}}
}

// estate registers a Simple AD directory with WorkSpaces and launches three
// desktops in it: ws for user0 is encrypted and always on.
func workspacesEstate(t *testing.T) (directory string, subnets []string, desktops map[string]string) {
	t.Helper()
	cfg := collecttest.Config(t, workspacesRegion, nil)
	net := testvpc.New(t, cfg, "10.2.0.0/16", "", testvpc.Subnet{CIDR: "10.2.1.0/24", AZ: "us-east-1a"}, testvpc.Subnet{CIDR: "10.2.2.0/24", AZ: "us-east-1b"})
	d, err := ds.NewFromConfig(cfg).CreateDirectory(ctx, &ds.CreateDirectoryInput{Name: aws.String("corp.example.com"), Password: aws.String("Passw0rd!Passw0rd"),
		Size: dstypes.DirectorySizeSmall, VpcSettings: &dstypes.DirectoryVpcSettings{VpcId: aws.String(net.VPC), SubnetIds: net.Subnets}})
	if err != nil {
		t.Fatal(err)
	}
	api := workspaces.NewFromConfig(cfg)
	if _, err := api.RegisterWorkspaceDirectory(ctx, &workspaces.RegisterWorkspaceDirectoryInput{DirectoryId: d.DirectoryId, SubnetIds: net.Subnets,
		Tenancy: types.TenancyShared, Tags: workspacesTag("team", "desk")}); err != nil {
		t.Fatal(err)
	}
	var reqs []types.WorkspaceRequest
	for i := range 3 {
		r := types.WorkspaceRequest{DirectoryId: d.DirectoryId, UserName: aws.String(fmt.Sprint("user", i)), BundleId: aws.String("wsb-123"), Tags: workspacesTag("n", fmt.Sprint(i)),
			WorkspaceProperties: &types.WorkspaceProperties{RunningMode: types.RunningModeAutoStop, RunningModeAutoStopTimeoutInMinutes: aws.Int32(60),
				ComputeTypeName: types.ComputeStandard, RootVolumeSizeGib: aws.Int32(80), UserVolumeSizeGib: aws.Int32(50)}}
		if i == 0 {
			r.RootVolumeEncryptionEnabled, r.UserVolumeEncryptionEnabled, r.VolumeEncryptionKey = aws.Bool(true), aws.Bool(true), aws.String(workspacesKey)
			r.WorkspaceProperties = &types.WorkspaceProperties{RunningMode: types.RunningModeAlwaysOn, ComputeTypeName: types.ComputePerformance}
		}
		reqs = append(reqs, r)
	}
	out, err := api.CreateWorkspaces(ctx, &workspaces.CreateWorkspacesInput{Workspaces: reqs})
	if err != nil || len(out.PendingRequests) != 3 {
		t.Fatalf("create workspaces: %v %+v", err, out)
	}
	desktops = map[string]string{}
	for _, w := range out.PendingRequests {
		desktops[aws.ToString(w.UserName)] = aws.ToString(w.WorkspaceId)
	}
	return aws.ToString(d.DirectoryId), net.Subnets, desktops
}

func TestWorkspacesAndDirectories(t *testing.T) {
	collecttest.Setup(t)
	dir, subnets, desktops := workspacesEstate(t)
	cfg := collecttest.Config(t, workspacesRegion, nil)

	got := workspacesPaged.Run(t, cfg, collector.Service, "workspace", workspacesRegion)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("workspaces: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	ws0, ws1 := got.ByID()[desktops["user0"]], got.ByID()[desktops["user1"]]
	if ws0.ARN != "arn:aws:workspaces:us-east-1:"+account+":workspace/"+ws0.ID || ws0.Tags["n"] != "0" || ws0.Name != "user0" {
		t.Errorf("ws0 %+v", ws0)
	}
	for _, c := range []struct {
		got  map[string]any
		want map[string]any
	}{
		{ws0.Details, map[string]any{"root_volume_encrypted": true, "user_volume_encrypted": true, "volume_encryption_key": workspacesKey, "running_mode": "ALWAYS_ON",
			"compute_type": "PERFORMANCE", "directory_id": dir, "user_name": "user0"}},
		{ws1.Details, map[string]any{"root_volume_encrypted": false, "running_mode": "AUTO_STOP", "auto_stop_minutes": int64(60), "root_volume_gib": int64(80)}},
	} {
		for k, v := range c.want {
			if c.got[k] != v {
				t.Errorf("details[%s] = %#v, want %#v", k, c.got[k], v)
			}
		}
	}
	collecttest.HasEdges(t, got, ws0.ID+" -in-directory-> workspaces/directory:"+dir, ws0.ID+" -encrypted-with-> kms/key:k-ws")

	got = workspacesPaged.Run(t, cfg, collector.Service, "directory", workspacesRegion)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("directories: %v, %d", got.Err, len(got.Resources))
	}
	d := got.Resources[0]
	if d.ID != dir || d.Name != "corp.example.com" || d.Tags["team"] != "desk" || d.Details["state"] != "REGISTERED" || d.Details["tenancy"] != "SHARED" {
		t.Fatalf("directory %+v", d)
	}
	collecttest.HasEdges(t, got, dir+" -in-subnet-> ec2/subnet:"+subnets[1], dir+" -uses-security-group-> ec2/security-group:"+d.Details["security_group"].(string))
}

// moto has no IP groups: canned, over two pages.
func TestWorkspacesIPGroups(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, workspacesRegion, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeIpGroups": func(in any) (any, error) {
			if aws.ToString(in.(*workspaces.DescribeIpGroupsInput).NextToken) == "" {
				return &workspaces.DescribeIpGroupsOutput{NextToken: aws.String("2"), Result: []types.WorkspacesIpGroup{{GroupId: aws.String("wsipg-1"), GroupName: aws.String("office"),
					GroupDesc: aws.String("HQ"), UserRules: []types.IpRuleItem{{IpRule: aws.String("203.0.113.0/24")}}}}}, nil
			}
			return &workspaces.DescribeIpGroupsOutput{Result: []types.WorkspacesIpGroup{{GroupId: aws.String("wsipg-2"), GroupName: aws.String("vpn")}}}, nil
		},
		"DescribeTags": func(any) (any, error) {
			return &workspaces.DescribeTagsOutput{TagList: workspacesTag("team", "net")}, nil
		},
	})})
	got := workspacesPaged.Run(t, cfg, collector.Service, "ip-group", workspacesRegion)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("ip groups: %v, %d", got.Err, len(got.Resources))
	}
	g := got.ByID()["wsipg-1"]
	if g.Name != "office" || g.ARN != "arn:aws:workspaces:us-east-1:"+account+":workspaceipgroup/wsipg-1" || g.Tags["team"] != "net" ||
		fmt.Sprint(g.Details["rules"]) != "[203.0.113.0/24]" || g.Details["description"] != "HQ" {
		t.Fatalf("wsipg-1 %+v", g)
	}
}

func TestWorkspacesDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"workspace": "DescribeWorkspaces", "directory": "DescribeWorkspaceDirectories", "ip-group": "DescribeIpGroups"} {
		cfg := collecttest.ConfigWith(t, workspacesRegion, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, workspacesPaged.Run(t, cfg, collector.Service, typ, workspacesRegion))
	}
	workspacesEstate(t)
	cfg := collecttest.ConfigWith(t, workspacesRegion, awsx.Options{Responder: collecttest.Deny("DescribeTags")})
	got := workspacesPaged.Run(t, cfg, collector.Service, "workspace", workspacesRegion)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 || len(got.Resources[0].Tags) != 0 {
		t.Fatalf("want workspaces without tags and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
