// Package elasticache collects ElastiCache clusters, replication groups,
// serverless caches, subnet and parameter groups, users and user groups,
// snapshots and reserved nodes.
package elasticache

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/elasticache"
	"github.com/aws/aws-sdk-go-v2/service/elasticache/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the ElastiCache collector.
var Service = &collect.Service{
	Name:        "elasticache",
	Description: "ElastiCache (Redis, Valkey, Memcached) clusters, replication groups, serverless caches, subnet and parameter groups, users, user groups, snapshots, reserved nodes",
	Types: []collect.Type{
		{Name: "cluster", Description: "cache cluster, i.e. one node set (id = cache cluster id)", Fields: clusterFields.Declared(), Tags: collect.TagsBulk, Collect: clusters},
		{Name: "replication-group", Description: "Redis/Valkey replication group (id = replication group id)", Fields: replicationGroupFields.Declared(), Tags: collect.TagsBulk, Collect: replicationGroups},
		{Name: "subnet-group", Description: "cache subnet group (id = name)", Fields: subnetGroupFields.Declared(), Tags: collect.TagsBulk, Collect: subnetGroups},
		{Name: "user", Description: "Redis/Valkey ACL user (id = user id; the user default is in every region)", Fields: userFields.Declared(), Tags: collect.TagsBulk, Collect: users},
		{Name: "user-group", Description: "Redis/Valkey user group granting users access to caches (id = user group id)", Fields: userGroupFields.Declared(),
			Tags: collect.TagsBulk, Collect: userGroups},
		{Name: "parameter-group", Description: "cache parameter group (id = name; default.* groups are AWS's)", Fields: parameterGroupFields.Declared(),
			Tags: collect.TagsBulk, Collect: parameterGroups},
		{Name: "serverless-cache", Description: "ElastiCache Serverless cache (id = name)", Fields: serverlessCacheFields.Declared(), Tags: collect.TagsBulk, Collect: serverlessCaches},
		{Name: "snapshot", Description: "Redis/Valkey backup of a cluster or replication group, automated or manual (id = name)", Fields: snapshotFields.Declared(),
			Tags: collect.TagsBulk, Collect: snapshots},
		{Name: "reserved-cache-node", Description: "reserved cache node purchase (id = reservation id)", Fields: reservedNodeFields.Declared(),
			Tags: collect.TagsBulk, Collect: reservedNodes},
	},
	Calls: "each type: 1 paged describe + bulk tags (else per resource ListTagsForResource)",
	Relations: []collect.Relation{
		{From: "user-group", Kind: "includes", To: "elasticache/user"},
		{From: "user-group", Kind: "guards", To: "elasticache/replication-group"},
		{From: "serverless-cache", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "serverless-cache", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "serverless-cache", Kind: "encrypted-with", To: "kms/key"},
		{From: "serverless-cache", Kind: "uses", To: "elasticache/user-group"},
		{From: "snapshot", Kind: "snapshot-of", To: "elasticache/cluster"},
		{From: "snapshot", Kind: "snapshot-of", To: "elasticache/replication-group"},
		{From: "snapshot", Kind: "encrypted-with", To: "kms/key"},
		{From: "cluster", Kind: "in-subnet-group", To: "elasticache/subnet-group"},
		{From: "cluster", Kind: "member-of", To: "elasticache/replication-group"},
		{From: "cluster", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "replication-group", Kind: "encrypted-with", To: "kms/key"},
		{From: "subnet-group", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "subnet-group", Kind: "includes-subnet", To: "ec2/subnet"},
	},
}

// emitTagged adds each resource's tags (ElastiCache list APIs return none),
// then emits it.
func emitTagged(ctx context.Context, t *collect.Task, api *elasticache.Client, bulk *collect.BulkTags, rs []*model.Resource) {
	collect.ForEach(ctx, rs, func(ctx context.Context, r *model.Resource) {
		r.Tags = bulk.Of(ctx, r.ARN, "ListTagsForResource", func(ctx context.Context) (map[string]string, error) {
			out, err := api.ListTagsForResource(ctx, &elasticache.ListTagsForResourceInput{ResourceName: aws.String(r.ARN)})
			if err != nil {
				return nil, err
			}
			return collect.TagMap(out.TagList, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value }), nil
		})
		t.Emit(r)
	})
}

// tagFilter selects ElastiCache resources for BulkTags. It names the whole
// service: the type names AWS documents (cluster, replicationgroup,
// subnetgroup) are not the ones every implementation accepts.
const tagFilter = "elasticache"

