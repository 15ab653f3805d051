package rds

import (
	"context"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Family is the set of engines one service's instances, clusters and
// cluster snapshots are collected for. The RDS API serves Amazon
// DocumentDB and Amazon Neptune too (same endpoint, same rds: IAM
// actions, and Describe* return their databases among RDS's): each
// database has one owner, the docdb or neptune service for their engine
// and rds for every other engine.
type Family struct {
	Service string // the awsmap service the types belong to
	// Engine selects the family's databases with an engine filter; ""
	// (RDS) takes every engine no other family owns.
	Engine                             string
	Instance, Cluster, ClusterSnapshot string // type names
}

// ownedElsewhere are the engines of the services that share the RDS API.
var ownedElsewhere = []string{"docdb", "neptune"}

// rdsFamily is RDS's own databases.
var rdsFamily = Family{Service: "rds", Instance: "db-instance", Cluster: "db-cluster", ClusterSnapshot: "db-cluster-snapshot"}

// filters is the engine filter of the family's Describe* calls.
func (f Family) filters() []types.Filter {
	if f.Engine == "" {
		return nil
	}
	return []types.Filter{{Name: aws.String("engine"), Values: []string{f.Engine}}}
}

// owns reports whether a database of engine belongs to the family.
func (f Family) owns(engine *string) bool {
	if f.Engine != "" {
		return aws.ToString(engine) == f.Engine
	}
	return !slices.Contains(ownedElsewhere, aws.ToString(engine))
}

// Relations are the relationships the family's types record.
func (f Family) Relations() []collect.Relation {
	return []collect.Relation{
		{From: f.Cluster, Kind: "encrypted-with", To: "kms/key"},
		{From: f.Cluster, Kind: "in-subnet-group", To: "rds/db-subnet-group"},
		{From: f.Cluster, Kind: "uses-security-group", To: "ec2/security-group"},
		{From: f.Instance, Kind: "encrypted-with", To: "kms/key"},
		{From: f.Instance, Kind: "in-subnet-group", To: "rds/db-subnet-group"},
		{From: f.Instance, Kind: "member-of", To: f.Service + "/" + f.Cluster},
		{From: f.Instance, Kind: "uses-security-group", To: "ec2/security-group"},
		{From: f.ClusterSnapshot, Kind: "created-from", To: f.Service + "/" + f.Cluster},
		{From: f.ClusterSnapshot, Kind: "encrypted-with", To: "kms/key"},
	}
}

// InstanceType is the family's database instance type.
func (f Family) InstanceType(description string) collect.Type {
	return collect.Type{Name: f.Instance, Description: description, Fields: instanceFields.Declared(), Tags: collect.TagsListed,
		Collect: func(ctx context.Context, t *collect.Task) error {
			p := rds.NewDescribeDBInstancesPaginator(client(t), &rds.DescribeDBInstancesInput{Filters: f.filters(), MaxRecords: t.PageSize(maxRecords)})
			return collect.EachPage(ctx, p, func(page *rds.DescribeDBInstancesOutput) error {
				for _, db := range page.DBInstances {
					if f.owns(db.Engine) {
						f.emitInstance(t, db)
					}
				}
				return nil
			})
		}}
}

// ClusterType is the family's database cluster type.
func (f Family) ClusterType(description string) collect.Type {
	return collect.Type{Name: f.Cluster, Description: description, Fields: clusterFields.Declared(), Tags: collect.TagsListed,
		Collect: func(ctx context.Context, t *collect.Task) error {
			p := rds.NewDescribeDBClustersPaginator(client(t), &rds.DescribeDBClustersInput{Filters: f.filters(), MaxRecords: t.PageSize(maxRecords)})
			return collect.EachPage(ctx, p, func(page *rds.DescribeDBClustersOutput) error {
				for _, c := range page.DBClusters {
					if f.owns(c.Engine) {
						f.emitCluster(t, c)
					}
				}
				return nil
			})
		}}
}

// instanceStatuses are the DB instance statuses AWS documents (the SDK
// types them as plain strings): "Viewing Amazon RDS DB instance status".
var instanceStatuses = []string{"available", "backing-up", "backtracking", "configuring-enhanced-monitoring",
	"configuring-iam-database-auth", "configuring-log-exports", "converting-to-vpc", "creating", "delete-precheck",
	"deleting", "failed", "inaccessible-encryption-credentials", "inaccessible-encryption-credentials-recoverable",
	"incompatible-network", "incompatible-option-group", "incompatible-parameters", "incompatible-restore",
	"insufficient-capacity", "maintenance", "modifying", "moving-to-vpc", "rebooting", "resetting-master-credentials",
	"renaming", "restore-error", "starting", "stopped", "stopping", "storage-config-upgrade", "storage-full",
	"storage-optimization", "upgrading"}

// withValues declares the values of a text field the SDK types as a plain string.
func withValues[T any](f collect.Field[T], values []string) collect.Field[T] {
	f.Values = values
	return f
}

func securityGroupIDs(gs []types.VpcSecurityGroupMembership) []string {
	out := []string{}
	for _, g := range gs {
		out = append(out, aws.ToString(g.VpcSecurityGroupId))
	}
	return out
}

func instanceSubnetGroup(db types.DBInstance) types.DBSubnetGroup {
	if db.DBSubnetGroup == nil {
		return types.DBSubnetGroup{}
	}
	return *db.DBSubnetGroup
}

func instanceEndpoint(db types.DBInstance) types.Endpoint {
	if db.Endpoint == nil {
		return types.Endpoint{}
	}
	return *db.Endpoint
}

var instanceFields = collect.Fields[types.DBInstance]{
	collect.Text("engine", "database engine, e.g. postgres, mysql, aurora-mysql, docdb, neptune", func(db types.DBInstance) *string { return db.Engine }),
	collect.Text("engine_version", "engine version", func(db types.DBInstance) *string { return db.EngineVersion }),
	collect.Text("instance_class", "instance class, e.g. db.t3.micro", func(db types.DBInstance) *string { return db.DBInstanceClass }),
	collect.Int("allocated_storage_gb", "allocated storage in GiB", func(db types.DBInstance) *int32 { return db.AllocatedStorage }),
	collect.Text("storage_type", "gp2, gp3, io1, standard, aurora...", func(db types.DBInstance) *string { return db.StorageType }),
	collect.Bool("storage_encrypted", "storage is encrypted at rest", func(db types.DBInstance) *bool { return db.StorageEncrypted }),
	collect.Text("kms_key_id", "ARN of the KMS key encrypting the storage", func(db types.DBInstance) *string { return db.KmsKeyId }),
	collect.Bool("publicly_accessible", "endpoint resolves to a public address", func(db types.DBInstance) *bool { return db.PubliclyAccessible }),
	collect.Bool("multi_az", "Multi-AZ deployment", func(db types.DBInstance) *bool { return db.MultiAZ }),
	collect.Int("backup_retention_days", "automated backup retention in days (0 = disabled)", func(db types.DBInstance) *int32 { return db.BackupRetentionPeriod }),
	collect.Bool("deletion_protection", "deletion protection enabled", func(db types.DBInstance) *bool { return db.DeletionProtection }),
	collect.Computed("endpoint_address", model.Text, "DNS name of the endpoint", func(db types.DBInstance) any { return aws.ToString(instanceEndpoint(db).Address) }),
	collect.Computed("endpoint_port", model.Integer, "port of the endpoint", func(db types.DBInstance) any { return int64(aws.ToInt32(instanceEndpoint(db).Port)) }),
	withValues(collect.Text("status", "available, stopped, creating, ...", func(db types.DBInstance) *string { return db.DBInstanceStatus }), instanceStatuses),
	collect.Computed("db_subnet_group", model.Text, "name of the DB subnet group", func(db types.DBInstance) any {
		return aws.ToString(instanceSubnetGroup(db).DBSubnetGroupName)
	}),
	collect.Computed("vpc_id", model.Text, "VPC of the DB subnet group", func(db types.DBInstance) any { return aws.ToString(instanceSubnetGroup(db).VpcId) }),
	collect.Computed("security_group_ids", model.JSON, "VPC security groups of the instance", func(db types.DBInstance) any { return securityGroupIDs(db.VpcSecurityGroups) }),
	collect.Text("cluster_id", "cluster the instance belongs to, if any", func(db types.DBInstance) *string { return db.DBClusterIdentifier }),
	collect.Bool("iam_auth_enabled", "IAM database authentication enabled", func(db types.DBInstance) *bool { return db.IAMDatabaseAuthenticationEnabled }),
	collect.Bool("auto_minor_version_upgrade", "minor engine upgrades are applied automatically", func(db types.DBInstance) *bool { return db.AutoMinorVersionUpgrade }),
	collect.Text("ca_certificate", "identifier of the server CA certificate", func(db types.DBInstance) *string { return db.CACertificateIdentifier }),
	collect.Computed("log_exports", model.JSON, "log types exported to CloudWatch Logs (audit, error, postgresql, ...)", func(db types.DBInstance) any {
		return append([]string{}, db.EnabledCloudwatchLogsExports...)
	}),
}

func (f Family) emitInstance(t *collect.Task, db types.DBInstance) {
	id := aws.ToString(db.DBInstanceIdentifier)
	key := t.Key(f.Instance, id)
	t.Emit(&model.Resource{Key: key, ARN: aws.ToString(db.DBInstanceArn), Name: id, CreatedAt: model.Time(db.InstanceCreateTime),
		Tags: tags(db.TagList), Details: instanceFields.Details(db)})
	t.Relate(key, "in-subnet-group", t.Ref("rds", "db-subnet-group", aws.ToString(instanceSubnetGroup(db).DBSubnetGroupName)))
	for _, sg := range securityGroupIDs(db.VpcSecurityGroups) {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	t.Relate(key, "member-of", t.Key(f.Cluster, aws.ToString(db.DBClusterIdentifier)))
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(db.KmsKeyId)))
}

