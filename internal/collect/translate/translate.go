// Package translate collects Amazon Translate custom terminologies and
// parallel data.
package translate

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/translate"
	"github.com/aws/aws-sdk-go-v2/service/translate/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Translate collector.
var Service = &collect.Service{
	Name:        "translate",
	Description: "Translate custom terminologies and parallel data",
	Types: []collect.Type{
		{Name: "terminology", Description: "Translate custom terminology (id = name): terms translated one fixed way",
			Fields: terminologyFields.Declared(), Tags: collect.TagsPerResource, Collect: terminologies, DetailCalls: 1},
		{Name: "parallel-data", Description: "Translate parallel data (id = name): example translations customizing batch jobs",
			Fields: parallelDataFields.Declared(), Tags: collect.TagsPerResource, Collect: parallelData, DetailCalls: 1},
	},
	Calls: "terminology: ListTerminologies + per terminology ListTagsForResource. parallel-data: ListParallelData + per parallel data ListTagsForResource",
	Relations: []collect.Relation{
		{From: "terminology", Kind: "encrypted-with", To: "kms/key"},
		{From: "parallel-data", Kind: "encrypted-with", To: "kms/key"},
		{From: "parallel-data", Kind: "reads-from", To: "s3/bucket"},
	},
}

// kmsKey is the customer key of an encryption setting; "" for the AWS owned key.
func kmsKey(k *types.EncryptionKey) string {
	if k == nil {
		return ""
	}
	return aws.ToString(k.Id)
}

// emit emits a terminology or parallel data with its tags, related to its key.
func emit(ctx context.Context, t *collect.Task, api *translate.Client, r *model.Resource, key *types.EncryptionKey) {
	out, err := api.ListTagsForResource(ctx, &translate.ListTagsForResourceInput{ResourceArn: aws.String(r.ARN)})
	if err != nil {
		t.Warn("ListTagsForResource", err)
	} else {
		r.Tags = collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
	}
	t.Emit(r)
	t.Relate(r.Key, "encrypted-with", t.KMSKey(kmsKey(key)))
}

var terminologyFields = collect.Fields[types.TerminologyProperties]{
	collect.Text("source_language", "language of the source terms", func(p types.TerminologyProperties) *string { return p.SourceLanguageCode }),
	collect.Computed("target_languages", model.JSON, "languages the terms are translated into", func(p types.TerminologyProperties) any {
		return append([]string{}, p.TargetLanguageCodes...)
	}),
	collect.Enum("directionality", "UNI (source to targets) or MULTI (any language of it to the others)", func(p types.TerminologyProperties) types.Directionality { return p.Directionality }),
	collect.Enum("format", "CSV, TMX or TSV", func(p types.TerminologyProperties) types.TerminologyDataFormat { return p.Format }),
	collect.Int("terms", "terms in the terminology", func(p types.TerminologyProperties) *int32 { return p.TermCount }),
	collect.Int("size_bytes", "size of the terminology", func(p types.TerminologyProperties) *int32 { return p.SizeBytes }),
	collect.Computed("kms_key", model.Text, "customer KMS key encrypting it; empty: an AWS owned key", func(p types.TerminologyProperties) any { return kmsKey(p.EncryptionKey) }),
	collect.Timestamp("updated", "last change", func(p types.TerminologyProperties) *time.Time { return p.LastUpdatedAt }),
}

func terminologies(ctx context.Context, t *collect.Task) error {
	api := translate.NewFromConfig(t.Config)
	p := translate.NewListTerminologiesPaginator(api, &translate.ListTerminologiesInput{MaxResults: t.PageSize(500)})
	return collect.EachItem(ctx, p, func(page *translate.ListTerminologiesOutput) []types.TerminologyProperties {
		return page.TerminologyPropertiesList
	},
		func(ctx context.Context, p types.TerminologyProperties) {
			name := aws.ToString(p.Name)
			emit(ctx, t, api, &model.Resource{Key: t.Key("terminology", name), Name: name, ARN: aws.ToString(p.Arn), CreatedAt: model.Time(p.CreatedAt),
				Details: terminologyFields.Details(p)}, p.EncryptionKey)
		})
}

var parallelDataFields = collect.Fields[types.ParallelDataProperties]{
	collect.Enum("status", "CREATING, UPDATING, ACTIVE, DELETING or FAILED", func(p types.ParallelDataProperties) types.ParallelDataStatus { return p.Status }),
	collect.Text("source_language", "language of the source text", func(p types.ParallelDataProperties) *string { return p.SourceLanguageCode }),
	collect.Computed("target_languages", model.JSON, "languages of the example translations", func(p types.ParallelDataProperties) any {
		return append([]string{}, p.TargetLanguageCodes...)
	}),
	collect.Computed("format", model.Text, "TSV, CSV or TMX", func(p types.ParallelDataProperties) any {
		if p.ParallelDataConfig == nil {
			return ""
		}
		return string(p.ParallelDataConfig.Format)
	}),
	collect.Computed("s3_uri", model.Text, "S3 location the data was imported from", func(p types.ParallelDataProperties) any { return s3URI(p) }),
	collect.Int("records", "records imported", func(p types.ParallelDataProperties) *int64 { return p.ImportedRecordCount }),
	collect.Int("size_bytes", "size of the imported data", func(p types.ParallelDataProperties) *int64 { return p.ImportedDataSize }),
	collect.Computed("kms_key", model.Text, "customer KMS key encrypting it; empty: an AWS owned key", func(p types.ParallelDataProperties) any { return kmsKey(p.EncryptionKey) }),
	collect.Timestamp("updated", "last change", func(p types.ParallelDataProperties) *time.Time { return p.LastUpdatedAt }),
}

func s3URI(p types.ParallelDataProperties) string {
	if p.ParallelDataConfig == nil {
		return ""
	}
	return aws.ToString(p.ParallelDataConfig.S3Uri)
}

func parallelData(ctx context.Context, t *collect.Task) error {
	api := translate.NewFromConfig(t.Config)
	p := translate.NewListParallelDataPaginator(api, &translate.ListParallelDataInput{MaxResults: t.PageSize(500)})
	return collect.EachItem(ctx, p, func(page *translate.ListParallelDataOutput) []types.ParallelDataProperties {
		return page.ParallelDataPropertiesList
	},
		func(ctx context.Context, p types.ParallelDataProperties) {
			name := aws.ToString(p.Name)
			r := &model.Resource{Key: t.Key("parallel-data", name), Name: name, ARN: aws.ToString(p.Arn), CreatedAt: model.Time(p.CreatedAt),
				Details: parallelDataFields.Details(p)}
			emit(ctx, t, api, r, p.EncryptionKey)
			t.RelateByName(r.Key, "reads-from", "s3", "bucket", collect.S3URIBucket(s3URI(p)), t.Region)
		})
}
