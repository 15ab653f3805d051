// Package rds collects RDS database instances, clusters, manual snapshots
// and DB subnet groups.
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

// Service is the RDS collector.
var Service = &collect.Service{
	Name:        "rds",
	Description: "RDS database instances, clusters, manual snapshots and subnet groups",
	Types: []collect.Type{
		{Name: "db-instance", Description: "RDS database instance", Fields: instanceFields, Tags: collect.TagsListed, Collect: instances},
		{Name: "db-cluster", Description: "RDS / Aurora database cluster", Fields: clusterFields, Tags: collect.TagsListed, Collect: clusters},
		{Name: "db-snapshot", Description: "manual RDS database instance snapshot", Fields: snapshotFields, Tags: collect.TagsListed, Collect: snapshots, DetailCalls: 1},
		{Name: "db-subnet-group", Description: "RDS DB subnet group", Fields: subnetGroupFields, Tags: collect.TagsBulk, Collect: subnetGroups},
	},
	Calls: "db-instance, db-cluster: 1 paged Describe*. db-subnet-group: + bulk tags (else per group ListTagsForResource). db-snapshot: + per snapshot DescribeDBSnapshotAttributes",
	Relations: []collect.Relation{
		{From: "db-cluster", Kind: "encrypted-with", To: "kms/key"},
		{From: "db-instance", Kind: "encrypted-with", To: "kms/key"},
		{From: "db-instance", Kind: "in-subnet-group", To: "rds/db-subnet-group"},
		{From: "db-instance", Kind: "member-of", To: "rds/db-cluster"},
		{From: "db-instance", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "db-snapshot", Kind: "created-from", To: "rds/db-instance"},
		{From: "db-snapshot", Kind: "encrypted-with", To: "kms/key"},
		{From: "db-subnet-group", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "db-subnet-group", Kind: "includes-subnet", To: "ec2/subnet"},
	},
}

// maxRecords is the largest MaxRecords the Describe* APIs accept.
const maxRecords = 100

func client(t *collect.Task) *rds.Client { return rds.NewFromConfig(t.Config) }

