// Package transcribe collects Amazon Transcribe custom vocabularies,
// medical vocabularies and custom language models.
package transcribe

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/transcribe"
	"github.com/aws/aws-sdk-go-v2/service/transcribe/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Transcribe collector.
var Service = &collect.Service{
	Name:        "transcribe",
	Description: "Transcribe custom vocabularies, medical vocabularies and custom language models",
	Types: []collect.Type{
		{Name: "vocabulary", Description: "Transcribe custom vocabulary (id = name)", Fields: vocabularyFields.Declared(), Tags: collect.TagsPerResource,
			Collect: vocabularies, DetailCalls: 1},
		{Name: "medical-vocabulary", Description: "Transcribe Medical custom vocabulary (id = name)", Fields: vocabularyFields.Declared(), Tags: collect.TagsPerResource,
			Collect: medicalVocabularies, DetailCalls: 1},
		{Name: "language-model", Description: "Transcribe custom language model (id = model name), trained on the account's text",
			Fields: languageModelFields.Declared(), Tags: collect.TagsPerResource, Collect: languageModels, DetailCalls: 1},
	},
	Calls: "vocabulary: ListVocabularies + per vocabulary ListTagsForResource. medical-vocabulary: ListMedicalVocabularies + per vocabulary ListTagsForResource. " +
		"language-model: ListLanguageModels + per model ListTagsForResource",
	Relations: []collect.Relation{
		{From: "language-model", Kind: "assumes-role", To: "iam/role"},
		{From: "language-model", Kind: "reads-from", To: "s3/bucket"},
	},
}

var vocabularyFields = collect.Fields[types.VocabularyInfo]{
	collect.Enum("state", "PENDING, READY or FAILED", func(v types.VocabularyInfo) types.VocabularyState { return v.VocabularyState }),
	collect.Enum("language", "language code of the vocabulary", func(v types.VocabularyInfo) types.LanguageCode { return v.LanguageCode }),
	collect.Timestamp("last_modified", "last change", func(v types.VocabularyInfo) *time.Time { return v.LastModifiedTime }),
}

// emit emits r with its tags.
func emit(ctx context.Context, t *collect.Task, api *transcribe.Client, r *model.Resource) {
	if out, err := api.ListTagsForResource(ctx, &transcribe.ListTagsForResourceInput{ResourceArn: aws.String(r.ARN)}); err != nil {
		t.Warn("ListTagsForResource", err)
	} else {
		r.Tags = collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
	}
	t.Emit(r)
}

// emitVocabulary emits a vocabulary or medical vocabulary (typ, also its ARN's resource type).
func emitVocabulary(ctx context.Context, t *collect.Task, api *transcribe.Client, typ string, v types.VocabularyInfo) {
	name := aws.ToString(v.VocabularyName)
	emit(ctx, t, api, &model.Resource{Key: t.Key(typ, name), Name: name, ARN: collect.ARN(t, "transcribe", "", typ+"/"+name), Details: vocabularyFields.Details(v)})
}

func vocabularies(ctx context.Context, t *collect.Task) error {
	api := transcribe.NewFromConfig(t.Config)
	p := transcribe.NewListVocabulariesPaginator(api, &transcribe.ListVocabulariesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *transcribe.ListVocabulariesOutput) []types.VocabularyInfo { return page.Vocabularies },
		func(ctx context.Context, v types.VocabularyInfo) { emitVocabulary(ctx, t, api, "vocabulary", v) })
}

func medicalVocabularies(ctx context.Context, t *collect.Task) error {
	api := transcribe.NewFromConfig(t.Config)
	p := transcribe.NewListMedicalVocabulariesPaginator(api, &transcribe.ListMedicalVocabulariesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *transcribe.ListMedicalVocabulariesOutput) []types.VocabularyInfo { return page.Vocabularies },
		func(ctx context.Context, v types.VocabularyInfo) {
			emitVocabulary(ctx, t, api, "medical-vocabulary", v)
		})
}

var languageModelFields = collect.Fields[types.LanguageModel]{
	collect.Enum("status", "IN_PROGRESS, FAILED or COMPLETED", func(m types.LanguageModel) types.ModelStatus { return m.ModelStatus }),
	collect.Enum("base_model", "NarrowBand or WideBand", func(m types.LanguageModel) types.BaseModelName { return m.BaseModelName }),
	collect.Enum("language", "language of the model", func(m types.LanguageModel) types.CLMLanguageCode { return m.LanguageCode }),
	collect.Bool("upgrade_available", "a newer base model can be trained on", func(m types.LanguageModel) *bool { return m.UpgradeAvailability }),
	collect.Computed("training_data_s3_uri", model.Text, "S3 location of the training data", func(m types.LanguageModel) any {
		return aws.ToString(inputData(m).S3Uri)
	}),
	collect.Computed("data_access_role", model.Text, "role that reads the training data", func(m types.LanguageModel) any {
		return aws.ToString(inputData(m).DataAccessRoleArn)
	}),
	collect.Timestamp("last_modified", "last change", func(m types.LanguageModel) *time.Time { return m.LastModifiedTime }),
}

func inputData(m types.LanguageModel) types.InputDataConfig {
	if m.InputDataConfig == nil {
		return types.InputDataConfig{}
	}
	return *m.InputDataConfig
}

func languageModels(ctx context.Context, t *collect.Task) error {
	api := transcribe.NewFromConfig(t.Config)
	p := transcribe.NewListLanguageModelsPaginator(api, &transcribe.ListLanguageModelsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *transcribe.ListLanguageModelsOutput) []types.LanguageModel { return page.Models },
		func(ctx context.Context, m types.LanguageModel) {
			name := aws.ToString(m.ModelName)
			key := t.Key("language-model", name)
			emit(ctx, t, api, &model.Resource{Key: key, Name: name, ARN: collect.ARN(t, "transcribe", "", "language-model/"+name), CreatedAt: model.Time(m.CreateTime),
				Details: languageModelFields.Details(m)})
			in := inputData(m)
			t.Relate(key, "assumes-role", t.Role(aws.ToString(in.DataAccessRoleArn)))
			t.RelateByName(key, "reads-from", "s3", "bucket", collect.S3URIBucket(aws.ToString(in.S3Uri)), t.Region)
		})
}
