package elasticache

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/elasticache"
	"github.com/aws/aws-sdk-go-v2/service/elasticache/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// describeTagged pages through one of ElastiCache's Describe calls, builds
// a resource per item and emits them with their tags: the shape of every
// ElastiCache type.
func describeTagged[Out, T any](ctx context.Context, t *collect.Task, pager func(api *elasticache.Client) collect.Pager[elasticache.Options, Out],
	items func(*Out) []T, build func(T) *model.Resource) error {
	api := elasticache.NewFromConfig(t.Config)
	bulk := collect.NewBulkTags(t, tagFilter)
	return collect.EachPage(ctx, pager(api), func(page *Out) error {
		rs := make([]*model.Resource, 0, len(items(page)))
		for _, it := range items(page) {
			rs = append(rs, build(it))
		}
		emitTagged(ctx, t, api, bulk, rs)
		return nil
	})
}

var userFields = collect.Fields[types.User]{
	collect.Text("user_name", "name the user authenticates with", func(u types.User) *string { return u.UserName }),
	collect.Text("engine", "redis or valkey", func(u types.User) *string { return u.Engine }),
	collect.Text("status", "active, modifying or deleting", func(u types.User) *string { return u.Status }),
	collect.Text("access_string", "ACL rules of the user: keys and commands allowed", func(u types.User) *string { return u.AccessString }),
	collect.Enum("authentication_type", "password, no-password (anyone may connect as the user) or iam", func(u types.User) types.AuthenticationType {
		if u.Authentication == nil {
			return ""
		}
		return u.Authentication.Type
	}),
	collect.Int("password_count", "passwords set (they are never read)", func(u types.User) *int32 {
		if u.Authentication == nil {
			return nil
		}
		return u.Authentication.PasswordCount
	}),
	collect.Computed("user_group_ids", model.JSON, "user groups the user belongs to", func(u types.User) any { return nonNil(u.UserGroupIds) }),
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

func users(ctx context.Context, t *collect.Task) error {
	return describeTagged(ctx, t, func(api *elasticache.Client) collect.Pager[elasticache.Options, elasticache.DescribeUsersOutput] {
		return elasticache.NewDescribeUsersPaginator(api, &elasticache.DescribeUsersInput{MaxRecords: t.PageSize(100)})
	}, func(page *elasticache.DescribeUsersOutput) []types.User { return page.Users }, func(u types.User) *model.Resource {
		id := aws.ToString(u.UserId)
		// Every region has the user "default", which no one created.
		return &model.Resource{Key: t.Key("user", id), ARN: aws.ToString(u.ARN), Name: aws.ToString(u.UserName), IsDefault: id == "default", Details: userFields.Details(u)}
	})
}

var userGroupFields = collect.Fields[types.UserGroup]{
	collect.Text("engine", "redis or valkey", func(g types.UserGroup) *string { return g.Engine }),
	collect.Text("status", "active, creating, modifying or deleting", func(g types.UserGroup) *string { return g.Status }),
	collect.Computed("user_ids", model.JSON, "users of the group", func(g types.UserGroup) any { return nonNil(g.UserIds) }),
	collect.Computed("replication_groups", model.JSON, "replication groups using the group for access control", func(g types.UserGroup) any { return nonNil(g.ReplicationGroups) }),
	collect.Computed("serverless_caches", model.JSON, "serverless caches using the group for access control", func(g types.UserGroup) any { return nonNil(g.ServerlessCaches) }),
}

func userGroups(ctx context.Context, t *collect.Task) error {
	return describeTagged(ctx, t, func(api *elasticache.Client) collect.Pager[elasticache.Options, elasticache.DescribeUserGroupsOutput] {
		return elasticache.NewDescribeUserGroupsPaginator(api, &elasticache.DescribeUserGroupsInput{MaxRecords: t.PageSize(100)})
	}, func(page *elasticache.DescribeUserGroupsOutput) []types.UserGroup { return page.UserGroups }, func(g types.UserGroup) *model.Resource {
		key := t.Key("user-group", aws.ToString(g.UserGroupId))
		for _, u := range g.UserIds {
			t.Relate(key, "includes", t.Key("user", u))
		}
		for _, rg := range g.ReplicationGroups {
			t.Relate(key, "guards", t.Key("replication-group", rg))
		}
		return &model.Resource{Key: key, ARN: aws.ToString(g.ARN), Name: aws.ToString(g.UserGroupId), Details: userGroupFields.Details(g)}
	})
}

var parameterGroupFields = collect.Fields[types.CacheParameterGroup]{
	collect.Text("family", "engine family, e.g. redis7", func(g types.CacheParameterGroup) *string { return g.CacheParameterGroupFamily }),
	collect.Text("description", "description of the group", func(g types.CacheParameterGroup) *string { return g.Description }),
	collect.Bool("is_global", "belongs to a global datastore", func(g types.CacheParameterGroup) *bool { return g.IsGlobal }),
}

func parameterGroups(ctx context.Context, t *collect.Task) error {
	return describeTagged(ctx, t, func(api *elasticache.Client) collect.Pager[elasticache.Options, elasticache.DescribeCacheParameterGroupsOutput] {
		return elasticache.NewDescribeCacheParameterGroupsPaginator(api, &elasticache.DescribeCacheParameterGroupsInput{MaxRecords: t.PageSize(100)})
	}, func(page *elasticache.DescribeCacheParameterGroupsOutput) []types.CacheParameterGroup {
		return page.CacheParameterGroups
	},
		func(g types.CacheParameterGroup) *model.Resource {
			name := aws.ToString(g.CacheParameterGroupName)
			return &model.Resource{Key: t.Key("parameter-group", name), ARN: aws.ToString(g.ARN), Name: name, IsDefault: strings.HasPrefix(name, "default."),
				Details: parameterGroupFields.Details(g)}
		})
}

var serverlessCacheFields = collect.Fields[types.ServerlessCache]{
	collect.Text("engine", "redis, valkey or memcached", func(c types.ServerlessCache) *string { return c.Engine }),
	collect.Text("engine_version", "full engine version", func(c types.ServerlessCache) *string { return c.FullEngineVersion }),
	collect.Text("status", "available, creating, modifying, deleting or create-failed", func(c types.ServerlessCache) *string { return c.Status }),
	collect.Text("kms_key_id", "customer managed KMS key encrypting the data; empty for the AWS owned key", func(c types.ServerlessCache) *string { return c.KmsKeyId }),
	collect.Computed("security_group_ids", model.JSON, "VPC security groups", func(c types.ServerlessCache) any { return nonNil(c.SecurityGroupIds) }),
	collect.Computed("subnet_ids", model.JSON, "subnets of the endpoints", func(c types.ServerlessCache) any { return nonNil(c.SubnetIds) }),
	collect.Text("user_group_id", "user group controlling access (Redis, Valkey)", func(c types.ServerlessCache) *string { return c.UserGroupId }),
	collect.Int("snapshot_retention", "days automatic snapshots are kept (0 = none)", func(c types.ServerlessCache) *int32 { return c.SnapshotRetentionLimit }),
	collect.Int("max_data_storage", "most data stored, in max_data_storage_unit (0 = no limit)", func(c types.ServerlessCache) *int32 {
		if c.CacheUsageLimits == nil || c.CacheUsageLimits.DataStorage == nil {
			return nil
		}
		return c.CacheUsageLimits.DataStorage.Maximum
	}),
	collect.Enum("max_data_storage_unit", "unit of max_data_storage (GB)", func(c types.ServerlessCache) types.DataStorageUnit {
		if c.CacheUsageLimits == nil || c.CacheUsageLimits.DataStorage == nil {
			return ""
		}
		return c.CacheUsageLimits.DataStorage.Unit
	}),
	collect.Int("max_ecpu_per_second", "most ElastiCache processing units a second (0 = no limit)", func(c types.ServerlessCache) *int32 {
		if c.CacheUsageLimits == nil || c.CacheUsageLimits.ECPUPerSecond == nil {
			return nil
		}
		return c.CacheUsageLimits.ECPUPerSecond.Maximum
	}),
	collect.Text("endpoint", "address clients connect to", func(c types.ServerlessCache) *string {
		if c.Endpoint == nil {
			return nil
		}
		return c.Endpoint.Address
	}),
}

func serverlessCaches(ctx context.Context, t *collect.Task) error {
	return describeTagged(ctx, t, func(api *elasticache.Client) collect.Pager[elasticache.Options, elasticache.DescribeServerlessCachesOutput] {
		return elasticache.NewDescribeServerlessCachesPaginator(api, &elasticache.DescribeServerlessCachesInput{MaxResults: t.PageSize(100)})
	}, func(page *elasticache.DescribeServerlessCachesOutput) []types.ServerlessCache {
		return page.ServerlessCaches
	}, func(c types.ServerlessCache) *model.Resource {
		name := aws.ToString(c.ServerlessCacheName)
		key := t.Key("serverless-cache", name)
		for _, sg := range c.SecurityGroupIds {
			t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
		}
		for _, s := range c.SubnetIds {
			t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
		}
		t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(c.KmsKeyId)))
		t.Relate(key, "uses", t.Key("user-group", aws.ToString(c.UserGroupId)))
		return &model.Resource{Key: key, ARN: aws.ToString(c.ARN), Name: name, CreatedAt: model.Time(c.CreateTime), Details: serverlessCacheFields.Details(c)}
	})
}