func tags(ts []types.Tag) map[string]string {
	return collect.TagMap(ts, func(t types.Tag) (*string, *string) { return t.Key, t.Value })
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

var instanceFields = []model.Field{
	{Name: "engine", Type: "text", Description: "database engine, e.g. postgres, mysql, aurora-mysql"},
	{Name: "engine_version", Type: "text", Description: "engine version"},
	{Name: "instance_class", Type: "text", Description: "instance class, e.g. db.t3.micro"},
	{Name: "allocated_storage_gb", Type: "integer", Description: "allocated storage in GiB"},
	{Name: "storage_type", Type: "text", Description: "gp2, gp3, io1, standard, aurora..."},
	{Name: "storage_encrypted", Type: "boolean", Description: "storage is encrypted at rest"},
	{Name: "kms_key_id", Type: "text", Description: "ARN of the KMS key encrypting the storage"},
	{Name: "publicly_accessible", Type: "boolean", Description: "endpoint resolves to a public address"},
	{Name: "multi_az", Type: "boolean", Description: "Multi-AZ deployment"},
	{Name: "backup_retention_days", Type: "integer", Description: "automated backup retention in days (0 = disabled)"},
	{Name: "deletion_protection", Type: "boolean", Description: "deletion protection enabled"},
	{Name: "endpoint_address", Type: "text", Description: "DNS name of the endpoint"},
	{Name: "endpoint_port", Type: "integer", Description: "port of the endpoint"},
	{Name: "status", Type: "text", Description: "available, stopped, creating, ...", Values: instanceStatuses},
	{Name: "db_subnet_group", Type: "text", Description: "name of the DB subnet group"},
	{Name: "vpc_id", Type: "text", Description: "VPC of the DB subnet group"},
	{Name: "security_group_ids", Type: "json", Description: "VPC security groups of the instance"},
	{Name: "cluster_id", Type: "text", Description: "cluster the instance belongs to, if any"},
	{Name: "iam_auth_enabled", Type: "boolean", Description: "IAM database authentication enabled"},
	{Name: "auto_minor_version_upgrade", Type: "boolean", Description: "minor engine upgrades are applied automatically"},
	{Name: "ca_certificate", Type: "text", Description: "identifier of the server CA certificate"},
}

func instances(ctx context.Context, t *collect.Task) error {
	p := rds.NewDescribeDBInstancesPaginator(client(t), &rds.DescribeDBInstancesInput{MaxRecords: t.PageSize(maxRecords)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, db := range page.DBInstances {
			emitInstance(t, db)
		}
	}
	return nil
}

func emitInstance(t *collect.Task, db types.DBInstance) {
	var sgs []string
	for _, g := range db.VpcSecurityGroups {
		sgs = append(sgs, aws.ToString(g.VpcSecurityGroupId))
	}
	kmsKey := aws.ToString(db.KmsKeyId)
	d := map[string]any{
		"engine":                     aws.ToString(db.Engine),
		"engine_version":             aws.ToString(db.EngineVersion),
		"instance_class":             aws.ToString(db.DBInstanceClass),
		"allocated_storage_gb":       aws.ToInt32(db.AllocatedStorage),
		"storage_type":               aws.ToString(db.StorageType),
		"storage_encrypted":          aws.ToBool(db.StorageEncrypted),
		"kms_key_id":                 kmsKey,
		"publicly_accessible":        aws.ToBool(db.PubliclyAccessible),
		"multi_az":                   aws.ToBool(db.MultiAZ),
		"backup_retention_days":      aws.ToInt32(db.BackupRetentionPeriod),
		"deletion_protection":        aws.ToBool(db.DeletionProtection),
		"status":                     aws.ToString(db.DBInstanceStatus),
		"security_group_ids":         sgs,
		"cluster_id":                 aws.ToString(db.DBClusterIdentifier),
		"iam_auth_enabled":           aws.ToBool(db.IAMDatabaseAuthenticationEnabled),
		"auto_minor_version_upgrade": aws.ToBool(db.AutoMinorVersionUpgrade),
		"ca_certificate":             aws.ToString(db.CACertificateIdentifier),
	}
	if db.Endpoint != nil {
		d["endpoint_address"] = aws.ToString(db.Endpoint.Address)
		d["endpoint_port"] = aws.ToInt32(db.Endpoint.Port)
	}
	var subnetGroup string
	if db.DBSubnetGroup != nil {
		subnetGroup = aws.ToString(db.DBSubnetGroup.DBSubnetGroupName)
		d["db_subnet_group"] = subnetGroup
		d["vpc_id"] = aws.ToString(db.DBSubnetGroup.VpcId)
	}
	id := aws.ToString(db.DBInstanceIdentifier)
	key := t.Key("db-instance", id)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(db.DBInstanceArn),
		Name:      id,
		CreatedAt: model.Time(db.InstanceCreateTime),
		Tags:      tags(db.TagList),
		Details:   d,
	})
	t.Relate(key, "in-subnet-group", t.Key("db-subnet-group", subnetGroup))
	for _, sg := range sgs {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	t.Relate(key, "member-of", t.Key("db-cluster", aws.ToString(db.DBClusterIdentifier)))
	t.Relate(key, "encrypted-with", t.KMSKey(kmsKey))
}

var clusterFields = []model.Field{
	{Name: "engine", Type: "text", Description: "database engine, e.g. aurora-postgresql"},
	{Name: "engine_version", Type: "text", Description: "engine version"},
	{Name: "status", Type: "text", Description: "available, stopped, creating, ..."},
	{Name: "storage_encrypted", Type: "boolean", Description: "storage is encrypted at rest"},
	{Name: "kms_key_id", Type: "text", Description: "ARN of the KMS key encrypting the storage"},
	{Name: "multi_az", Type: "boolean", Description: "cluster spans several availability zones"},
	{Name: "members", Type: "json", Description: "member instances: [{instance_id, writer}]"},
	{Name: "deletion_protection", Type: "boolean", Description: "deletion protection enabled"},
	{Name: "backup_retention_days", Type: "integer", Description: "automated backup retention in days"},
	{Name: "endpoint", Type: "text", Description: "DNS name of the writer endpoint"},
}

// clusterMember is one entry of a cluster's members field.
type clusterMember struct {
	InstanceID string `json:"instance_id"`
	Writer     bool   `json:"writer"`
}

func clusters(ctx context.Context, t *collect.Task) error {
	p := rds.NewDescribeDBClustersPaginator(client(t), &rds.DescribeDBClustersInput{MaxRecords: t.PageSize(maxRecords)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, c := range page.DBClusters {
			emitCluster(t, c)
		}
	}
	return nil
}

func emitCluster(t *collect.Task, c types.DBCluster) {
	members := []clusterMember{}
	for _, m := range c.DBClusterMembers {
		members = append(members, clusterMember{InstanceID: aws.ToString(m.DBInstanceIdentifier), Writer: aws.ToBool(m.IsClusterWriter)})
	}
	kmsKey := aws.ToString(c.KmsKeyId)
	id := aws.ToString(c.DBClusterIdentifier)
	key := t.Key("db-cluster", id)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(c.DBClusterArn),
		Name:      id,
		CreatedAt: model.Time(c.ClusterCreateTime),
		Tags:      tags(c.TagList),
		Details: map[string]any{
			"engine":                aws.ToString(c.Engine),
			"engine_version":        aws.ToString(c.EngineVersion),
			"status":                aws.ToString(c.Status),
			"storage_encrypted":     aws.ToBool(c.StorageEncrypted),
			"kms_key_id":            kmsKey,
			"multi_az":              aws.ToBool(c.MultiAZ),
			"members":               members,
			"deletion_protection":   aws.ToBool(c.DeletionProtection),
			"backup_retention_days": aws.ToInt32(c.BackupRetentionPeriod),
			"endpoint":              aws.ToString(c.Endpoint),
		},
	})
	t.Relate(key, "encrypted-with", t.KMSKey(kmsKey))
}

