// Package lexv2 collects Amazon Lex V2 bots and their aliases.
package lexv2

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	lex "github.com/aws/aws-sdk-go-v2/service/lexmodelsv2"
	"github.com/aws/aws-sdk-go-v2/service/lexmodelsv2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Lex V2 collector.
var Service = &collect.Service{
	Name:        "lexv2-models",
	Description: "Lex V2 bots and bot aliases",
	Types: []collect.Type{
		{Name: "bot", Description: "Lex V2 bot (id = bot id)", Fields: botFields.Declared(), Tags: collect.TagsPerResource, Collect: bots, DetailCalls: 2},
		{Name: "bot-alias", Description: "Lex V2 bot alias (id = bot id/alias id): the version it serves and its conversation logs",
			Fields: aliasFields.Declared(), Tags: collect.TagsPerResource, Collect: aliases, DetailCalls: 3},
	},
	Calls: "bot: ListBots + per bot DescribeBot, ListTagsForResource. " +
		"bot-alias: ListBots + per bot ListBotAliases + per alias DescribeBotAlias, ListTagsForResource",
	Relations: []collect.Relation{
		{From: "bot", Kind: "assumes-role", To: "iam/role"},
		{From: "bot-alias", Kind: "alias-of", To: "lexv2-models/bot"},
		{From: "bot-alias", Kind: "logs-to", To: "logs/log-group"},
		{From: "bot-alias", Kind: "logs-to", To: "s3/bucket"},
		{From: "bot-alias", Kind: "encrypted-with", To: "kms/key"},
	},
}

// tags reads a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *lex.Client, arn string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &lex.ListTagsForResourceInput{ResourceARN: aws.String(arn)})
	if err != nil {
		t.Warn("ListTagsForResource", err)
		return nil
	}
	return out.Tags
}

// eachBot pages through the bots and runs fn on each, concurrently.
func eachBot(ctx context.Context, t *collect.Task, api *lex.Client, fn func(context.Context, types.BotSummary)) error {
	p := lex.NewListBotsPaginator(api, &lex.ListBotsInput{MaxResults: t.PageSize(1000)})
	return collect.EachItem(ctx, p, func(page *lex.ListBotsOutput) []types.BotSummary { return page.BotSummaries }, fn)
}

var botFields = collect.Fields[*lex.DescribeBotOutput]{
	collect.Enum("status", "Available, Creating, Deleting, Failed, Versioning, Importing, Updating, ...", func(b *lex.DescribeBotOutput) types.BotStatus { return b.BotStatus }),
	collect.Enum("bot_type", "Bot or BotNetwork", func(b *lex.DescribeBotOutput) types.BotType { return b.BotType }),
	collect.Text("description", "bot description", func(b *lex.DescribeBotOutput) *string { return b.Description }),
	collect.Text("role_arn", "IAM role the bot runs as", func(b *lex.DescribeBotOutput) *string { return b.RoleArn }),
	collect.Computed("child_directed", model.Boolean, "the bot is subject to COPPA (directed at children under 13)", func(b *lex.DescribeBotOutput) any {
		return b.DataPrivacy != nil && b.DataPrivacy.ChildDirected
	}),
	collect.Int("idle_session_ttl", "seconds an idle session is kept", func(b *lex.DescribeBotOutput) *int32 { return b.IdleSessionTTLInSeconds }),
	collect.Timestamp("updated_at", "last change", func(b *lex.DescribeBotOutput) *time.Time { return b.LastUpdatedDateTime }),
}

func bots(ctx context.Context, t *collect.Task) error {
	api := lex.NewFromConfig(t.Config)
	return eachBot(ctx, t, api, func(ctx context.Context, s types.BotSummary) {
		id := aws.ToString(s.BotId)
		key := t.Key("bot", id)
		r := &model.Resource{Key: key, Name: aws.ToString(s.BotName), ARN: collect.ARN(t, "lex", "", "bot/"+id)}
		if b, err := api.DescribeBot(ctx, &lex.DescribeBotInput{BotId: s.BotId}); err != nil {
			t.Warn("DescribeBot", err)
		} else {
			r.Details, r.CreatedAt = botFields.Details(b), model.Time(b.CreationDateTime)
			t.Relate(key, "assumes-role", t.Role(aws.ToString(b.RoleArn)))
		}
		r.Tags = tags(ctx, t, api, r.ARN)
		t.Emit(r)
	})
}

// logs are where an alias's conversation logs go.
type logs struct{ logGroups, buckets, keys []string }