var snapshotFields = collect.Fields[types.Snapshot]{
	collect.Text("source", "automated or manual", func(s types.Snapshot) *string { return s.SnapshotSource }),
	collect.Text("status", "creating, available, restoring, copying or deleting", func(s types.Snapshot) *string { return s.SnapshotStatus }),
	collect.Text("cache_cluster_id", "cluster the snapshot was taken of", func(s types.Snapshot) *string { return s.CacheClusterId }),
	collect.Text("replication_group_id", "replication group the snapshot was taken of", func(s types.Snapshot) *string { return s.ReplicationGroupId }),
	collect.Text("engine", "redis or valkey", func(s types.Snapshot) *string { return s.Engine }),
	collect.Text("engine_version", "engine version of the source", func(s types.Snapshot) *string { return s.EngineVersion }),
	collect.Text("node_type", "cache node type of the source", func(s types.Snapshot) *string { return s.CacheNodeType }),
	collect.Int("node_groups", "shards in the snapshot", func(s types.Snapshot) *int32 { return s.NumNodeGroups }),
	collect.Text("kms_key_id", "customer managed KMS key encrypting the snapshot", func(s types.Snapshot) *string { return s.KmsKeyId }),
	collect.Int("retention_days", "days an automated snapshot is kept", func(s types.Snapshot) *int32 { return s.SnapshotRetentionLimit }),
}

