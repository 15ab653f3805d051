package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/medialive"
	"github.com/aws/aws-sdk-go-v2/service/medialive/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/medialive"
)

var medialivePaged = collecttest.Paged{Cap: 100}

var medialiveRole = "arn:aws:iam::" + collecttest.MotoAccount + ":role/live"

func TestMedialiveChannelsAndInputs(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := medialive.NewFromConfig(cfg)
	inputs := map[string]string{}
	for i := range 3 {
		n := fmt.Sprint(i)
		in, err := api.CreateInput(context.Background(), &medialive.CreateInputInput{Name: aws.String("cam" + n), Type: types.InputTypeRtmpPush,
			RoleArn: aws.String(medialiveRole), Tags: map[string]string{"n": n}})
		if err != nil {
			t.Fatal(err)
		}
		inputs["cam"+n] = aws.ToString(in.Input.Id)
		if _, err := api.CreateChannel(context.Background(), &medialive.CreateChannelInput{Name: aws.String("show" + n), ChannelClass: types.ChannelClassSinglePipeline,
			RoleArn: aws.String(medialiveRole), LogLevel: types.LogLevelInfo, Tags: map[string]string{"n": n},
			InputAttachments: []types.InputAttachment{{InputId: in.Input.Id, InputAttachmentName: aws.String("main")}}}); err != nil {
			t.Fatal(err)
		}
	}
	got := medialivePaged.Run(t, cfg, collector.Service, "channel", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("channels: %v, %d", got.Err, len(got.Resources))
	}
	for _, r := range got.Resources {
		if r.Tags["n"] != r.Name[4:] || r.ARN == "" || r.Details["channel_class"] != "SINGLE_PIPELINE" || r.Details["log_level"] != "INFO" {
			t.Errorf("%s: %+v", r.Name, r)
		}
		collecttest.HasEdges(t, got, r.ID+" -reads-from-> medialive/input:"+inputs["cam"+r.Name[4:]], r.ID+" -assumes-role-> iam/role:live")
	}
	got = medialivePaged.Run(t, cfg, collector.Service, "input", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("inputs: %v, %d", got.Err, len(got.Resources))
	}
	c := got.ByID()[inputs["cam2"]]
	if c == nil || c.Name != "cam2" || c.Tags["n"] != "2" || c.Details["input_type"] != "RTMP_PUSH" || c.ARN == "" {
		t.Fatalf("cam2 %+v", c)
	}
}

func TestMedialiveDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"channel": "ListChannels", "input": "ListInputs"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, medialivePaged.Run(t, cfg, collector.Service, typ, region))
	}
}
