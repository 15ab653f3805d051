// Package redshift collects provisioned Redshift clusters, their subnet
// and parameter groups, and manual snapshots.
package redshift

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/redshift"
	"github.com/aws/aws-sdk-go-v2/service/redshift/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Redshift collector.
var Service = &collect.Service{
	Name:        "redshift",
	Description: "Redshift provisioned clusters, subnet groups, parameter groups and manual snapshots",
	Types: []collect.Type{
		{Name: "cluster", Description: "Redshift provisioned cluster (id = cluster identifier)", Fields: clusterFields.Declared(), Tags: collect.TagsListed, Collect: clusters},
		{Name: "subnet-group", Description: "Redshift cluster subnet group (id = name)", Fields: subnetGroupFields.Declared(), Tags: collect.TagsListed, Collect: subnetGroups},
		{Name: "parameter-group", Description: "Redshift cluster parameter group (id = name); AWS's default.* groups are skipped", Fields: parameterGroupFields.Declared(), Tags: collect.TagsListed, Collect: parameterGroups},
		{Name: "cluster-snapshot", Description: "manual Redshift cluster snapshot (id = snapshot identifier); automated snapshots are skipped", Fields: snapshotFields.Declared(), Tags: collect.TagsListed, Collect: snapshots},
	},
	Calls: "1 paged describe per type (DescribeClusters, DescribeClusterSubnetGroups, DescribeClusterParameterGroups, DescribeClusterSnapshots of type manual)",
	Relations: []collect.Relation{
		{From: "cluster", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "cluster", Kind: "in-subnet-group", To: "redshift/subnet-group"},
		{From: "cluster", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "cluster", Kind: "uses-parameter-group", To: "redshift/parameter-group"},
		{From: "cluster", Kind: "assumes-role", To: "iam/role"},
		{From: "cluster", Kind: "encrypted-with", To: "kms/key"},
		{From: "subnet-group", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "subnet-group", Kind: "includes-subnet", To: "ec2/subnet"},
		{From: "cluster-snapshot", Kind: "created-from", To: "redshift/cluster"},
		{From: "cluster-snapshot", Kind: "encrypted-with", To: "kms/key"},
	},
}

func client(t *collect.Task) *redshift.Client { return redshift.NewFromConfig(t.Config) }

func arn(t *collect.Task, resource string) string { return collect.ARN(t, "redshift", "", resource) }