// snapshotCreated is when the snapshot was taken: its first node's snapshot time.
func snapshotCreated(s types.Snapshot) *time.Time {
	for _, n := range s.NodeSnapshots {
		if n.SnapshotCreateTime != nil {
			return n.SnapshotCreateTime
		}
	}
	return nil
}

func snapshots(ctx context.Context, t *collect.Task) error {
	return describeTagged(ctx, t, func(api *elasticache.Client) collect.Pager[elasticache.Options, elasticache.DescribeSnapshotsOutput] {
		return elasticache.NewDescribeSnapshotsPaginator(api, &elasticache.DescribeSnapshotsInput{MaxRecords: t.PageSize(50)})
	}, func(page *elasticache.DescribeSnapshotsOutput) []types.Snapshot { return page.Snapshots }, func(s types.Snapshot) *model.Resource {
		name := aws.ToString(s.SnapshotName)
		key := t.Key("snapshot", name)
		t.Relate(key, "snapshot-of", t.Key("cluster", aws.ToString(s.CacheClusterId)))
		t.Relate(key, "snapshot-of", t.Key("replication-group", aws.ToString(s.ReplicationGroupId)))
		t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(s.KmsKeyId)))
		return &model.Resource{Key: key, ARN: aws.ToString(s.ARN), Name: name, CreatedAt: model.Time(snapshotCreated(s)), Details: snapshotFields.Details(s)}
	})
}

var reservedNodeFields = collect.Fields[types.ReservedCacheNode]{
	collect.Text("node_type", "cache node type reserved", func(r types.ReservedCacheNode) *string { return r.CacheNodeType }),
	collect.Int("node_count", "nodes reserved", func(r types.ReservedCacheNode) *int32 { return r.CacheNodeCount }),
	collect.Text("state", "payment-pending, active or retired", func(r types.ReservedCacheNode) *string { return r.State }),
	collect.Int("duration_seconds", "term of the reservation", func(r types.ReservedCacheNode) *int32 { return r.Duration }),
	collect.Text("offering_type", "No Upfront, Partial Upfront or All Upfront", func(r types.ReservedCacheNode) *string { return r.OfferingType }),
	collect.Text("product_description", "engine the reservation applies to", func(r types.ReservedCacheNode) *string { return r.ProductDescription }),
	collect.Computed("fixed_price", model.Real, "upfront price paid", func(r types.ReservedCacheNode) any { return aws.ToFloat64(r.FixedPrice) }),
	collect.Computed("usage_price", model.Real, "hourly price charged", func(r types.ReservedCacheNode) any { return aws.ToFloat64(r.UsagePrice) }),
}

func reservedNodes(ctx context.Context, t *collect.Task) error {
	return describeTagged(ctx, t, func(api *elasticache.Client) collect.Pager[elasticache.Options, elasticache.DescribeReservedCacheNodesOutput] {
		return elasticache.NewDescribeReservedCacheNodesPaginator(api, &elasticache.DescribeReservedCacheNodesInput{MaxRecords: t.PageSize(100)})
	}, func(page *elasticache.DescribeReservedCacheNodesOutput) []types.ReservedCacheNode {
		return page.ReservedCacheNodes
	}, func(r types.ReservedCacheNode) *model.Resource {
		id := aws.ToString(r.ReservedCacheNodeId)
		return &model.Resource{Key: t.Key("reserved-cache-node", id), ARN: aws.ToString(r.ReservationARN), Name: id, CreatedAt: model.Time(r.StartTime), Details: reservedNodeFields.Details(r)}
	})
}