var snapshotFields = []model.Field{
	{Name: "engine", Type: "text", Description: "database engine of the source instance"},
	{Name: "allocated_storage_gb", Type: "integer", Description: "allocated storage in GiB"},
	{Name: "encrypted", Type: "boolean", Description: "snapshot is encrypted"},
	{Name: "kms_key_id", Type: "text", Description: "ARN of the KMS key encrypting the snapshot"},
	{Name: "status", Type: "text", Description: "available, creating, ..."},
	{Name: "snapshot_create_time", Type: "timestamp", Description: "when the snapshot was taken"},
	{Name: "db_instance_id", Type: "text", Description: "instance the snapshot was taken from"},
	{Name: "shared_publicly", Type: "boolean", Description: "any AWS account may restore it (restore attribute contains \"all\")"},
}

func snapshots(ctx context.Context, t *collect.Task) error {
	api := client(t)
	// Automated snapshots come and go daily with the instance's backup
	// window; only manual ones are resources someone manages.
	p := rds.NewDescribeDBSnapshotsPaginator(api, &rds.DescribeDBSnapshotsInput{
		SnapshotType: aws.String("manual"), MaxRecords: t.PageSize(maxRecords),
	})
	return collect.EachPage(ctx, p, func(page *rds.DescribeDBSnapshotsOutput) error {
		collect.ForEach(ctx, page.DBSnapshots, func(ctx context.Context, s types.DBSnapshot) {
			d := map[string]any{
				"engine":               aws.ToString(s.Engine),
				"allocated_storage_gb": aws.ToInt32(s.AllocatedStorage),
				"encrypted":            aws.ToBool(s.Encrypted),
				"kms_key_id":           aws.ToString(s.KmsKeyId),
				"status":               aws.ToString(s.Status),
				"snapshot_create_time": model.Time(s.SnapshotCreateTime),
				"db_instance_id":       aws.ToString(s.DBInstanceIdentifier),
			}
			out, err := api.DescribeDBSnapshotAttributes(ctx, &rds.DescribeDBSnapshotAttributesInput{DBSnapshotIdentifier: s.DBSnapshotIdentifier})
			if err != nil {
				t.Warn("DescribeDBSnapshotAttributes", err)
			} else {
				d["shared_publicly"] = restorableByAll(out.DBSnapshotAttributesResult)
			}
			id := aws.ToString(s.DBSnapshotIdentifier)
			key := t.Key("db-snapshot", id)
			t.Emit(&model.Resource{
				Key:       key,
				ARN:       aws.ToString(s.DBSnapshotArn),
				Name:      id,
				CreatedAt: model.Time(s.SnapshotCreateTime),
				Tags:      tags(s.TagList),
				Details:   d,
			})
			t.Relate(key, "created-from", t.Key("db-instance", aws.ToString(s.DBInstanceIdentifier)))
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(s.KmsKeyId)))
		})
		return nil
	})
}

