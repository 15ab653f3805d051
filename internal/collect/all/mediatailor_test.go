package all_test

import (
	"errors"
	"fmt"
	"maps"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mediatailor"
	"github.com/aws/aws-sdk-go-v2/service/mediatailor/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/mediatailor"
)

var mediatailorPaged = collecttest.Paged{Cap: 2}

const mediatailorRegion = "us-east-1"

var (
	mediatailorCreated  = time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	mediatailorModified = time.Date(2026, 5, 3, 12, 0, 0, 0, time.UTC)
	secret              = "arn:aws:secretsmanager:us-east-1:" + account + ":secret:origin-token-AbCdEf"
)

func mediatailorArn(res string) *string {
	return aws.String("arn:aws:mediatailor:us-east-1:" + account + ":" + res)
}

func mediatailorNotFound() error {
	return &smithy.GenericAPIError{Code: "NotFoundException", Message: "not found"}
}

// calls counts the canned calls by operation (and parent), to check the
// page walks.
type mediatailorCalls struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *mediatailorCalls) add(op string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[op]++
}

func (c *mediatailorCalls) get(op string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[op]
}

const publicPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"mediatailor:GetManifest","Resource":"*"}]}`
const accountPolicy = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"mediatailor:GetManifest","Resource":"*"}}`