var clusterFields = collect.Fields[types.CacheCluster]{
	collect.Text("engine", "redis, valkey or memcached", func(c types.CacheCluster) *string { return c.Engine }),
	collect.Text("engine_version", "engine version", func(c types.CacheCluster) *string { return c.EngineVersion }),
	collect.Text("node_type", "cache node type, e.g. cache.t3.micro", func(c types.CacheCluster) *string { return c.CacheNodeType }),
	collect.Computed("num_nodes", model.Integer, "number of cache nodes", func(c types.CacheCluster) any { return aws.ToInt32(c.NumCacheNodes) }),
	collect.Text("status", "available, creating, modifying, deleting...", func(c types.CacheCluster) *string { return c.CacheClusterStatus }),
	collect.Bool("at_rest_encryption", "data at rest is encrypted", func(c types.CacheCluster) *bool { return c.AtRestEncryptionEnabled }),
	collect.Bool("transit_encryption", "in-transit encryption (TLS) is enabled", func(c types.CacheCluster) *bool { return c.TransitEncryptionEnabled }),
	collect.Bool("auth_token_enabled", "clients must present an AUTH token", func(c types.CacheCluster) *bool { return c.AuthTokenEnabled }),
	collect.Text("subnet_group", "cache subnet group name", func(c types.CacheCluster) *string { return c.CacheSubnetGroupName }),
	collect.Computed("security_group_ids", model.JSON, "VPC security groups", func(c types.CacheCluster) any { return securityGroupIDs(c) }),
	collect.Text("replication_group_id", "replication group the cluster belongs to", func(c types.CacheCluster) *string { return c.ReplicationGroupId }),
	collect.Computed("snapshot_retention", model.Integer, "days automatic snapshots are kept (0 = none)", func(c types.CacheCluster) any { return aws.ToInt32(c.SnapshotRetentionLimit) }),
	collect.Text("availability_zone", "preferred availability zone", func(c types.CacheCluster) *string { return c.PreferredAvailabilityZone }),
	collect.Bool("auto_minor_version_upgrade", "minor engine upgrades are applied automatically", func(c types.CacheCluster) *bool { return c.AutoMinorVersionUpgrade }),
}

// securityGroupIDs are the cluster's VPC security groups, nil (stored as
// null) when it has none.
func securityGroupIDs(c types.CacheCluster) []string {
	var sgs []string
	for _, sg := range c.SecurityGroups {
		sgs = append(sgs, aws.ToString(sg.SecurityGroupId))
	}
	return sgs
}

func clusters(ctx context.Context, t *collect.Task) error {
	return describeTagged(ctx, t, func(api *elasticache.Client) collect.Pager[elasticache.Options, elasticache.DescribeCacheClustersOutput] {
		return elasticache.NewDescribeCacheClustersPaginator(api, &elasticache.DescribeCacheClustersInput{MaxRecords: t.PageSize(100)})
	}, func(page *elasticache.DescribeCacheClustersOutput) []types.CacheCluster { return page.CacheClusters },
		func(c types.CacheCluster) *model.Resource { return cluster(t, c) })
}

