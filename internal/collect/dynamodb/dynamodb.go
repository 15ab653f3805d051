// Package dynamodb collects DynamoDB tables, their backups, exports and
// imports, and global tables.
package dynamodb

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the DynamoDB collector.
var Service = &collect.Service{
	Name:        "dynamodb",
	Description: "DynamoDB tables, backups, exports, imports and global tables",
	Types: []collect.Type{
		{Name: "table", Description: "DynamoDB table", Fields: tableFields.Declared(), Tags: collect.TagsBulk, Collect: tables, DetailCalls: 2},
		{Name: "backup", Description: "on-demand, system and AWS Backup backup of a table", Fields: backupFields.Declared(), Tags: collect.NotTaggable, Collect: backups},
		{Name: "global-table", Description: "global table of version 2017.11.29 with a replica in the region (newer ones are tables with replicas)",
			Fields: globalTableFields.Declared(), Tags: collect.NotTaggable, Collect: globalTables, DetailCalls: 1},
		{Name: "export", Description: "export of a table to S3 (kept listed for 90 days)", Fields: exportFields.Declared(), Tags: collect.NotTaggable, Collect: exports, DetailCalls: 1},
		{Name: "import", Description: "import from S3 into a new table (kept listed for 90 days)", Fields: importFields.Declared(), Tags: collect.NotTaggable, Collect: imports},
	},
	Calls: "table: ListTables + per table DescribeTable, DescribeContinuousBackups; bulk tags (else per table ListTagsOfResource); " +
		"backup: ListBackups; global-table: ListGlobalTables + per table DescribeGlobalTable; export: ListExports + per export DescribeExport; import: ListImports",
	Relations: []collect.Relation{
		{From: "table", Kind: "encrypted-with", To: "kms/key"},
		{From: "backup", Kind: "backup-of", To: "dynamodb/table"},
		{From: "global-table", Kind: "has-replica", To: "dynamodb/table"},
		{From: "export", Kind: "export-of", To: "dynamodb/table"},
		{From: "export", Kind: "writes-to", To: "s3/bucket"},
		{From: "export", Kind: "encrypted-with", To: "kms/key"},
		{From: "import", Kind: "imported-into", To: "dynamodb/table"},
		{From: "import", Kind: "reads-from", To: "s3/bucket"},
		{From: "import", Kind: "logs-to", To: "logs/log-group"},
	},
}

// table is a listed table with DescribeTable's answer and the point-in-time
// recovery state DescribeContinuousBackups reports, each nil when unknown.
type table struct {
	desc *types.TableDescription
	pitr *bool
}

func hasTable(tb table) bool      { return tb.desc != nil }
func hasThroughput(tb table) bool { return hasTable(tb) && tb.desc.ProvisionedThroughput != nil }
func hasSSE(tb table) bool        { return hasTable(tb) && tb.desc.SSEDescription != nil }
func hasStream(tb table) bool     { return hasTable(tb) && tb.desc.StreamSpecification != nil }
func hasPITR(tb table) bool       { return tb.pitr != nil }

