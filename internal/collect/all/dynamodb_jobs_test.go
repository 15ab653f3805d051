package all_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/dynamodb"
)

func TestDynamodbBackups(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := dynamodb.NewFromConfig(cfg)
	createTable(t, api, &dynamodb.CreateTableInput{TableName: aws.String("ledger")})
	var arns []string
	for i := range 3 {
		out, err := api.CreateBackup(ctx, &dynamodb.CreateBackupInput{TableName: aws.String("ledger"), BackupName: aws.String(fmt.Sprint("nightly-", i))})
		if err != nil {
			t.Fatal(err)
		}
		arns = append(arns, aws.ToString(out.BackupDetails.BackupArn))
	}
	got := collecttest.Run(t, cfg, collector.Service, "backup", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("backups: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	id := "ledger/" + arns[1][strings.LastIndex(arns[1], "/")+1:]
	b := got.ByID()[id]
	if b == nil {
		t.Fatalf("no backup %s in %v", id, got.ByID())
	}
	if b.Name != "nightly-1" || b.ARN != arns[1] || b.CreatedAt == "" || b.Details["table_name"] != "ledger" || b.Details["status"] != "AVAILABLE" ||
		b.Details["backup_type"] != "USER" || b.Details["size_bytes"] != int64(123) {
		t.Errorf("backup: %+v", b)
	}
	collecttest.HasEdges(t, got, id+" -backup-of-> dynamodb/table:ledger")
}

var (
	dynamodbStarted = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
)

func tableARN(name string) string {
	return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name
}

// canned answers what moto lacks or answers oddly (ListExports without a
// table, ListImports, ListGlobalTables): three of each over several pages.
var dynamodbCanned = map[string]func(any) (any, error){
	"ListExports": func(in any) (any, error) {
		var all []types.ExportSummary
		for i := range 3 {
			all = append(all, types.ExportSummary{ExportArn: aws.String(tableARN("orders") + fmt.Sprint("/export/0100-e", i)),
				ExportStatus: types.ExportStatusCompleted, ExportType: types.ExportTypeFullExport})
		}
		page, next := collecttest.Page(all, in.(*dynamodb.ListExportsInput).NextToken, 2)
		return &dynamodb.ListExportsOutput{ExportSummaries: page, NextToken: next}, nil
	},
	"DescribeExport": func(in any) (any, error) {
		arn := in.(*dynamodb.DescribeExportInput).ExportArn
		return &dynamodb.DescribeExportOutput{ExportDescription: &types.ExportDescription{ExportArn: arn, TableArn: aws.String(tableARN("orders")),
			S3Bucket: aws.String("exports"), S3Prefix: aws.String("orders/"), S3SseAlgorithm: types.S3SseAlgorithmKms, S3SseKmsKeyId: aws.String("k-1"),
			ExportFormat: types.ExportFormatDynamodbJson, StartTime: &dynamodbStarted, ItemCount: aws.Int64(42), BilledSizeBytes: aws.Int64(4096)}}, nil
	},
	"ListImports": func(in any) (any, error) {
		var all []types.ImportSummary
		for i := range 3 {
			name := fmt.Sprint("restored-", i)
			all = append(all, types.ImportSummary{ImportArn: aws.String(tableARN(name) + "/import/0200-i"), TableArn: aws.String(tableARN(name)),
				ImportStatus: types.ImportStatusCompleted, InputFormat: types.InputFormatCsv, StartTime: &dynamodbStarted,
				S3BucketSource:        &types.S3BucketSource{S3Bucket: aws.String("dumps"), S3KeyPrefix: aws.String(name)},
				CloudWatchLogGroupArn: aws.String("arn:aws:logs:" + region + ":" + account + ":log-group:/aws-dynamodb/imports:*")})
		}
		page, next := collecttest.Page(all, in.(*dynamodb.ListImportsInput).NextToken, 2)
		return &dynamodb.ListImportsOutput{ImportSummaryList: page, NextToken: next}, nil
	},
	"ListGlobalTables": func(in any) (any, error) {
		input := in.(*dynamodb.ListGlobalTablesInput)
		if aws.ToString(input.RegionName) != region {
			return nil, fmt.Errorf("want the region filter, got %q", aws.ToString(input.RegionName))
		}
		var all []types.GlobalTable
		for i := range 3 {
			all = append(all, types.GlobalTable{GlobalTableName: aws.String(fmt.Sprint("sessions-", i)),
				ReplicationGroup: []types.Replica{{RegionName: aws.String(region)}, {RegionName: aws.String("us-east-1")}}})
		}
		// The page token is the last name returned.
		start := 0
		for i, g := range all {
			if aws.ToString(g.GlobalTableName) == aws.ToString(input.ExclusiveStartGlobalTableName) {
				start = i + 1
			}
		}
		end := min(start+2, len(all))
		out := &dynamodb.ListGlobalTablesOutput{GlobalTables: all[start:end]}
		if end < len(all) {
			out.LastEvaluatedGlobalTableName = all[end-1].GlobalTableName
		}
		return out, nil
	},
	"DescribeGlobalTable": func(in any) (any, error) {
		name := aws.ToString(in.(*dynamodb.DescribeGlobalTableInput).GlobalTableName)
		return &dynamodb.DescribeGlobalTableOutput{GlobalTableDescription: &types.GlobalTableDescription{GlobalTableName: aws.String(name),
			GlobalTableArn: aws.String("arn:aws:dynamodb::" + account + ":global-table/" + name), GlobalTableStatus: types.GlobalTableStatusActive, CreationDateTime: &dynamodbStarted}}, nil
	},
}

func TestDynamodbExportsImportsAndGlobalTables(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(dynamodbCanned)})

	got := collecttest.Run(t, cfg, collector.Service, "export", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("exports: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	e := got.ByID()["orders/0100-e2"]
	if e == nil || e.ARN != tableARN("orders")+"/export/0100-e2" || e.CreatedAt != "2026-03-01T12:00:00Z" || e.Details["status"] != "COMPLETED" ||
		e.Details["s3_bucket"] != "exports" || e.Details["s3_sse_algorithm"] != "KMS" || e.Details["item_count"] != int64(42) || e.Details["export_type"] != "FULL_EXPORT" {
		t.Fatalf("export: %+v", e)
	}
	collecttest.HasEdges(t, got, "orders/0100-e2 -export-of-> dynamodb/table:orders", "orders/0100-e2 -writes-to-> s3/bucket:exports",
		"orders/0100-e2 -encrypted-with-> kms/key:k-1")

	got = collecttest.Run(t, cfg, collector.Service, "import", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("imports: %v, %d", got.Err, len(got.Resources))
	}
	i := got.ByID()["restored-2/0200-i"]
	if i == nil || i.CreatedAt != "2026-03-01T12:00:00Z" || i.Details["input_format"] != "CSV" || i.Details["s3_bucket"] != "dumps" || i.Details["s3_key_prefix"] != "restored-2" {
		t.Fatalf("import: %+v", i)
	}
	collecttest.HasEdges(t, got, "restored-2/0200-i -imported-into-> dynamodb/table:restored-2", "restored-2/0200-i -reads-from-> s3/bucket:dumps",
		"restored-2/0200-i -logs-to-> logs/log-group:/aws-dynamodb/imports")

	got = collecttest.Run(t, cfg, collector.Service, "global-table", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("global tables: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	g := got.ByID()["sessions-2"]
	if g == nil || g.ARN != "arn:aws:dynamodb::"+account+":global-table/sessions-2" || g.Details["status"] != "ACTIVE" ||
		fmt.Sprint(g.Details["replica_regions"]) != "["+region+" us-east-1]" || g.CreatedAt != "2026-03-01T12:00:00Z" {
		t.Fatalf("global table: %+v", g)
	}
	collecttest.HasEdges(t, got, "sessions-2 -has-replica-> dynamodb/table:sessions-2")
}

func TestDynamodbJobsDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"backup": "ListBackups", "export": "ListExports", "import": "ListImports", "global-table": "ListGlobalTables"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListExports": dynamodbCanned["ListExports"], "DescribeExport": collecttest.Denied("DescribeExport")})})
	got := collecttest.Run(t, cfg, collector.Service, "export", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 || got.Resources[0].Details["status"] != "COMPLETED" {
		t.Fatalf("want the exports with a warning each: %v, %d, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}
