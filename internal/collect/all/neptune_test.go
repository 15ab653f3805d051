package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/neptune"
)

// seed makes six Neptune clusters with an instance in the first and a
// snapshot of each, plus an Aurora cluster that is not Neptune's.
func neptuneSeed(t *testing.T, api *rds.Client) {
	t.Helper()
	ctx := context.Background()
	for i := range 6 {
		id := fmt.Sprintf("graph-%d", i)
		if _, err := api.CreateDBCluster(ctx, &rds.CreateDBClusterInput{DBClusterIdentifier: aws.String(id), Engine: aws.String("neptune"),
			StorageEncrypted: aws.Bool(true), DeletionProtection: aws.Bool(i == 0),
			Tags: []types.Tag{{Key: aws.String("app"), Value: aws.String("fraud")}}}); err != nil {
			t.Fatal(err)
		}
		if _, err := api.CreateDBClusterSnapshot(ctx, &rds.CreateDBClusterSnapshotInput{DBClusterIdentifier: aws.String(id),
			DBClusterSnapshotIdentifier: aws.String(id + "-snap")}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.CreateDBInstance(ctx, &rds.CreateDBInstanceInput{DBInstanceIdentifier: aws.String("graph-0-a"), Engine: aws.String("neptune"),
		DBInstanceClass: aws.String("db.r6g.large"), DBClusterIdentifier: aws.String("graph-0")}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.CreateDBCluster(ctx, &rds.CreateDBClusterInput{DBClusterIdentifier: aws.String("shop"), Engine: aws.String("aurora-mysql"),
		MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("secret-password")}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.CreateDBClusterSnapshot(ctx, &rds.CreateDBClusterSnapshotInput{DBClusterIdentifier: aws.String("shop"),
		DBClusterSnapshotIdentifier: aws.String("shop-snap")}); err != nil {
		t.Fatal(err)
	}
}

func TestNeptune(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	neptuneSeed(t, rds.NewFromConfig(cfg))

	got := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if got.Err != nil || len(got.Resources) != 6 || got.ByID()["shop"] != nil {
		t.Fatalf("want the 6 Neptune clusters over several pages and not Aurora's, got %v %v", got.Err, got.ByID())
	}
	c := got.ByID()["graph-0"]
	for k, want := range map[string]any{"engine": "neptune", "storage_encrypted": true, "deletion_protection": true, "port": int64(8182)} {
		if c.Details[k] != want {
			t.Errorf("graph-0 details[%s] = %v, want %v", k, c.Details[k], want)
		}
	}
	if c.Key.Service != "neptune" || c.Tags["app"] != "fraud" || c.ARN != "arn:aws:rds:"+region+":"+collecttest.MotoAccount+":cluster:graph-0" {
		t.Errorf("graph-0: %v %v %s", c.Key, c.Tags, c.ARN)
	}

	got = collecttest.Run(t, cfg, collector.Service, "instance", region)
	if got.Err != nil || len(got.Resources) != 1 || got.Resources[0].Details["instance_class"] != "db.r6g.large" {
		t.Fatalf("want the Neptune instance, got %v %v", got.Err, got.ByID())
	}
	collecttest.HasEdges(t, got, "graph-0-a -member-of-> neptune/cluster:graph-0")

	got = collecttest.Run(t, cfg, collector.Service, "cluster-snapshot", region)
	if got.Err != nil || len(got.Resources) != 6 || got.ByID()["shop-snap"] != nil {
		t.Fatalf("want the 6 Neptune snapshots, got %v %v", got.Err, got.ByID())
	}
	if s := got.ByID()["graph-4-snap"]; s.Details["db_cluster_id"] != "graph-4" || s.Details["shared_publicly"] != false {
		t.Errorf("graph-4-snap: %v", s.Details)
	}
	collecttest.HasEdges(t, got, "graph-4-snap -created-from-> neptune/cluster:graph-4")
}

func TestNeptuneDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"cluster": "DescribeDBClusters", "instance": "DescribeDBInstances", "cluster-snapshot": "DescribeDBClusterSnapshots"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
