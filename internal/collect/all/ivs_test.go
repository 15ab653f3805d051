package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ivs"
	"github.com/aws/aws-sdk-go-v2/service/ivs/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/ivs"
)

var ivsPaged = collecttest.Paged{Cap: 2}

const ivsRegion = "us-west-2"

func TestIvsChannels(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, ivsRegion, nil)
	ids := map[string]string{}
	for i := range 3 {
		out, err := ivs.NewFromConfig(cfg).CreateChannel(context.Background(), &ivs.CreateChannelInput{Name: aws.String(fmt.Sprint("live", i)),
			Authorized: i == 0, InsecureIngest: i == 1, Type: types.ChannelTypeBasicChannelType, LatencyMode: types.ChannelLatencyModeNormalLatency,
			Tags: map[string]string{"n": fmt.Sprint(i)}})
		if err != nil {
			t.Fatal(err)
		}
		arn := aws.ToString(out.Channel.Arn)
		ids[fmt.Sprint("live", i)] = arn
	}
	got := ivsPaged.Run(t, cfg, collector.Service, "channel", ivsRegion)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("channels: %v, %d", got.Err, len(got.Resources))
	}
	for _, r := range got.Resources {
		want := map[string]any{"channel_type": "BASIC", "latency_mode": "NORMAL", "authorized": r.Name == "live0", "insecure_ingest": r.Name == "live1"}
		if r.ARN != ids[r.Name] || r.Tags["n"] != r.Name[4:] || "arn:aws:ivs:us-west-2:"+collecttest.MotoAccount+":channel/"+r.ID != r.ARN {
			t.Errorf("%s: %+v", r.Name, r)
		}
		for k, v := range want {
			if r.Details[k] != v {
				t.Errorf("%s details[%s] = %#v, want %#v", r.Name, k, r.Details[k], v)
			}
		}
	}
}

func TestIvsDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, ivsRegion, awsx.Options{Responder: collecttest.Deny("ListChannels")})
	collecttest.AssertDenied(t, ivsPaged.Run(t, cfg, collector.Service, "channel", ivsRegion))
}
