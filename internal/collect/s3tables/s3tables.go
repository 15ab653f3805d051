// Package s3tables collects S3 table buckets and the namespaces and
// (Apache Iceberg) tables in them.
package s3tables

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3tables"
	"github.com/aws/aws-sdk-go-v2/service/s3tables/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the S3 Tables collector.
var Service = &collect.Service{
	Name:        "s3tables",
	Description: "S3 table buckets, namespaces and tables",
	Types: []collect.Type{
		{Name: "table-bucket", Description: "S3 table bucket (id = name)", Fields: bucketFields.Declared(), Tags: collect.TagsPerResource, Collect: tableBuckets, DetailCalls: 2},
		{Name: "namespace", Description: "namespace of a table bucket (id = bucket/namespace)", Fields: namespaceFields.Declared(), Tags: collect.NotTaggable, Collect: namespaces, DetailCalls: 1},
		{Name: "table", Description: "table of a table bucket (id = bucket/namespace/table)", Fields: tableFields.Declared(), Tags: collect.TagsPerResource, Collect: tables, DetailCalls: 2},
	},
	Calls: "ListTableBuckets once for all types; table-bucket: per bucket GetTableBucketEncryption, ListTagsForResource. namespace: per bucket ListNamespaces. " +
		"table: per bucket ListTables + per table ListTagsForResource",
	Relations: []collect.Relation{
		{From: "table-bucket", Kind: "encrypted-with", To: "kms/key"},
		{From: "namespace", Kind: "in-table-bucket", To: "s3tables/table-bucket"},
		{From: "table", Kind: "in-namespace", To: "s3tables/namespace"},
	},
}

// tags reads a resource's tags; a failure is a warning and leaves them unknown.
func tags(ctx context.Context, t *collect.Task, api *s3tables.Client, arn *string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &s3tables.ListTagsForResourceInput{ResourceArn: arn})
	t.Warn("ListTagsForResource", err)
	if err != nil {
		return nil
	}
	return out.Tags
}

// bucket is a table bucket with its encryption (nil when it could not be read).
type bucket struct {
	types.TableBucketSummary
	enc *types.EncryptionConfiguration
}

func hasEncryption(b bucket) bool { return b.enc != nil }

var bucketFields = collect.Fields[bucket]{
	collect.Enum("bucket_type", "customer, or aws for buckets AWS services manage", func(b bucket) types.TableBucketType { return b.Type }),
	collect.When(hasEncryption, collect.Enum("sse_algorithm", "AES256 (S3-managed keys) or aws:kms", func(b bucket) types.SSEAlgorithm { return b.enc.SseAlgorithm })),
	collect.When(hasEncryption, collect.Text("kms_key_arn", "KMS key of aws:kms encryption", func(b bucket) *string { return b.enc.KmsKeyArn })),
}

// eachBucket runs fn on every table bucket, concurrently; the buckets are
// listed once for all three types.
func eachBucket(ctx context.Context, t *collect.Task, api *s3tables.Client, fn func(ctx context.Context, b types.TableBucketSummary)) error {
	p := s3tables.NewListTableBucketsPaginator(api, &s3tables.ListTableBucketsInput{MaxBuckets: t.PageSize(1000)})
	buckets, err := collect.ReuseItems(ctx, t, "ListTableBuckets", p, func(page *s3tables.ListTableBucketsOutput) []types.TableBucketSummary { return page.TableBuckets })
	collect.ForEach(ctx, buckets, fn)
	return err
}

