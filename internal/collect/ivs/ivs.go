// Package ivs collects Amazon Interactive Video Service channels (never
// their stream keys).
package ivs

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ivs"
	"github.com/aws/aws-sdk-go-v2/service/ivs/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the IVS collector.
var Service = &collect.Service{
	Name:        "ivs",
	Description: "Interactive Video Service channels",
	Types: []collect.Type{
		{Name: "channel", Description: "IVS channel (id = the ARN's channel id): type, playback authorization, insecure ingest",
			Fields: channelFields.Declared(), Tags: collect.TagsListed, Collect: channels},
	},
	Calls: "channel: ListChannels",
}

var channelFields = collect.Fields[types.ChannelSummary]{
	collect.Enum("channel_type", "BASIC, STANDARD, ADVANCED_SD or ADVANCED_HD: the billed ingest tier", func(c types.ChannelSummary) types.ChannelType { return c.Type }),
	collect.Enum("latency_mode", "NORMAL or LOW", func(c types.ChannelSummary) types.ChannelLatencyMode { return c.LatencyMode }),
	collect.Computed("authorized", model.Boolean, "playback needs a signed token; false: anyone with the URL can watch", func(c types.ChannelSummary) any { return c.Authorized }),
	collect.Computed("insecure_ingest", model.Boolean, "unencrypted (RTMP) ingest is allowed", func(c types.ChannelSummary) any { return c.InsecureIngest }),
	collect.Text("recording_configuration", "recording configuration ARN; empty: not recorded", func(c types.ChannelSummary) *string { return c.RecordingConfigurationArn }),
}

func channels(ctx context.Context, t *collect.Task) error {
	p := ivs.NewListChannelsPaginator(ivs.NewFromConfig(t.Config), &ivs.ListChannelsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *ivs.ListChannelsOutput) error {
		for _, c := range page.Channels {
			arn := aws.ToString(c.Arn)
			t.Emit(&model.Resource{Key: t.Key("channel", collect.ARNResourceName(arn)), Name: aws.ToString(c.Name), ARN: arn, Tags: c.Tags, Details: channelFields.Details(c)})
		}
		return nil
	})
}
