package dynamodb

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// export is a listed export with DescribeExport's answer, nil when that failed.
type export struct {
	types.ExportSummary
	desc *types.ExportDescription
}

// described reads a field of DescribeExport's answer, nil without one.
func described[V any](get func(*types.ExportDescription) V) func(export) V {
	return func(e export) V {
		if e.desc == nil {
			var zero V
			return zero
		}
		return get(e.desc)
	}
}

var exportFields = collect.Fields[export]{
	collect.Enum("status", "IN_PROGRESS, COMPLETED or FAILED", func(e export) types.ExportStatus { return e.ExportStatus }),
	collect.Enum("export_type", "FULL_EXPORT or INCREMENTAL_EXPORT", func(e export) types.ExportType { return e.ExportType }),
	collect.Text("table_arn", "table exported", described(func(d *types.ExportDescription) *string { return d.TableArn })),
	collect.Text("s3_bucket", "bucket the export was written to", described(func(d *types.ExportDescription) *string { return d.S3Bucket })),
	collect.Text("s3_bucket_owner", "account owning the bucket, when another one", described(func(d *types.ExportDescription) *string { return d.S3BucketOwner })),
	collect.Text("s3_prefix", "key prefix of the export in the bucket", described(func(d *types.ExportDescription) *string { return d.S3Prefix })),
	collect.Enum("s3_sse_algorithm", "encryption of the exported objects: AES256 or KMS", described(func(d *types.ExportDescription) types.S3SseAlgorithm { return d.S3SseAlgorithm })),
	collect.Text("s3_sse_kms_key_id", "KMS key of the exported objects, with KMS", described(func(d *types.ExportDescription) *string { return d.S3SseKmsKeyId })),
	collect.Enum("export_format", "DYNAMODB_JSON or ION", described(func(d *types.ExportDescription) types.ExportFormat { return d.ExportFormat })),
	collect.Timestamp("export_time", "point in time the export shows", described(func(d *types.ExportDescription) *time.Time { return d.ExportTime })),
	collect.Timestamp("end_time", "when the export finished", described(func(d *types.ExportDescription) *time.Time { return d.EndTime })),
	collect.Int("item_count", "items exported", described(func(d *types.ExportDescription) *int64 { return d.ItemCount })),
	collect.Int("billed_size_bytes", "bytes billed for the export", described(func(d *types.ExportDescription) *int64 { return d.BilledSizeBytes })),
	collect.Text("failure_code", "why a FAILED export failed", described(func(d *types.ExportDescription) *string { return d.FailureCode })),
}

// exports lists the exports to S3 of the region's tables (kept by AWS for
// 90 days), each described for its table, bucket and encryption.
func exports(ctx context.Context, t *collect.Task) error {
	api := dynamodb.NewFromConfig(t.Config)
	p := dynamodb.NewListExportsPaginator(api, &dynamodb.ListExportsInput{MaxResults: t.PageSize(25)})
	return collect.EachItem(ctx, p, func(page *dynamodb.ListExportsOutput) []types.ExportSummary { return page.ExportSummaries },
		func(ctx context.Context, s types.ExportSummary) {
			e := export{ExportSummary: s}
			out, err := api.DescribeExport(ctx, &dynamodb.DescribeExportInput{ExportArn: s.ExportArn})
			if err != nil {
				t.Warn("DescribeExport", err)
			} else {
				e.desc = out.ExportDescription
			}
			arn := aws.ToString(s.ExportArn)
			key := t.Key("export", tableChildID(arn))
			r := &model.Resource{Key: key, ARN: arn, Details: exportFields.Details(e)}
			t.Relate(key, "export-of", t.Key("table", tableName(arn)))
			if e.desc != nil {
				r.CreatedAt = model.Time(e.desc.StartTime)
				t.RelateByName(key, "writes-to", "s3", "bucket", aws.ToString(e.desc.S3Bucket), t.Region)
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(e.desc.S3SseKmsKeyId)))
			}
			t.Emit(r)
		})
}

var importFields = collect.Fields[types.ImportSummary]{
	collect.Enum("status", "IN_PROGRESS, COMPLETED, CANCELLING, CANCELLED or FAILED", func(i types.ImportSummary) types.ImportStatus { return i.ImportStatus }),
	collect.Text("table_arn", "table created by the import", func(i types.ImportSummary) *string { return i.TableArn }),
	collect.Enum("input_format", "DYNAMODB_JSON, ION or CSV", func(i types.ImportSummary) types.InputFormat { return i.InputFormat }),
	collect.Text("s3_bucket", "bucket the data was read from", func(i types.ImportSummary) *string { return bucketSource(i).S3Bucket }),
	collect.Text("s3_bucket_owner", "account owning the bucket, when another one", func(i types.ImportSummary) *string { return bucketSource(i).S3BucketOwner }),
	collect.Text("s3_key_prefix", "key prefix read", func(i types.ImportSummary) *string { return bucketSource(i).S3KeyPrefix }),
	collect.Text("log_group_arn", "CloudWatch log group of the import's errors", func(i types.ImportSummary) *string { return i.CloudWatchLogGroupArn }),
	collect.Timestamp("end_time", "when the import finished", func(i types.ImportSummary) *time.Time { return i.EndTime }),
}

func bucketSource(i types.ImportSummary) types.S3BucketSource {
	if i.S3BucketSource == nil {
		return types.S3BucketSource{}
	}
	return *i.S3BucketSource
}

// imports lists the imports from S3 into new tables (kept by AWS for 90 days).
func imports(ctx context.Context, t *collect.Task) error {
	api := dynamodb.NewFromConfig(t.Config)
	p := dynamodb.NewListImportsPaginator(api, &dynamodb.ListImportsInput{PageSize: t.PageSize(25)})
	return collect.EachPage(ctx, p, func(page *dynamodb.ListImportsOutput) error {
		for _, i := range page.ImportSummaryList {
			arn := aws.ToString(i.ImportArn)
			key := t.Key("import", tableChildID(arn))
			t.Emit(&model.Resource{Key: key, ARN: arn, CreatedAt: model.Time(i.StartTime), Details: importFields.Details(i)})
			t.Relate(key, "imported-into", t.Key("table", tableName(arn)))
			t.RelateByName(key, "reads-from", "s3", "bucket", aws.ToString(bucketSource(i).S3Bucket), t.Region)
			t.Relate(key, "logs-to", t.Ref("logs", "log-group", collect.LogGroupName(aws.ToString(i.CloudWatchLogGroupArn))))
		}
		return nil
	})
}
