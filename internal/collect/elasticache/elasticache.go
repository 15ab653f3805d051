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
		{Name: "cluster", Description: "cache cluster, i.e. one node set (id = cache cluster id)", Fields: clusterFields, Tags: collect.TagsBulk, Collect: clusters},
		{Name: "replication-group", Description: "Redis/Valkey replication group (id = replication group id)", Fields: replicationGroupFields, Tags: collect.TagsBulk, Collect: replicationGroups},
		{Name: "subnet-group", Description: "cache subnet group (id = name)", Fields: subnetGroupFields, Tags: collect.TagsBulk, Collect: subnetGroups},
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

var clusterFields = []model.Field{
	{Name: "engine", Type: "text", Description: "redis, valkey or memcached"},
	{Name: "engine_version", Type: "text", Description: "engine version"},
	{Name: "node_type", Type: "text", Description: "cache node type, e.g. cache.t3.micro"},
	{Name: "num_nodes", Type: "integer", Description: "number of cache nodes"},
	{Name: "status", Type: "text", Description: "available, creating, modifying, deleting..."},
	{Name: "at_rest_encryption", Type: "boolean", Description: "data at rest is encrypted"},
	{Name: "transit_encryption", Type: "boolean", Description: "in-transit encryption (TLS) is enabled"},
	{Name: "auth_token_enabled", Type: "boolean", Description: "clients must present an AUTH token"},
	{Name: "subnet_group", Type: "text", Description: "cache subnet group name"},
	{Name: "security_group_ids", Type: "json", Description: "VPC security groups"},
	{Name: "replication_group_id", Type: "text", Description: "replication group the cluster belongs to"},
	{Name: "snapshot_retention", Type: "integer", Description: "days automatic snapshots are kept (0 = none)"},
	{Name: "availability_zone", Type: "text", Description: "preferred availability zone"},
	{Name: "auto_minor_version_upgrade", Type: "boolean", Description: "minor engine upgrades are applied automatically"},
}

func clusters(ctx context.Context, t *collect.Task) error {
	return describeTagged(ctx, t, func(api *elasticache.Client) collect.Pager[elasticache.Options, elasticache.DescribeCacheClustersOutput] {
		return elasticache.NewDescribeCacheClustersPaginator(api, &elasticache.DescribeCacheClustersInput{MaxRecords: t.PageSize(100)})
	}, func(page *elasticache.DescribeCacheClustersOutput) []types.CacheCluster { return page.CacheClusters },
		func(c types.CacheCluster) *model.Resource { return cluster(t, c) })
}

func cluster(t *collect.Task, c types.CacheCluster) *model.Resource {
	id := aws.ToString(c.CacheClusterId)
	var sgs []string
	for _, sg := range c.SecurityGroups {
		sgs = append(sgs, aws.ToString(sg.SecurityGroupId))
	}
	subnetGroup, group := aws.ToString(c.CacheSubnetGroupName), aws.ToString(c.ReplicationGroupId)
	key := t.Key("cluster", id)
	for _, sg := range sgs {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	t.Relate(key, "in-subnet-group", t.Key("subnet-group", subnetGroup))
	t.Relate(key, "member-of", t.Key("replication-group", group))
	return &model.Resource{
		Key:       key,
		ARN:       aws.ToString(c.ARN),
		Name:      id,
		CreatedAt: model.Time(c.CacheClusterCreateTime),
		Details: map[string]any{
			"engine":                     aws.ToString(c.Engine),
			"engine_version":             aws.ToString(c.EngineVersion),
			"node_type":                  aws.ToString(c.CacheNodeType),
			"num_nodes":                  aws.ToInt32(c.NumCacheNodes),
			"status":                     aws.ToString(c.CacheClusterStatus),
			"at_rest_encryption":         aws.ToBool(c.AtRestEncryptionEnabled),
			"transit_encryption":         aws.ToBool(c.TransitEncryptionEnabled),
			"auth_token_enabled":         aws.ToBool(c.AuthTokenEnabled),
			"subnet_group":               subnetGroup,
			"security_group_ids":         sgs,
			"replication_group_id":       group,
			"snapshot_retention":         aws.ToInt32(c.SnapshotRetentionLimit),
			"availability_zone":          aws.ToString(c.PreferredAvailabilityZone),
			"auto_minor_version_upgrade": aws.ToBool(c.AutoMinorVersionUpgrade),
		},
	}
}

var replicationGroupFields = []model.Field{
	{Name: "description", Type: "text", Description: "replication group description"},
	{Name: "engine", Type: "text", Description: "redis or valkey"},
	{Name: "status", Type: "text", Description: "available, creating, modifying, deleting..."},
	{Name: "node_type", Type: "text", Description: "cache node type"},
	{Name: "member_clusters", Type: "json", Description: "cache cluster ids of the group"},
	{Name: "node_groups", Type: "integer", Description: "number of shards (node groups)"},
	{Name: "cluster_enabled", Type: "boolean", Description: "cluster mode (sharding) is enabled"},
	{Name: "automatic_failover", Type: "text", Description: "enabled, disabled, enabling, disabling"},
	{Name: "multi_az", Type: "text", Description: "enabled or disabled"},
	{Name: "at_rest_encryption", Type: "boolean", Description: "data at rest is encrypted"},
	{Name: "transit_encryption", Type: "boolean", Description: "in-transit encryption (TLS) is enabled"},
	{Name: "auth_token_enabled", Type: "boolean", Description: "clients must present an AUTH token"},
	{Name: "kms_key_id", Type: "text", Description: "KMS key for at-rest encryption, when customer managed"},
	{Name: "snapshot_retention", Type: "integer", Description: "days automatic snapshots are kept (0 = none)"},
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
		Details: map[string]any{
			"description":        aws.ToString(g.Description),
			"engine":             aws.ToString(g.Engine),
			"status":             aws.ToString(g.Status),
			"node_type":          aws.ToString(g.CacheNodeType),
			"member_clusters":    g.MemberClusters,
			"node_groups":        len(g.NodeGroups),
			"cluster_enabled":    aws.ToBool(g.ClusterEnabled),
			"automatic_failover": string(g.AutomaticFailover),
			"multi_az":           string(g.MultiAZ),
			"at_rest_encryption": aws.ToBool(g.AtRestEncryptionEnabled),
			"transit_encryption": aws.ToBool(g.TransitEncryptionEnabled),
			"auth_token_enabled": aws.ToBool(g.AuthTokenEnabled),
			"kms_key_id":         kms,
			"snapshot_retention": aws.ToInt32(g.SnapshotRetentionLimit),
		},
	}
}

var subnetGroupFields = []model.Field{
	{Name: "description", Type: "text", Description: "subnet group description"},
	{Name: "vpc_id", Type: "text", Description: "VPC of the subnets"},
	{Name: "subnet_ids", Type: "json", Description: "subnets in the group"},
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
	var subnets []string
	for _, s := range g.Subnets {
		subnets = append(subnets, aws.ToString(s.SubnetIdentifier))
	}
	vpc := aws.ToString(g.VpcId)
	key := t.Key("subnet-group", name)
	for _, s := range subnets {
		t.Relate(key, "includes-subnet", t.Ref("ec2", "subnet", s))
	}
	t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", vpc))
	return &model.Resource{
		Key:  key,
		ARN:  aws.ToString(g.ARN),
		Name: name,
		// The "default" group exists in every region until it is used.
		IsDefault: name == "default",
		Details: map[string]any{
			"description": aws.ToString(g.CacheSubnetGroupDescription),
			"vpc_id":      vpc,
			"subnet_ids":  subnets,
		},
	}
}
