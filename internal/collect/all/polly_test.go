package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/polly"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/polly"
)

var pollyPaged = collecttest.Paged{Cap: 2}

const pollyRegion = "us-east-1"

const pls = `<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en-US">
<lexeme><grapheme>W3C</grapheme><alias>World Wide Web Consortium</alias></lexeme>
</lexicon>`

func TestPollyLexicons(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, pollyRegion, nil)
	for i := range 3 {
		if _, err := polly.NewFromConfig(cfg).PutLexicon(context.Background(), &polly.PutLexiconInput{Name: aws.String(fmt.Sprint("brand", i)), Content: aws.String(pls)}); err != nil {
			t.Fatal(err)
		}
	}
	got := pollyPaged.Run(t, cfg, collector.Service, "lexicon", pollyRegion)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("lexicons: %v, %d", got.Err, len(got.Resources))
	}
	l := got.ByID()["brand1"]
	if l == nil || l.ARN != "arn:aws:polly:us-east-1:"+collecttest.MotoAccount+":lexicon/brand1" || l.Details["language"] != "en-US" || l.Details["alphabet"] != "ipa" {
		t.Fatalf("brand1 %+v", l)
	}
}

func TestPollyDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, pollyRegion, awsx.Options{Responder: collecttest.Deny("ListLexicons")})
	collecttest.AssertDenied(t, pollyPaged.Run(t, cfg, collector.Service, "lexicon", pollyRegion))
}
