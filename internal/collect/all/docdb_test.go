package all_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/docdb"
)

var docdbArn = "arn:aws:rds:" + region + ":" + collecttest.MotoAccount + ":"

// engineFiltered fails unless the call asked for DocumentDB's engine only.
func engineFiltered(t *testing.T, filters []types.Filter) {
	t.Helper()
	if len(filters) != 1 || aws.ToString(filters[0].Name) != "engine" || !slices.Equal(filters[0].Values, []string{"docdb"}) {
		t.Errorf("want an engine=docdb filter, got %v", filters)
	}
}

// TestDocumentDB: moto's RDS refuses the docdb engine; the RDS API's
// answers are canned (what DocumentDB answers, with the engine filter).
func TestDocdbDocumentDB(t *testing.T) {
	collecttest.Setup(t)
	kms := "arn:aws:kms:" + region + ":" + collecttest.MotoAccount + ":key/k-1"
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeDBClusters": func(in any) (any, error) {
			engineFiltered(t, in.(*rds.DescribeDBClustersInput).Filters)
			return &rds.DescribeDBClustersOutput{DBClusters: []types.DBCluster{{DBClusterIdentifier: aws.String("docs"), DBClusterArn: aws.String(docdbArn + "cluster:docs"),
				Engine: aws.String("docdb"), EngineVersion: aws.String("5.0.0"), StorageEncrypted: aws.Bool(true), KmsKeyId: aws.String(kms),
				DBSubnetGroup: aws.String("db-subnets"), VpcSecurityGroups: []types.VpcSecurityGroupMembership{{VpcSecurityGroupId: aws.String("sg-1")}},
				EnabledCloudwatchLogsExports: []string{"audit"}, DBClusterMembers: []types.DBClusterMember{{DBInstanceIdentifier: aws.String("docs-1"), IsClusterWriter: aws.Bool(true)}},
				TagList: []types.Tag{{Key: aws.String("app"), Value: aws.String("catalog")}}}}}, nil
		},
		"DescribeDBInstances": func(in any) (any, error) {
			engineFiltered(t, in.(*rds.DescribeDBInstancesInput).Filters)
			return &rds.DescribeDBInstancesOutput{DBInstances: []types.DBInstance{{DBInstanceIdentifier: aws.String("docs-1"), DBInstanceArn: aws.String(docdbArn + "db:docs-1"),
				Engine: aws.String("docdb"), DBInstanceClass: aws.String("db.r6g.large"), DBClusterIdentifier: aws.String("docs"), DBInstanceStatus: aws.String("available")}}}, nil
		},
		"DescribeDBClusterSnapshots": func(in any) (any, error) {
			engineFiltered(t, in.(*rds.DescribeDBClusterSnapshotsInput).Filters)
			var snaps []types.DBClusterSnapshot
			for i := range 3 {
				id := fmt.Sprintf("docs-%d", i)
				snaps = append(snaps, types.DBClusterSnapshot{DBClusterSnapshotIdentifier: aws.String(id), DBClusterSnapshotArn: aws.String(docdbArn + "cluster-snapshot:" + id),
					Engine: aws.String("docdb"), DBClusterIdentifier: aws.String("docs"), StorageEncrypted: aws.Bool(true)})
			}
			return &rds.DescribeDBClusterSnapshotsOutput{DBClusterSnapshots: snaps}, nil
		},
		"DescribeDBClusterSnapshotAttributes": func(in any) (any, error) {
			var values []string
			if aws.ToString(in.(*rds.DescribeDBClusterSnapshotAttributesInput).DBClusterSnapshotIdentifier) == "docs-1" {
				values = []string{"all"}
			}
			return &rds.DescribeDBClusterSnapshotAttributesOutput{DBClusterSnapshotAttributesResult: &types.DBClusterSnapshotAttributesResult{
				DBClusterSnapshotAttributes: []types.DBClusterSnapshotAttribute{{AttributeName: aws.String("restore"), AttributeValues: values}}}}, nil
		},
	})})

	got := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("cluster: %v %d", got.Err, len(got.Resources))
	}
	c := got.Resources[0]
	if c.Key.Service != "docdb" || c.Details["engine_version"] != "5.0.0" || fmt.Sprint(c.Details["log_exports"]) != "[audit]" || c.Tags["app"] != "catalog" {
		t.Errorf("docs: %v %v %v", c.Key, c.Details, c.Tags)
	}
	collecttest.HasEdges(t, got, "docs -encrypted-with-> kms/key:k-1", "docs -in-subnet-group-> rds/db-subnet-group:db-subnets",
		"docs -uses-security-group-> ec2/security-group:sg-1")

	got = collecttest.Run(t, cfg, collector.Service, "instance", region)
	if got.Err != nil || len(got.Resources) != 1 || got.Resources[0].ARN != docdbArn+"db:docs-1" {
		t.Fatalf("instance: %v %v", got.Err, got.ByID())
	}
	collecttest.HasEdges(t, got, "docs-1 -member-of-> docdb/cluster:docs")

	got = collecttest.Run(t, cfg, collector.Service, "cluster-snapshot", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("cluster-snapshot: %v %d", got.Err, len(got.Resources))
	}
	if byID := got.ByID(); byID["docs-1"].Details["shared_publicly"] != true || byID["docs-2"].Details["shared_publicly"] != false {
		t.Errorf("shared_publicly: %v / %v", byID["docs-1"].Details, byID["docs-2"].Details)
	}
	collecttest.HasEdges(t, got, "docs-2 -created-from-> docdb/cluster:docs")
}

func TestDocdbDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"cluster": "DescribeDBClusters", "instance": "DescribeDBInstances", "cluster-snapshot": "DescribeDBClusterSnapshots"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
