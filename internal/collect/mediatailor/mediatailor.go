// Package mediatailor collects AWS Elemental MediaTailor: playback
// configurations (ad insertion) and their prefetch schedules, and channel
// assembly: channels, source locations and their live and VOD sources.
// Source locations' access configuration is recorded by type and secret
// ARN; no secret value is read.
package mediatailor

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mediatailor"
	"github.com/aws/aws-sdk-go-v2/service/mediatailor/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the MediaTailor collector.
var Service = &collect.Service{
	Name:        "mediatailor",
	Description: "Elemental MediaTailor playback configurations, prefetch schedules, channels, source locations, live sources and VOD sources",
	Types: []collect.Type{
		{Name: "playback-configuration", Description: "MediaTailor ad insertion configuration (id = name): the ad decision server and content origin it stitches",
			Fields: playbackFields.Declared(), Tags: collect.TagsListed, Collect: playbackConfigurations},
		{Name: "prefetch-schedule", Description: "ad prefetch schedule of a playback configuration (id = PLAYBACK_CONFIGURATION/NAME); deleted by AWS after it expires",
			Fields: prefetchFields.Declared(), Tags: collect.NotTaggable, Collect: prefetchSchedules, DetailCalls: 1},
		{Name: "channel", Description: "MediaTailor channel assembly channel (id = name): billed per hour while RUNNING, by tier",
			Fields: channelFields.Declared(), Tags: collect.TagsListed, Collect: channels, DetailCalls: 1},
		{Name: "source-location", Description: "origin server of channel assembly content (id = name), with how MediaTailor authenticates to it",
			Fields: sourceLocationFields.Declared(), Tags: collect.TagsListed, Collect: sourceLocations},
		{Name: "live-source", Description: "live stream of a source location (id = SOURCE_LOCATION/NAME)",
			Fields: sourceFields.Declared(), Tags: collect.TagsListed, Collect: liveSources, DetailCalls: 1},
		{Name: "vod-source", Description: "video on demand asset of a source location (id = SOURCE_LOCATION/NAME)",
			Fields: sourceFields.Declared(), Tags: collect.TagsListed, Collect: vodSources, DetailCalls: 1},
	},
	Calls: "ListPlaybackConfigurations once for playback-configuration and prefetch-schedule; " +
		"prefetch-schedule: per playback configuration ListPrefetchSchedules. channel: ListChannels + per channel GetChannelPolicy. " +
		"ListSourceLocations once for source-location, live-source and vod-source; live-source: per source location ListLiveSources. " +
		"vod-source: per source location ListVodSources. Every listing returns the tags",
	Relations: []collect.Relation{
		{From: "prefetch-schedule", Kind: "in", To: "mediatailor/playback-configuration"},
		{From: "channel", Kind: "uses", To: "mediatailor/vod-source"},
		{From: "source-location", Kind: "uses-secret", To: "secretsmanager/secret"},
		{From: "source-location", Kind: "reads-from", To: "s3/bucket"},
		{From: "live-source", Kind: "in", To: "mediatailor/source-location"},
		{From: "vod-source", Kind: "in", To: "mediatailor/source-location"},
	},
}

func client(t *collect.Task) *mediatailor.Client { return mediatailor.NewFromConfig(t.Config) }

