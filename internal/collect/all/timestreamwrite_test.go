package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/timestreamwrite"
	"github.com/aws/aws-sdk-go-v2/service/timestreamwrite/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/timestreamwrite"
)

var timestreamwriteKmsKey = "arn:aws:kms:" + region + ":" + collecttest.MotoAccount + ":key/k-1"

// client reaches moto as the collector does: without endpoint discovery.
func timestreamwriteClient(cfg aws.Config) *timestreamwrite.Client {
	return timestreamwrite.NewFromConfig(cfg, func(o *timestreamwrite.Options) {
		o.EndpointDiscovery.EnableEndpointDiscovery = aws.EndpointDiscoveryDisabled
	})
}

func createDatabases(t *testing.T, api *timestreamwrite.Client) {
	t.Helper()
	for i := range 6 {
		if _, err := api.CreateDatabase(context.Background(), &timestreamwrite.CreateDatabaseInput{DatabaseName: aws.String(fmt.Sprint("metrics-", i)),
			KmsKeyId: aws.String(timestreamwriteKmsKey), Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("sre")}}}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTimestreamwriteDatabases(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := timestreamwriteClient(cfg)
	createDatabases(t, api)
	if _, err := api.CreateTable(context.Background(), &timestreamwrite.CreateTableInput{DatabaseName: aws.String("metrics-0"), TableName: aws.String("cpu")}); err != nil {
		t.Fatal(err)
	}
	got := collecttest.Run(t, cfg, collector.Service, "database", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 databases over several pages, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	d := got.ByID()["metrics-0"]
	if d.Details["kms_key_id"] != timestreamwriteKmsKey || d.Details["tables"] != int64(1) || d.Tags["team"] != "sre" || d.ARN == "" {
		t.Errorf("metrics-0: %v %v %s", d.Details, d.Tags, d.ARN)
	}
	collecttest.HasEdges(t, got, "metrics-0 -encrypted-with-> kms/key:k-1")
}

// TestTables: moto lists tables only of a named database; the account-wide
// listing AWS gives is canned, over two pages.
func TestTimestreamwriteTables(t *testing.T) {
	collecttest.Setup(t)
	arn := "arn:aws:timestream:" + region + ":" + collecttest.MotoAccount + ":database/metrics/table/"
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListTables": func(in any) (any, error) {
			if in.(*timestreamwrite.ListTablesInput).NextToken == nil {
				return &timestreamwrite.ListTablesOutput{Tables: []types.Table{{DatabaseName: aws.String("metrics"), TableName: aws.String("cpu"), Arn: aws.String(arn + "cpu"),
					TableStatus:         types.TableStatusActive,
					RetentionProperties: &types.RetentionProperties{MemoryStoreRetentionPeriodInHours: aws.Int64(24), MagneticStoreRetentionPeriodInDays: aws.Int64(365)},
					MagneticStoreWriteProperties: &types.MagneticStoreWriteProperties{EnableMagneticStoreWrites: aws.Bool(true),
						MagneticStoreRejectedDataLocation: &types.MagneticStoreRejectedDataLocation{S3Configuration: &types.S3Configuration{BucketName: aws.String("rejects")}}}}},
					NextToken: aws.String("2")}, nil
			}
			return &timestreamwrite.ListTablesOutput{Tables: []types.Table{{DatabaseName: aws.String("metrics"), TableName: aws.String("mem"), Arn: aws.String(arn + "mem")}}}, nil
		},
		"ListTagsForResource": func(any) (any, error) {
			return &timestreamwrite.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("sre")}}}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "table", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("want the tables of both pages, got %v %d", got.Err, len(got.Resources))
	}
	c := got.ByID()["metrics/cpu"]
	for k, v := range map[string]any{"memory_retention_hours": int64(24), "magnetic_retention_days": int64(365), "magnetic_writes": true, "rejected_data_bucket": "rejects", "status": "ACTIVE"} {
		if c.Details[k] != v {
			t.Errorf("cpu details[%s] = %v, want %v", k, c.Details[k], v)
		}
	}
	if c.Tags["team"] != "sre" || c.ARN != arn+"cpu" {
		t.Errorf("cpu: %v %s", c.Tags, c.ARN)
	}
	collecttest.HasEdges(t, got, "metrics/cpu -in-database-> timestream-write/database:metrics", "metrics/cpu -rejects-to-> s3/bucket:rejects")
}

func TestTimestreamwriteDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"database": "ListDatabases", "table": "ListTables"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	createDatabases(t, timestreamwriteClient(collecttest.Config(t, region, nil)))
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListTagsForResource")})
	got := collecttest.Run(t, cfg, collector.Service, "database", region)
	if got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 6 {
		t.Fatalf("want 6 databases and a warning each, got %v %d %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