func cluster(t *collect.Task, c types.CacheCluster) *model.Resource {
	id := aws.ToString(c.CacheClusterId)
	subnetGroup, group := aws.ToString(c.CacheSubnetGroupName), aws.ToString(c.ReplicationGroupId)
	key := t.Key("cluster", id)
	for _, sg := range securityGroupIDs(c) {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	t.Relate(key, "in-subnet-group", t.Key("subnet-group", subnetGroup))
	t.Relate(key, "member-of", t.Key("replication-group", group))
	return &model.Resource{
		Key:       key,
		ARN:       aws.ToString(c.ARN),
		Name:      id,
		CreatedAt: model.Time(c.CacheClusterCreateTime),
		Details:   clusterFields.Details(c),
	}
}

var replicationGroupFields = collect.Fields[types.ReplicationGroup]{
	collect.Text("description", "replication group description", func(g types.ReplicationGroup) *string { return g.Description }),
	collect.Text("engine", "redis or valkey", func(g types.ReplicationGroup) *string { return g.Engine }),
	collect.Text("status", "available, creating, modifying, deleting...", func(g types.ReplicationGroup) *string { return g.Status }),
	collect.Text("node_type", "cache node type", func(g types.ReplicationGroup) *string { return g.CacheNodeType }),
	collect.Computed("member_clusters", model.JSON, "cache cluster ids of the group", func(g types.ReplicationGroup) any { return g.MemberClusters }),
	collect.Computed("node_groups", model.Integer, "number of shards (node groups)", func(g types.ReplicationGroup) any { return len(g.NodeGroups) }),
	collect.Bool("cluster_enabled", "cluster mode (sharding) is enabled", func(g types.ReplicationGroup) *bool { return g.ClusterEnabled }),
	collect.Enum("automatic_failover", "enabled, disabled, enabling, disabling", func(g types.ReplicationGroup) types.AutomaticFailoverStatus { return g.AutomaticFailover }),
	collect.Enum("multi_az", "enabled or disabled", func(g types.ReplicationGroup) types.MultiAZStatus { return g.MultiAZ }),
	collect.Bool("at_rest_encryption", "data at rest is encrypted", func(g types.ReplicationGroup) *bool { return g.AtRestEncryptionEnabled }),
	collect.Bool("transit_encryption", "in-transit encryption (TLS) is enabled", func(g types.ReplicationGroup) *bool { return g.TransitEncryptionEnabled }),
	collect.Bool("auth_token_enabled", "clients must present an AUTH token", func(g types.ReplicationGroup) *bool { return g.AuthTokenEnabled }),
	collect.Text("kms_key_id", "KMS key for at-rest encryption, when customer managed", func(g types.ReplicationGroup) *string { return g.KmsKeyId }),
	collect.Computed("snapshot_retention", model.Integer, "days automatic snapshots are kept (0 = none)", func(g types.ReplicationGroup) any { return aws.ToInt32(g.SnapshotRetentionLimit) }),
}

func replicationGroups(ctx context.Context, t *collect.Task) error {
	return describeTagged(ctx, t, func(api *elasticache.Client) collect.Pager[elasticache.Options, elasticache.DescribeReplicationGroupsOutput] {
		return elasticache.NewDescribeReplicationGroupsPaginator(api, &elasticache.DescribeReplicationGroupsInput{MaxRecords: t.PageSize(100)})
	}, func(page *elasticache.DescribeReplicationGroupsOutput) []types.ReplicationGroup {
		return page.ReplicationGroups
	},
		func(g types.ReplicationGroup) *model.Resource { return replicationGroup(t, g) })
}

func replicationGroup(t *collect.Task, g types.ReplicationGroup) *model.Resource {
	id := aws.ToString(g.ReplicationGroupId)
	kms := aws.ToString(g.KmsKeyId)
	key := t.Key("replication-group", id)
	if kms != "" {
		t.Relate(key, "encrypted-with", t.KMSKey(kms))
	}
	return &model.Resource{
		Key:       key,
		ARN:       aws.ToString(g.ARN),
		Name:      id,
		CreatedAt: model.Time(g.ReplicationGroupCreateTime),
		Details:   replicationGroupFields.Details(g),
	}
}

var subnetGroupFields = collect.Fields[types.CacheSubnetGroup]{
	collect.Text("description", "subnet group description", func(g types.CacheSubnetGroup) *string { return g.CacheSubnetGroupDescription }),
	collect.Text("vpc_id", "VPC of the subnets", func(g types.CacheSubnetGroup) *string { return g.VpcId }),
	collect.Computed("subnet_ids", model.JSON, "subnets in the group", func(g types.CacheSubnetGroup) any { return subnetIDs(g) }),
}

// subnetIDs are the group's subnets, nil (stored as null) when it has none.
func subnetIDs(g types.CacheSubnetGroup) []string {
	var subnets []string
	for _, s := range g.Subnets {
		subnets = append(subnets, aws.ToString(s.SubnetIdentifier))
	}
	return subnets
}

func subnetGroups(ctx context.Context, t *collect.Task) error {
	return describeTagged(ctx, t, func(api *elasticache.Client) collect.Pager[elasticache.Options, elasticache.DescribeCacheSubnetGroupsOutput] {
		return elasticache.NewDescribeCacheSubnetGroupsPaginator(api, &elasticache.DescribeCacheSubnetGroupsInput{MaxRecords: t.PageSize(100)})
	}, func(page *elasticache.DescribeCacheSubnetGroupsOutput) []types.CacheSubnetGroup {
		return page.CacheSubnetGroups
	},
		func(g types.CacheSubnetGroup) *model.Resource { return subnetGroup(t, g) })
}

func subnetGroup(t *collect.Task, g types.CacheSubnetGroup) *model.Resource {
	name := aws.ToString(g.CacheSubnetGroupName)
	vpc := aws.ToString(g.VpcId)
	key := t.Key("subnet-group", name)
	for _, s := range subnetIDs(g) {
		t.Relate(key, "includes-subnet", t.Ref("ec2", "subnet", s))
	}
	t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", vpc))
	return &model.Resource{
		Key:  key,
		ARN:  aws.ToString(g.ARN),
		Name: name,
		// The "default" group exists in every region until it is used.
		IsDefault: name == "default",
		Details:   subnetGroupFields.Details(g),
	}
}
