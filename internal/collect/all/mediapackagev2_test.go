package all_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mediapackagev2"
	"github.com/aws/aws-sdk-go-v2/service/mediapackagev2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/mediapackagev2"
)

var mediapackagev2Paged = collecttest.Paged{Cap: 2}

// seed creates channel groups live, sports and news in moto, with channels
// main and backup in each.
func mediapackagev2Seed(t *testing.T, api *mediapackagev2.Client) {
	ctx := context.Background()
	for _, g := range []string{"live", "sports", "news"} {
		_, err := api.CreateChannelGroup(ctx, &mediapackagev2.CreateChannelGroupInput{ChannelGroupName: aws.String(g)})
		check(t, err)
		for _, c := range []string{"main", "backup"} {
			_, err := api.CreateChannel(ctx, &mediapackagev2.CreateChannelInput{ChannelGroupName: aws.String(g), ChannelName: aws.String(c)})
			check(t, err)
		}
	}
}

// listChannels answers ListChannels, which moto lacks, with the channels
// seed created, one a page.
func listChannels(in any) (any, error) {
	group := aws.ToString(in.(*mediapackagev2.ListChannelsInput).ChannelGroupName)
	var all []types.ChannelListConfiguration
	for _, c := range []string{"main", "backup"} {
		all = append(all, types.ChannelListConfiguration{ChannelGroupName: aws.String(group), ChannelName: aws.String(c), CreatedAt: &created, ModifiedAt: &created,
			Arn: aws.String("arn:aws:mediapackagev2:" + region + ":" + account + ":channelGroup/" + group + "/channel/" + c), InputType: types.InputTypeCmaf})
	}
	page, next := collecttest.Page(all, in.(*mediapackagev2.ListChannelsInput).NextToken, 1)
	return &mediapackagev2.ListChannelsOutput{Items: page, NextToken: next}, nil
}

// listEndpoints answers ListOriginEndpoints (moto lacks origin endpoints):
// hls and dash on every channel, one a page.
func listEndpoints(in any) (any, error) {
	i := in.(*mediapackagev2.ListOriginEndpointsInput)
	var all []types.OriginEndpointListConfiguration
	for _, e := range []string{"hls", "dash"} {
		all = append(all, types.OriginEndpointListConfiguration{ChannelGroupName: i.ChannelGroupName, ChannelName: i.ChannelName, OriginEndpointName: aws.String(e),
			Arn: aws.String(fmt.Sprintf("arn:aws:mediapackagev2:%s:%s:channelGroup/%s/channel/%s/originEndpoint/%s", region, account,
				aws.ToString(i.ChannelGroupName), aws.ToString(i.ChannelName), e)),
			ContainerType: types.ContainerTypeCmaf, CreatedAt: &created, HlsManifests: []types.ListHlsManifestConfiguration{{ManifestName: aws.String("index")}}})
	}
	page, next := collecttest.Page(all, i.NextToken, 1)
	return &mediapackagev2.ListOriginEndpointsOutput{Items: page, NextToken: next}, nil
}

// getEndpoint answers GetOriginEndpoint: hls endpoints are encrypted with
// a SPEKE key provider, dash ones are clear.
func getEndpoint(in any) (any, error) {
	i := in.(*mediapackagev2.GetOriginEndpointInput)
	out := &mediapackagev2.GetOriginEndpointOutput{OriginEndpointName: i.OriginEndpointName, StartoverWindowSeconds: aws.Int32(300),
		Tags: map[string]string{"endpoint": aws.ToString(i.OriginEndpointName)}, Segment: &types.Segment{}}
	if aws.ToString(i.OriginEndpointName) == "hls" {
		out.Segment.Encryption = &types.Encryption{EncryptionMethod: &types.EncryptionMethod{CmafEncryptionMethod: types.CmafEncryptionMethodCbcs},
			SpekeKeyProvider: &types.SpekeKeyProvider{DrmSystems: []types.DrmSystem{types.DrmSystemFairplay},
				RoleArn: aws.String("arn:aws:iam::" + account + ":role/speke"), Url: aws.String("https://keys.example.com")}}
	}
	return out, nil
}