func conversationLogs(a *lex.DescribeBotAliasOutput) logs {
	var l logs
	if a.ConversationLogSettings == nil {
		return l
	}
	for _, s := range a.ConversationLogSettings.TextLogSettings {
		if s.Enabled && s.Destination != nil && s.Destination.CloudWatch != nil {
			l.logGroups = append(l.logGroups, aws.ToString(s.Destination.CloudWatch.CloudWatchLogGroupArn))
		}
	}
	for _, s := range a.ConversationLogSettings.AudioLogSettings {
		if s.Enabled && s.Destination != nil && s.Destination.S3Bucket != nil {
			l.buckets = append(l.buckets, aws.ToString(s.Destination.S3Bucket.S3BucketArn))
			l.keys = append(l.keys, aws.ToString(s.Destination.S3Bucket.KmsKeyArn))
		}
	}
	return l
}

var aliasFields = collect.Fields[*lex.DescribeBotAliasOutput]{
	collect.Enum("status", "Available, Creating, Deleting or Failed", func(a *lex.DescribeBotAliasOutput) types.BotAliasStatus { return a.BotAliasStatus }),
	collect.Text("bot_id", "bot of the alias", func(a *lex.DescribeBotAliasOutput) *string { return a.BotId }),
	collect.Text("bot_version", "bot version the alias serves (DRAFT: the working draft)", func(a *lex.DescribeBotAliasOutput) *string { return a.BotVersion }),
	collect.Text("description", "alias description", func(a *lex.DescribeBotAliasOutput) *string { return a.Description }),
	collect.Computed("text_logs", model.Boolean, "text conversation logs are sent to CloudWatch Logs", func(a *lex.DescribeBotAliasOutput) any {
		return len(conversationLogs(a).logGroups) > 0
	}),
	collect.Computed("audio_logs", model.Boolean, "audio conversation logs are sent to S3", func(a *lex.DescribeBotAliasOutput) any { return len(conversationLogs(a).buckets) > 0 }),
	collect.Computed("sentiment_analysis", model.Boolean, "sentiment analysis of utterances is on", func(a *lex.DescribeBotAliasOutput) any {
		return a.SentimentAnalysisSettings != nil && a.SentimentAnalysisSettings.DetectSentiment
	}),
}

func aliases(ctx context.Context, t *collect.Task) error {
	api := lex.NewFromConfig(t.Config)
	var failed collect.Errors
	err := eachBot(ctx, t, api, func(ctx context.Context, bot types.BotSummary) {
		p := lex.NewListBotAliasesPaginator(api, &lex.ListBotAliasesInput{BotId: bot.BotId, MaxResults: t.PageSize(1000)})
		err := collect.EachItem(ctx, p, func(page *lex.ListBotAliasesOutput) []types.BotAliasSummary { return page.BotAliasSummaries },
			func(ctx context.Context, s types.BotAliasSummary) { emitAlias(ctx, t, api, aws.ToString(bot.BotId), s) })
		failed.Add(err)
	})
	return failed.Join(err)
}

func emitAlias(ctx context.Context, t *collect.Task, api *lex.Client, bot string, s types.BotAliasSummary) {
	id := aws.ToString(s.BotAliasId)
	key := t.Key("bot-alias", bot+"/"+id)
	r := &model.Resource{Key: key, Name: aws.ToString(s.BotAliasName), ARN: collect.ARN(t, "lex", "", "bot-alias/"+bot+"/"+id), CreatedAt: model.Time(s.CreationDateTime)}
	t.Relate(key, "alias-of", t.Key("bot", bot))
	if a, err := api.DescribeBotAlias(ctx, &lex.DescribeBotAliasInput{BotId: aws.String(bot), BotAliasId: s.BotAliasId}); err != nil {
		t.Warn("DescribeBotAlias", err)
	} else {
		r.Details = aliasFields.Details(a)
		l := conversationLogs(a)
		for _, g := range l.logGroups {
			t.Relate(key, "logs-to", t.Ref("logs", "log-group", collect.LogGroupName(g)))
		}
		for _, b := range l.buckets {
			t.RelateByName(key, "logs-to", "s3", "bucket", collect.ARNResourceName(b), t.Region)
		}
		for _, k := range l.keys {
			t.Relate(key, "encrypted-with", t.KMSKey(k))
		}
	}
	r.Tags = tags(ctx, t, api, r.ARN)
	t.Emit(r)
}
