// Package workspaces collects Amazon WorkSpaces: the virtual desktops,
// the directories registered for them and their IP access control groups.
package workspaces

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/workspaces"
	"github.com/aws/aws-sdk-go-v2/service/workspaces/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the WorkSpaces collector.
var Service = &collect.Service{
	Name:        "workspaces",
	Description: "WorkSpaces virtual desktops, registered directories and IP access control groups",
	Types: []collect.Type{
		{Name: "workspace", Description: "WorkSpaces desktop (id = workspace id): user, running mode, volume encryption",
			Fields: workspaceFields.Declared(), Tags: collect.TagsPerResource, Collect: desktops, DetailCalls: 1},
		{Name: "directory", Description: "directory registered with WorkSpaces (id = directory id): access, internet and local admin settings",
			Fields: directoryFields.Declared(), Tags: collect.TagsPerResource, Collect: directories, DetailCalls: 1},
		{Name: "ip-group", Description: "WorkSpaces IP access control group (id = group id)",
			Fields: ipGroupFields.Declared(), Tags: collect.TagsPerResource, Collect: ipGroups, DetailCalls: 1},
	},
	Calls: "workspace: DescribeWorkspaces + per workspace DescribeTags. directory: DescribeWorkspaceDirectories + per directory DescribeTags. " +
		"ip-group: DescribeIpGroups + per group DescribeTags",
	Relations: []collect.Relation{
		{From: "workspace", Kind: "in-directory", To: "workspaces/directory"},
		{From: "workspace", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "workspace", Kind: "encrypted-with", To: "kms/key"},
		{From: "directory", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "directory", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "directory", Kind: "uses-ip-group", To: "workspaces/ip-group"},
	},
}

// emit emits r with its tags; a failed tag read is a warning.
func emit(ctx context.Context, t *collect.Task, api *workspaces.Client, r *model.Resource) {
	out, err := api.DescribeTags(ctx, &workspaces.DescribeTagsInput{ResourceId: aws.String(r.ID)})
	if err != nil {
		t.Warn("DescribeTags", err)
	} else {
		r.Tags = collect.TagMap(out.TagList, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
	}
	t.Emit(r)
}

func properties(w types.Workspace) types.WorkspaceProperties {
	if w.WorkspaceProperties == nil {
		return types.WorkspaceProperties{}
	}
	return *w.WorkspaceProperties
}

var workspaceFields = collect.Fields[types.Workspace]{
	collect.Enum("state", "AVAILABLE, STOPPED, PENDING, ERROR, SUSPENDED, ...", func(w types.Workspace) types.WorkspaceState { return w.State }),
	collect.Text("user_name", "directory user the desktop belongs to", func(w types.Workspace) *string { return w.UserName }),
	collect.Text("directory_id", "directory of the user", func(w types.Workspace) *string { return w.DirectoryId }),
	collect.Text("bundle_id", "bundle (image and hardware) it was launched from", func(w types.Workspace) *string { return w.BundleId }),
	collect.Text("computer_name", "computer name in the directory", func(w types.Workspace) *string { return w.ComputerName }),
	collect.Text("ip_address", "private IP address", func(w types.Workspace) *string { return w.IpAddress }),
	collect.Bool("root_volume_encrypted", "the root (C:) volume is encrypted", func(w types.Workspace) *bool { return w.RootVolumeEncryptionEnabled }),
	collect.Bool("user_volume_encrypted", "the user (D:) volume is encrypted", func(w types.Workspace) *bool { return w.UserVolumeEncryptionEnabled }),
	collect.Text("volume_encryption_key", "KMS key encrypting the volumes", func(w types.Workspace) *string { return w.VolumeEncryptionKey }),
	collect.Computed("running_mode", model.Text, "AUTO_STOP (billed hourly), ALWAYS_ON (billed monthly) or MANUAL", func(w types.Workspace) any {
		return string(properties(w).RunningMode)
	}),
	collect.Computed("auto_stop_minutes", model.Integer, "idle minutes before an AUTO_STOP desktop stops", func(w types.Workspace) any {
		return int64(aws.ToInt32(properties(w).RunningModeAutoStopTimeoutInMinutes))
	}),
	collect.Computed("compute_type", model.Text, "hardware (VALUE, STANDARD, PERFORMANCE, POWER, ...)", func(w types.Workspace) any { return string(properties(w).ComputeTypeName) }),
	collect.Computed("root_volume_gib", model.Integer, "root volume size in GiB", func(w types.Workspace) any { return int64(aws.ToInt32(properties(w).RootVolumeSizeGib)) }),
	collect.Computed("user_volume_gib", model.Integer, "user volume size in GiB", func(w types.Workspace) any { return int64(aws.ToInt32(properties(w).UserVolumeSizeGib)) }),
	collect.Computed("operating_system", model.Text, "operating system", func(w types.Workspace) any { return string(properties(w).OperatingSystemName) }),
}

func desktops(ctx context.Context, t *collect.Task) error {
	api := workspaces.NewFromConfig(t.Config)
	p := workspaces.NewDescribeWorkspacesPaginator(api, &workspaces.DescribeWorkspacesInput{Limit: t.PageSize(25)})
	return collect.EachItem(ctx, p, func(page *workspaces.DescribeWorkspacesOutput) []types.Workspace { return page.Workspaces },
		func(ctx context.Context, w types.Workspace) {
			id := aws.ToString(w.WorkspaceId)
			key := t.Key("workspace", id)
			name := aws.ToString(w.WorkspaceName)
			if name == "" {
				name = aws.ToString(w.UserName)
			}
			emit(ctx, t, api, &model.Resource{Key: key, Name: name, ARN: collect.ARN(t, "workspaces", "", "workspace/"+id), Details: workspaceFields.Details(w)})
			t.Relate(key, "in-directory", t.Key("directory", aws.ToString(w.DirectoryId)))
			t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", aws.ToString(w.SubnetId)))
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(w.VolumeEncryptionKey)))
		})
}