// canned answers every MediaTailor call (moto serves none), each listing
// over two pages of at most two items. The playback configuration "gone"
// and the source location "gone" are deleted between their listing and
// the listing of what they hold (NotFound).
func mediatailorCanned(c *mediatailorCalls, replace map[string]func(any) (any, error)) awsx.Options {
	configs := []types.PlaybackConfiguration{
		{Name: aws.String("vod-ads"), PlaybackConfigurationArn: mediatailorArn("playbackConfiguration/vod-ads"), Tags: map[string]string{"team": "media"},
			AdDecisionServerUrl: aws.String("https://ads.example.com/vast?duration=[session.avail_duration_secs]"), VideoContentSourceUrl: aws.String("https://origin.example.com/vod"),
			SlateAdUrl: aws.String("https://origin.example.com/slate.mp4"), InsertionMode: types.InsertionModeStitchedOnly, PersonalizationThresholdSeconds: aws.Int32(2),
			CdnConfiguration:         &types.CdnConfiguration{ContentSegmentUrlPrefix: aws.String("https://cdn.example.com/content"), AdSegmentUrlPrefix: aws.String("https://cdn.example.com/ads")},
			LogConfiguration:         &types.LogConfiguration{PercentEnabled: 10, EnabledLoggingStrategies: []types.LoggingStrategy{types.LoggingStrategyVendedLogs}},
			LivePreRollConfiguration: &types.LivePreRollConfiguration{AdDecisionServerUrl: aws.String("https://ads.example.com/preroll")},
			PlaybackEndpointPrefix:   aws.String("https://abc.mediatailor.us-east-1.amazonaws.com"), SessionInitializationEndpointPrefix: aws.String("https://abc.mediatailor.us-east-1.amazonaws.com/v1/session/")},
		{Name: aws.String("gone"), PlaybackConfigurationArn: mediatailorArn("playbackConfiguration/gone")},
		{Name: aws.String("live"), PlaybackConfigurationArn: mediatailorArn("playbackConfiguration/live")},
	}
	schedules := []types.PrefetchSchedule{
		{Name: aws.String("halftime"), PlaybackConfigurationName: aws.String("vod-ads"), Arn: mediatailorArn("prefetchSchedule/vod-ads/halftime"), ScheduleType: types.PrefetchScheduleTypeSingle,
			StreamId: aws.String("match-7"), Retrieval: &types.PrefetchRetrieval{StartTime: &mediatailorCreated, EndTime: &mediatailorModified}, Consumption: &types.PrefetchConsumption{EndTime: &mediatailorModified}},
		{Name: aws.String("every-break"), PlaybackConfigurationName: aws.String("vod-ads"), Arn: mediatailorArn("prefetchSchedule/vod-ads/every-break"), ScheduleType: types.PrefetchScheduleTypeRecurring,
			RecurringPrefetchConfiguration: &types.RecurringPrefetchConfiguration{StartTime: &mediatailorCreated, EndTime: &mediatailorModified}},
		{Name: aws.String("third"), PlaybackConfigurationName: aws.String("vod-ads"), Arn: mediatailorArn("prefetchSchedule/vod-ads/third")},
	}
	channels := []types.Channel{
		{ChannelName: aws.String("news"), Arn: mediatailorArn("channel/news"), ChannelState: aws.String("RUNNING"), Tier: aws.String("STANDARD"), PlaybackMode: aws.String("LINEAR"),
			CreationTime: &mediatailorCreated, LastModifiedTime: &mediatailorModified, Tags: map[string]string{"team": "news"}, Audiences: []string{"eu"},
			Outputs:          []types.ResponseOutputItem{{ManifestName: aws.String("index"), PlaybackUrl: aws.String("https://channel-assembly.mediatailor.us-east-1.amazonaws.com/v1/channel/news/index.m3u8")}},
			FillerSlate:      &types.SlateSource{SourceLocationName: aws.String("s3-origin"), VodSourceName: aws.String("slate")},
			LogConfiguration: &types.LogConfigurationForChannel{LogTypes: []types.LogType{types.LogTypeAsRun}}},
		{ChannelName: aws.String("movies"), Arn: mediatailorArn("channel/movies"), ChannelState: aws.String("STOPPED"), Tier: aws.String("BASIC"), PlaybackMode: aws.String("LOOP")},
		{ChannelName: aws.String("sports"), Arn: mediatailorArn("channel/sports"), ChannelState: aws.String("RUNNING"), Tier: aws.String("BASIC")},
	}
	locations := []types.SourceLocation{
		{SourceLocationName: aws.String("s3-origin"), Arn: mediatailorArn("sourceLocation/s3-origin"), CreationTime: &mediatailorCreated, LastModifiedTime: &mediatailorModified, Tags: map[string]string{"team": "media"},
			HttpConfiguration:                   &types.HttpConfiguration{BaseUrl: aws.String("https://media-bucket.s3.us-east-1.amazonaws.com")},
			AccessConfiguration:                 &types.AccessConfiguration{AccessType: types.AccessTypeS3Sigv4},
			DefaultSegmentDeliveryConfiguration: &types.DefaultSegmentDeliveryConfiguration{BaseUrl: aws.String("https://cdn.example.com")},
			SegmentDeliveryConfigurations:       []types.SegmentDeliveryConfiguration{{Name: aws.String("backup"), BaseUrl: aws.String("https://cdn2.example.com")}}},
		{SourceLocationName: aws.String("token-origin"), Arn: mediatailorArn("sourceLocation/token-origin"),
			HttpConfiguration: &types.HttpConfiguration{BaseUrl: aws.String("https://origin.example.com/live")},
			AccessConfiguration: &types.AccessConfiguration{AccessType: types.AccessTypeSecretsManagerAccessToken, SecretsManagerAccessTokenConfiguration: &types.SecretsManagerAccessTokenConfiguration{
				SecretArn: aws.String(secret), HeaderName: aws.String("x-origin-token"), SecretStringKey: aws.String("token")}}},
		{SourceLocationName: aws.String("gone"), Arn: mediatailorArn("sourceLocation/gone"), HttpConfiguration: &types.HttpConfiguration{BaseUrl: aws.String("https://s3.us-east-1.amazonaws.com/other-bucket/prefix")}},
	}
	packages := []types.HttpPackageConfiguration{{Type: types.TypeHls, Path: aws.String("/index.m3u8"), SourceGroup: aws.String("hls")}}
	sources := func(location string) []string {
		switch location {
		case "s3-origin":
			return []string{"slate", "intro", "feature"}
		case "token-origin":
			return []string{"main"}
		}
		return nil
	}
	answers := map[string]func(any) (any, error){
		"ListPlaybackConfigurations": func(in any) (any, error) {
			c.add("ListPlaybackConfigurations")
			page, next := collecttest.Page(configs, in.(*mediatailor.ListPlaybackConfigurationsInput).NextToken, 2)
			return &mediatailor.ListPlaybackConfigurationsOutput{Items: page, NextToken: next}, nil
		},
		"ListPrefetchSchedules": func(in any) (any, error) {
			in2 := in.(*mediatailor.ListPrefetchSchedulesInput)
			config := aws.ToString(in2.PlaybackConfigurationName)
			c.add("ListPrefetchSchedules/" + config)
			if in2.ScheduleType != types.ListPrefetchScheduleTypeAll {
				return nil, errors.New("only SINGLE or RECURRING schedules asked for")
			}
			var all []types.PrefetchSchedule
			switch config {
			case "gone":
				return nil, mediatailorNotFound()
			case "vod-ads":
				all = schedules
			}
			page, next := collecttest.Page(all, in2.NextToken, 2)
			return &mediatailor.ListPrefetchSchedulesOutput{Items: page, NextToken: next}, nil
		},
		"ListChannels": func(in any) (any, error) {
			c.add("ListChannels")
			page, next := collecttest.Page(channels, in.(*mediatailor.ListChannelsInput).NextToken, 2)
			return &mediatailor.ListChannelsOutput{Items: page, NextToken: next}, nil
		},
		"GetChannelPolicy": func(in any) (any, error) {
			switch aws.ToString(in.(*mediatailor.GetChannelPolicyInput).ChannelName) {
			case "news":
				return &mediatailor.GetChannelPolicyOutput{Policy: aws.String(publicPolicy)}, nil
			case "sports":
				return &mediatailor.GetChannelPolicyOutput{Policy: aws.String(accountPolicy)}, nil
			}
			return nil, mediatailorNotFound()
		},
		"ListSourceLocations": func(in any) (any, error) {
			c.add("ListSourceLocations")
			page, next := collecttest.Page(locations, in.(*mediatailor.ListSourceLocationsInput).NextToken, 2)
			return &mediatailor.ListSourceLocationsOutput{Items: page, NextToken: next}, nil
		},
		"ListLiveSources": func(in any) (any, error) {
			in2 := in.(*mediatailor.ListLiveSourcesInput)
			location := aws.ToString(in2.SourceLocationName)
			c.add("ListLiveSources/" + location)
			if location == "gone" {
				return nil, mediatailorNotFound()
			}
			var all []types.LiveSource
			for _, n := range sources(location) {
				all = append(all, types.LiveSource{SourceLocationName: in2.SourceLocationName, LiveSourceName: aws.String(n), Arn: mediatailorArn("liveSource/" + location + "/" + n),
					HttpPackageConfigurations: packages, CreationTime: &mediatailorCreated, LastModifiedTime: &mediatailorModified, Tags: map[string]string{"source": n}})
			}
			page, next := collecttest.Page(all, in2.NextToken, 2)
			return &mediatailor.ListLiveSourcesOutput{Items: page, NextToken: next}, nil
		},
		"ListVodSources": func(in any) (any, error) {
			in2 := in.(*mediatailor.ListVodSourcesInput)
			location := aws.ToString(in2.SourceLocationName)
			c.add("ListVodSources/" + location)
			if location == "gone" {
				return nil, mediatailorNotFound()
			}
			var all []types.VodSource
			for _, n := range sources(location) {
				all = append(all, types.VodSource{SourceLocationName: in2.SourceLocationName, VodSourceName: aws.String(n), Arn: mediatailorArn("vodSource/" + location + "/" + n),
					HttpPackageConfigurations: packages, CreationTime: &mediatailorCreated, Tags: map[string]string{"source": n}})
			}
			page, next := collecttest.Page(all, in2.NextToken, 2)
			return &mediatailor.ListVodSourcesOutput{Items: page, NextToken: next}, nil
		},
	}
	maps.Copy(answers, replace)
	return awsx.Options{Responder: collecttest.Canned(answers)}
}

