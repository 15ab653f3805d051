package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3tables"
	"github.com/aws/aws-sdk-go-v2/service/s3tables/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/s3tables"
)

var s3tablesKmsKey = "arn:aws:kms:" + region + ":" + collecttest.MotoAccount + ":key/k-1"

var s3tablesArn = "arn:aws:s3tables:" + region + ":" + collecttest.MotoAccount + ":bucket/"

// estate answers as S3 Tables would for six table buckets over two pages;
// lake-0 is KMS-encrypted and holds namespaces sales and hr, with two
// tables in sales. moto_server fails the table bucket calls (HTTP 500), so
// every answer is canned.
func s3tablesEstate(deny ...string) awsx.Responder {
	answers := map[string]func(any) (any, error){
		"ListTableBuckets": func(in any) (any, error) {
			var page []types.TableBucketSummary
			first := in.(*s3tables.ListTableBucketsInput).ContinuationToken == nil
			for i := range 6 {
				if (i < 4) == first {
					name := fmt.Sprint("lake-", i)
					page = append(page, types.TableBucketSummary{Name: aws.String(name), Arn: aws.String(s3tablesArn + name), Type: types.TableBucketTypeCustomer, CreatedAt: &s3tablesCreated})
				}
			}
			out := &s3tables.ListTableBucketsOutput{TableBuckets: page}
			if first {
				out.ContinuationToken = aws.String("2")
			}
			return out, nil
		},
		"GetTableBucketEncryption": func(in any) (any, error) {
			enc := &types.EncryptionConfiguration{SseAlgorithm: types.SSEAlgorithmAes256}
			if aws.ToString(in.(*s3tables.GetTableBucketEncryptionInput).TableBucketARN) == s3tablesArn+"lake-0" {
				enc = &types.EncryptionConfiguration{SseAlgorithm: types.SSEAlgorithmAwsKms, KmsKeyArn: aws.String(s3tablesKmsKey)}
			}
			return &s3tables.GetTableBucketEncryptionOutput{EncryptionConfiguration: enc}, nil
		},
		"ListNamespaces": func(in any) (any, error) {
			out := &s3tables.ListNamespacesOutput{}
			if aws.ToString(in.(*s3tables.ListNamespacesInput).TableBucketARN) == s3tablesArn+"lake-0" {
				for _, ns := range []string{"sales", "hr"} {
					out.Namespaces = append(out.Namespaces, types.NamespaceSummary{Namespace: []string{ns}, CreatedAt: &s3tablesCreated, CreatedBy: aws.String(collecttest.MotoAccount)})
				}
			}
			return out, nil
		},
		"ListTables": func(in any) (any, error) {
			out := &s3tables.ListTablesOutput{}
			if aws.ToString(in.(*s3tables.ListTablesInput).TableBucketARN) == s3tablesArn+"lake-0" {
				for _, name := range []string{"orders", "refunds"} {
					out.Tables = append(out.Tables, types.TableSummary{Name: aws.String(name), Namespace: []string{"sales"}, Type: types.TableTypeCustomer,
						TableARN: aws.String(s3tablesArn + "lake-0/table/" + name), CreatedAt: &s3tablesCreated, ModifiedAt: &s3tablesCreated})
				}
			}
			return out, nil
		},
		"ListTagsForResource": func(any) (any, error) {
			return &s3tables.ListTagsForResourceOutput{Tags: map[string]string{"team": "lake"}}, nil
		},
	}
	for _, op := range deny {
		answers[op] = collecttest.Denied(op)
	}
	return collecttest.Canned(answers)
}

var s3tablesCreated = time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)

func TestS3tables(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: s3tablesEstate()})

	got := collecttest.Run(t, cfg, collector.Service, "table-bucket", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 table buckets over two pages, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	b := got.ByID()["lake-0"]
	if b.Details["sse_algorithm"] != "aws:kms" || got.ByID()["lake-5"].Details["sse_algorithm"] != "AES256" || b.Tags["team"] != "lake" ||
		b.ARN != s3tablesArn+"lake-0" || b.CreatedAt != "2025-02-01T00:00:00Z" || b.Details["bucket_type"] != "customer" {
		t.Errorf("lake-0: %s %v %v %s", b.ARN, b.Details, b.Tags, b.CreatedAt)
	}
	collecttest.HasEdges(t, got, "lake-0 -encrypted-with-> kms/key:k-1")

	got = collecttest.Run(t, cfg, collector.Service, "namespace", region)
	if got.Err != nil || len(got.Resources) != 2 || got.ByID()["lake-0/hr"] == nil {
		t.Fatalf("namespaces: %v %v", got.Err, got.ByID())
	}
	collecttest.HasEdges(t, got, "lake-0/sales -in-table-bucket-> s3tables/table-bucket:lake-0")

	got = collecttest.Run(t, cfg, collector.Service, "table", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("tables: %v %v", got.Err, got.ByID())
	}
	tb := got.ByID()["lake-0/sales/orders"]
	if tb == nil || tb.Details["namespace"] != "sales" || tb.Details["table_type"] != "customer" || tb.Tags["team"] != "lake" || tb.ARN != s3tablesArn+"lake-0/table/orders" {
		t.Fatalf("orders: %v", tb)
	}
	collecttest.HasEdges(t, got, "lake-0/sales/orders -in-namespace-> s3tables/namespace:lake-0/sales")
}

func TestS3tablesDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"table-bucket": "ListTableBuckets", "namespace": "ListNamespaces", "table": "ListTables"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: s3tablesEstate(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: s3tablesEstate("GetTableBucketEncryption")})
	got := collecttest.Run(t, cfg, collector.Service, "table-bucket", region)
	if _, ok := got.ByID()["lake-0"].Details["sse_algorithm"]; got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 6 || ok {
		t.Errorf("denied encryption: want 6 buckets without it and 6 warnings, got %v %d %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
