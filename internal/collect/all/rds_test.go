package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/rds"
)

// network is a VPC with two subnets and a security group, for DB subnet groups.
type rdsNetwork struct {
	vpc, sg string
	subnets []string
}

func setupNetwork(t *testing.T, cfg aws.Config) rdsNetwork {
	t.Helper()
	ctx := context.Background()
	net := testvpc.New(t, cfg, "10.2.0.0/16", "db",
		testvpc.Subnet{CIDR: "10.2.0.0/24", AZ: region + "a"}, testvpc.Subnet{CIDR: "10.2.1.0/24", AZ: region + "b"})
	n := rdsNetwork{vpc: net.VPC, sg: net.SG, subnets: net.Subnets}
	if _, err := rds.NewFromConfig(cfg).CreateDBSubnetGroup(ctx, &rds.CreateDBSubnetGroupInput{
		DBSubnetGroupName: aws.String("db-subnets"), DBSubnetGroupDescription: aws.String("db"), SubnetIds: n.subnets,
		Tags: []types.Tag{{Key: aws.String("Owner"), Value: aws.String("dba")}},
	}); err != nil {
		t.Fatal(err)
	}
	return n
}

func createInstance(t *testing.T, api *rds.Client, in *rds.CreateDBInstanceInput) {
	t.Helper()
	if _, err := api.CreateDBInstance(context.Background(), in); err != nil {
		t.Fatal(err)
	}
}

func TestRdsDBInstances(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	n := setupNetwork(t, cfg)
	key, err := kms.NewFromConfig(cfg).CreateKey(ctx, &kms.CreateKeyInput{})
	if err != nil {
		t.Fatal(err)
	}
	api := rds.NewFromConfig(cfg)
	createInstance(t, api, &rds.CreateDBInstanceInput{
		DBInstanceIdentifier: aws.String("main"), Engine: aws.String("postgres"), EngineVersion: aws.String("16.3"),
		DBInstanceClass: aws.String("db.t3.micro"), AllocatedStorage: aws.Int32(20), StorageType: aws.String("gp3"),
		MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("secret-password"),
		DBSubnetGroupName: aws.String("db-subnets"), VpcSecurityGroupIds: []string{n.sg},
		StorageEncrypted: aws.Bool(true), KmsKeyId: key.KeyMetadata.Arn, MultiAZ: aws.Bool(true),
		BackupRetentionPeriod: aws.Int32(7), DeletionProtection: aws.Bool(true), EnableIAMDatabaseAuthentication: aws.Bool(true),
		Tags: []types.Tag{{Key: aws.String("Owner"), Value: aws.String("team-db")}},
	})
	for i := range 5 {
		createInstance(t, api, &rds.CreateDBInstanceInput{
			DBInstanceIdentifier: aws.String(fmt.Sprintf("replica-%d", i)), Engine: aws.String("mysql"),
			DBInstanceClass: aws.String("db.t3.small"), AllocatedStorage: aws.Int32(10),
			MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("secret-password"),
		})
	}
	if _, err := api.CreateDBCluster(ctx, &rds.CreateDBClusterInput{
		DBClusterIdentifier: aws.String("aurora"), Engine: aws.String("aurora-postgresql"),
		MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("secret-password"),
	}); err != nil {
		t.Fatal(err)
	}
	createInstance(t, api, &rds.CreateDBInstanceInput{
		DBInstanceIdentifier: aws.String("aurora-1"), Engine: aws.String("aurora-postgresql"),
		DBInstanceClass: aws.String("db.r6g.large"), DBClusterIdentifier: aws.String("aurora"),
	})

	got := collecttest.Run(t, cfg, collector.Service, "db-instance", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 7 instances over several pages, got %d", len(byID))
	}
	db := byID["main"]
	if db == nil {
		t.Fatal("instance main missing")
	}
	checks := map[string]any{
		"engine": "postgres", "engine_version": "16.3", "instance_class": "db.t3.micro",
		"allocated_storage_gb": int64(20), "storage_type": "gp3", "storage_encrypted": true,
		"kms_key_id": aws.ToString(key.KeyMetadata.Arn), "multi_az": true, "backup_retention_days": int64(7),
		"deletion_protection": true, "iam_auth_enabled": true, "db_subnet_group": "db-subnets", "vpc_id": n.vpc,
		"status": "available", "cluster_id": "",
	}
	for k, want := range checks {
		if db.Details[k] != want {
			t.Errorf("details[%s] = %v (%T), want %v", k, db.Details[k], db.Details[k], want)
		}
	}
	if db.Details["endpoint_address"] == "" || db.Details["endpoint_port"] == int64(0) {
		t.Errorf("endpoint missing: %v:%v", db.Details["endpoint_address"], db.Details["endpoint_port"])
	}
	if db.ARN != "arn:aws:rds:"+region+":"+collecttest.MotoAccount+":db:main" || db.Tags["Owner"] != "team-db" || db.Name != "main" {
		t.Errorf("identity wrong: arn %q tags %v name %q", db.ARN, db.Tags, db.Name)
	}
	collecttest.HasEdges(t, got,
		"main -in-subnet-group-> rds/db-subnet-group:db-subnets",
		"main -uses-security-group-> ec2/security-group:"+n.sg,
		"main -encrypted-with-> kms/key:"+aws.ToString(key.KeyMetadata.KeyId),
		"aurora-1 -member-of-> rds/db-cluster:aurora",
	)
}