func tags(ts []types.Tag) map[string]string {
	return collect.TagMap(ts, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

var clusterFields = collect.Fields[types.Cluster]{
	collect.Text("status", "available, paused, creating, resizing, ...", func(c types.Cluster) *string { return c.ClusterStatus }),
	collect.Text("node_type", "node type (ra3.xlplus, dc2.large, ...)", func(c types.Cluster) *string { return c.NodeType }),
	collect.Int("number_of_nodes", "compute nodes", func(c types.Cluster) *int32 { return c.NumberOfNodes }),
	collect.Bool("encrypted", "data at rest is encrypted", func(c types.Cluster) *bool { return c.Encrypted }),
	collect.Text("kms_key_id", "KMS key of at-rest encryption", func(c types.Cluster) *string { return c.KmsKeyId }),
	collect.Bool("publicly_accessible", "the cluster has a public endpoint", func(c types.Cluster) *bool { return c.PubliclyAccessible }),
	collect.Bool("enhanced_vpc_routing", "COPY and UNLOAD traffic is forced through the VPC", func(c types.Cluster) *bool { return c.EnhancedVpcRouting }),
	collect.Computed("endpoint", model.Text, "address:port of the leader node", func(c types.Cluster) any {
		if c.Endpoint == nil {
			return ""
		}
		return aws.ToString(c.Endpoint.Address) + ":" + strconv.Itoa(int(aws.ToInt32(c.Endpoint.Port)))
	}),
	collect.Text("vpc_id", "VPC of the cluster", func(c types.Cluster) *string { return c.VpcId }),
	collect.Text("subnet_group", "cluster subnet group", func(c types.Cluster) *string { return c.ClusterSubnetGroupName }),
	collect.Text("availability_zone", "availability zone", func(c types.Cluster) *string { return c.AvailabilityZone }),
	collect.Text("cluster_version", "engine version", func(c types.Cluster) *string { return c.ClusterVersion }),
	collect.Int("automated_snapshot_retention_days", "days automated snapshots are kept; 0 disables them", func(c types.Cluster) *int32 { return c.AutomatedSnapshotRetentionPeriod }),
	collect.Bool("allow_version_upgrade", "major version upgrades are applied in the maintenance window", func(c types.Cluster) *bool { return c.AllowVersionUpgrade }),
	collect.Text("master_password_secret_arn", "Secrets Manager secret holding the admin password, when Redshift manages it", func(c types.Cluster) *string { return c.MasterPasswordSecretArn }),
}

func clusters(ctx context.Context, t *collect.Task) error {
	p := redshift.NewDescribeClustersPaginator(client(t), &redshift.DescribeClustersInput{MaxRecords: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *redshift.DescribeClustersOutput) error {
		for _, c := range page.Clusters {
			emitCluster(t, c)
		}
		return nil
	})
}

func emitCluster(t *collect.Task, c types.Cluster) {
	id := aws.ToString(c.ClusterIdentifier)
	key := t.Key("cluster", id)
	t.Emit(&model.Resource{Key: key, Name: id, ARN: arn(t, "cluster:"+id), CreatedAt: model.Time(c.ClusterCreateTime),
		Tags: tags(c.Tags), Details: clusterFields.Details(c)})
	t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(c.VpcId)))
	t.Relate(key, "in-subnet-group", t.Key("subnet-group", aws.ToString(c.ClusterSubnetGroupName)))
	for _, sg := range c.VpcSecurityGroups {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", aws.ToString(sg.VpcSecurityGroupId)))
	}
	for _, pg := range c.ClusterParameterGroups {
		if name := aws.ToString(pg.ParameterGroupName); !isDefault(name) {
			t.Relate(key, "uses-parameter-group", t.Key("parameter-group", name))
		}
	}
	for _, r := range c.IamRoles {
		t.Relate(key, "assumes-role", t.Role(aws.ToString(r.IamRoleArn)))
	}
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(c.KmsKeyId)))
}

var subnetGroupFields = collect.Fields[types.ClusterSubnetGroup]{
	collect.Text("description", "description", func(g types.ClusterSubnetGroup) *string { return g.Description }),
	collect.Text("status", "Complete, Incomplete or Invalid", func(g types.ClusterSubnetGroup) *string { return g.SubnetGroupStatus }),
	collect.Text("vpc_id", "VPC of the subnets", func(g types.ClusterSubnetGroup) *string { return g.VpcId }),
	collect.Computed("subnet_ids", model.JSON, "subnets of the group", func(g types.ClusterSubnetGroup) any { return subnetIDs(g) }),
}

func subnetIDs(g types.ClusterSubnetGroup) []string {
	ids := make([]string, 0, len(g.Subnets))
	for _, s := range g.Subnets {
		ids = append(ids, aws.ToString(s.SubnetIdentifier))
	}
	return ids
}

func subnetGroups(ctx context.Context, t *collect.Task) error {
	p := redshift.NewDescribeClusterSubnetGroupsPaginator(client(t), &redshift.DescribeClusterSubnetGroupsInput{MaxRecords: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *redshift.DescribeClusterSubnetGroupsOutput) error {
		for _, g := range page.ClusterSubnetGroups {
			name := aws.ToString(g.ClusterSubnetGroupName)
			key := t.Key("subnet-group", name)
			t.Emit(&model.Resource{Key: key, Name: name, ARN: arn(t, "subnetgroup:"+name), Tags: tags(g.Tags), Details: subnetGroupFields.Details(g)})
			t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(g.VpcId)))
			for _, s := range subnetIDs(g) {
				t.Relate(key, "includes-subnet", t.Ref("ec2", "subnet", s))
			}
		}
		return nil
	})
}

