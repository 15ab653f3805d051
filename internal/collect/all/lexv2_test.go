package all_test

import (
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	lex "github.com/aws/aws-sdk-go-v2/service/lexmodelsv2"
	"github.com/aws/aws-sdk-go-v2/service/lexmodelsv2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/lexv2"
)

var lexv2Paged = collecttest.Paged{Cap: 2}

var (
	lexv2Created = time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
)

// moto writes Lex times in a form the SDK cannot read: canned. Three bots
// over two pages; each has a logged PROD alias and a TEST alias, one a page.
func lexv2Canned(replace map[string]func(any) (any, error)) awsx.Options {
	answers := map[string]func(any) (any, error){
		"ListBots": func(in any) (any, error) {
			if aws.ToString(in.(*lex.ListBotsInput).NextToken) == "" {
				return &lex.ListBotsOutput{NextToken: aws.String("2"), BotSummaries: []types.BotSummary{{BotId: aws.String("B0"), BotName: aws.String("orders")},
					{BotId: aws.String("B1"), BotName: aws.String("returns")}}}, nil
			}
			return &lex.ListBotsOutput{BotSummaries: []types.BotSummary{{BotId: aws.String("B2"), BotName: aws.String("kids")}}}, nil
		},
		"DescribeBot": func(in any) (any, error) {
			id := aws.ToString(in.(*lex.DescribeBotInput).BotId)
			return &lex.DescribeBotOutput{BotId: aws.String(id), BotStatus: types.BotStatusAvailable, BotType: types.BotTypeBot, CreationDateTime: &lexv2Created,
				RoleArn: aws.String("arn:aws:iam::" + account + ":role/lex"), DataPrivacy: &types.DataPrivacy{ChildDirected: id == "B2"}, IdleSessionTTLInSeconds: aws.Int32(300)}, nil
		},
		"ListBotAliases": func(in any) (any, error) {
			if aws.ToString(in.(*lex.ListBotAliasesInput).NextToken) == "" {
				return &lex.ListBotAliasesOutput{NextToken: aws.String("2"), BotAliasSummaries: []types.BotAliasSummary{{BotAliasId: aws.String("PROD"), BotAliasName: aws.String("prod"), CreationDateTime: &lexv2Created}}}, nil
			}
			return &lex.ListBotAliasesOutput{BotAliasSummaries: []types.BotAliasSummary{{BotAliasId: aws.String("TSTALIASID"), BotAliasName: aws.String("TestBotAlias")}}}, nil
		},
		"DescribeBotAlias": func(in any) (any, error) {
			d := in.(*lex.DescribeBotAliasInput)
			out := &lex.DescribeBotAliasOutput{BotId: d.BotId, BotAliasId: d.BotAliasId, BotAliasStatus: types.BotAliasStatusAvailable, BotVersion: aws.String("DRAFT")}
			if aws.ToString(d.BotAliasId) == "PROD" {
				out.BotVersion = aws.String("3")
				out.ConversationLogSettings = &types.ConversationLogSettings{
					TextLogSettings: []types.TextLogSetting{{Enabled: true, Destination: &types.TextLogDestination{CloudWatch: &types.CloudWatchLogGroupLogDestination{
						CloudWatchLogGroupArn: aws.String("arn:aws:logs:eu-west-1:" + account + ":log-group:lex-text"), LogPrefix: aws.String("p")}}}},
					AudioLogSettings: []types.AudioLogSetting{{Enabled: true, Destination: &types.AudioLogDestination{S3Bucket: &types.S3BucketLogDestination{
						S3BucketArn: aws.String("arn:aws:s3:::lex-audio"), KmsKeyArn: aws.String("arn:aws:kms:eu-west-1:" + account + ":key/k-lex"), LogPrefix: aws.String("a")}}}},
				}
			}
			return out, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			return &lex.ListTagsForResourceOutput{Tags: map[string]string{"arn": aws.ToString(in.(*lex.ListTagsForResourceInput).ResourceARN)}}, nil
		},
	}
	maps.Copy(answers, replace)
	return awsx.Options{Responder: collecttest.Canned(answers)}
}

func TestLexv2BotsAndAliases(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, lexv2Canned(nil))
	got := lexv2Paged.Run(t, cfg, collector.Service, "bot", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("bots: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	b := got.ByID()["B2"]
	if b.Name != "kids" || b.ARN != "arn:aws:lex:eu-west-1:"+account+":bot/B2" || b.Tags["arn"] != b.ARN || b.CreatedAt != "2026-07-01T00:00:00Z" ||
		b.Details["child_directed"] != true || b.Details["status"] != "Available" || b.Details["idle_session_ttl"] != int64(300) {
		t.Errorf("B2 %+v", b)
	}
	collecttest.HasEdges(t, got, "B0 -assumes-role-> iam/role:lex")

	got = lexv2Paged.Run(t, cfg, collector.Service, "bot-alias", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("aliases: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	p, test := got.ByID()["B1/PROD"], got.ByID()["B1/TSTALIASID"]
	if p.Name != "prod" || p.ARN != "arn:aws:lex:eu-west-1:"+account+":bot-alias/B1/PROD" || p.Tags["arn"] != p.ARN ||
		p.Details["bot_version"] != "3" || p.Details["text_logs"] != true || p.Details["audio_logs"] != true {
		t.Errorf("B1/PROD %+v", p)
	}
	if test.Details["text_logs"] != false || test.Details["bot_version"] != "DRAFT" {
		t.Errorf("B1/TSTALIASID %+v", test)
	}
	collecttest.HasEdges(t, got, "B1/PROD -alias-of-> lexv2-models/bot:B1", "B1/PROD -logs-to-> logs/log-group:lex-text", "B1/PROD -logs-to-> s3/bucket:lex-audio",
		"B1/PROD -encrypted-with-> kms/key:k-lex")
}

func TestLexv2Denied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"bot": "ListBots", "bot-alias": "ListBotAliases"} {
		cfg := collecttest.ConfigWith(t, region, lexv2Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)}))
		collecttest.AssertDenied(t, lexv2Paged.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, lexv2Canned(map[string]func(any) (any, error){"DescribeBot": collecttest.Denied("DescribeBot")}))
	got := lexv2Paged.Run(t, cfg, collector.Service, "bot", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 || len(got.Resources[0].Details) != 0 {
		t.Fatalf("want bots without details and a warning each, got %v, %d, %s", got.Err, len(got.Resources), fmt.Sprint(got.Task.Warnings()))
	}
}