func creation(d types.WorkspaceDirectory) types.DefaultWorkspaceCreationProperties {
	if d.WorkspaceCreationProperties == nil {
		return types.DefaultWorkspaceCreationProperties{}
	}
	return *d.WorkspaceCreationProperties
}

var directoryFields = collect.Fields[types.WorkspaceDirectory]{
	collect.Enum("state", "REGISTERED, REGISTERING, DEREGISTERING, ERROR, ...", func(d types.WorkspaceDirectory) types.WorkspaceDirectoryState { return d.State }),
	collect.Enum("directory_type", "SIMPLE_AD, AD_CONNECTOR, CUSTOMER_MANAGED, AWS_IAM_IDENTITY_CENTER, ...", func(d types.WorkspaceDirectory) types.WorkspaceDirectoryType {
		return d.DirectoryType
	}),
	collect.Text("directory_name", "fully qualified directory name", func(d types.WorkspaceDirectory) *string { return d.DirectoryName }),
	collect.Text("alias", "directory alias (the registration's access URL prefix)", func(d types.WorkspaceDirectory) *string { return d.Alias }),
	collect.Computed("subnet_ids", model.JSON, "subnets the desktops are launched in", func(d types.WorkspaceDirectory) any {
		if d.SubnetIds == nil {
			return []string{}
		}
		return d.SubnetIds
	}),
	collect.Text("security_group", "security group of the desktops", func(d types.WorkspaceDirectory) *string { return d.WorkspaceSecurityGroupId }),
	collect.Computed("ip_group_ids", model.JSON, "IP access control groups restricting where users connect from; empty: from anywhere", func(d types.WorkspaceDirectory) any {
		if d.IpGroupIds == nil {
			return []string{}
		}
		return d.IpGroupIds
	}),
	collect.Computed("internet_access", model.Boolean, "new desktops get direct internet access", func(d types.WorkspaceDirectory) any {
		return aws.ToBool(creation(d).EnableInternetAccess)
	}),
	collect.Computed("users_local_admin", model.Boolean, "users are local administrators of their desktops", func(d types.WorkspaceDirectory) any {
		return aws.ToBool(creation(d).UserEnabledAsLocalAdministrator)
	}),
	collect.Enum("tenancy", "DEDICATED or SHARED", func(d types.WorkspaceDirectory) types.Tenancy { return d.Tenancy }),
}

func directories(ctx context.Context, t *collect.Task) error {
	api := workspaces.NewFromConfig(t.Config)
	p := workspaces.NewDescribeWorkspaceDirectoriesPaginator(api, &workspaces.DescribeWorkspaceDirectoriesInput{Limit: t.PageSize(25)})
	return collect.EachItem(ctx, p, func(page *workspaces.DescribeWorkspaceDirectoriesOutput) []types.WorkspaceDirectory {
		return page.Directories
	},
		func(ctx context.Context, d types.WorkspaceDirectory) {
			id := aws.ToString(d.DirectoryId)
			key := t.Key("directory", id)
			emit(ctx, t, api, &model.Resource{Key: key, Name: aws.ToString(d.DirectoryName), ARN: collect.ARN(t, "workspaces", "", "directory/"+id),
				Details: directoryFields.Details(d)})
			for _, s := range d.SubnetIds {
				t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
			}
			t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", aws.ToString(d.WorkspaceSecurityGroupId)))
			for _, g := range d.IpGroupIds {
				t.Relate(key, "uses-ip-group", t.Key("ip-group", g))
			}
		})
}

var ipGroupFields = collect.Fields[types.WorkspacesIpGroup]{
	collect.Text("description", "group description", func(g types.WorkspacesIpGroup) *string { return g.GroupDesc }),
	collect.Computed("rules", model.JSON, "CIDR ranges users may connect from", func(g types.WorkspacesIpGroup) any {
		out := []string{}
		for _, r := range g.UserRules {
			out = append(out, aws.ToString(r.IpRule))
		}
		return out
	}),
}

// ipGroups pages by hand: the SDK has no DescribeIpGroups paginator.
func ipGroups(ctx context.Context, t *collect.Task) error {
	api := workspaces.NewFromConfig(t.Config)
	var token *string
	for {
		out, err := api.DescribeIpGroups(ctx, &workspaces.DescribeIpGroupsInput{MaxResults: t.PageSize(25), NextToken: token})
		if err != nil {
			return err
		}
		collect.ForEach(ctx, out.Result, func(ctx context.Context, g types.WorkspacesIpGroup) {
			id := aws.ToString(g.GroupId)
			emit(ctx, t, api, &model.Resource{Key: t.Key("ip-group", id), Name: aws.ToString(g.GroupName), ARN: collect.ARN(t, "workspaces", "", "workspaceipgroup/"+id),
				Details: ipGroupFields.Details(g)})
		})
		if token = out.NextToken; aws.ToString(token) == "" {
			return nil
		}
	}
}
