// Package polly collects Amazon Polly pronunciation lexicons.
package polly

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/polly"
	"github.com/aws/aws-sdk-go-v2/service/polly/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Polly collector.
var Service = &collect.Service{
	Name:        "polly",
	Description: "Polly pronunciation lexicons",
	Types: []collect.Type{
		{Name: "lexicon", Description: "Polly pronunciation lexicon (id = name); Polly has no tags",
			Fields: lexiconFields.Declared(), Tags: collect.NotTaggable, Collect: lexicons},
	},
	Calls: "lexicon: ListLexicons",
}

func attributes(l types.LexiconDescription) types.LexiconAttributes {
	if l.Attributes == nil {
		return types.LexiconAttributes{}
	}
	return *l.Attributes
}

var lexiconFields = collect.Fields[types.LexiconDescription]{
	collect.Computed("language", model.Text, "language code of the lexicon", func(l types.LexiconDescription) any { return string(attributes(l).LanguageCode) }),
	collect.Computed("alphabet", model.Text, "phonetic alphabet (ipa or x-sampa)", func(l types.LexiconDescription) any { return aws.ToString(attributes(l).Alphabet) }),
	collect.Computed("lexemes", model.Integer, "entries in the lexicon", func(l types.LexiconDescription) any { return int64(attributes(l).LexemesCount) }),
	collect.Computed("size_bytes", model.Integer, "size of the lexicon", func(l types.LexiconDescription) any { return int64(attributes(l).Size) }),
	collect.Computed("last_modified", model.Timestamp, "last change", func(l types.LexiconDescription) any {
		var at *time.Time
		if l.Attributes != nil {
			at = l.Attributes.LastModified
		}
		return model.Time(at)
	}),
}

// lexicons pages by hand: the SDK has no ListLexicons paginator.
func lexicons(ctx context.Context, t *collect.Task) error {
	api := polly.NewFromConfig(t.Config)
	var token *string
	for {
		out, err := api.ListLexicons(ctx, &polly.ListLexiconsInput{NextToken: token})
		if err != nil {
			return err
		}
		for _, l := range out.Lexicons {
			name := aws.ToString(l.Name)
			t.Emit(&model.Resource{Key: t.Key("lexicon", name), Name: name, ARN: aws.ToString(attributes(l).LexiconArn), Details: lexiconFields.Details(l)})
		}
		if token = out.NextToken; aws.ToString(token) == "" {
			return nil
		}
	}
}