// playbackList are the region's playback configurations, listed once for
// them and their prefetch schedules.
func playbackList(ctx context.Context, t *collect.Task, api *mediatailor.Client) ([]types.PlaybackConfiguration, error) {
	p := mediatailor.NewListPlaybackConfigurationsPaginator(api, &mediatailor.ListPlaybackConfigurationsInput{MaxResults: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "ListPlaybackConfigurations", p, func(page *mediatailor.ListPlaybackConfigurationsOutput) []types.PlaybackConfiguration {
		return page.Items
	})
}

func logs(p types.PlaybackConfiguration) types.LogConfiguration {
	if p.LogConfiguration == nil {
		return types.LogConfiguration{}
	}
	return *p.LogConfiguration
}

func cdn(p types.PlaybackConfiguration) types.CdnConfiguration {
	if p.CdnConfiguration == nil {
		return types.CdnConfiguration{}
	}
	return *p.CdnConfiguration
}

var playbackFields = collect.Fields[types.PlaybackConfiguration]{
	collect.Text("ad_decision_server_url", "ad decision server (VAST/VMAP) MediaTailor asks for ads", func(p types.PlaybackConfiguration) *string { return p.AdDecisionServerUrl }),
	collect.Text("video_content_source_url", "origin of the content the ads are stitched into", func(p types.PlaybackConfiguration) *string { return p.VideoContentSourceUrl }),
	collect.Text("slate_ad_url", "video played when no ad fills a break", func(p types.PlaybackConfiguration) *string { return p.SlateAdUrl }),
	collect.Computed("live_pre_roll_ads_url", model.Text, "ad decision server of live pre-roll ads", func(p types.PlaybackConfiguration) any {
		if p.LivePreRollConfiguration == nil {
			return ""
		}
		return aws.ToString(p.LivePreRollConfiguration.AdDecisionServerUrl)
	}),
	collect.Computed("cdn_content_segment_url_prefix", model.Text, "CDN serving content segments instead of the origin", func(p types.PlaybackConfiguration) any {
		return aws.ToString(cdn(p).ContentSegmentUrlPrefix)
	}),
	collect.Computed("cdn_ad_segment_url_prefix", model.Text, "CDN serving ad segments instead of MediaTailor", func(p types.PlaybackConfiguration) any {
		return aws.ToString(cdn(p).AdSegmentUrlPrefix)
	}),
	collect.Text("playback_endpoint_prefix", "URL prefix players request manifests from", func(p types.PlaybackConfiguration) *string { return p.PlaybackEndpointPrefix }),
	collect.Text("session_initialization_endpoint_prefix", "URL prefix players start sessions at", func(p types.PlaybackConfiguration) *string {
		return p.SessionInitializationEndpointPrefix
	}),
	collect.Enum("insertion_mode", "STITCHED_ONLY (server-side) or PLAYER_SELECT (the player may choose client-side)", func(p types.PlaybackConfiguration) types.InsertionMode {
		return p.InsertionMode
	}),
	collect.Int("personalization_threshold_seconds", "unfilled seconds of a break tolerated before slate is shown", func(p types.PlaybackConfiguration) *int32 {
		return p.PersonalizationThresholdSeconds
	}),
	collect.Text("transcode_profile_name", "custom transcode profile for ads, if any", func(p types.PlaybackConfiguration) *string { return p.TranscodeProfileName }),
	collect.Computed("log_percent_enabled", model.Integer, "share of sessions whose interactions are logged (0 to 100)", func(p types.PlaybackConfiguration) any {
		return int64(logs(p).PercentEnabled)
	}),
	collect.Computed("logging_strategies", model.JSON, "where logs go: VENDED_LOGS, LEGACY_CLOUDWATCH", func(p types.PlaybackConfiguration) any {
		return collect.Values(logs(p).EnabledLoggingStrategies)
	}),
}

func playbackConfigurations(ctx context.Context, t *collect.Task) error {
	list, err := playbackList(ctx, t, client(t))
	for _, p := range list {
		name := aws.ToString(p.Name)
		t.Emit(&model.Resource{Key: t.Key("playback-configuration", name), Name: name, ARN: aws.ToString(p.PlaybackConfigurationArn),
			Tags: p.Tags, Details: playbackFields.Details(p)})
	}
	return err
}

var prefetchFields = collect.Fields[types.PrefetchSchedule]{
	collect.Text("playback_configuration", "playback configuration the ads are prefetched for", func(s types.PrefetchSchedule) *string { return s.PlaybackConfigurationName }),
	collect.Enum("schedule_type", "SINGLE (one ad break) or RECURRING (every break of a live event)", func(s types.PrefetchSchedule) types.PrefetchScheduleType { return s.ScheduleType }),
	collect.Text("stream_id", "stream the schedule applies to; empty: every stream", func(s types.PrefetchSchedule) *string { return s.StreamId }),
	collect.Timestamp("starts", "when prefetching starts", func(s types.PrefetchSchedule) *time.Time {
		switch {
		case s.RecurringPrefetchConfiguration != nil:
			return s.RecurringPrefetchConfiguration.StartTime
		case s.Retrieval != nil:
			return s.Retrieval.StartTime
		}
		return nil
	}),
	collect.Timestamp("ends", "when the prefetched ads stop being used; AWS deletes the schedule some days later", func(s types.PrefetchSchedule) *time.Time {
		switch {
		case s.RecurringPrefetchConfiguration != nil:
			return s.RecurringPrefetchConfiguration.EndTime
		case s.Consumption != nil:
			return s.Consumption.EndTime
		}
		return nil
	}),
}

func prefetchSchedules(ctx context.Context, t *collect.Task) error {
	api := client(t)
	list, err := playbackList(ctx, t, api)
	var listErr collect.FirstErr
	collect.ForEach(ctx, list, func(ctx context.Context, c types.PlaybackConfiguration) {
		config := aws.ToString(c.Name)
		p := mediatailor.NewListPrefetchSchedulesPaginator(api, &mediatailor.ListPrefetchSchedulesInput{PlaybackConfigurationName: c.Name,
			ScheduleType: types.ListPrefetchScheduleTypeAll, MaxResults: t.PageSize(100)})
		listErr.Keep(collect.EachPage(ctx, p, func(page *mediatailor.ListPrefetchSchedulesOutput) error {
			for _, s := range page.Items {
				name := aws.ToString(s.Name)
				key := t.Key("prefetch-schedule", config+"/"+name)
				t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(s.Arn), Details: prefetchFields.Details(s)})
				t.Relate(key, "in", t.Key("playback-configuration", config))
			}
			return nil
		}))
	})
	if err != nil {
		return err
	}
	return listErr.Err()
}