var tableFields = collect.Fields[table]{
	collect.When(hasTable, collect.Enum("billing_mode", "PROVISIONED or PAY_PER_REQUEST", func(tb table) types.BillingMode {
		if tb.desc.BillingModeSummary == nil { // tables predating on-demand have no summary
			return types.BillingModeProvisioned
		}
		return tb.desc.BillingModeSummary.BillingMode
	})),
	collect.When(hasTable, collect.Enum("status", "ACTIVE, CREATING, UPDATING, ...", func(tb table) types.TableStatus { return tb.desc.TableStatus })),
	collect.When(hasTable, collect.Int("item_count", "approximate item count (refreshed about every six hours)", func(tb table) *int64 { return tb.desc.ItemCount })),
	collect.When(hasTable, collect.Int("size_bytes", "approximate table size in bytes", func(tb table) *int64 { return tb.desc.TableSizeBytes })),
	collect.When(hasThroughput, collect.Int("read_capacity", "provisioned read capacity units (0 on demand)", func(tb table) *int64 {
		return tb.desc.ProvisionedThroughput.ReadCapacityUnits
	})),
	collect.When(hasThroughput, collect.Int("write_capacity", "provisioned write capacity units (0 on demand)", func(tb table) *int64 {
		return tb.desc.ProvisionedThroughput.WriteCapacityUnits
	})),
	collect.When(hasPITR, collect.Bool("pitr_enabled", "point-in-time recovery enabled", func(tb table) *bool { return tb.pitr })),
	collect.When(hasSSE, collect.Enum("sse_type", "KMS when encrypted with a KMS key; empty for the AWS owned key", func(tb table) types.SSEType {
		return tb.desc.SSEDescription.SSEType
	})),
	collect.When(hasSSE, collect.Enum("sse_status", "server-side encryption status, e.g. ENABLED", func(tb table) types.SSEStatus {
		return tb.desc.SSEDescription.Status
	})),
	collect.When(hasSSE, collect.Text("kms_key_arn", "KMS key of the server-side encryption", func(tb table) *string { return tb.desc.SSEDescription.KMSMasterKeyArn })),
	collect.When(hasTable, collect.Computed("stream_enabled", model.Boolean, "DynamoDB Streams enabled", func(tb table) any {
		return tb.desc.StreamSpecification != nil && aws.ToBool(tb.desc.StreamSpecification.StreamEnabled)
	})),
	collect.When(hasStream, collect.Enum("stream_view_type", "what the stream records: KEYS_ONLY, NEW_IMAGE, ...", func(tb table) types.StreamViewType {
		return tb.desc.StreamSpecification.StreamViewType
	})),
	collect.When(hasTable, collect.Enum("table_class", "STANDARD or STANDARD_INFREQUENT_ACCESS", func(tb table) types.TableClass {
		if tb.desc.TableClassSummary == nil || tb.desc.TableClassSummary.TableClass == "" {
			return types.TableClassStandard
		}
		return tb.desc.TableClassSummary.TableClass
	})),
	collect.When(hasTable, collect.Bool("deletion_protection", "deletion protection enabled", func(tb table) *bool { return tb.desc.DeletionProtectionEnabled })),
	collect.When(hasTable, collect.Computed("global_table_replicas", model.JSON, "regions of the global table replicas", func(tb table) any {
		replicas := []string{}
		for _, rep := range tb.desc.Replicas {
			replicas = append(replicas, aws.ToString(rep.RegionName))
		}
		return replicas
	})),
	collect.When(hasTable, collect.Computed("gsi_count", model.Integer, "number of global secondary indexes", func(tb table) any { return len(tb.desc.GlobalSecondaryIndexes) })),
}

func tables(ctx context.Context, t *collect.Task) error {
	api := dynamodb.NewFromConfig(t.Config)
	bulk := collect.NewBulkTags(t, "dynamodb:table")
	p := dynamodb.NewListTablesPaginator(api, &dynamodb.ListTablesInput{Limit: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *dynamodb.ListTablesOutput) error {
		collect.ForEach(ctx, page.TableNames, func(ctx context.Context, name string) {
			r := &model.Resource{Key: t.Key("table", name), Name: name, ARN: collect.ARN(t, "dynamodb", "", "table/"+name)}
			var tb table
			desc, err := api.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(name)})
			switch {
			case awsx.IsNotFound(err):
				return // deleted between the listing and now
			case err != nil:
				t.Warn("DescribeTable", err)
			case desc.Table != nil:
				tb.desc = desc.Table
				describe(t, r, desc.Table)
			}
			backups, err := api.DescribeContinuousBackups(ctx, &dynamodb.DescribeContinuousBackupsInput{TableName: aws.String(name)})
			if err != nil {
				t.Warn("DescribeContinuousBackups", err)
			} else if cb := backups.ContinuousBackupsDescription; cb != nil && cb.PointInTimeRecoveryDescription != nil {
				tb.pitr = aws.Bool(cb.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus == types.PointInTimeRecoveryStatusEnabled)
			}
			r.Details = tableFields.Details(tb)
			arn := r.ARN
			r.Tags = bulk.Of(ctx, arn, "ListTagsOfResource", func(ctx context.Context) (map[string]string, error) {
				return listTags(ctx, api, arn)
			})
			t.Emit(r)
		})
		return nil
	})
}

// describe fills r's ARN and creation time from DescribeTable's answer and
// relates it to its KMS key.
func describe(t *collect.Task, r *model.Resource, tb *types.TableDescription) {
	if arn := aws.ToString(tb.TableArn); arn != "" {
		r.ARN = arn
	}
	r.CreatedAt = model.Time(tb.CreationDateTime)
	if sse := tb.SSEDescription; sse != nil {
		t.Relate(r.Key, "encrypted-with", t.KMSKey(aws.ToString(sse.KMSMasterKeyArn)))
	}
}

// listTags pages through ListTagsOfResource, which has no SDK paginator.
func listTags(ctx context.Context, api *dynamodb.Client, arn string) (map[string]string, error) {
	tags := map[string]string{}
	in := &dynamodb.ListTagsOfResourceInput{ResourceArn: aws.String(arn)}
	for {
		out, err := api.ListTagsOfResource(ctx, in)
		if err != nil {
			return nil, err
		}
		for k, v := range collect.TagMap(out.Tags, func(t types.Tag) (*string, *string) { return t.Key, t.Value }) {
			tags[k] = v
		}
		if aws.ToString(out.NextToken) == "" {
			return tags, nil
		}
		in.NextToken = out.NextToken
	}
}
