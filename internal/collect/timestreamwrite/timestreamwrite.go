// Package timestreamwrite collects Timestream for LiveAnalytics databases
// and tables.
package timestreamwrite

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/timestreamwrite"
	"github.com/aws/aws-sdk-go-v2/service/timestreamwrite/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Timestream (LiveAnalytics) collector.
var Service = &collect.Service{
	Name:        "timestream-write",
	Description: "Timestream for LiveAnalytics databases and tables",
	Types: []collect.Type{
		{Name: "database", Description: "Timestream database (id = name)", Fields: databaseFields.Declared(), Tags: collect.TagsPerResource, Collect: databases, DetailCalls: 1},
		{Name: "table", Description: "Timestream table (id = database/table): retention in the memory and magnetic stores", Fields: tableFields.Declared(),
			Tags: collect.TagsPerResource, Collect: tables, DetailCalls: 1},
	},
	Calls: "database, table: List* (after DescribeEndpoints, the SDK's endpoint discovery) + per resource ListTagsForResource",
	Relations: []collect.Relation{
		{From: "database", Kind: "encrypted-with", To: "kms/key"},
		{From: "table", Kind: "in-database", To: "timestream-write/database"},
		{From: "table", Kind: "rejects-to", To: "s3/bucket"},
	},
}

// client is the Timestream Write client. The SDK makes each operation call
// api.DescribeEndpoints first for a cell endpoint (written so, the IAM
// policy scan of this code grants timestream:DescribeEndpoints too); an
// emulator (Local) answers on its own address, which discovery would
// replace with AWS's.
func client(t *collect.Task) *timestreamwrite.Client {
	return timestreamwrite.NewFromConfig(t.Config, func(o *timestreamwrite.Options) {
		if t.Local {
			o.EndpointDiscovery.EnableEndpointDiscovery = aws.EndpointDiscoveryDisabled
		}
	})
}

// emitTagged reads r's tags, then emits it; a failed read is a warning.
func emitTagged(ctx context.Context, t *collect.Task, api *timestreamwrite.Client, r *model.Resource) {
	out, err := api.ListTagsForResource(ctx, &timestreamwrite.ListTagsForResourceInput{ResourceARN: aws.String(r.ARN)})
	t.Warn("ListTagsForResource", err)
	if err == nil {
		r.Tags = collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
	}
	t.Emit(r)
}

var databaseFields = collect.Fields[types.Database]{
	collect.Text("kms_key_id", "KMS key encrypting the data", func(d types.Database) *string { return d.KmsKeyId }),
	collect.Computed("tables", model.Integer, "tables in the database", func(d types.Database) any { return d.TableCount }),
}

func databases(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := timestreamwrite.NewListDatabasesPaginator(api, &timestreamwrite.ListDatabasesInput{MaxResults: t.PageSize(20)})
	return collect.EachItem(ctx, p, func(page *timestreamwrite.ListDatabasesOutput) []types.Database { return page.Databases }, func(ctx context.Context, d types.Database) {
		name := aws.ToString(d.DatabaseName)
		key := t.Key("database", name)
		emitTagged(ctx, t, api, &model.Resource{Key: key, ARN: aws.ToString(d.Arn), Name: name, CreatedAt: model.Time(d.CreationTime), Details: databaseFields.Details(d)})
		t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(d.KmsKeyId)))
	})
}

func retention(tb types.Table) types.RetentionProperties {
	if tb.RetentionProperties == nil {
		return types.RetentionProperties{}
	}
	return *tb.RetentionProperties
}

// rejectedBucket is where magnetic store writes that fail go, if anywhere.
func rejectedBucket(tb types.Table) string {
	w := tb.MagneticStoreWriteProperties
	if w == nil || w.MagneticStoreRejectedDataLocation == nil || w.MagneticStoreRejectedDataLocation.S3Configuration == nil {
		return ""
	}
	return aws.ToString(w.MagneticStoreRejectedDataLocation.S3Configuration.BucketName)
}

var tableFields = collect.Fields[types.Table]{
	collect.Text("database", "database of the table", func(tb types.Table) *string { return tb.DatabaseName }),
	collect.Enum("status", "ACTIVE, DELETING or RESTORING", func(tb types.Table) types.TableStatus { return tb.TableStatus }),
	collect.Computed("memory_retention_hours", model.Integer, "hours data stays in the memory store", func(tb types.Table) any {
		return aws.ToInt64(retention(tb).MemoryStoreRetentionPeriodInHours)
	}),
	collect.Computed("magnetic_retention_days", model.Integer, "days data stays in the magnetic store", func(tb types.Table) any {
		return aws.ToInt64(retention(tb).MagneticStoreRetentionPeriodInDays)
	}),
	collect.Computed("magnetic_writes", model.Boolean, "late data may be written to the magnetic store", func(tb types.Table) any {
		return tb.MagneticStoreWriteProperties != nil && aws.ToBool(tb.MagneticStoreWriteProperties.EnableMagneticStoreWrites)
	}),
	collect.Computed("rejected_data_bucket", model.Text, "bucket receiving rejected magnetic store writes", func(tb types.Table) any { return rejectedBucket(tb) }),
}

// tables: ListTables without a database lists the region's tables.
func tables(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := timestreamwrite.NewListTablesPaginator(api, &timestreamwrite.ListTablesInput{MaxResults: t.PageSize(20)})
	return collect.EachItem(ctx, p, func(page *timestreamwrite.ListTablesOutput) []types.Table { return page.Tables }, func(ctx context.Context, tb types.Table) {
		db := aws.ToString(tb.DatabaseName)
		key := t.Key("table", db+"/"+aws.ToString(tb.TableName))
		emitTagged(ctx, t, api, &model.Resource{Key: key, ARN: aws.ToString(tb.Arn), Name: aws.ToString(tb.TableName), CreatedAt: model.Time(tb.CreationTime),
			Details: tableFields.Details(tb)})
		t.Relate(key, "in-database", t.Key("database", db))
		t.RelateByName(key, "rejects-to", "s3", "bucket", rejectedBucket(tb), t.Region)
	})
}