// channel is a listed channel with its policy: nil when GetChannelPolicy
// failed, "" when the channel has none.
type channel struct {
	types.Channel
	policy *string
}

func hasPolicy(c channel) bool { return c.policy != nil }

// channelEnum reads a channel attribute the SDK types as a string but
// documents as an enum.
func channelEnum[E ~string](s *string) E { return E(aws.ToString(s)) }

var channelFields = collect.Fields[channel]{
	collect.Enum("state", "RUNNING (billed per hour) or STOPPED", func(c channel) types.ChannelState { return channelEnum[types.ChannelState](c.ChannelState) }),
	collect.Enum("tier", "BASIC or STANDARD (live sources, higher price)", func(c channel) types.Tier { return channelEnum[types.Tier](c.Tier) }),
	collect.Enum("playback_mode", "LOOP (the schedule repeats) or LINEAR (each program plays once)", func(c channel) types.PlaybackMode {
		return channelEnum[types.PlaybackMode](c.PlaybackMode)
	}),
	collect.Computed("playback_urls", model.JSON, "URLs players and CDNs read the channel's outputs from", func(c channel) any {
		return collect.IDs(c.Outputs, func(o types.ResponseOutputItem) *string { return o.PlaybackUrl })
	}),
	collect.Computed("filler_slate", model.Text, "VOD source (SOURCE_LOCATION/NAME) played in gaps of a LINEAR channel", func(c channel) any { return slate(c.Channel) }),
	collect.Computed("log_types", model.JSON, "logs the channel writes (AS_RUN); empty: none", func(c channel) any {
		if c.LogConfiguration == nil {
			return []string{}
		}
		return collect.Values(c.LogConfiguration.LogTypes)
	}),
	collect.Computed("audiences", model.JSON, "audiences the channel defines", func(c channel) any { return append([]string{}, c.Audiences...) }),
	collect.When(hasPolicy, collect.Computed("policy", model.JSON, "channel IAM policy: who may read its outputs; null: none", func(c channel) any {
		if *c.policy == "" {
			return collect.Null
		}
		return collect.PolicyJSON(*c.policy)
	})),
	collect.When(hasPolicy, collect.Computed("public", model.Boolean, "the policy lets anyone (Principal *, or NotPrincipal) read the outputs without signing, without a condition restricting the source or principal; null when the policy is not JSON", func(c channel) any {
		return collect.PolicyIsPublic(*c.policy)
	})),
	collect.Timestamp("last_modified", "last change", func(c channel) *time.Time { return c.LastModifiedTime }),
}

