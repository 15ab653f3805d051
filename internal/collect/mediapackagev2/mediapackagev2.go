// Package mediapackagev2 collects AWS Elemental MediaPackage v2 channel
// groups, the channels in them and the origin endpoints of each channel.
package mediapackagev2

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mediapackagev2"
	"github.com/aws/aws-sdk-go-v2/service/mediapackagev2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the MediaPackage v2 collector.
var Service = &collect.Service{
	Name:        "mediapackagev2",
	Description: "Elemental MediaPackage v2 channel groups, channels and origin endpoints",
	Types: []collect.Type{
		{Name: "channel-group", Description: "MediaPackage v2 channel group (id = name), with its egress domain", Fields: groupFields.Declared(),
			Tags: collect.TagsPerResource, Collect: channelGroups, DetailCalls: 1},
		{Name: "channel", Description: "channel of a channel group (id = GROUP/CHANNEL), with its ingest endpoints", Fields: channelFields.Declared(),
			Tags: collect.TagsPerResource, Collect: channels, DetailCalls: 2},
		{Name: "origin-endpoint", Description: "origin endpoint of a channel (id = GROUP/CHANNEL/ENDPOINT): container, manifests and content encryption",
			Fields: endpointFields.Declared(), Tags: collect.TagsPerResource, Collect: endpoints, DetailCalls: 3},
	},
	Calls: "ListChannelGroups once for all types, and per group ListChannels once for channel and origin-endpoint; " +
		"channel-group: per group GetChannelGroup (tags included). " +
		"channel: per channel GetChannel (tags included). " +
		"origin-endpoint: per channel ListOriginEndpoints + per endpoint GetOriginEndpoint (tags included)",
	Relations: []collect.Relation{
		{From: "channel", Kind: "in", To: "mediapackagev2/channel-group"},
		{From: "origin-endpoint", Kind: "packages", To: "mediapackagev2/channel"},
		{From: "origin-endpoint", Kind: "assumes-role", To: "iam/role"},
	},
}

func client(t *collect.Task) *mediapackagev2.Client { return mediapackagev2.NewFromConfig(t.Config) }

// group is a channel group with its GetChannelGroup answer (nil when that failed).
type group struct {
	types.ChannelGroupListConfiguration
	detail *mediapackagev2.GetChannelGroupOutput
}

func hasGroup(g group) bool { return g.detail != nil }

var groupFields = collect.Fields[group]{
	collect.Text("description", "description of the group", func(g group) *string { return g.Description }),
	collect.When(hasGroup, collect.Text("egress_domain", "domain players and CDNs fetch the group's content from", func(g group) *string { return g.detail.EgressDomain })),
	collect.Timestamp("modified_at", "last change", func(g group) *time.Time { return g.ModifiedAt }),
}

func groupsOf(p *mediapackagev2.ListChannelGroupsOutput) []types.ChannelGroupListConfiguration {
	return p.Items
}

func channelsOf(p *mediapackagev2.ListChannelsOutput) []types.ChannelListConfiguration {
	return p.Items
}

func endpointsOf(p *mediapackagev2.ListOriginEndpointsOutput) []types.OriginEndpointListConfiguration {
	return p.Items
}

// eachGroup runs fn on every channel group, concurrently; the groups are
// listed once for all three types.
func eachGroup(ctx context.Context, t *collect.Task, api *mediapackagev2.Client, fn func(ctx context.Context, g types.ChannelGroupListConfiguration)) error {
	p := mediapackagev2.NewListChannelGroupsPaginator(api, &mediapackagev2.ListChannelGroupsInput{MaxResults: t.PageSize(100)})
	groups, err := collect.ReuseItems(ctx, t, "ListChannelGroups", p, groupsOf)
	collect.ForEach(ctx, groups, fn)
	return err
}

