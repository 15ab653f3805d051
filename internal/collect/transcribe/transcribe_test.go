package transcribe_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/transcribe"
	"github.com/aws/aws-sdk-go-v2/service/transcribe/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/transcribe"
)

func TestMain(m *testing.M) { collecttest.Main(m, 2) }

const region = "us-east-1"

func create(t *testing.T) {
	t.Helper()
	api := transcribe.NewFromConfig(collecttest.Config(t, region, nil))
	for i := range 3 {
		if _, err := api.CreateVocabulary(context.Background(), &transcribe.CreateVocabularyInput{VocabularyName: aws.String(fmt.Sprint("terms", i)),
			LanguageCode: types.LanguageCodeEnUs, Phrases: []string{"awsmap"}}); err != nil {
			t.Fatal(err)
		}
	}
}

// moto lists vocabularies but not their tags: those are canned.
func tagged(deny bool) awsx.Options {
	tags := func(in any) (any, error) {
		return &transcribe.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: in.(*transcribe.ListTagsForResourceInput).ResourceArn}}}, nil
	}
	if deny {
		tags = collecttest.Denied("ListTagsForResource")
	}
	return awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListTagsForResource": tags})}
}

func TestVocabularies(t *testing.T) {
	collecttest.Setup(t)
	create(t)
	got := collecttest.Run(t, collecttest.ConfigWith(t, region, tagged(false)), collector.Service, "vocabulary", region)
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

func TestDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListVocabularies")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "vocabulary", region))
	create(t)
	got := collecttest.Run(t, collecttest.ConfigWith(t, region, tagged(true)), collector.Service, "vocabulary", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want vocabularies and a tag warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
