// Package memorydb collects MemoryDB clusters, their snapshots, subnet
// and parameter groups, and the users and access control lists (ACLs)
// that guard them.
package memorydb

import (
	"context"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/memorydb"
	"github.com/aws/aws-sdk-go-v2/service/memorydb/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the MemoryDB collector.
var Service = &collect.Service{
	Name:        "memorydb",
	Description: "MemoryDB clusters, snapshots, subnet and parameter groups, users and ACLs",
	Types: []collect.Type{
		{Name: "cluster", Description: "MemoryDB cluster (id = name)", Fields: clusterFields.Declared(), Tags: collect.TagsPerResource, Collect: clusters, DetailCalls: 1},
		{Name: "snapshot", Description: "MemoryDB snapshot, manual or automated (id = name)", Fields: snapshotFields.Declared(), Tags: collect.TagsPerResource, Collect: snapshots, DetailCalls: 1},
		{Name: "subnet-group", Description: "MemoryDB subnet group (id = name)", Fields: subnetGroupFields.Declared(), Tags: collect.TagsPerResource, Collect: subnetGroups, DetailCalls: 1},
		{Name: "parameter-group", Description: "MemoryDB parameter group (id = name); default.* ones are AWS's", Fields: parameterGroupFields.Declared(),
			Tags: collect.TagsPerResource, Collect: parameterGroups, DetailCalls: 1},
		{Name: "user", Description: "MemoryDB user (id = name; passwords are never read)", Fields: userFields.Declared(), Tags: collect.TagsPerResource, Collect: users, DetailCalls: 1},
		{Name: "acl", Description: "MemoryDB access control list (id = name); open-access lets every connection in", Fields: aclFields.Declared(),
			Tags: collect.TagsPerResource, Collect: acls, DetailCalls: 1},
	},
	Calls: "every type: 1 paged Describe* + per resource ListTags",
	Relations: []collect.Relation{
		{From: "cluster", Kind: "encrypted-with", To: "kms/key"},
		{From: "cluster", Kind: "in-subnet-group", To: "memorydb/subnet-group"},
		{From: "cluster", Kind: "uses-acl", To: "memorydb/acl"},
		{From: "cluster", Kind: "uses-parameter-group", To: "memorydb/parameter-group"},
		{From: "cluster", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "cluster", Kind: "notifies", To: "sns/topic"},
		{From: "snapshot", Kind: "created-from", To: "memorydb/cluster"},
		{From: "snapshot", Kind: "encrypted-with", To: "kms/key"},
		{From: "subnet-group", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "subnet-group", Kind: "includes-subnet", To: "ec2/subnet"},
		{From: "acl", Kind: "includes-user", To: "memorydb/user"},
	},
}

// emitTagged pages through one type and emits each resource build makes,
// with its tags (ListTags per resource, concurrently; a failure is a
// warning).
func emitTagged[Out, T any](ctx context.Context, t *collect.Task, api *memorydb.Client, p collect.Pager[memorydb.Options, Out],
	items func(*Out) []T, build func(T) *model.Resource) error {
	return collect.EachItem(ctx, p, items, func(ctx context.Context, it T) {
		r := build(it)
		out, err := api.ListTags(ctx, &memorydb.ListTagsInput{ResourceArn: aws.String(r.ARN)})
		t.Warn("ListTags", err)
		if err == nil {
			r.Tags = collect.TagMap(out.TagList, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
		}
		t.Emit(r)
	})
}

func endpoint(c types.Cluster) types.Endpoint {
	if c.ClusterEndpoint == nil {
		return types.Endpoint{}
	}
	return *c.ClusterEndpoint
}

var clusterFields = collect.Fields[types.Cluster]{
	collect.Text("engine", "valkey or redis", func(c types.Cluster) *string { return c.Engine }),
	collect.Text("engine_version", "engine version", func(c types.Cluster) *string { return c.EngineVersion }),
	collect.Text("status", "available, creating, updating, deleting, ...", func(c types.Cluster) *string { return c.Status }),
	collect.Text("node_type", "node type, e.g. db.r6g.large", func(c types.Cluster) *string { return c.NodeType }),
	collect.Int("shards", "number of shards", func(c types.Cluster) *int32 { return c.NumberOfShards }),
	collect.Enum("availability_mode", "singleaz or multiaz", func(c types.Cluster) types.AZStatus { return c.AvailabilityMode }),
	collect.Bool("tls_enabled", "in-transit encryption (TLS) is on", func(c types.Cluster) *bool { return c.TLSEnabled }),
	collect.Text("kms_key_id", "KMS key encrypting data at rest (empty: AWS-owned key)", func(c types.Cluster) *string { return c.KmsKeyId }),
	collect.Text("acl_name", "access control list; open-access lets any client in", func(c types.Cluster) *string { return c.ACLName }),
	collect.Text("subnet_group", "subnet group name", func(c types.Cluster) *string { return c.SubnetGroupName }),
	collect.Text("parameter_group", "parameter group name", func(c types.Cluster) *string { return c.ParameterGroupName }),
	collect.Computed("security_group_ids", model.JSON, "security groups of the cluster", func(c types.Cluster) any {
		out := []string{}
		for _, g := range c.SecurityGroups {
			out = append(out, aws.ToString(g.SecurityGroupId))
		}
		return out
	}),
	collect.Int("snapshot_retention_days", "automatic snapshots are kept this many days (0 = none)", func(c types.Cluster) *int32 { return c.SnapshotRetentionLimit }),
	collect.Enum("data_tiering", "true when data tiers to SSD", func(c types.Cluster) types.DataTieringStatus { return c.DataTiering }),
	collect.Computed("endpoint", model.Text, "cluster endpoint host", func(c types.Cluster) any { return aws.ToString(endpoint(c).Address) }),
	collect.Bool("auto_minor_version_upgrade", "minor versions are applied automatically", func(c types.Cluster) *bool { return c.AutoMinorVersionUpgrade }),
}

func clusters(ctx context.Context, t *collect.Task) error {
	api := memorydb.NewFromConfig(t.Config)
	p := memorydb.NewDescribeClustersPaginator(api, &memorydb.DescribeClustersInput{MaxResults: t.PageSize(100)})
	return emitTagged(ctx, t, api, p, func(page *memorydb.DescribeClustersOutput) []types.Cluster { return page.Clusters }, func(c types.Cluster) *model.Resource {
		name := aws.ToString(c.Name)
		key := t.Key("cluster", name)
		t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(c.KmsKeyId)))
		t.Relate(key, "in-subnet-group", t.Key("subnet-group", aws.ToString(c.SubnetGroupName)))
		t.Relate(key, "uses-acl", t.Key("acl", aws.ToString(c.ACLName)))
		t.Relate(key, "uses-parameter-group", t.Key("parameter-group", aws.ToString(c.ParameterGroupName)))
		for _, g := range c.SecurityGroups {
			t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", aws.ToString(g.SecurityGroupId)))
		}
		if k, ok := collect.TargetKey(aws.ToString(c.SnsTopicArn)); ok {
			t.Relate(key, "notifies", k)
		}
		return &model.Resource{Key: key, ARN: aws.ToString(c.ARN), Name: name, Details: clusterFields.Details(c)}
	})
}