// isDefault reports whether a parameter group is one of AWS's defaults.
func isDefault(name string) bool { return strings.HasPrefix(name, "default.") }

var parameterGroupFields = collect.Fields[types.ClusterParameterGroup]{
	collect.Text("family", "parameter group family (redshift-1.0)", func(g types.ClusterParameterGroup) *string { return g.ParameterGroupFamily }),
	collect.Text("description", "description", func(g types.ClusterParameterGroup) *string { return g.Description }),
}

func parameterGroups(ctx context.Context, t *collect.Task) error {
	p := redshift.NewDescribeClusterParameterGroupsPaginator(client(t), &redshift.DescribeClusterParameterGroupsInput{MaxRecords: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *redshift.DescribeClusterParameterGroupsOutput) error {
		for _, g := range page.ParameterGroups {
			name := aws.ToString(g.ParameterGroupName)
			if isDefault(name) {
				continue
			}
			t.Emit(&model.Resource{Key: t.Key("parameter-group", name), Name: name, ARN: arn(t, "parametergroup:"+name),
				Tags: tags(g.Tags), Details: parameterGroupFields.Details(g)})
		}
		return nil
	})
}

var snapshotFields = collect.Fields[types.Snapshot]{
	collect.Text("cluster", "cluster the snapshot was taken of", func(s types.Snapshot) *string { return s.ClusterIdentifier }),
	collect.Text("status", "available, creating, failed, ...", func(s types.Snapshot) *string { return s.Status }),
	collect.Bool("encrypted", "the snapshot is encrypted", func(s types.Snapshot) *bool { return s.Encrypted }),
	collect.Text("kms_key_id", "KMS key of the snapshot's encryption", func(s types.Snapshot) *string { return s.KmsKeyId }),
	collect.Computed("size_mb", model.Real, "total backup size, in MB", func(s types.Snapshot) any {
		if s.TotalBackupSizeInMegaBytes == nil {
			return nil
		}
		return *s.TotalBackupSizeInMegaBytes
	}),
	collect.Int("retention_days", "days the manual snapshot is kept; -1 keeps it until deleted", func(s types.Snapshot) *int32 { return s.ManualSnapshotRetentionPeriod }),
	collect.Computed("shared_with_accounts", model.JSON, "accounts allowed to restore the snapshot", func(s types.Snapshot) any {
		accounts := []string{}
		for _, a := range s.AccountsWithRestoreAccess {
			accounts = append(accounts, aws.ToString(a.AccountId))
		}
		return accounts
	}),
	collect.Text("node_type", "node type of the cluster it restores to", func(s types.Snapshot) *string { return s.NodeType }),
	collect.Timestamp("cluster_created", "creation time of the source cluster", func(s types.Snapshot) *time.Time { return s.ClusterCreateTime }),
}

func snapshots(ctx context.Context, t *collect.Task) error {
	p := redshift.NewDescribeClusterSnapshotsPaginator(client(t), &redshift.DescribeClusterSnapshotsInput{
		SnapshotType: aws.String("manual"), MaxRecords: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *redshift.DescribeClusterSnapshotsOutput) error {
		for _, s := range page.Snapshots {
			// The filter is asked for, and checked: emulators ignore it.
			if aws.ToString(s.SnapshotType) != "manual" {
				continue
			}
			id := aws.ToString(s.SnapshotIdentifier)
			cluster := aws.ToString(s.ClusterIdentifier)
			key := t.Key("cluster-snapshot", id)
			a := aws.ToString(s.SnapshotArn)
			if a == "" {
				a = arn(t, "snapshot:"+cluster+"/"+id)
			}
			t.Emit(&model.Resource{Key: key, Name: id, ARN: a, CreatedAt: model.Time(s.SnapshotCreateTime), Tags: tags(s.Tags), Details: snapshotFields.Details(s)})
			t.Relate(key, "created-from", t.Key("cluster", cluster))
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(s.KmsKeyId)))
		}
		return nil
	})
}
