package all_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	rss "github.com/aws/aws-sdk-go-v2/service/redshiftserverless"
	"github.com/aws/aws-sdk-go-v2/service/redshiftserverless/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/redshiftserverless"
)

var (
	redshiftserverlessArn     = "arn:aws:redshift-serverless:" + region + ":" + collecttest.MotoAccount + ":"
	redshiftserverlessKmsKey  = "arn:aws:kms:" + region + ":" + collecttest.MotoAccount + ":key/k-1"
	redshiftserverlessCreated = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
)

// estate answers as Redshift Serverless would (moto has no Redshift
// Serverless): two namespaces over two pages, a public workgroup, a shared
// snapshot; the operations in deny are refused.
func redshiftserverlessEstate(deny ...string) awsx.Responder {
	answers := map[string]func(any) (any, error){
		"ListNamespaces": func(in any) (any, error) {
			if in.(*rss.ListNamespacesInput).NextToken == nil {
				return &rss.ListNamespacesOutput{Namespaces: []types.Namespace{{NamespaceName: aws.String("sales"), NamespaceArn: aws.String(redshiftserverlessArn + "namespace/ns-1"),
					Status: types.NamespaceStatusAvailable, DbName: aws.String("dev"), AdminUsername: aws.String("admin"),
					AdminPasswordSecretArn: aws.String("arn:aws:secretsmanager:" + region + ":" + collecttest.MotoAccount + ":secret:rs-AbCdEf"), KmsKeyId: aws.String(redshiftserverlessKmsKey),
					LogExports: []types.LogExport{types.LogExportUserActivityLog}, IamRoles: []string{"arn:aws:iam::" + collecttest.MotoAccount + ":role/rs-s3"},
					CreationDate: &redshiftserverlessCreated}}, NextToken: aws.String("2")}, nil
			}
			return &rss.ListNamespacesOutput{Namespaces: []types.Namespace{{NamespaceName: aws.String("scratch"), NamespaceArn: aws.String(redshiftserverlessArn + "namespace/ns-2")}}}, nil
		},
		"ListWorkgroups": func(any) (any, error) {
			return &rss.ListWorkgroupsOutput{Workgroups: []types.Workgroup{{WorkgroupName: aws.String("bi"), WorkgroupArn: aws.String(redshiftserverlessArn + "workgroup/wg-1"),
				NamespaceName: aws.String("sales"), PubliclyAccessible: aws.Bool(true), BaseCapacity: aws.Int32(32), MaxCapacity: aws.Int32(256),
				SubnetIds: []string{"subnet-1"}, SecurityGroupIds: []string{"sg-1"}, Endpoint: &types.Endpoint{Address: aws.String("bi.example")}, Port: aws.Int32(5439),
				Status: types.WorkgroupStatusAvailable}}}, nil
		},
		"ListSnapshots": func(any) (any, error) {
			return &rss.ListSnapshotsOutput{Snapshots: []types.Snapshot{{SnapshotName: aws.String("before-migration"), SnapshotArn: aws.String(redshiftserverlessArn + "snapshot/s-1"),
				NamespaceName: aws.String("sales"), Status: types.SnapshotStatusAvailable, TotalBackupSizeInMegaBytes: aws.Float64(2048.5),
				SnapshotRetentionPeriod: aws.Int32(-1), KmsKeyId: aws.String(redshiftserverlessKmsKey), AccountsWithRestoreAccess: []string{"210987654321"}, SnapshotCreateTime: &redshiftserverlessCreated}}}, nil
		},
		"ListTagsForResource": func(any) (any, error) {
			return &rss.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("bi")}}}, nil
		},
	}
	for _, op := range deny {
		answers[op] = collecttest.Denied(op)
	}
	return collecttest.Canned(answers)
}

func TestRedshiftserverless(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: redshiftserverlessEstate()})

	got := collecttest.Run(t, cfg, collector.Service, "namespace", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("want the namespaces of both pages, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	n := got.ByID()["sales"]
	wantDetails(t, n, map[string]any{"status": "AVAILABLE", "db_name": "dev", "admin_password_managed": true, "kms_key_id": redshiftserverlessKmsKey, "log_exports": "[useractivitylog]"})
	if n.Tags["team"] != "bi" || n.CreatedAt != "2025-01-02T03:04:05Z" || n.ARN != redshiftserverlessArn+"namespace/ns-1" {
		t.Errorf("sales: %v %s %s", n.Tags, n.CreatedAt, n.ARN)
	}
	collecttest.HasEdges(t, got, "sales -encrypted-with-> kms/key:k-1", "sales -assumes-role-> iam/role:rs-s3")

	got = collecttest.Run(t, cfg, collector.Service, "workgroup", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("workgroups: %v %d", got.Err, len(got.Resources))
	}
	wantDetails(t, got.Resources[0], map[string]any{"publicly_accessible": true, "base_capacity_rpu": 32, "max_capacity_rpu": 256, "endpoint": "bi.example", "namespace": "sales"})
	collecttest.HasEdges(t, got, "bi -uses-namespace-> redshift-serverless/namespace:sales", "bi -in-subnet-> ec2/subnet:subnet-1", "bi -uses-security-group-> ec2/security-group:sg-1")

	got = collecttest.Run(t, cfg, collector.Service, "snapshot", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("snapshots: %v %d", got.Err, len(got.Resources))
	}
	wantDetails(t, got.Resources[0], map[string]any{"size_mb": 2048.5, "retention_days": -1, "shared_with_accounts": "[210987654321]", "namespace": "sales"})
	collecttest.HasEdges(t, got, "before-migration -created-from-> redshift-serverless/namespace:sales")
}

func TestRedshiftserverlessDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"namespace": "ListNamespaces", "workgroup": "ListWorkgroups", "snapshot": "ListSnapshots"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: redshiftserverlessEstate(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: redshiftserverlessEstate("ListTagsForResource")})
	got := collecttest.Run(t, cfg, collector.Service, "workgroup", region)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 {
		t.Fatalf("want the workgroup and a warning, got %v %d %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
