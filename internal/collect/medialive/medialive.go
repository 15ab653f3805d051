// Package medialive collects AWS Elemental MediaLive channels and inputs.
package medialive

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/medialive"
	"github.com/aws/aws-sdk-go-v2/service/medialive/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the MediaLive collector.
var Service = &collect.Service{
	Name:        "medialive",
	Description: "Elemental MediaLive channels and inputs",
	Types: []collect.Type{
		{Name: "channel", Description: "MediaLive channel (id = channel id): a live encoder, billed while running", Fields: channelFields.Declared(),
			Tags: collect.TagsListed, Collect: channels},
		{Name: "input", Description: "MediaLive input (id = input id)", Fields: inputFields.Declared(), Tags: collect.TagsListed, Collect: inputs},
	},
	Calls: "channel: ListChannels. input: ListInputs",
	Relations: []collect.Relation{
		{From: "channel", Kind: "reads-from", To: "medialive/input"},
		{From: "channel", Kind: "assumes-role", To: "iam/role"},
		{From: "input", Kind: "assumes-role", To: "iam/role"},
	},
}

var channelFields = collect.Fields[types.ChannelSummary]{
	collect.Enum("state", "IDLE, RUNNING, STARTING, STOPPING, ...", func(c types.ChannelSummary) types.ChannelState { return c.State }),
	collect.Enum("channel_class", "STANDARD (two pipelines) or SINGLE_PIPELINE", func(c types.ChannelSummary) types.ChannelClass { return c.ChannelClass }),
	collect.Int("pipelines_running", "pipelines running now", func(c types.ChannelSummary) *int32 { return c.PipelinesRunningCount }),
	collect.Enum("log_level", "ERROR, WARNING, INFO, DEBUG or DISABLED", func(c types.ChannelSummary) types.LogLevel { return c.LogLevel }),
	collect.Text("role_arn", "IAM role the channel runs as", func(c types.ChannelSummary) *string { return c.RoleArn }),
}

func channels(ctx context.Context, t *collect.Task) error {
	p := medialive.NewListChannelsPaginator(medialive.NewFromConfig(t.Config), &medialive.ListChannelsInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *medialive.ListChannelsOutput) error {
		for _, c := range page.Channels {
			key := t.Key("channel", aws.ToString(c.Id))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(c.Name), ARN: aws.ToString(c.Arn), Tags: c.Tags, Details: channelFields.Details(c)})
			for _, a := range c.InputAttachments {
				t.Relate(key, "reads-from", t.Key("input", aws.ToString(a.InputId)))
			}
			t.Relate(key, "assumes-role", t.Role(aws.ToString(c.RoleArn)))
		}
		return nil
	})
}

var inputFields = collect.Fields[types.Input]{
	collect.Enum("state", "CREATING, DETACHED, ATTACHED, DELETING or DELETED", func(i types.Input) types.InputState { return i.State }),
	collect.Enum("input_type", "RTMP_PUSH, RTP_PUSH, URL_PULL, MEDIACONNECT, ...", func(i types.Input) types.InputType { return i.Type }),
	collect.Enum("input_class", "STANDARD or SINGLE_PIPELINE", func(i types.Input) types.InputClass { return i.InputClass }),
	collect.Computed("attached_channels", model.JSON, "channels reading the input; empty: unused", func(i types.Input) any {
		if i.AttachedChannels == nil {
			return []string{}
		}
		return i.AttachedChannels
	}),
	collect.Computed("security_groups", model.JSON, "input security groups (allowed source CIDRs) of a push input", func(i types.Input) any {
		if i.SecurityGroups == nil {
			return []string{}
		}
		return i.SecurityGroups
	}),
}

func inputs(ctx context.Context, t *collect.Task) error {
	p := medialive.NewListInputsPaginator(medialive.NewFromConfig(t.Config), &medialive.ListInputsInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *medialive.ListInputsOutput) error {
		for _, i := range page.Inputs {
			key := t.Key("input", aws.ToString(i.Id))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(i.Name), ARN: aws.ToString(i.Arn), Tags: i.Tags, Details: inputFields.Details(i)})
			t.Relate(key, "assumes-role", t.Role(aws.ToString(i.RoleArn)))
		}
		return nil
	})
}