func TestRdsDBClusters(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := rds.NewFromConfig(cfg)
	for i := range 6 {
		if _, err := api.CreateDBCluster(ctx, &rds.CreateDBClusterInput{
			DBClusterIdentifier: aws.String(fmt.Sprintf("aurora-%d", i)), Engine: aws.String("aurora-mysql"),
			MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("secret-password"),
			BackupRetentionPeriod: aws.Int32(3), DeletionProtection: aws.Bool(i == 0), StorageEncrypted: aws.Bool(true),
			Tags: []types.Tag{{Key: aws.String("App"), Value: aws.String("shop")}},
		}); err != nil {
			t.Fatal(err)
		}
	}
	createInstance(t, api, &rds.CreateDBInstanceInput{
		DBInstanceIdentifier: aws.String("aurora-0-a"), Engine: aws.String("aurora-mysql"),
		DBInstanceClass: aws.String("db.r6g.large"), DBClusterIdentifier: aws.String("aurora-0"),
	})

	got := collecttest.Run(t, cfg, collector.Service, "db-cluster", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 clusters over several pages, got %d", len(byID))
	}
	c := byID["aurora-0"]
	if c == nil {
		t.Fatal("cluster aurora-0 missing")
	}
	checks := map[string]any{
		"engine": "aurora-mysql", "status": "available", "deletion_protection": true,
		"backup_retention_days": int64(3), "storage_encrypted": true,
	}
	for k, want := range checks {
		if c.Details[k] != want {
			t.Errorf("details[%s] = %v (%T), want %v", k, c.Details[k], c.Details[k], want)
		}
	}
	if c.Details["endpoint"] == "" || c.CreatedAt == "" || c.Tags["App"] != "shop" {
		t.Errorf("endpoint %q created %q tags %v", c.Details["endpoint"], c.CreatedAt, c.Tags)
	}
	if m := fmt.Sprint(c.Details["members"]); m != "[{aurora-0-a true}]" {
		t.Errorf("members = %s", m)
	}
}

