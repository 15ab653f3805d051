package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/transcribe"
	"github.com/aws/aws-sdk-go-v2/service/transcribe/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/transcribe"
)

var transcribePaged = collecttest.Paged{Cap: 2}

const transcribeRegion = "us-east-1"

func transcribeCreate(t *testing.T) {
	t.Helper()
	api := transcribe.NewFromConfig(collecttest.Config(t, transcribeRegion, nil))
	for i := range 3 {
		if _, err := api.CreateVocabulary(context.Background(), &transcribe.CreateVocabularyInput{VocabularyName: aws.String(fmt.Sprint("terms", i)),
			LanguageCode: types.LanguageCodeEnUs, Phrases: []string{"awsmap"}}); err != nil {
			t.Fatal(err)
		}
	}
}

// moto lists vocabularies but not their tags: those are canned.
func transcribeTagged(deny bool) awsx.Options {
	tags := func(in any) (any, error) {
		return &transcribe.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: in.(*transcribe.ListTagsForResourceInput).ResourceArn}}}, nil
	}
	if deny {
		tags = collecttest.Denied("ListTagsForResource")
	}
	return awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListTagsForResource": tags})}
}

func TestTranscribeVocabularies(t *testing.T) {
	collecttest.Setup(t)
	transcribeCreate(t)
	got := transcribePaged.Run(t, collecttest.ConfigWith(t, transcribeRegion, transcribeTagged(false)), collector.Service, "vocabulary", transcribeRegion)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("vocabularies: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	v := got.ByID()["terms1"]
	if v == nil || v.ARN != "arn:aws:transcribe:us-east-1:"+collecttest.MotoAccount+":vocabulary/terms1" || v.Tags["arn"] != v.ARN ||
		v.Details["language"] != "en-US" { // moto lists neither the state nor the last change
		t.Fatalf("terms1 %s %v %v", v.ARN, v.Tags, v.Details)
	}
}

func TestTranscribeDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, transcribeRegion, awsx.Options{Responder: collecttest.Deny("ListVocabularies")})
	collecttest.AssertDenied(t, transcribePaged.Run(t, cfg, collector.Service, "vocabulary", transcribeRegion))
	transcribeCreate(t)
	got := transcribePaged.Run(t, collecttest.ConfigWith(t, transcribeRegion, transcribeTagged(true)), collector.Service, "vocabulary", transcribeRegion)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want vocabularies and a tag warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}

func TestTranscribeMedicalVocabularies(t *testing.T) {
	collecttest.Setup(t)
	api := transcribe.NewFromConfig(collecttest.Config(t, transcribeRegion, nil))
	for i := range 3 {
		if _, err := api.CreateMedicalVocabulary(context.Background(), &transcribe.CreateMedicalVocabularyInput{VocabularyName: aws.String(fmt.Sprint("drugs", i)),
			LanguageCode: types.LanguageCodeEnUs, VocabularyFileUri: aws.String("s3://vocab/drugs.txt")}); err != nil {
			t.Fatal(err)
		}
	}
	got := transcribePaged.Run(t, collecttest.ConfigWith(t, transcribeRegion, transcribeTagged(false)), collector.Service, "medical-vocabulary", transcribeRegion)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("medical vocabularies: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	v := got.ByID()["drugs2"]
	if v == nil || v.ARN != "arn:aws:transcribe:us-east-1:"+collecttest.MotoAccount+":medical-vocabulary/drugs2" || v.Tags["arn"] != v.ARN || v.Details["language"] != "en-US" {
		t.Fatalf("drugs2 %+v", v)
	}
	cfg := collecttest.ConfigWith(t, transcribeRegion, awsx.Options{Responder: collecttest.Deny("ListMedicalVocabularies")})
	collecttest.AssertDenied(t, transcribePaged.Run(t, cfg, collector.Service, "medical-vocabulary", transcribeRegion))
}

// moto has no custom language models: canned, three over two pages.
func TestTranscribeLanguageModels(t *testing.T) {
	collecttest.Require(t)
	role := "arn:aws:iam::" + collecttest.MotoAccount + ":role/transcribe"
	list := func(in any) (any, error) {
		var all []types.LanguageModel
		for i := range 3 {
			all = append(all, types.LanguageModel{ModelName: aws.String(fmt.Sprint("calls", i)), CreateTime: aws.Time(time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)),
				ModelStatus: types.ModelStatusCompleted, BaseModelName: types.BaseModelNameWideBand, LanguageCode: types.CLMLanguageCodeEnUs, UpgradeAvailability: aws.Bool(i == 1),
				InputDataConfig: &types.InputDataConfig{S3Uri: aws.String("s3://training/calls/"), DataAccessRoleArn: aws.String(role)}})
		}
		items, next := collecttest.Page(all, in.(*transcribe.ListLanguageModelsInput).NextToken, 2)
		return &transcribe.ListLanguageModelsOutput{Models: items, NextToken: next}, nil
	}
	cfg := collecttest.ConfigWith(t, transcribeRegion, awsx.Options{Responder: collecttest.Chain(collecttest.Canned(map[string]func(any) (any, error){"ListLanguageModels": list}),
		transcribeTagged(false).Responder)})
	got := transcribePaged.Run(t, cfg, collector.Service, "language-model", transcribeRegion)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("language models: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	m := got.ByID()["calls1"]
	if m == nil || m.ARN != "arn:aws:transcribe:us-east-1:"+collecttest.MotoAccount+":language-model/calls1" || m.Tags["arn"] != m.ARN ||
		m.CreatedAt != "2026-03-03T00:00:00Z" || m.Details["status"] != "COMPLETED" || m.Details["base_model"] != "WideBand" || m.Details["upgrade_available"] != true ||
		m.Details["training_data_s3_uri"] != "s3://training/calls/" || m.Details["data_access_role"] != role {
		t.Fatalf("calls1 %+v", m)
	}
	collecttest.HasEdges(t, got, "calls1 -assumes-role-> iam/role:transcribe", "calls1 -reads-from-> s3/bucket:training")
	cfg = collecttest.ConfigWith(t, transcribeRegion, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListLanguageModels": collecttest.Denied("ListLanguageModels")})})
	collecttest.AssertDenied(t, transcribePaged.Run(t, cfg, collector.Service, "language-model", transcribeRegion))
}