func TestMediapackagev2ChannelGroups(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	mediapackagev2Seed(t, mediapackagev2.NewFromConfig(cfg))
	got := mediapackagev2Paged.Run(t, cfg, collector.Service, "channel-group", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("channel groups: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	g := got.ByID()["sports"]
	if g == nil || g.Name != "sports" || g.ARN != "arn:aws:mediapackagev2:"+region+":"+account+":channelGroup/sports" || g.CreatedAt == "" ||
		!strings.Contains(fmt.Sprint(g.Details["egress_domain"]), ".egress.") {
		t.Fatalf("sports: %+v", g)
	}

	// moto drops tags: GetChannelGroup answers them here.
	tagged := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"GetChannelGroup": func(in any) (any, error) {
			name := aws.ToString(in.(*mediapackagev2.GetChannelGroupInput).ChannelGroupName)
			return &mediapackagev2.GetChannelGroupOutput{ChannelGroupName: aws.String(name), EgressDomain: aws.String("x.egress.example"), Tags: map[string]string{"group": name}}, nil
		}})})
	got = mediapackagev2Paged.Run(t, tagged, collector.Service, "channel-group", region)
	if g := got.ByID()["news"]; g == nil || g.Tags["group"] != "news" || g.Details["egress_domain"] != "x.egress.example" {
		t.Fatalf("news: %+v", g)
	}
	denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetChannelGroup")})
	got = mediapackagev2Paged.Run(t, denied, collector.Service, "channel-group", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want every group, each with a warning: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if _, known := got.ByID()["live"].Details["egress_domain"]; known {
		t.Errorf("egress domain unknown, not empty: %v", got.ByID()["live"].Details)
	}
}

func TestMediapackagev2Channels(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListChannels": listChannels})})
	mediapackagev2Seed(t, mediapackagev2.NewFromConfig(cfg))
	got := mediapackagev2Paged.Run(t, cfg, collector.Service, "channel", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("channels: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	c := got.ByID()["live/backup"]
	ingest := fmt.Sprint(c.Details["ingest_endpoints"])
	if c == nil || c.Name != "backup" || c.Details["input_type"] != "CMAF" || c.Details["channel_group"] != "live" || c.CreatedAt != "2026-03-01T00:00:00Z" ||
		!strings.Contains(ingest, "/in/v1/live/1/backup/index") || !strings.Contains(ingest, "/in/v1/live/2/backup/index") {
		t.Fatalf("live/backup: %+v", c)
	}
	collecttest.HasEdges(t, got, "live/backup -in-> mediapackagev2/channel-group:live", "news/main -in-> mediapackagev2/channel-group:news")
}

func TestMediapackagev2OriginEndpoints(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListChannels": listChannels, "ListOriginEndpoints": listEndpoints, "GetOriginEndpoint": getEndpoint})})
	mediapackagev2Seed(t, mediapackagev2.NewFromConfig(cfg))
	got := mediapackagev2Paged.Run(t, cfg, collector.Service, "origin-endpoint", region)
	if got.Err != nil || len(got.Resources) != 12 {
		t.Fatalf("endpoints: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	hls, dash := got.ByID()["sports/main/hls"], got.ByID()["sports/main/dash"]
	if hls == nil || hls.Tags["endpoint"] != "hls" || hls.Details["container_type"] != "CMAF" || hls.Details["encryption_method"] != "CBCS" ||
		fmt.Sprint(hls.Details["drm_systems"]) != "[FAIRPLAY]" || hls.Details["startover_window_seconds"] != int64(300) ||
		fmt.Sprint(hls.Details["manifests"]) != "map[hls:[index]]" || hls.ARN != "arn:aws:mediapackagev2:"+region+":"+account+":channelGroup/sports/channel/main/originEndpoint/hls" {
		t.Fatalf("hls: %+v", hls)
	}
	if dash == nil || dash.Details["encryption_method"] != "" || fmt.Sprint(dash.Details["drm_systems"]) != "[]" {
		t.Fatalf("dash is clear: %+v", dash)
	}
	collecttest.HasEdges(t, got, "sports/main/hls -packages-> mediapackagev2/channel:sports/main", "sports/main/hls -assumes-role-> iam/role:speke")
}

func TestMediapackagev2Denied(t *testing.T) {
	collecttest.Setup(t)
	for _, typ := range []string{"channel-group", "channel", "origin-endpoint"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListChannelGroups")})
		collecttest.AssertDenied(t, mediapackagev2Paged.Run(t, cfg, collector.Service, typ, region))
	}
	// A group whose channels cannot be listed fails the collection.
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListChannels": collecttest.Denied("ListChannels")})})
	mediapackagev2Seed(t, mediapackagev2.NewFromConfig(cfg))
	got := mediapackagev2Paged.Run(t, cfg, collector.Service, "channel", region)
	if awsx.Classify(got.Err) != awsx.Denied {
		t.Fatalf("want the denied listing to fail the collection: %v", got.Err)
	}
}
