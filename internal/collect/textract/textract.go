// Package textract collects Amazon Textract custom adapters and their
// trained versions.
package textract

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/textract"
	"github.com/aws/aws-sdk-go-v2/service/textract/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Textract collector.
var Service = &collect.Service{
	Name:        "textract",
	Description: "Textract custom adapters and adapter versions",
	Types: []collect.Type{
		{Name: "adapter", Description: "Textract adapter (id = adapter id): a customization of document analysis",
			Fields: adapterFields.Declared(), Tags: collect.TagsPerResource, Collect: adapters, DetailCalls: 1},
		{Name: "adapter-version", Description: "trained version of an adapter (id = ADAPTER_ID/VERSION), with its key and output bucket",
			Fields: versionFields.Declared(), Tags: collect.TagsPerResource, Collect: adapterVersions, DetailCalls: 1},
	},
	Calls: "adapter: ListAdapters + per adapter GetAdapter (tags included). adapter-version: ListAdapterVersions + per version GetAdapterVersion (tags included)",
	Relations: []collect.Relation{
		{From: "adapter-version", Kind: "in", To: "textract/adapter"},
		{From: "adapter-version", Kind: "encrypted-with", To: "kms/key"},
		{From: "adapter-version", Kind: "writes-to", To: "s3/bucket"},
	},
}

func adapterARN(t *collect.Task, id string) string {
	return collect.ARN(t, "textract", "", "/adapters/"+id)
}

var adapterFields = collect.Fields[*textract.GetAdapterOutput]{
	collect.Computed("feature_types", model.JSON, "analyses the adapter customizes (QUERIES, TABLES, FORMS, SIGNATURES, LAYOUT)", func(a *textract.GetAdapterOutput) any {
		return collect.Values(a.FeatureTypes)
	}),
	collect.Enum("auto_update", "ENABLED: AWS retrains the adapter when the base model changes", func(a *textract.GetAdapterOutput) types.AutoUpdate { return a.AutoUpdate }),
	collect.Text("description", "what the adapter is for", func(a *textract.GetAdapterOutput) *string { return a.Description }),
}

func adapters(ctx context.Context, t *collect.Task) error {
	api := textract.NewFromConfig(t.Config)
	p := textract.NewListAdaptersPaginator(api, &textract.ListAdaptersInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *textract.ListAdaptersOutput) []types.AdapterOverview { return page.Adapters },
		func(ctx context.Context, o types.AdapterOverview) {
			id := aws.ToString(o.AdapterId)
			a, err := api.GetAdapter(ctx, &textract.GetAdapterInput{AdapterId: o.AdapterId})
			if err != nil {
				t.Warn("GetAdapter", err)
				a = &textract.GetAdapterOutput{AdapterId: o.AdapterId, AdapterName: o.AdapterName, CreationTime: o.CreationTime, FeatureTypes: o.FeatureTypes}
			}
			t.Emit(&model.Resource{Key: t.Key("adapter", id), Name: aws.ToString(a.AdapterName), ARN: adapterARN(t, id),
				CreatedAt: model.Time(a.CreationTime), Tags: a.Tags, Details: adapterFields.Details(a)})
		})
}

var versionFields = collect.Fields[*textract.GetAdapterVersionOutput]{
	collect.Enum("status", "ACTIVE, AT_RISK, DEPRECATED, CREATION_ERROR or CREATION_IN_PROGRESS", func(v *textract.GetAdapterVersionOutput) types.AdapterVersionStatus {
		return v.Status
	}),
	collect.Text("status_message", "why the version is in its status", func(v *textract.GetAdapterVersionOutput) *string { return v.StatusMessage }),
	collect.Computed("feature_types", model.JSON, "analyses the version was trained for", func(v *textract.GetAdapterVersionOutput) any {
		return collect.Values(v.FeatureTypes)
	}),
	collect.Text("kms_key", "customer KMS key encrypting the training data and output; empty: an AWS owned key", func(v *textract.GetAdapterVersionOutput) *string {
		return v.KMSKeyId
	}),
	collect.Computed("output_bucket", model.Text, "S3 bucket the training output is written to", func(v *textract.GetAdapterVersionOutput) any { return outputBucket(v) }),
}

func outputBucket(v *textract.GetAdapterVersionOutput) string {
	if v.OutputConfig == nil {
		return ""
	}
	return aws.ToString(v.OutputConfig.S3Bucket)
}

func adapterVersions(ctx context.Context, t *collect.Task) error {
	api := textract.NewFromConfig(t.Config)
	p := textract.NewListAdapterVersionsPaginator(api, &textract.ListAdapterVersionsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *textract.ListAdapterVersionsOutput) []types.AdapterVersionOverview {
		return page.AdapterVersions
	},
		func(ctx context.Context, o types.AdapterVersionOverview) {
			adapter, version := aws.ToString(o.AdapterId), aws.ToString(o.AdapterVersion)
			v, err := api.GetAdapterVersion(ctx, &textract.GetAdapterVersionInput{AdapterId: o.AdapterId, AdapterVersion: o.AdapterVersion})
			if err != nil {
				t.Warn("GetAdapterVersion", err)
				v = &textract.GetAdapterVersionOutput{AdapterId: o.AdapterId, AdapterVersion: o.AdapterVersion, CreationTime: o.CreationTime,
					FeatureTypes: o.FeatureTypes, Status: o.Status, StatusMessage: o.StatusMessage}
			}
			key := t.Key("adapter-version", adapter+"/"+version)
			t.Emit(&model.Resource{Key: key, Name: version, ARN: adapterARN(t, adapter) + "/versions/" + version,
				CreatedAt: model.Time(v.CreationTime), Tags: v.Tags, Details: versionFields.Details(v)})
			t.Relate(key, "in", t.Key("adapter", adapter))
			t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(v.KMSKeyId)))
			t.RelateByName(key, "writes-to", "s3", "bucket", outputBucket(v), t.Region)
		})
}
