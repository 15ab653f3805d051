// Package kinesisvideo collects Kinesis Video Streams streams and WebRTC
// signaling channels.
package kinesisvideo

import (
	"context"
	"maps"

	"github.com/aws/aws-sdk-go-v2/aws"
	kvs "github.com/aws/aws-sdk-go-v2/service/kinesisvideo"
	"github.com/aws/aws-sdk-go-v2/service/kinesisvideo/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Kinesis Video Streams collector.
var Service = &collect.Service{
	Name:        "kinesisvideo",
	Description: "Kinesis Video Streams video streams and signaling channels",
	Types: []collect.Type{
		{Name: "stream", Description: "Kinesis video stream (id = name): retention, encryption key, device",
			Fields: streamFields.Declared(), Tags: collect.TagsPerResource, Collect: streams, DetailCalls: 1},
		{Name: "signaling-channel", Description: "Kinesis Video WebRTC signaling channel (id = name)",
			Fields: channelFields.Declared(), Tags: collect.TagsPerResource, Collect: channels, DetailCalls: 1},
	},
	Calls: "stream: ListStreams + per stream ListTagsForStream. signaling-channel: ListSignalingChannels + per channel ListTagsForResource",
	Relations: []collect.Relation{
		{From: "stream", Kind: "encrypted-with", To: "kms/key"},
	},
}

// pagedTags reads all pages of a tag listing; list gets one page from a
// token. A failure is a warning under op, and the tags are then unknown.
func pagedTags(ctx context.Context, t *collect.Task, op string, list func(ctx context.Context, token *string) (map[string]string, *string, error)) map[string]string {
	out := map[string]string{}
	var token *string
	for {
		tags, next, err := list(ctx, token)
		if err != nil {
			t.Warn(op, err)
			return nil
		}
		maps.Copy(out, tags)
		if next == nil || *next == "" {
			return out
		}
		token = next
	}
}

var streamFields = collect.Fields[types.StreamInfo]{
	collect.Enum("status", "CREATING, ACTIVE, UPDATING or DELETING", func(s types.StreamInfo) types.Status { return s.Status }),
	collect.Int("retention_hours", "hours media is kept; 0: not stored (live only)", func(s types.StreamInfo) *int32 { return s.DataRetentionInHours }),
	collect.Text("kms_key_id", "KMS key encrypting the media (the AWS managed aws/kinesisvideo key unless set)", func(s types.StreamInfo) *string { return s.KmsKeyId }),
	collect.Text("device_name", "name of the device writing to the stream", func(s types.StreamInfo) *string { return s.DeviceName }),
	collect.Text("media_type", "media type, e.g. video/h264", func(s types.StreamInfo) *string { return s.MediaType }),
}

func streams(ctx context.Context, t *collect.Task) error {
	api := kvs.NewFromConfig(t.Config)
	p := kvs.NewListStreamsPaginator(api, &kvs.ListStreamsInput{MaxResults: t.PageSize(10000)})
	return collect.EachItem(ctx, p, func(page *kvs.ListStreamsOutput) []types.StreamInfo { return page.StreamInfoList },
		func(ctx context.Context, s types.StreamInfo) {
			name := aws.ToString(s.StreamName)
			r := &model.Resource{Key: t.Key("stream", name), Name: name, ARN: aws.ToString(s.StreamARN), CreatedAt: model.Time(s.CreationTime), Details: streamFields.Details(s)}
			r.Tags = pagedTags(ctx, t, "ListTagsForStream", func(ctx context.Context, token *string) (map[string]string, *string, error) {
				out, err := api.ListTagsForStream(ctx, &kvs.ListTagsForStreamInput{StreamARN: s.StreamARN, NextToken: token})
				if err != nil {
					return nil, nil, err
				}
				return out.Tags, out.NextToken, nil
			})
			t.Relate(r.Key, "encrypted-with", t.KMSKey(aws.ToString(s.KmsKeyId)))
			t.Emit(r)
		})
}

var channelFields = collect.Fields[types.ChannelInfo]{
	collect.Enum("status", "CREATING, ACTIVE, UPDATING or DELETING", func(c types.ChannelInfo) types.Status { return c.ChannelStatus }),
	collect.Enum("channel_type", "SINGLE_MASTER or FULL_MESH", func(c types.ChannelInfo) types.ChannelType { return c.ChannelType }),
	collect.Computed("message_ttl_seconds", model.Integer, "how long undelivered signaling messages are kept", func(c types.ChannelInfo) any {
		if c.SingleMasterConfiguration == nil {
			return int64(0)
		}
		return int64(aws.ToInt32(c.SingleMasterConfiguration.MessageTtlSeconds))
	}),
}

func channels(ctx context.Context, t *collect.Task) error {
	api := kvs.NewFromConfig(t.Config)
	p := kvs.NewListSignalingChannelsPaginator(api, &kvs.ListSignalingChannelsInput{MaxResults: t.PageSize(10000)})
	return collect.EachItem(ctx, p, func(page *kvs.ListSignalingChannelsOutput) []types.ChannelInfo { return page.ChannelInfoList },
		func(ctx context.Context, c types.ChannelInfo) {
			name := aws.ToString(c.ChannelName)
			r := &model.Resource{Key: t.Key("signaling-channel", name), Name: name, ARN: aws.ToString(c.ChannelARN), CreatedAt: model.Time(c.CreationTime), Details: channelFields.Details(c)}
			r.Tags = pagedTags(ctx, t, "ListTagsForResource", func(ctx context.Context, token *string) (map[string]string, *string, error) {
				out, err := api.ListTagsForResource(ctx, &kvs.ListTagsForResourceInput{ResourceARN: c.ChannelARN, NextToken: token})
				if err != nil {
					return nil, nil, err
				}
				return out.Tags, out.NextToken, nil
			})
			t.Emit(r)
		})
}