// slate is the VOD source a channel fills gaps with: SOURCE_LOCATION/NAME.
func slate(c types.Channel) string {
	if c.FillerSlate == nil || c.FillerSlate.VodSourceName == nil {
		return ""
	}
	return aws.ToString(c.FillerSlate.SourceLocationName) + "/" + aws.ToString(c.FillerSlate.VodSourceName)
}

func channels(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := mediatailor.NewListChannelsPaginator(api, &mediatailor.ListChannelsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *mediatailor.ListChannelsOutput) []types.Channel { return page.Items }, func(ctx context.Context, ch types.Channel) {
		c := channel{Channel: ch}
		out, err := api.GetChannelPolicy(ctx, &mediatailor.GetChannelPolicyInput{ChannelName: ch.ChannelName})
		switch {
		case awsx.IsNotFound(err): // no policy
			c.policy = aws.String("")
		case err != nil:
			t.Warn("GetChannelPolicy", err)
		default:
			c.policy = aws.String(aws.ToString(out.Policy))
		}
		name := aws.ToString(ch.ChannelName)
		key := t.Key("channel", name)
		t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(ch.Arn), CreatedAt: model.Time(ch.CreationTime), Tags: ch.Tags, Details: channelFields.Details(c)})
		t.Relate(key, "uses", t.Key("vod-source", slate(ch)))
	})
}

// sourceLocationList are the region's source locations, listed once for
// them and their live and VOD sources.
func sourceLocationList(ctx context.Context, t *collect.Task, api *mediatailor.Client) ([]types.SourceLocation, error) {
	p := mediatailor.NewListSourceLocationsPaginator(api, &mediatailor.ListSourceLocationsInput{MaxResults: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "ListSourceLocations", p, func(page *mediatailor.ListSourceLocationsOutput) []types.SourceLocation { return page.Items })
}

func access(l types.SourceLocation) types.AccessConfiguration {
	if l.AccessConfiguration == nil {
		return types.AccessConfiguration{}
	}
	return *l.AccessConfiguration
}

func secretARN(l types.SourceLocation) string {
	if a := access(l); a.SecretsManagerAccessTokenConfiguration != nil {
		return aws.ToString(a.SecretsManagerAccessTokenConfiguration.SecretArn)
	}
	return ""
}

func baseURL(l types.SourceLocation) string {
	if l.HttpConfiguration == nil {
		return ""
	}
	return aws.ToString(l.HttpConfiguration.BaseUrl)
}

var sourceLocationFields = collect.Fields[types.SourceLocation]{
	collect.Computed("base_url", model.Text, "origin server the content is read from", func(l types.SourceLocation) any { return baseURL(l) }),
	collect.Enum("access_type", "how MediaTailor authenticates to the origin: S3_SIGV4, AUTODETECT_SIGV4 or SECRETS_MANAGER_ACCESS_TOKEN; empty: anonymously",
		func(l types.SourceLocation) types.AccessType { return access(l).AccessType }),
	collect.Computed("access_token_secret", model.Text, "Secrets Manager secret holding the origin's access token (its value is never read)", func(l types.SourceLocation) any {
		return secretARN(l)
	}),
	collect.Computed("default_segment_delivery_url", model.Text, "CDN or server segments are delivered from", func(l types.SourceLocation) any {
		if l.DefaultSegmentDeliveryConfiguration == nil {
			return ""
		}
		return aws.ToString(l.DefaultSegmentDeliveryConfiguration.BaseUrl)
	}),
	collect.Computed("segment_delivery_urls", model.JSON, "other segment delivery servers", func(l types.SourceLocation) any {
		return collect.IDs(l.SegmentDeliveryConfigurations, func(s types.SegmentDeliveryConfiguration) *string { return s.BaseUrl })
	}),
	collect.Timestamp("last_modified", "last change", func(l types.SourceLocation) *time.Time { return l.LastModifiedTime }),
}

func sourceLocations(ctx context.Context, t *collect.Task) error {
	list, err := sourceLocationList(ctx, t, client(t))
	for _, l := range list {
		name := aws.ToString(l.SourceLocationName)
		key := t.Key("source-location", name)
		t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(l.Arn), CreatedAt: model.Time(l.CreationTime), Tags: l.Tags, Details: sourceLocationFields.Details(l)})
		t.Relate(key, "uses-secret", t.Ref("secretsmanager", "secret", collect.SecretName(secretARN(l))))
		t.RelateByName(key, "reads-from", "s3", "bucket", collect.S3URLBucket(baseURL(l)), t.Region)
	}
	return err
}