func TestMediatailorTypes(t *testing.T) {
	collecttest.Setup(t)
	c := &mediatailorCalls{n: map[string]int{}}
	cfg := collecttest.ConfigWith(t, mediatailorRegion, mediatailorCanned(c, nil))
	arn := func(res string) string { return aws.ToString(mediatailorArn(res)) }
	hls := []map[string]string{{"type": "HLS", "path": "/index.m3u8", "source_group": "hls"}}
	for _, tc := range []struct {
		typ     string
		ids     []string // every id the collection emits
		id      string   // the one looked at
		name    string
		arn     string
		created string
		tags    map[string]string
		details map[string]any
		edges   []string
	}{
		{"playback-configuration", []string{"vod-ads", "gone", "live"}, "vod-ads", "vod-ads", arn("playbackConfiguration/vod-ads"), "", map[string]string{"team": "media"},
			map[string]any{"ad_decision_server_url": "https://ads.example.com/vast?duration=[session.avail_duration_secs]", "video_content_source_url": "https://origin.example.com/vod",
				"slate_ad_url": "https://origin.example.com/slate.mp4", "live_pre_roll_ads_url": "https://ads.example.com/preroll",
				"cdn_content_segment_url_prefix": "https://cdn.example.com/content", "cdn_ad_segment_url_prefix": "https://cdn.example.com/ads",
				"insertion_mode": "STITCHED_ONLY", "personalization_threshold_seconds": int64(2), "log_percent_enabled": int64(10), "logging_strategies": []string{"VENDED_LOGS"},
				"playback_endpoint_prefix": "https://abc.mediatailor.us-east-1.amazonaws.com"}, nil},
		{"playback-configuration", []string{"vod-ads", "gone", "live"}, "live", "live", arn("playbackConfiguration/live"), "", map[string]string{},
			map[string]any{"ad_decision_server_url": "", "log_percent_enabled": int64(0), "logging_strategies": []string{}, "live_pre_roll_ads_url": ""}, nil},
		{"prefetch-schedule", []string{"vod-ads/halftime", "vod-ads/every-break", "vod-ads/third"}, "vod-ads/halftime", "halftime", arn("prefetchSchedule/vod-ads/halftime"), "",
			map[string]string{}, map[string]any{"playback_configuration": "vod-ads", "schedule_type": "SINGLE", "stream_id": "match-7",
				"starts": "2026-02-01T09:00:00Z", "ends": "2026-05-03T12:00:00Z"},
			[]string{"vod-ads/halftime -in-> mediatailor/playback-configuration:vod-ads"}},
		{"prefetch-schedule", []string{"vod-ads/halftime", "vod-ads/every-break", "vod-ads/third"}, "vod-ads/every-break", "every-break", arn("prefetchSchedule/vod-ads/every-break"), "",
			map[string]string{}, map[string]any{"schedule_type": "RECURRING", "starts": "2026-02-01T09:00:00Z", "ends": "2026-05-03T12:00:00Z"}, nil},
		{"channel", []string{"news", "movies", "sports"}, "news", "news", arn("channel/news"), "2026-02-01T09:00:00Z", map[string]string{"team": "news"},
			map[string]any{"state": "RUNNING", "tier": "STANDARD", "playback_mode": "LINEAR", "filler_slate": "s3-origin/slate", "log_types": []string{"AS_RUN"}, "audiences": []string{"eu"},
				"playback_urls": []string{"https://channel-assembly.mediatailor.us-east-1.amazonaws.com/v1/channel/news/index.m3u8"}, "public": true,
				"last_modified": "2026-05-03T12:00:00Z"},
			[]string{"news -uses-> mediatailor/vod-source:s3-origin/slate"}},
		{"channel", []string{"news", "movies", "sports"}, "movies", "movies", arn("channel/movies"), "", map[string]string{},
			map[string]any{"state": "STOPPED", "tier": "BASIC", "playback_mode": "LOOP", "filler_slate": "", "policy": nil, "public": false, "log_types": []string{}}, nil},
		{"channel", []string{"news", "movies", "sports"}, "sports", "sports", arn("channel/sports"), "", map[string]string{},
			map[string]any{"public": false, "policy": map[string]any{"Version": "2012-10-17", "Statement": map[string]any{"Effect": "Allow",
				"Principal": map[string]any{"AWS": "arn:aws:iam::111122223333:root"}, "Action": "mediatailor:GetManifest", "Resource": "*"}}}, nil},
		{"source-location", []string{"s3-origin", "token-origin", "gone"}, "s3-origin", "s3-origin", arn("sourceLocation/s3-origin"), "2026-02-01T09:00:00Z",
			map[string]string{"team": "media"},
			map[string]any{"base_url": "https://media-bucket.s3.us-east-1.amazonaws.com", "access_type": "S3_SIGV4", "access_token_secret": "",
				"default_segment_delivery_url": "https://cdn.example.com", "segment_delivery_urls": []string{"https://cdn2.example.com"}, "last_modified": "2026-05-03T12:00:00Z"},
			[]string{"s3-origin -reads-from-> s3/bucket:media-bucket"}},
		{"source-location", []string{"s3-origin", "token-origin", "gone"}, "token-origin", "token-origin", arn("sourceLocation/token-origin"), "", map[string]string{},
			map[string]any{"access_type": "SECRETS_MANAGER_ACCESS_TOKEN", "access_token_secret": secret, "base_url": "https://origin.example.com/live"},
			[]string{"token-origin -uses-secret-> secretsmanager/secret:origin-token"}},
		{"source-location", []string{"s3-origin", "token-origin", "gone"}, "gone", "gone", arn("sourceLocation/gone"), "", map[string]string{},
			map[string]any{"access_type": ""}, []string{"gone -reads-from-> s3/bucket:other-bucket"}},
		{"live-source", []string{"s3-origin/slate", "s3-origin/intro", "s3-origin/feature", "token-origin/main"}, "token-origin/main", "main", arn("liveSource/token-origin/main"),
			"2026-02-01T09:00:00Z", map[string]string{"source": "main"}, map[string]any{"source_location": "token-origin", "packages": hls, "last_modified": "2026-05-03T12:00:00Z"},
			[]string{"token-origin/main -in-> mediatailor/source-location:token-origin"}},
		{"vod-source", []string{"s3-origin/slate", "s3-origin/intro", "s3-origin/feature", "token-origin/main"}, "s3-origin/feature", "feature", arn("vodSource/s3-origin/feature"),
			"2026-02-01T09:00:00Z", map[string]string{"source": "feature"}, map[string]any{"source_location": "s3-origin", "packages": hls, "last_modified": ""},
			[]string{"s3-origin/feature -in-> mediatailor/source-location:s3-origin"}},
	} {
		t.Run(tc.typ+"/"+tc.id, func(t *testing.T) {
			got := mediatailorPaged.Run(t, cfg, collector.Service, tc.typ, mediatailorRegion)
			if got.Err != nil {
				t.Fatal(got.Err)
			}
			collecttest.AssertNoWarnings(t, got)
			byID := got.ByID()
			if len(got.Resources) != len(tc.ids) {
				t.Errorf("%d resources, want %v: %v", len(got.Resources), tc.ids, byID)
			}
			for _, id := range tc.ids {
				if byID[id] == nil {
					t.Errorf("%s missing from %v", id, byID)
				}
			}
			r := byID[tc.id]
			if r == nil || r.Name != tc.name || r.ARN != tc.arn || r.CreatedAt != tc.created || fmt.Sprint(r.Tags) != fmt.Sprint(tc.tags) {
				t.Fatalf("%s: %+v", tc.id, r)
			}
			for k, v := range tc.details {
				if _, ok := r.Details[k]; !ok {
					t.Errorf("details[%s] missing: %v", k, r.Details)
				}
				if fmt.Sprint(r.Details[k]) != fmt.Sprint(v) || fmt.Sprintf("%T", r.Details[k]) != fmt.Sprintf("%T", v) {
					t.Errorf("details[%s] = %#v, want %#v", k, r.Details[k], v)
				}
			}
			collecttest.HasEdges(t, got, tc.edges...)
		})
	}
	// Every listing was walked page by page, in each collection that
	// lists it (no Shared in these tests).
	for op, want := range map[string]int{"ListPlaybackConfigurations": 4 * 2, "ListPrefetchSchedules/vod-ads": 2 * 2, "ListChannels": 3 * 2,
		"ListSourceLocations": 5 * 2, "ListLiveSources/s3-origin": 2, "ListVodSources/s3-origin": 2, "ListVodSources/gone": 1} {
		if got := c.get(op); got != want {
			t.Errorf("%s called %d times, want %d", op, got, want)
		}
	}
}