func configuration(s types.Snapshot) types.ClusterConfiguration {
	if s.ClusterConfiguration == nil {
		return types.ClusterConfiguration{}
	}
	return *s.ClusterConfiguration
}

var snapshotFields = collect.Fields[types.Snapshot]{
	collect.Text("source", "manual or automated", func(s types.Snapshot) *string { return s.Source }),
	collect.Text("status", "creating, available, copying, deleting", func(s types.Snapshot) *string { return s.Status }),
	collect.Text("kms_key_id", "KMS key encrypting the snapshot", func(s types.Snapshot) *string { return s.KmsKeyId }),
	collect.Computed("cluster_name", model.Text, "cluster the snapshot is of", func(s types.Snapshot) any { return aws.ToString(configuration(s).Name) }),
	collect.Computed("engine_version", model.Text, "engine version of the cluster", func(s types.Snapshot) any { return aws.ToString(configuration(s).EngineVersion) }),
	collect.Computed("node_type", model.Text, "node type of the cluster", func(s types.Snapshot) any { return aws.ToString(configuration(s).NodeType) }),
	collect.Computed("shards", model.Integer, "shards of the cluster", func(s types.Snapshot) any { return int64(aws.ToInt32(configuration(s).NumShards)) }),
}

func snapshots(ctx context.Context, t *collect.Task) error {
	api := memorydb.NewFromConfig(t.Config)
	p := memorydb.NewDescribeSnapshotsPaginator(api, &memorydb.DescribeSnapshotsInput{MaxResults: t.PageSize(50)})
	return emitTagged(ctx, t, api, p, func(page *memorydb.DescribeSnapshotsOutput) []types.Snapshot { return page.Snapshots }, func(s types.Snapshot) *model.Resource {
		name := aws.ToString(s.Name)
		key := t.Key("snapshot", name)
		t.Relate(key, "created-from", t.Key("cluster", aws.ToString(configuration(s).Name)))
		t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(s.KmsKeyId)))
		return &model.Resource{Key: key, ARN: aws.ToString(s.ARN), Name: name, Details: snapshotFields.Details(s)}
	})
}

// subnetIDs are sorted: AWS answers them in any order, which must not read
// as a change between scans.
func subnetIDs(g types.SubnetGroup) []string {
	out := []string{}
	for _, s := range g.Subnets {
		out = append(out, aws.ToString(s.Identifier))
	}
	slices.Sort(out)
	return out
}

var subnetGroupFields = collect.Fields[types.SubnetGroup]{
	collect.Text("description", "description", func(g types.SubnetGroup) *string { return g.Description }),
	collect.Text("vpc_id", "VPC of the subnets", func(g types.SubnetGroup) *string { return g.VpcId }),
	collect.Computed("subnet_ids", model.JSON, "subnets in the group", func(g types.SubnetGroup) any { return subnetIDs(g) }),
}