func tableBuckets(ctx context.Context, t *collect.Task) error {
	api := s3tables.NewFromConfig(t.Config)
	return eachBucket(ctx, t, api, func(ctx context.Context, s types.TableBucketSummary) {
		b := bucket{TableBucketSummary: s}
		out, err := api.GetTableBucketEncryption(ctx, &s3tables.GetTableBucketEncryptionInput{TableBucketARN: s.Arn})
		t.Warn("GetTableBucketEncryption", err)
		if err == nil {
			b.enc = out.EncryptionConfiguration
		}
		name := aws.ToString(s.Name)
		key := t.Key("table-bucket", name)
		t.Emit(&model.Resource{Key: key, ARN: aws.ToString(s.Arn), Name: name, CreatedAt: model.Time(s.CreatedAt), Tags: tags(ctx, t, api, s.Arn),
			Details: bucketFields.Details(b)})
		if b.enc != nil {
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(b.enc.KmsKeyArn)))
		}
	})
}

var namespaceFields = collect.Fields[types.NamespaceSummary]{
	collect.Text("created_by", "account or principal that created it", func(n types.NamespaceSummary) *string { return n.CreatedBy }),
	collect.Text("owner_account_id", "owning account", func(n types.NamespaceSummary) *string { return n.OwnerAccountId }),
}

// namespaces: ListNamespaces answers per bucket; a bucket whose
// namespaces cannot be listed fails the collection once the others are stored.
func namespaces(ctx context.Context, t *collect.Task) error {
	api := s3tables.NewFromConfig(t.Config)
	var listErr collect.FirstErr
	err := eachBucket(ctx, t, api, func(ctx context.Context, b types.TableBucketSummary) {
		bucketName := aws.ToString(b.Name)
		p := s3tables.NewListNamespacesPaginator(api, &s3tables.ListNamespacesInput{TableBucketARN: b.Arn, MaxNamespaces: t.PageSize(1000)})
		listErr.Keep(collect.EachPage(ctx, p, func(page *s3tables.ListNamespacesOutput) error {
			for _, n := range page.Namespaces {
				name := strings.Join(n.Namespace, ".")
				key := t.Key("namespace", bucketName+"/"+name)
				t.Emit(&model.Resource{Key: key, Name: name, CreatedAt: model.Time(n.CreatedAt), Details: namespaceFields.Details(n)})
				t.Relate(key, "in-table-bucket", t.Key("table-bucket", bucketName))
			}
			return nil
		}))
	})
	if err != nil {
		return err
	}
	return listErr.Err()
}

var tableFields = collect.Fields[types.TableSummary]{
	collect.Computed("namespace", model.Text, "namespace of the table", func(s types.TableSummary) any { return strings.Join(s.Namespace, ".") }),
	collect.Enum("table_type", "customer, or aws for tables AWS services manage", func(s types.TableSummary) types.TableType { return s.Type }),
	collect.Text("managed_by_service", "AWS service managing the table, if any", func(s types.TableSummary) *string { return s.ManagedByService }),
	collect.Timestamp("modified_at", "last change to the table", func(s types.TableSummary) *time.Time { return s.ModifiedAt }),
}

func tables(ctx context.Context, t *collect.Task) error {
	api := s3tables.NewFromConfig(t.Config)
	var listErr collect.FirstErr
	err := eachBucket(ctx, t, api, func(ctx context.Context, b types.TableBucketSummary) {
		bucketName := aws.ToString(b.Name)
		p := s3tables.NewListTablesPaginator(api, &s3tables.ListTablesInput{TableBucketARN: b.Arn, MaxTables: t.PageSize(1000)})
		listErr.Keep(collect.EachItem(ctx, p, func(page *s3tables.ListTablesOutput) []types.TableSummary { return page.Tables },
			func(ctx context.Context, s types.TableSummary) {
				namespace := bucketName + "/" + strings.Join(s.Namespace, ".")
				key := t.Key("table", namespace+"/"+aws.ToString(s.Name))
				t.Emit(&model.Resource{Key: key, ARN: aws.ToString(s.TableARN), Name: aws.ToString(s.Name), CreatedAt: model.Time(s.CreatedAt),
					Tags: tags(ctx, t, api, s.TableARN), Details: tableFields.Details(s)})
				t.Relate(key, "in-namespace", t.Key("namespace", namespace))
			}))
	})
	if err != nil {
		return err
	}
	return listErr.Err()
}
