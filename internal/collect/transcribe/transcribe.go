// Package transcribe collects Amazon Transcribe custom vocabularies.
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
	Description: "Transcribe custom vocabularies",
	Types: []collect.Type{
		{Name: "vocabulary", Description: "Transcribe custom vocabulary (id = name)", Fields: vocabularyFields.Declared(), Tags: collect.TagsPerResource,
			Collect: vocabularies, DetailCalls: 1},
	},
	Calls: "vocabulary: ListVocabularies + per vocabulary ListTagsForResource",
}

var vocabularyFields = collect.Fields[types.VocabularyInfo]{
	collect.Enum("state", "PENDING, READY or FAILED", func(v types.VocabularyInfo) types.VocabularyState { return v.VocabularyState }),
	collect.Enum("language", "language code of the vocabulary", func(v types.VocabularyInfo) types.LanguageCode { return v.LanguageCode }),
	collect.Timestamp("last_modified", "last change", func(v types.VocabularyInfo) *time.Time { return v.LastModifiedTime }),
}

func vocabularies(ctx context.Context, t *collect.Task) error {
	api := transcribe.NewFromConfig(t.Config)
	p := transcribe.NewListVocabulariesPaginator(api, &transcribe.ListVocabulariesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *transcribe.ListVocabulariesOutput) []types.VocabularyInfo { return page.Vocabularies },
		func(ctx context.Context, v types.VocabularyInfo) {
			name := aws.ToString(v.VocabularyName)
			r := &model.Resource{Key: t.Key("vocabulary", name), Name: name, ARN: collect.ARN(t, "transcribe", "", "vocabulary/"+name), Details: vocabularyFields.Details(v)}
			if out, err := api.ListTagsForResource(ctx, &transcribe.ListTagsForResourceInput{ResourceArn: aws.String(r.ARN)}); err != nil {
				t.Warn("ListTagsForResource", err)
			} else {
				r.Tags = collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
			}
			t.Emit(r)
		})
}
