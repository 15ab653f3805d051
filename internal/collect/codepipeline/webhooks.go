package codepipeline

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codepipeline"
	"github.com/aws/aws-sdk-go-v2/service/codepipeline/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

func webhookDefinition(w types.ListWebhookItem) types.WebhookDefinition {
	if w.Definition == nil {
		return types.WebhookDefinition{}
	}
	return *w.Definition
}

// webhookFields leave out the webhook's URL and HMAC secret: either lets
// anyone trigger the pipeline.
var webhookFields = collect.Fields[types.ListWebhookItem]{
	collect.Text("target_pipeline", "pipeline the webhook starts", func(w types.ListWebhookItem) *string { return webhookDefinition(w).TargetPipeline }),
	collect.Text("target_action", "source action the webhook feeds", func(w types.ListWebhookItem) *string { return webhookDefinition(w).TargetAction }),
	collect.Enum("authentication", "GITHUB_HMAC, IP or UNAUTHENTICATED (anyone with the URL can start the pipeline)", func(w types.ListWebhookItem) types.WebhookAuthenticationType {
		return webhookDefinition(w).Authentication
	}),
	collect.Computed("allowed_ip_range", model.Text, "CIDR allowed to call an IP-authenticated webhook", func(w types.ListWebhookItem) any {
		if c := webhookDefinition(w).AuthenticationConfiguration; c != nil {
			return aws.ToString(c.AllowedIPRange)
		}
		return ""
	}),
	collect.Computed("filters", model.JSON, "JSON paths of the events the webhook accepts", func(w types.ListWebhookItem) any {
		paths := []string{}
		for _, f := range webhookDefinition(w).Filters {
			paths = append(paths, aws.ToString(f.JsonPath))
		}
		return paths
	}),
	collect.Timestamp("last_triggered", "when the webhook last started the pipeline", func(w types.ListWebhookItem) *time.Time { return w.LastTriggered }),
	collect.Text("error_code", "error of the webhook's registration with the source provider, if any", func(w types.ListWebhookItem) *string { return w.ErrorCode }),
}

func webhooks(ctx context.Context, t *collect.Task) error {
	p := codepipeline.NewListWebhooksPaginator(codepipeline.NewFromConfig(t.Config), &codepipeline.ListWebhooksInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *codepipeline.ListWebhooksOutput) error {
		for _, w := range page.Webhooks {
			name := aws.ToString(webhookDefinition(w).Name)
			key := t.Key("webhook", name)
			t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(w.Arn),
				Tags: collect.TagMap(w.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value }), Details: webhookFields.Details(w)})
			t.Relate(key, "triggers", t.Key("pipeline", aws.ToString(webhookDefinition(w).TargetPipeline)))
		}
		return nil
	})
}