func subnetGroups(ctx context.Context, t *collect.Task) error {
	api := memorydb.NewFromConfig(t.Config)
	p := memorydb.NewDescribeSubnetGroupsPaginator(api, &memorydb.DescribeSubnetGroupsInput{MaxResults: t.PageSize(100)})
	return emitTagged(ctx, t, api, p, func(page *memorydb.DescribeSubnetGroupsOutput) []types.SubnetGroup { return page.SubnetGroups }, func(g types.SubnetGroup) *model.Resource {
		name := aws.ToString(g.Name)
		key := t.Key("subnet-group", name)
		t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(g.VpcId)))
		for _, s := range subnetIDs(g) {
			t.Relate(key, "includes-subnet", t.Ref("ec2", "subnet", s))
		}
		return &model.Resource{Key: key, ARN: aws.ToString(g.ARN), Name: name, IsDefault: name == "default", Details: subnetGroupFields.Details(g)}
	})
}

var parameterGroupFields = collect.Fields[types.ParameterGroup]{
	collect.Text("family", "parameter group family, e.g. memorydb_valkey7", func(g types.ParameterGroup) *string { return g.Family }),
	collect.Text("description", "description", func(g types.ParameterGroup) *string { return g.Description }),
}

func parameterGroups(ctx context.Context, t *collect.Task) error {
	api := memorydb.NewFromConfig(t.Config)
	p := memorydb.NewDescribeParameterGroupsPaginator(api, &memorydb.DescribeParameterGroupsInput{MaxResults: t.PageSize(100)})
	return emitTagged(ctx, t, api, p, func(page *memorydb.DescribeParameterGroupsOutput) []types.ParameterGroup { return page.ParameterGroups },
		func(g types.ParameterGroup) *model.Resource {
			name := aws.ToString(g.Name)
			return &model.Resource{Key: t.Key("parameter-group", name), ARN: aws.ToString(g.ARN), Name: name, IsDefault: strings.HasPrefix(name, "default."),
				Details: parameterGroupFields.Details(g)}
		})
}

func authentication(u types.User) types.Authentication {
	if u.Authentication == nil {
		return types.Authentication{}
	}
	return *u.Authentication
}

var userFields = collect.Fields[types.User]{
	collect.Text("status", "active, modifying or deleting", func(u types.User) *string { return u.Status }),
	collect.Text("access_string", "permissions, e.g. \"on ~* &* +@all\" (full access)", func(u types.User) *string { return u.AccessString }),
	collect.Computed("authentication_type", model.Text, "password, no-password or iam", func(u types.User) any { return string(authentication(u).Type) }),
	collect.Computed("password_count", model.Integer, "passwords set (their values are never read)", func(u types.User) any {
		return int64(aws.ToInt32(authentication(u).PasswordCount))
	}),
	collect.Computed("acl_names", model.JSON, "ACLs the user is in", func(u types.User) any { return append([]string{}, u.ACLNames...) }),
	collect.Text("minimum_engine_version", "oldest engine version the user works with", func(u types.User) *string { return u.MinimumEngineVersion }),
}

func users(ctx context.Context, t *collect.Task) error {
	api := memorydb.NewFromConfig(t.Config)
	p := memorydb.NewDescribeUsersPaginator(api, &memorydb.DescribeUsersInput{MaxResults: t.PageSize(100)})
	return emitTagged(ctx, t, api, p, func(page *memorydb.DescribeUsersOutput) []types.User { return page.Users }, func(u types.User) *model.Resource {
		name := aws.ToString(u.Name)
		// "default" is the user every cluster has; open-access uses it.
		return &model.Resource{Key: t.Key("user", name), ARN: aws.ToString(u.ARN), Name: name, IsDefault: name == "default", Details: userFields.Details(u)}
	})
}

var aclFields = collect.Fields[types.ACL]{
	collect.Text("status", "active, creating, modifying or deleting", func(a types.ACL) *string { return a.Status }),
	collect.Computed("user_names", model.JSON, "users in the ACL", func(a types.ACL) any { return append([]string{}, a.UserNames...) }),
	collect.Computed("clusters", model.JSON, "clusters using the ACL", func(a types.ACL) any { return append([]string{}, a.Clusters...) }),
	collect.Text("minimum_engine_version", "oldest engine version the ACL works with", func(a types.ACL) *string { return a.MinimumEngineVersion }),
}

func acls(ctx context.Context, t *collect.Task) error {
	api := memorydb.NewFromConfig(t.Config)
	p := memorydb.NewDescribeACLsPaginator(api, &memorydb.DescribeACLsInput{MaxResults: t.PageSize(50)})
	return emitTagged(ctx, t, api, p, func(page *memorydb.DescribeACLsOutput) []types.ACL { return page.ACLs }, func(a types.ACL) *model.Resource {
		name := aws.ToString(a.Name)
		key := t.Key("acl", name)
		for _, u := range a.UserNames {
			t.Relate(key, "includes-user", t.Key("user", u))
		}
		return &model.Resource{Key: key, ARN: aws.ToString(a.ARN), Name: name, IsDefault: name == "open-access", Details: aclFields.Details(a)}
	})
}
