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
		{Name: "table", Description: "DynamoDB table", Fields: tableFields, Tags: collect.TagsBulk, Collect: tables, DetailCalls: 2},
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

var tableFields = []model.Field{
	{Name: "billing_mode", Type: "text", Description: "PROVISIONED or PAY_PER_REQUEST", Values: collect.Values(types.BillingMode("").Values())},
	{Name: "status", Type: "text", Description: "ACTIVE, CREATING, UPDATING, ..."},
	{Name: "item_count", Type: "integer", Description: "approximate item count (refreshed about every six hours)"},
	{Name: "size_bytes", Type: "integer", Description: "approximate table size in bytes"},
	{Name: "read_capacity", Type: "integer", Description: "provisioned read capacity units (0 on demand)"},
	{Name: "write_capacity", Type: "integer", Description: "provisioned write capacity units (0 on demand)"},
	{Name: "pitr_enabled", Type: "boolean", Description: "point-in-time recovery enabled"},
	{Name: "sse_type", Type: "text", Description: "KMS when encrypted with a KMS key; empty for the AWS owned key"},
	{Name: "sse_status", Type: "text", Description: "server-side encryption status, e.g. ENABLED"},
	{Name: "kms_key_arn", Type: "text", Description: "KMS key of the server-side encryption"},
	{Name: "stream_enabled", Type: "boolean", Description: "DynamoDB Streams enabled"},
	{Name: "stream_view_type", Type: "text", Description: "what the stream records: KEYS_ONLY, NEW_IMAGE, ..."},
	{Name: "table_class", Type: "text", Description: "STANDARD or STANDARD_INFREQUENT_ACCESS"},
	{Name: "deletion_protection", Type: "boolean", Description: "deletion protection enabled"},
	{Name: "global_table_replicas", Type: "json", Description: "regions of the global table replicas"},
	{Name: "gsi_count", Type: "integer", Description: "number of global secondary indexes"},
}

func tables(ctx context.Context, t *collect.Task) error {
	api := dynamodb.NewFromConfig(t.Config)
	bulk := collect.NewBulkTags(t, "dynamodb:table")
	p := dynamodb.NewListTablesPaginator(api, &dynamodb.ListTablesInput{Limit: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *dynamodb.ListTablesOutput) error {
		collect.ForEach(ctx, page.TableNames, func(ctx context.Context, name string) {
			r := &model.Resource{Key: t.Key("table", name), Name: name, ARN: collect.ARN(t, "dynamodb", "", "table/"+name), Details: map[string]any{}}
			desc, err := api.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(name)})
			switch {
			case awsx.IsNotFound(err):
				return // deleted between the listing and now
			case err != nil:
				t.Warn("DescribeTable", err)
			case desc.Table != nil:
				describe(t, r, desc.Table)
			}
			backups, err := api.DescribeContinuousBackups(ctx, &dynamodb.DescribeContinuousBackupsInput{TableName: aws.String(name)})
			if err != nil {
				t.Warn("DescribeContinuousBackups", err)
			} else if cb := backups.ContinuousBackupsDescription; cb != nil && cb.PointInTimeRecoveryDescription != nil {
				r.Details["pitr_enabled"] = cb.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus == types.PointInTimeRecoveryStatusEnabled
			}
			arn := r.ARN
			r.Tags = bulk.Of(ctx, arn, "ListTagsOfResource", func(ctx context.Context) (map[string]string, error) {
				return listTags(ctx, api, arn)
			})
			t.Emit(r)
		})
		return nil
	})
}

// describe fills r from DescribeTable's answer and relates it to its KMS key.
func describe(t *collect.Task, r *model.Resource, tb *types.TableDescription) {
	if arn := aws.ToString(tb.TableArn); arn != "" {
		r.ARN = arn
	}
	r.CreatedAt = model.Time(tb.CreationDateTime)
	replicas := []string{}
	for _, rep := range tb.Replicas {
		replicas = append(replicas, aws.ToString(rep.RegionName))
	}
	d := r.Details
	d["billing_mode"] = string(types.BillingModeProvisioned) // tables predating on-demand have no summary
	if tb.BillingModeSummary != nil {
		d["billing_mode"] = string(tb.BillingModeSummary.BillingMode)
	}
	d["status"] = string(tb.TableStatus)
	d["item_count"] = aws.ToInt64(tb.ItemCount)
	d["size_bytes"] = aws.ToInt64(tb.TableSizeBytes)
	if pt := tb.ProvisionedThroughput; pt != nil {
		d["read_capacity"] = aws.ToInt64(pt.ReadCapacityUnits)
		d["write_capacity"] = aws.ToInt64(pt.WriteCapacityUnits)
	}
	if sse := tb.SSEDescription; sse != nil {
		d["sse_type"] = string(sse.SSEType)
		d["sse_status"] = string(sse.Status)
		d["kms_key_arn"] = aws.ToString(sse.KMSMasterKeyArn)
		t.Relate(r.Key, "encrypted-with", t.KMSKey(aws.ToString(sse.KMSMasterKeyArn)))
	}
	d["stream_enabled"] = tb.StreamSpecification != nil && aws.ToBool(tb.StreamSpecification.StreamEnabled)
	if tb.StreamSpecification != nil {
		d["stream_view_type"] = string(tb.StreamSpecification.StreamViewType)
	}
	d["table_class"] = string(types.TableClassStandard)
	if tb.TableClassSummary != nil && tb.TableClassSummary.TableClass != "" {
		d["table_class"] = string(tb.TableClassSummary.TableClass)
	}
	d["deletion_protection"] = aws.ToBool(tb.DeletionProtectionEnabled)
	d["global_table_replicas"] = replicas
	d["gsi_count"] = len(tb.GlobalSecondaryIndexes)
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
