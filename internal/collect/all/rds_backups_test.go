package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/rds"
)

func createCluster(t *testing.T, api *rds.Client, id, engine string) {
	t.Helper()
	if _, err := api.CreateDBCluster(context.Background(), &rds.CreateDBClusterInput{DBClusterIdentifier: aws.String(id), Engine: aws.String(engine),
		MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("secret-password"), StorageEncrypted: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
}

func TestRdsDBClusterSnapshots(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := rds.NewFromConfig(cfg)
	createCluster(t, api, "shop", "aurora-postgresql")
	createCluster(t, api, "graph", "neptune") // Neptune's: not RDS's to store
	for i := range 6 {
		if _, err := api.CreateDBClusterSnapshot(ctx, &rds.CreateDBClusterSnapshotInput{DBClusterIdentifier: aws.String("shop"),
			DBClusterSnapshotIdentifier: aws.String(fmt.Sprintf("shop-%d", i)), Tags: rdsTag("why", "upgrade")}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.CreateDBClusterSnapshot(ctx, &rds.CreateDBClusterSnapshotInput{DBClusterIdentifier: aws.String("graph"),
		DBClusterSnapshotIdentifier: aws.String("graph-1")}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.ModifyDBClusterSnapshotAttribute(ctx, &rds.ModifyDBClusterSnapshotAttributeInput{DBClusterSnapshotIdentifier: aws.String("shop-0"),
		AttributeName: aws.String("restore"), ValuesToAdd: []string{"all"}}); err != nil {
		t.Fatal(err)
	}
	got := collecttest.Run(t, cfg, collector.Service, "db-cluster-snapshot", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	if len(byID) != 6 || byID["graph-1"] != nil {
		t.Fatalf("want the 6 manual Aurora snapshots over several pages and not Neptune's, got %d: %v", len(byID), byID)
	}
	wantDetails(t, byID["shop-0"], map[string]any{"engine": "aurora-postgresql", "db_cluster_id": "shop", "storage_encrypted": true,
		"status": "available", "shared_publicly": true})
	wantDetails(t, byID["shop-1"], map[string]any{"shared_publicly": false})
	s := byID["shop-1"]
	if s.ARN != "arn:aws:rds:"+region+":"+collecttest.MotoAccount+":cluster-snapshot:shop-1" || s.Tags["why"] != "upgrade" || s.CreatedAt == "" {
		t.Errorf("shop-1: %s %v %q", s.ARN, s.Tags, s.CreatedAt)
	}
	collecttest.HasEdges(t, got, "shop-3 -created-from-> rds/db-cluster:shop")

	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeDBClusterSnapshotAttributes")})
	got = collecttest.Run(t, cfg, collector.Service, "db-cluster-snapshot", region)
	if _, ok := got.ByID()["shop-0"].Details["shared_publicly"]; got.Err != nil || len(got.Resources) != 6 || ok || len(got.Task.Warnings()) != 6 {
		t.Errorf("denied attributes: want 6 snapshots without shared_publicly and 6 warnings, got %v %d %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}

func TestRdsClustersLeaveOtherEngines(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := rds.NewFromConfig(cfg)
	createCluster(t, api, "shop", "aurora-mysql")
	createCluster(t, api, "graph", "neptune")
	got := collecttest.Run(t, cfg, collector.Service, "db-cluster", region)
	if byID := got.ByID(); got.Err != nil || len(byID) != 1 || byID["shop"] == nil {
		t.Fatalf("want only the Aurora cluster, got %v %v", got.Err, byID)
	}
}

// TestAutomatedBackups: moto lists an instance's automated backups
// without their resource id and ARN; the SDK's answer is canned.
func TestRdsAutomatedBackups(t *testing.T) {
	collecttest.Setup(t)
	created := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	backup := func(i int, status string) types.DBInstanceAutomatedBackup {
		return types.DBInstanceAutomatedBackup{DbiResourceId: aws.String(fmt.Sprintf("db-RES%d", i)), DBInstanceIdentifier: aws.String(fmt.Sprintf("db-%d", i)),
			DBInstanceAutomatedBackupsArn: aws.String(fmt.Sprintf("arn:aws:rds:%s:%s:auto-backup:ab-%d", region, collecttest.MotoAccount, i)),
			Status:                        aws.String(status), Engine: aws.String("postgres"), AllocatedStorage: aws.Int32(20), Encrypted: aws.Bool(true),
			KmsKeyId: aws.String("arn:aws:kms:" + region + ":" + collecttest.MotoAccount + ":key/k-1"), BackupRetentionPeriod: aws.Int32(7),
			InstanceCreateTime: &created, RestoreWindow: &types.RestoreWindow{EarliestTime: &created}, TagList: rdsTag("n", fmt.Sprint(i))}
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeDBInstanceAutomatedBackups": func(in any) (any, error) {
			if in.(*rds.DescribeDBInstanceAutomatedBackupsInput).Marker == nil {
				return &rds.DescribeDBInstanceAutomatedBackupsOutput{DBInstanceAutomatedBackups: []types.DBInstanceAutomatedBackup{backup(0, "active"), backup(1, "active")},
					Marker: aws.String("2")}, nil
			}
			return &rds.DescribeDBInstanceAutomatedBackupsOutput{DBInstanceAutomatedBackups: []types.DBInstanceAutomatedBackup{backup(2, "retained")}}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "db-instance-automated-backup", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("want the backups of both pages, got %v %d", got.Err, len(got.Resources))
	}
	r := got.ByID()["db-RES2"]
	wantDetails(t, r, map[string]any{"db_instance_id": "db-2", "status": "retained", "engine": "postgres", "allocated_storage_gb": 20, "encrypted": true,
		"earliest_restorable_time": "2025-03-01T12:00:00Z", "latest_restorable_time": ""})
	if r.Name != "db-2" || r.ARN != "arn:aws:rds:"+region+":"+collecttest.MotoAccount+":auto-backup:ab-2" || r.Tags["n"] != "2" || r.CreatedAt != "2025-03-01T12:00:00Z" {
		t.Errorf("db-RES2: %s %s %v %s", r.Name, r.ARN, r.Tags, r.CreatedAt)
	}
	collecttest.HasEdges(t, got, "db-RES0 -backup-of-> rds/db-instance:db-0", "db-RES2 -encrypted-with-> kms/key:k-1")
	for _, e := range got.Edges() {
		if e == "db-RES2 -backup-of-> rds/db-instance:db-2" {
			t.Error("a retained backup's instance is gone: no edge to it")
		}
	}
}