func channelGroups(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return eachGroup(ctx, t, api, func(ctx context.Context, s types.ChannelGroupListConfiguration) {
		g := group{ChannelGroupListConfiguration: s}
		out, err := api.GetChannelGroup(ctx, &mediapackagev2.GetChannelGroupInput{ChannelGroupName: s.ChannelGroupName})
		t.Warn("GetChannelGroup", err)
		var tags map[string]string
		if err == nil {
			g.detail, tags = out, out.Tags
		}
		name := aws.ToString(s.ChannelGroupName)
		t.Emit(&model.Resource{Key: t.Key("channel-group", name), Name: name, ARN: aws.ToString(s.Arn), CreatedAt: model.Time(s.CreatedAt),
			Tags: tags, Details: groupFields.Details(g)})
	})
}

// eachChannel runs fn on every channel of every group, concurrently; each
// group's channels are listed once for the channel and origin-endpoint
// types. A group whose channels cannot be listed fails the collection once
// the other groups' channels are done.
func eachChannel(ctx context.Context, t *collect.Task, api *mediapackagev2.Client, fn func(ctx context.Context, c types.ChannelListConfiguration)) error {
	var listErr collect.FirstErr
	err := eachGroup(ctx, t, api, func(ctx context.Context, g types.ChannelGroupListConfiguration) {
		p := mediapackagev2.NewListChannelsPaginator(api, &mediapackagev2.ListChannelsInput{ChannelGroupName: g.ChannelGroupName, MaxResults: t.PageSize(100)})
		channels, err := collect.ReuseItems(ctx, t, "ListChannels/"+aws.ToString(g.ChannelGroupName), p, channelsOf)
		collect.ForEach(ctx, channels, fn)
		listErr.Keep(err)
	})
	if err != nil {
		return err
	}
	return listErr.Err()
}

// channel is a channel with its GetChannel answer (nil when that failed).
type channel struct {
	types.ChannelListConfiguration
	detail *mediapackagev2.GetChannelOutput
}

func hasChannel(c channel) bool { return c.detail != nil }

var channelFields = collect.Fields[channel]{
	collect.Text("channel_group", "channel group of the channel", func(c channel) *string { return c.ChannelGroupName }),
	collect.Text("description", "description of the channel", func(c channel) *string { return c.Description }),
	collect.Enum("input_type", "HLS or CMAF: what the encoder sends", func(c channel) types.InputType { return c.InputType }),
	collect.When(hasChannel, collect.Computed("ingest_endpoints", model.JSON, "URLs the encoder sends to", func(c channel) any {
		urls := []string{}
		for _, e := range c.detail.IngestEndpoints {
			urls = append(urls, aws.ToString(e.Url))
		}
		return urls
	})),
	collect.Timestamp("modified_at", "last change", func(c channel) *time.Time { return c.ModifiedAt }),
}

func channelID(c types.ChannelListConfiguration) string {
	return aws.ToString(c.ChannelGroupName) + "/" + aws.ToString(c.ChannelName)
}

func channels(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return eachChannel(ctx, t, api, func(ctx context.Context, s types.ChannelListConfiguration) {
		c := channel{ChannelListConfiguration: s}
		out, err := api.GetChannel(ctx, &mediapackagev2.GetChannelInput{ChannelGroupName: s.ChannelGroupName, ChannelName: s.ChannelName})
		t.Warn("GetChannel", err)
		var tags map[string]string
		if err == nil {
			c.detail, tags = out, out.Tags
		}
		key := t.Key("channel", channelID(s))
		t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.ChannelName), ARN: aws.ToString(s.Arn), CreatedAt: model.Time(s.CreatedAt),
			Tags: tags, Details: channelFields.Details(c)})
		t.Relate(key, "in", t.Key("channel-group", aws.ToString(s.ChannelGroupName)))
	})
}

// endpoint is an origin endpoint with its GetOriginEndpoint answer (nil when that failed).
type endpoint struct {
	types.OriginEndpointListConfiguration
	detail *mediapackagev2.GetOriginEndpointOutput
}

// encryption is the endpoint's content encryption, nil when unknown or none.
func (e endpoint) encryption() *types.Encryption {
	if e.detail == nil || e.detail.Segment == nil {
		return nil
	}
	return e.detail.Segment.Encryption
}

func hasEndpoint(e endpoint) bool { return e.detail != nil }