// restorableByAll reports whether the snapshot's "restore" attribute lists
// "all", i.e. every AWS account can copy or restore it.
func restorableByAll(r *types.DBSnapshotAttributesResult) bool {
	if r == nil {
		return false
	}
	for _, a := range r.DBSnapshotAttributes {
		if aws.ToString(a.AttributeName) == "restore" && slices.Contains(a.AttributeValues, "all") {
			return true
		}
	}
	return false
}

var subnetGroupFields = []model.Field{
	{Name: "description", Type: "text", Description: "description of the subnet group"},
	{Name: "vpc_id", Type: "text", Description: "VPC of the subnets"},
	{Name: "subnet_ids", Type: "json", Description: "subnets in the group"},
	{Name: "status", Type: "text", Description: "subnet group status, e.g. Complete"},
}

// subnetGroups: DescribeDBSubnetGroups returns no tags (unlike the
// instance, cluster and snapshot listings), so they come in bulk.
func subnetGroups(ctx context.Context, t *collect.Task) error {
	api := client(t)
	bulk := collect.NewBulkTags(t, "rds:subgrp")
	p := rds.NewDescribeDBSubnetGroupsPaginator(api, &rds.DescribeDBSubnetGroupsInput{MaxRecords: t.PageSize(maxRecords)})
	return collect.EachPage(ctx, p, func(page *rds.DescribeDBSubnetGroupsOutput) error {
		collect.ForEach(ctx, page.DBSubnetGroups, func(ctx context.Context, g types.DBSubnetGroup) {
			emitSubnetGroup(t, g, bulk.Of(ctx, aws.ToString(g.DBSubnetGroupArn), "ListTagsForResource", func(ctx context.Context) (map[string]string, error) {
				out, err := api.ListTagsForResource(ctx, &rds.ListTagsForResourceInput{ResourceName: g.DBSubnetGroupArn})
				if err != nil {
					return nil, err
				}
				return tags(out.TagList), nil
			}))
		})
		return nil
	})
}

func emitSubnetGroup(t *collect.Task, g types.DBSubnetGroup, tags map[string]string) {
	var subnets []string
	for _, s := range g.Subnets {
		subnets = append(subnets, aws.ToString(s.SubnetIdentifier))
	}
	name := aws.ToString(g.DBSubnetGroupName)
	key := t.Key("db-subnet-group", name)
	t.Emit(&model.Resource{
		Key:  key,
		ARN:  aws.ToString(g.DBSubnetGroupArn),
		Name: name,
		// "default" is the subnet group RDS creates in the default VPC.
		IsDefault: name == "default",
		Tags:      tags,
		Details: map[string]any{
			"description": aws.ToString(g.DBSubnetGroupDescription),
			"vpc_id":      aws.ToString(g.VpcId),
			"subnet_ids":  subnets,
			"status":      aws.ToString(g.SubnetGroupStatus),
		},
	})
	for _, s := range subnets {
		t.Relate(key, "includes-subnet", t.Ref("ec2", "subnet", s))
	}
	t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(g.VpcId)))
}
