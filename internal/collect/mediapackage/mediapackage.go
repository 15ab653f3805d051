// Package mediapackage collects AWS Elemental MediaPackage channels and
// origin endpoints.
package mediapackage

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mediapackage"
	"github.com/aws/aws-sdk-go-v2/service/mediapackage/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the MediaPackage collector.
var Service = &collect.Service{
	Name:        "mediapackage",
	Description: "Elemental MediaPackage channels and origin endpoints",
	Types: []collect.Type{
		{Name: "channel", Description: "MediaPackage channel (id = channel id)", Fields: channelFields.Declared(), Tags: collect.TagsListed, Collect: channels},
		{Name: "origin-endpoint", Description: "MediaPackage origin endpoint (id = endpoint id): who may play it", Fields: endpointFields.Declared(),
			Tags: collect.TagsListed, Collect: endpoints},
	},
	Calls: "channel: ListChannels. origin-endpoint: ListOriginEndpoints",
	Relations: []collect.Relation{
		{From: "origin-endpoint", Kind: "packages", To: "mediapackage/channel"},
	},
}

var channelFields = collect.Fields[types.Channel]{
	collect.Text("description", "channel description", func(c types.Channel) *string { return c.Description }),
	collect.Computed("ingress_access_logs", model.Boolean, "ingest requests are logged to CloudWatch Logs", func(c types.Channel) any { return c.IngressAccessLogs != nil }),
	collect.Computed("egress_access_logs", model.Boolean, "playback requests are logged to CloudWatch Logs", func(c types.Channel) any { return c.EgressAccessLogs != nil }),
}

func channels(ctx context.Context, t *collect.Task) error {
	p := mediapackage.NewListChannelsPaginator(mediapackage.NewFromConfig(t.Config), &mediapackage.ListChannelsInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *mediapackage.ListChannelsOutput) error {
		for _, c := range page.Channels {
			id := aws.ToString(c.Id)
			t.Emit(&model.Resource{Key: t.Key("channel", id), Name: id, ARN: aws.ToString(c.Arn), CreatedAt: collect.TimeText(c.CreatedAt), Tags: c.Tags,
				Details: channelFields.Details(c)})
		}
		return nil
	})
}

var endpointFields = collect.Fields[types.OriginEndpoint]{
	collect.Text("channel_id", "channel the endpoint packages", func(e types.OriginEndpoint) *string { return e.ChannelId }),
	collect.Enum("origination", "ALLOW or DENY: whether the endpoint may be played at all", func(e types.OriginEndpoint) types.Origination { return e.Origination }),
	collect.Text("url", "playback URL", func(e types.OriginEndpoint) *string { return e.Url }),
	collect.Computed("allowed_cidrs", model.JSON, "CIDR ranges allowed to play; empty: everyone", func(e types.OriginEndpoint) any {
		if e.Whitelist == nil {
			return []string{}
		}
		return e.Whitelist
	}),
	collect.Computed("cdn_authorization", model.Boolean, "only the CDN holding the secret header may play", func(e types.OriginEndpoint) any { return e.Authorization != nil }),
	collect.Computed("packaging", model.Text, "HLS, DASH, CMAF or MSS", func(e types.OriginEndpoint) any {
		switch {
		case e.HlsPackage != nil:
			return "HLS"
		case e.DashPackage != nil:
			return "DASH"
		case e.CmafPackage != nil:
			return "CMAF"
		case e.MssPackage != nil:
			return "MSS"
		}
		return ""
	}),
}

func endpoints(ctx context.Context, t *collect.Task) error {
	p := mediapackage.NewListOriginEndpointsPaginator(mediapackage.NewFromConfig(t.Config), &mediapackage.ListOriginEndpointsInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *mediapackage.ListOriginEndpointsOutput) error {
		for _, e := range page.OriginEndpoints {
			id := aws.ToString(e.Id)
			key := t.Key("origin-endpoint", id)
			t.Emit(&model.Resource{Key: key, Name: id, ARN: aws.ToString(e.Arn), CreatedAt: collect.TimeText(e.CreatedAt), Tags: e.Tags, Details: endpointFields.Details(e)})
			t.Relate(key, "packages", t.Key("channel", aws.ToString(e.ChannelId)))
		}
		return nil
	})
}