var endpointFields = collect.Fields[endpoint]{
	collect.Text("channel_group", "channel group of the channel", func(e endpoint) *string { return e.ChannelGroupName }),
	collect.Text("channel", "channel the endpoint packages", func(e endpoint) *string { return e.ChannelName }),
	collect.Text("description", "description of the endpoint", func(e endpoint) *string { return e.Description }),
	collect.Enum("container_type", "TS, CMAF or ISM: the segment container", func(e endpoint) types.ContainerType { return e.ContainerType }),
	collect.Computed("manifests", model.JSON, "manifest names served, by format (hls, low_latency_hls, dash, mss)", func(e endpoint) any {
		m := map[string][]string{}
		for _, x := range e.HlsManifests {
			m["hls"] = append(m["hls"], aws.ToString(x.ManifestName))
		}
		for _, x := range e.LowLatencyHlsManifests {
			m["low_latency_hls"] = append(m["low_latency_hls"], aws.ToString(x.ManifestName))
		}
		for _, x := range e.DashManifests {
			m["dash"] = append(m["dash"], aws.ToString(x.ManifestName))
		}
		for _, x := range e.MssManifests {
			m["mss"] = append(m["mss"], aws.ToString(x.ManifestName))
		}
		return m
	}),
	collect.When(hasEndpoint, collect.Computed("encryption_method", model.Text, "content encryption (CENC, CBCS, AES_128, SAMPLE_AES...); empty: clear content", func(e endpoint) any {
		enc := e.encryption()
		if enc == nil || enc.EncryptionMethod == nil {
			return ""
		}
		m := enc.EncryptionMethod
		return string(m.CmafEncryptionMethod) + string(m.TsEncryptionMethod) + string(m.IsmEncryptionMethod)
	})),
	collect.When(hasEndpoint, collect.Computed("drm_systems", model.JSON, "DRM systems of the SPEKE key provider", func(e endpoint) any {
		systems := []string{}
		if enc := e.encryption(); enc != nil && enc.SpekeKeyProvider != nil {
			for _, s := range enc.SpekeKeyProvider.DrmSystems {
				systems = append(systems, string(s))
			}
		}
		return systems
	})),
	collect.When(hasEndpoint, collect.Int("startover_window_seconds", "how far back viewers may start playback", func(e endpoint) *int32 {
		return e.detail.StartoverWindowSeconds
	})),
	collect.Timestamp("modified_at", "last change", func(e endpoint) *time.Time { return e.ModifiedAt }),
}

func endpoints(ctx context.Context, t *collect.Task) error {
	api := client(t)
	var listErr collect.FirstErr
	err := eachChannel(ctx, t, api, func(ctx context.Context, c types.ChannelListConfiguration) {
		p := mediapackagev2.NewListOriginEndpointsPaginator(api, &mediapackagev2.ListOriginEndpointsInput{ChannelGroupName: c.ChannelGroupName,
			ChannelName: c.ChannelName, MaxResults: t.PageSize(100)})
		listErr.Keep(collect.EachItem(ctx, p, endpointsOf,
			func(ctx context.Context, s types.OriginEndpointListConfiguration) {
				e := endpoint{OriginEndpointListConfiguration: s}
				out, err := api.GetOriginEndpoint(ctx, &mediapackagev2.GetOriginEndpointInput{ChannelGroupName: s.ChannelGroupName,
					ChannelName: s.ChannelName, OriginEndpointName: s.OriginEndpointName})
				t.Warn("GetOriginEndpoint", err)
				var tags map[string]string
				if err == nil {
					e.detail, tags = out, out.Tags
				}
				key := t.Key("origin-endpoint", channelID(c)+"/"+aws.ToString(s.OriginEndpointName))
				t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.OriginEndpointName), ARN: aws.ToString(s.Arn), CreatedAt: model.Time(s.CreatedAt),
					Tags: tags, Details: endpointFields.Details(e)})
				t.Relate(key, "packages", t.Key("channel", channelID(c)))
				if enc := e.encryption(); enc != nil && enc.SpekeKeyProvider != nil {
					if role := aws.ToString(enc.SpekeKeyProvider.RoleArn); role != "" {
						t.Relate(key, "assumes-role", t.Role(role))
					}
				}
			}))
	})
	if err != nil {
		return err
	}
	return listErr.Err()
}