// clusterMember is one entry of a cluster's members field.
type clusterMember struct {
	InstanceID string `json:"instance_id"`
	Writer     bool   `json:"writer"`
}

var clusterFields = collect.Fields[types.DBCluster]{
	collect.Text("engine", "database engine, e.g. aurora-postgresql, docdb, neptune", func(c types.DBCluster) *string { return c.Engine }),
	collect.Text("engine_version", "engine version", func(c types.DBCluster) *string { return c.EngineVersion }),
	collect.Text("engine_mode", "provisioned or serverless (v1)", func(c types.DBCluster) *string { return c.EngineMode }),
	collect.Text("status", "available, stopped, creating, ...", func(c types.DBCluster) *string { return c.Status }),
	collect.Bool("storage_encrypted", "storage is encrypted at rest", func(c types.DBCluster) *bool { return c.StorageEncrypted }),
	collect.Text("kms_key_id", "ARN of the KMS key encrypting the storage", func(c types.DBCluster) *string { return c.KmsKeyId }),
	collect.Bool("multi_az", "cluster spans several availability zones", func(c types.DBCluster) *bool { return c.MultiAZ }),
	collect.Computed("members", model.JSON, "member instances: [{instance_id, writer}]", func(c types.DBCluster) any {
		members := []clusterMember{}
		for _, m := range c.DBClusterMembers {
			members = append(members, clusterMember{InstanceID: aws.ToString(m.DBInstanceIdentifier), Writer: aws.ToBool(m.IsClusterWriter)})
		}
		return members
	}),
	collect.Bool("deletion_protection", "deletion protection enabled", func(c types.DBCluster) *bool { return c.DeletionProtection }),
	collect.Int("backup_retention_days", "automated backup retention in days", func(c types.DBCluster) *int32 { return c.BackupRetentionPeriod }),
	collect.Text("endpoint", "DNS name of the writer endpoint", func(c types.DBCluster) *string { return c.Endpoint }),
	collect.Int("port", "port of the endpoints", func(c types.DBCluster) *int32 { return c.Port }),
	collect.Text("db_subnet_group", "name of the DB subnet group", func(c types.DBCluster) *string { return c.DBSubnetGroup }),
	collect.Computed("security_group_ids", model.JSON, "VPC security groups of the cluster", func(c types.DBCluster) any { return securityGroupIDs(c.VpcSecurityGroups) }),
	collect.Bool("iam_auth_enabled", "IAM database authentication enabled", func(c types.DBCluster) *bool { return c.IAMDatabaseAuthenticationEnabled }),
	collect.Text("global_cluster_id", "global database the cluster belongs to, if any", func(c types.DBCluster) *string { return c.GlobalClusterIdentifier }),
	collect.Computed("log_exports", model.JSON, "log types exported to CloudWatch Logs", func(c types.DBCluster) any {
		return append([]string{}, c.EnabledCloudwatchLogsExports...)
	}),
}

func (f Family) emitCluster(t *collect.Task, c types.DBCluster) {
	id := aws.ToString(c.DBClusterIdentifier)
	key := t.Key(f.Cluster, id)
	t.Emit(&model.Resource{Key: key, ARN: aws.ToString(c.DBClusterArn), Name: id, CreatedAt: model.Time(c.ClusterCreateTime),
		Tags: tags(c.TagList), Details: clusterFields.Details(c)})
	t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(c.KmsKeyId)))
	t.Relate(key, "in-subnet-group", t.Ref("rds", "db-subnet-group", aws.ToString(c.DBSubnetGroup)))
	for _, sg := range securityGroupIDs(c.VpcSecurityGroups) {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
}
