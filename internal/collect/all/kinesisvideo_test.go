package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	kvs "github.com/aws/aws-sdk-go-v2/service/kinesisvideo"
	"github.com/aws/aws-sdk-go-v2/service/kinesisvideo/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/kinesisvideo"
)

var kinesisvideoPaged = collecttest.Paged{Cap: 2}

// answers can what moto lacks: stream tags (two pages: owner, then
// stream), signaling channels (two pages) and their tags.
func kinesisvideoAnswers() map[string]func(any) (any, error) {
	channelARN := func(name string) *string {
		return aws.String("arn:aws:kinesisvideo:eu-west-1:" + account + ":channel/" + name + "/1700000000000")
	}
	return map[string]func(any) (any, error){
		"ListTagsForStream": func(in any) (any, error) {
			i := in.(*kvs.ListTagsForStreamInput)
			if i.NextToken == nil {
				return &kvs.ListTagsForStreamOutput{Tags: map[string]string{"owner": "cams"}, NextToken: aws.String("2")}, nil
			}
			return &kvs.ListTagsForStreamOutput{Tags: map[string]string{"stream": aws.ToString(i.StreamARN)}}, nil
		},
		"ListSignalingChannels": func(in any) (any, error) {
			if in.(*kvs.ListSignalingChannelsInput).NextToken == nil {
				return &kvs.ListSignalingChannelsOutput{NextToken: aws.String("2"), ChannelInfoList: []types.ChannelInfo{{ChannelName: aws.String("door"),
					ChannelARN: channelARN("door"), ChannelType: types.ChannelTypeSingleMaster, ChannelStatus: types.StatusActive,
					CreationTime: aws.Time(time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)), SingleMasterConfiguration: &types.SingleMasterConfiguration{MessageTtlSeconds: aws.Int32(60)}}}}, nil
			}
			return &kvs.ListSignalingChannelsOutput{ChannelInfoList: []types.ChannelInfo{{ChannelName: aws.String("yard"), ChannelARN: channelARN("yard"), ChannelType: types.ChannelTypeFullMesh}}}, nil
		},
		"ListTagsForResource": func(any) (any, error) {
			return &kvs.ListTagsForResourceOutput{Tags: map[string]string{"site": "hq"}}, nil
		},
	}
}

func TestKinesisvideoStreams(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(kinesisvideoAnswers())})
	api := kvs.NewFromConfig(cfg)
	for i := range 3 {
		in := &kvs.CreateStreamInput{StreamName: aws.String(fmt.Sprintf("cam%d", i)), DeviceName: aws.String("door-cam"), MediaType: aws.String("video/h264")}
		if i == 0 {
			in.KmsKeyId, in.DataRetentionInHours = aws.String("arn:aws:kms:eu-west-1:"+account+":key/k-1"), aws.Int32(72)
		}
		if _, err := api.CreateStream(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
	got := kinesisvideoPaged.Run(t, cfg, collector.Service, "stream", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("streams: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	c := got.ByID()["cam0"]
	if c.ARN == "" || c.Tags["owner"] != "cams" || c.Tags["stream"] != c.ARN || c.CreatedAt == "" {
		t.Errorf("cam0: %s %v %q", c.ARN, c.Tags, c.CreatedAt)
	}
	for k, v := range map[string]any{"retention_hours": int64(72), "device_name": "door-cam", "media_type": "video/h264", "status": "ACTIVE"} {
		if c.Details[k] != v {
			t.Errorf("cam0 details[%s] = %v, want %v", k, c.Details[k], v)
		}
	}
	collecttest.HasEdges(t, got, "cam0 -encrypted-with-> kms/key:k-1")
}

func TestKinesisvideoSignalingChannels(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(kinesisvideoAnswers())})
	got := kinesisvideoPaged.Run(t, cfg, collector.Service, "signaling-channel", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("channels: %v, %d", got.Err, len(got.Resources))
	}
	d := got.ByID()["door"]
	if d.Tags["site"] != "hq" || d.CreatedAt != "2026-02-01T00:00:00Z" || d.Details["channel_type"] != "SINGLE_MASTER" || d.Details["message_ttl_seconds"] != int64(60) {
		t.Errorf("door: %v %q %v", d.Tags, d.CreatedAt, d.Details)
	}
	if y := got.ByID()["yard"]; y.Details["channel_type"] != "FULL_MESH" || y.Details["message_ttl_seconds"] != int64(0) {
		t.Errorf("yard: %v", y.Details)
	}
}

func TestKinesisvideoDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"stream": "ListStreams", "signaling-channel": "ListSignalingChannels"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, kinesisvideoPaged.Run(t, cfg, collector.Service, typ, region))
	}
	denied := kinesisvideoAnswers()
	denied["ListTagsForResource"] = collecttest.Denied("ListTagsForResource")
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(denied)})
	got := kinesisvideoPaged.Run(t, cfg, collector.Service, "signaling-channel", region)
	if got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 2 || len(got.ByID()["door"].Tags) != 0 {
		t.Fatalf("want untagged channels and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