// source is what live and VOD sources share.
type source struct {
	location, name, arn *string
	packages            []types.HttpPackageConfiguration
	created, modified   *time.Time
	tags                map[string]string
}

var sourceFields = collect.Fields[source]{
	collect.Text("source_location", "source location the source is read from", func(s source) *string { return s.location }),
	collect.Computed("packages", model.JSON, "packagings of the source: type (HLS, DASH), path under the location's URL, source group", func(s source) any {
		out := []map[string]string{}
		for _, p := range s.packages {
			out = append(out, map[string]string{"type": string(p.Type), "path": aws.ToString(p.Path), "source_group": aws.ToString(p.SourceGroup)})
		}
		return out
	}),
	collect.Timestamp("last_modified", "last change", func(s source) *time.Time { return s.modified }),
}

func emitSource(t *collect.Task, typ string, s source) {
	location := aws.ToString(s.location)
	key := t.Key(typ, location+"/"+aws.ToString(s.name))
	t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.name), ARN: aws.ToString(s.arn), CreatedAt: model.Time(s.created), Tags: s.tags, Details: sourceFields.Details(s)})
	t.Relate(key, "in", t.Key("source-location", location))
}

// eachLocation runs list on every source location, concurrently. A
// location whose listing fails fails the collection once the others are
// done, unless it answers NotFound: it was deleted since it was listed.
func eachLocation(ctx context.Context, t *collect.Task, api *mediatailor.Client, list func(ctx context.Context, location *string) error) error {
	locations, err := sourceLocationList(ctx, t, api)
	var listErr collect.FirstErr
	collect.ForEach(ctx, locations, func(ctx context.Context, l types.SourceLocation) { listErr.Keep(list(ctx, l.SourceLocationName)) })
	if err != nil {
		return err
	}
	return listErr.Err()
}

func liveSources(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return eachLocation(ctx, t, api, func(ctx context.Context, location *string) error {
		p := mediatailor.NewListLiveSourcesPaginator(api, &mediatailor.ListLiveSourcesInput{SourceLocationName: location, MaxResults: t.PageSize(100)})
		return collect.EachPage(ctx, p, func(page *mediatailor.ListLiveSourcesOutput) error {
			for _, s := range page.Items {
				emitSource(t, "live-source", source{location: location, name: s.LiveSourceName, arn: s.Arn, packages: s.HttpPackageConfigurations,
					created: s.CreationTime, modified: s.LastModifiedTime, tags: s.Tags})
			}
			return nil
		})
	})
}

func vodSources(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return eachLocation(ctx, t, api, func(ctx context.Context, location *string) error {
		p := mediatailor.NewListVodSourcesPaginator(api, &mediatailor.ListVodSourcesInput{SourceLocationName: location, MaxResults: t.PageSize(100)})
		return collect.EachPage(ctx, p, func(page *mediatailor.ListVodSourcesOutput) error {
			for _, s := range page.Items {
				emitSource(t, "vod-source", source{location: location, name: s.VodSourceName, arn: s.Arn, packages: s.HttpPackageConfigurations,
					created: s.CreationTime, modified: s.LastModifiedTime, tags: s.Tags})
			}
			return nil
		})
	})
}
