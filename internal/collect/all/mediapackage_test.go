package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mediapackage"
	"github.com/aws/aws-sdk-go-v2/service/mediapackage/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/mediapackage"
)

var mediapackagePaged = collecttest.Paged{Cap: 100}

func TestMediapackageChannelsAndEndpoints(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := mediapackage.NewFromConfig(cfg)
	for i := range 3 {
		n := fmt.Sprint(i)
		if _, err := api.CreateChannel(context.Background(), &mediapackage.CreateChannelInput{Id: aws.String("live" + n), Description: aws.String("sports"),
			Tags: map[string]string{"n": n}}); err != nil {
			t.Fatal(err)
		}
		in := &mediapackage.CreateOriginEndpointInput{Id: aws.String("hls" + n), ChannelId: aws.String("live" + n), Origination: types.OriginationAllow,
			HlsPackage: &types.HlsPackage{SegmentDurationSeconds: aws.Int32(6)}, Tags: map[string]string{"n": n}}
		if i == 0 {
			in.Whitelist = []string{"198.51.100.0/24"}
		}
		if _, err := api.CreateOriginEndpoint(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
	got := mediapackagePaged.Run(t, cfg, collector.Service, "channel", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("channels: %v, %d", got.Err, len(got.Resources))
	}
	c := got.ByID()["live1"]
	if c == nil || c.Tags["n"] != "1" || c.ARN == "" || c.Details["description"] != "sports" {
		t.Fatalf("live1 %+v", c)
	}
	got = mediapackagePaged.Run(t, cfg, collector.Service, "origin-endpoint", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("endpoints: %v, %d", got.Err, len(got.Resources))
	}
	e := got.ByID()["hls0"]
	if e == nil || e.Tags["n"] != "0" || e.Details["origination"] != "ALLOW" || e.Details["packaging"] != "HLS" || fmt.Sprint(e.Details["allowed_cidrs"]) != "[198.51.100.0/24]" {
		t.Fatalf("hls0 %+v", e)
	}
	collecttest.HasEdges(t, got, "hls2 -packages-> mediapackage/channel:live2")
}

func TestMediapackageDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"channel": "ListChannels", "origin-endpoint": "ListOriginEndpoints"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, mediapackagePaged.Run(t, cfg, collector.Service, typ, region))
	}
}