// A failed channel policy read keeps the channel without the policy
// fields, and marks the collection partial.
func TestMediatailorPolicyFailure(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, mediatailorRegion, mediatailorCanned(&mediatailorCalls{n: map[string]int{}}, map[string]func(any) (any, error){"GetChannelPolicy": collecttest.Denied("GetChannelPolicy")}))
	got := mediatailorPaged.Run(t, cfg, collector.Service, "channel", mediatailorRegion)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want 3 channels and a warning each, got %v, %d, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
	r := got.ByID()["news"]
	if _, ok := r.Details["public"]; ok || r.Details["state"] != "RUNNING" {
		t.Errorf("news: %+v", r.Details)
	}
	if _, ok := r.Details["policy"]; ok {
		t.Errorf("news: policy stored without a policy read: %+v", r.Details)
	}
}

func TestMediatailorDenied(t *testing.T) {
	collecttest.Setup(t)
	listings := map[string][]string{
		"playback-configuration": {"ListPlaybackConfigurations"}, "prefetch-schedule": {"ListPlaybackConfigurations", "ListPrefetchSchedules"},
		"channel": {"ListChannels"}, "source-location": {"ListSourceLocations"},
		"live-source": {"ListSourceLocations", "ListLiveSources"}, "vod-source": {"ListSourceLocations", "ListVodSources"},
	}
	for _, typ := range collector.Service.Types {
		if len(listings[typ.Name]) == 0 {
			t.Errorf("no denied case for %s", typ.Name)
		}
		for _, op := range listings[typ.Name] {
			cfg := collecttest.ConfigWith(t, mediatailorRegion, mediatailorCanned(&mediatailorCalls{n: map[string]int{}}, map[string]func(any) (any, error){op: collecttest.Denied(op)}))
			t.Run(typ.Name+"/"+op, func(t *testing.T) {
				collecttest.AssertDenied(t, mediatailorPaged.Run(t, cfg, collector.Service, typ.Name, mediatailorRegion))
			})
		}
	}
}