func TestRdsDBSnapshots(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := rds.NewFromConfig(cfg)
	createInstance(t, api, &rds.CreateDBInstanceInput{
		DBInstanceIdentifier: aws.String("main"), Engine: aws.String("postgres"),
		DBInstanceClass: aws.String("db.t3.micro"), AllocatedStorage: aws.Int32(20),
		MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("secret-password"),
	})
	for i := range 6 {
		if _, err := api.CreateDBSnapshot(ctx, &rds.CreateDBSnapshotInput{
			DBInstanceIdentifier: aws.String("main"), DBSnapshotIdentifier: aws.String(fmt.Sprintf("snap-%d", i)),
			Tags: []types.Tag{{Key: aws.String("Kind"), Value: aws.String("before-upgrade")}},
		}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.ModifyDBSnapshotAttribute(ctx, &rds.ModifyDBSnapshotAttributeInput{
		DBSnapshotIdentifier: aws.String("snap-0"), AttributeName: aws.String("restore"), ValuesToAdd: []string{"all"},
	}); err != nil {
		t.Fatal(err)
	}

	got := collecttest.Run(t, cfg, collector.Service, "db-snapshot", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want the 6 manual snapshots over several pages, got %d: %v", len(byID), byID)
	}
	pub, priv := byID["snap-0"], byID["snap-1"]
	if pub.Details["shared_publicly"] != true || priv.Details["shared_publicly"] != false {
		t.Errorf("shared_publicly: snap-0 %v, snap-1 %v", pub.Details["shared_publicly"], priv.Details["shared_publicly"])
	}
	checks := map[string]any{"engine": "postgres", "allocated_storage_gb": int64(20), "db_instance_id": "main", "encrypted": false}
	for k, want := range checks {
		if pub.Details[k] != want {
			t.Errorf("details[%s] = %v (%T), want %v", k, pub.Details[k], pub.Details[k], want)
		}
	}
	if pub.CreatedAt == "" || pub.Details["snapshot_create_time"] != pub.CreatedAt || pub.Tags["Kind"] != "before-upgrade" {
		t.Errorf("created %q / %v tags %v", pub.CreatedAt, pub.Details["snapshot_create_time"], pub.Tags)
	}
	collecttest.HasEdges(t, got, "snap-0 -created-from-> rds/db-instance:main")
}

func TestRdsDBSubnetGroups(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	n := setupNetwork(t, cfg)
	for i := range 5 {
		if _, err := rds.NewFromConfig(cfg).CreateDBSubnetGroup(context.Background(), &rds.CreateDBSubnetGroupInput{
			DBSubnetGroupName: aws.String(fmt.Sprintf("more-%d", i)), DBSubnetGroupDescription: aws.String("more"), SubnetIds: n.subnets,
			Tags: []types.Tag{{Key: aws.String("Owner"), Value: aws.String(fmt.Sprint("team-", i))}},
		}); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "db-subnet-group", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 subnet groups over several pages, got %d", len(byID))
	}
	g := byID["db-subnets"]
	// moto's GetResources knows no subnet groups: the check of its empty
	// answer finds tags, so all are read per group (every group is tagged:
	// the check reads whichever group comes first).
	if g.Tags["Owner"] != "dba" || byID["more-3"].Tags["Owner"] != "team-3" {
		t.Errorf("tags: db-subnets %v, more-3 %v", g.Tags, byID["more-3"].Tags)
	}
	if g.Details["vpc_id"] != n.vpc || fmt.Sprint(g.Details["subnet_ids"]) != fmt.Sprint(n.subnets) || g.Details["status"] != "Complete" {
		t.Errorf("details = %v", g.Details)
	}
	collecttest.HasEdges(t, got,
		"db-subnets -includes-subnet-> ec2/subnet:"+n.subnets[0],
		"db-subnets -includes-subnet-> ec2/subnet:"+n.subnets[1],
	)
}

func TestRdsPermissions(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeDBInstances")})
	got := collecttest.Run(t, cfg, collector.Service, "db-instance", region)
	collecttest.AssertDenied(t, got)

	createInstance(t, rds.NewFromConfig(collecttest.Config(t, region, nil)), &rds.CreateDBInstanceInput{
		DBInstanceIdentifier: aws.String("main"), Engine: aws.String("postgres"), DBInstanceClass: aws.String("db.t3.micro"),
		AllocatedStorage: aws.Int32(20), MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("secret-password"),
	})
	if _, err := rds.NewFromConfig(collecttest.Config(t, region, nil)).CreateDBSnapshot(context.Background(), &rds.CreateDBSnapshotInput{
		DBInstanceIdentifier: aws.String("main"), DBSnapshotIdentifier: aws.String("snap"),
	}); err != nil {
		t.Fatal(err)
	}
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeDBSnapshotAttributes")})
	got = collecttest.Run(t, cfg, collector.Service, "db-snapshot", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("want the snapshot despite the denied detail call, got %v and %d", got.Err, len(got.Resources))
	}
	if _, ok := got.Resources[0].Details["shared_publicly"]; ok || len(got.Task.Warnings()) == 0 {
		t.Errorf("want shared_publicly absent and a warning, got %v / %v", got.Resources[0].Details, got.Task.Warnings())
	}
}
