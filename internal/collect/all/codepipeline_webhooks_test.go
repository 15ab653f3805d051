package all_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codepipeline"
	"github.com/aws/aws-sdk-go-v2/service/codepipeline/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/codepipeline"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

// webhooksCanned answers ListWebhooks, which moto lacks: three webhooks
// over two pages, each with a URL and secret that must not be stored.
var webhooksCanned = map[string]func(any) (any, error){
	"ListWebhooks": func(in any) (any, error) {
		triggered := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
		auth := []types.WebhookAuthenticationType{types.WebhookAuthenticationTypeGithubHmac, types.WebhookAuthenticationTypeIp, types.WebhookAuthenticationTypeUnauthenticated}
		var all []types.ListWebhookItem
		for i := range 3 {
			name := fmt.Sprint("hook", i)
			all = append(all, types.ListWebhookItem{Arn: aws.String("arn:aws:codepipeline:" + region + ":" + account + ":webhook:" + name),
				Url: aws.String("https://webhooks.example/secret-url"), LastTriggered: &triggered, Tags: []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}},
				Definition: &types.WebhookDefinition{Name: aws.String(name), TargetPipeline: aws.String(fmt.Sprint("app", i)), TargetAction: aws.String("Source"),
					Authentication: auth[i], AuthenticationConfiguration: &types.WebhookAuthConfiguration{SecretToken: aws.String("secret-value"), AllowedIPRange: aws.String("10.0.0.0/8")},
					Filters: []types.WebhookFilterRule{{JsonPath: aws.String("$.ref"), MatchEquals: aws.String("refs/heads/main")}}}})
		}
		page, next := collecttest.Page(all, in.(*codepipeline.ListWebhooksInput).NextToken, 2)
		return &codepipeline.ListWebhooksOutput{Webhooks: page, NextToken: next}, nil
	},
}

func TestCodepipelineWebhooks(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(webhooksCanned)})
	got := collecttest.Run(t, cfg, collector.Service, "webhook", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("webhooks: %v, %d", got.Err, len(got.Resources))
	}
	w := got.ByID()["hook2"]
	if w == nil || w.Tags["n"] != "2" || w.ARN != "arn:aws:codepipeline:"+region+":"+account+":webhook:hook2" || w.Details["authentication"] != "UNAUTHENTICATED" ||
		w.Details["target_pipeline"] != "app2" || w.Details["last_triggered"] != "2026-07-01T00:00:00Z" || fmt.Sprint(w.Details["filters"]) != "[$.ref]" {
		t.Fatalf("webhook: %+v", w)
	}
	for _, r := range got.Resources {
		if s := fmt.Sprint(r.Details); strings.Contains(s, "secret-value") || strings.Contains(s, "secret-url") {
			t.Errorf("%s: the webhook's secret or URL is stored: %s", r.ID, s)
		}
	}
	collecttest.HasEdges(t, got, "hook0 -triggers-> codepipeline/pipeline:app0", "hook2 -triggers-> codepipeline/pipeline:app2")

	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListWebhooks": collecttest.Denied("ListWebhooks")})})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "webhook", region))
}
