package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mediaconvert"
	"github.com/aws/aws-sdk-go-v2/service/mediaconvert/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/mediaconvert"
)

var (
	mediaconvertCreated = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
)

func mediaconvertArn(resource string) *string {
	return aws.String("arn:aws:mediaconvert:" + region + ":" + account + ":" + resource)
}

// canned answers MediaConvert (moto has none of it): listings over two
// pages, system presets and templates among the custom ones.
var mediaconvertCanned = map[string]func(any) (any, error){
	"ListQueues": func(in any) (any, error) {
		expires := mediaconvertCreated.AddDate(1, 0, 0)
		all := []types.Queue{
			{Name: aws.String("Default"), Arn: mediaconvertArn("queues/Default"), Type: types.TypeSystem, Status: types.QueueStatusActive, PricingPlan: types.PricingPlanOnDemand, CreatedAt: &mediaconvertCreated},
			{Name: aws.String("reserved"), Arn: mediaconvertArn("queues/reserved"), Type: types.TypeCustom, Status: types.QueueStatusPaused, PricingPlan: types.PricingPlanReserved,
				ReservationPlan: &types.ReservationPlan{ReservedSlots: aws.Int32(4), RenewalType: types.RenewalTypeAutoRenew, ExpiresAt: &expires}, SubmittedJobsCount: aws.Int32(7)},
			{Name: aws.String("fast"), Arn: mediaconvertArn("queues/fast"), Type: types.TypeCustom, Status: types.QueueStatusActive, ConcurrentJobs: aws.Int32(10)},
		}
		page, next := collecttest.Page(all, in.(*mediaconvert.ListQueuesInput).NextToken, 2)
		return &mediaconvert.ListQueuesOutput{Queues: page, NextToken: next}, nil
	},
	"ListPresets": func(in any) (any, error) {
		all := []types.Preset{
			{Name: aws.String("System-Generic_Hd_Mp4"), Arn: mediaconvertArn("presets/System-Generic_Hd_Mp4"), Type: types.TypeSystem},
			{Name: aws.String("web-1080"), Arn: mediaconvertArn("presets/web-1080"), Type: types.TypeCustom, Category: aws.String("web"), CreatedAt: &mediaconvertCreated,
				Settings: &types.PresetSettings{ContainerSettings: &types.ContainerSettings{Container: types.ContainerTypeMp4},
					VideoDescription: &types.VideoDescription{CodecSettings: &types.VideoCodecSettings{Codec: types.VideoCodecH265}}}},
			{Name: aws.String("audio"), Arn: mediaconvertArn("presets/audio"), Type: types.TypeCustom},
		}
		page, next := collecttest.Page(all, in.(*mediaconvert.ListPresetsInput).NextToken, 2)
		return &mediaconvert.ListPresetsOutput{Presets: page, NextToken: next}, nil
	},
	"ListJobTemplates": func(in any) (any, error) {
		all := []types.JobTemplate{
			{Name: aws.String("vod"), Arn: mediaconvertArn("jobTemplates/vod"), Type: types.TypeCustom, Queue: mediaconvertArn("queues/fast"), Priority: aws.Int32(10), CreatedAt: &mediaconvertCreated,
				AccelerationSettings: &types.AccelerationSettings{Mode: types.AccelerationModePreferred},
				Settings: &types.JobTemplateSettings{OutputGroups: []types.OutputGroup{
					{OutputGroupSettings: &types.OutputGroupSettings{HlsGroupSettings: &types.HlsGroupSettings{Destination: aws.String("s3://vod-out/hls/")}}},
					{OutputGroupSettings: &types.OutputGroupSettings{FileGroupSettings: &types.FileGroupSettings{Destination: aws.String("s3://vod-archive/mp4/")}}},
					{OutputGroupSettings: &types.OutputGroupSettings{FileGroupSettings: &types.FileGroupSettings{}}}}}},
			{Name: aws.String("System-Ott_Hls"), Arn: mediaconvertArn("jobTemplates/System-Ott_Hls"), Type: types.TypeSystem},
		}
		page, next := collecttest.Page(all, in.(*mediaconvert.ListJobTemplatesInput).NextToken, 1)
		return &mediaconvert.ListJobTemplatesOutput{JobTemplates: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		a := in.(*mediaconvert.ListTagsForResourceInput).Arn
		return &mediaconvert.ListTagsForResourceOutput{ResourceTags: &types.ResourceTags{Arn: a, Tags: map[string]string{"arn": aws.ToString(a)}}}, nil
	},
}

func mediaconvertRun(t *testing.T, typ string, want int) collecttest.Result {
	t.Helper()
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(mediaconvertCanned)})
	got := collecttest.Run(t, cfg, collector.Service, typ, region)
	if got.Err != nil || len(got.Resources) != want {
		t.Fatalf("%s: %v, %d resources, want %d", typ, got.Err, len(got.Resources), want)
	}
	collecttest.AssertNoWarnings(t, got)
	for _, r := range got.Resources {
		if r.Tags["arn"] != r.ARN || r.ARN == "" {
			t.Errorf("%s: tags %v, ARN %q", r.ID, r.Tags, r.ARN)
		}
	}
	return got
}

func TestMediaconvertQueues(t *testing.T) {
	collecttest.Require(t)
	got := mediaconvertRun(t, "queue", 3)
	q := got.ByID()["reserved"]
	if q == nil || q.Details["status"] != "PAUSED" || q.Details["pricing_plan"] != "RESERVED" || q.Details["reserved_slots"] != int64(4) ||
		q.Details["reservation_renewal"] != "AUTO_RENEW" || q.Details["reservation_expires"] != "2027-06-01T00:00:00Z" || q.Details["submitted_jobs"] != int64(7) {
		t.Fatalf("queue: %+v", q)
	}
	if d := got.ByID()["Default"]; d == nil || d.Details["type"] != "SYSTEM" || d.CreatedAt != "2026-06-01T00:00:00Z" {
		t.Fatalf("default queue: %+v", d)
	}
}

func TestMediaconvertPresetsAndTemplates(t *testing.T) {
	collecttest.Require(t)
	got := mediaconvertRun(t, "preset", 2)
	p := got.ByID()["web-1080"]
	if p == nil || p.Details["container"] != "MP4" || p.Details["video_codec"] != "H_265" || p.Details["category"] != "web" {
		t.Fatalf("preset: %+v", p)
	}
	if _, ok := got.ByID()["System-Generic_Hd_Mp4"]; ok {
		t.Error("a system preset is collected")
	}

	got = mediaconvertRun(t, "job-template", 1)
	j := got.ByID()["vod"]
	if j == nil || j.Details["priority"] != int64(10) || j.Details["acceleration"] != "PREFERRED" ||
		fmt.Sprint(j.Details["destinations"]) != "[s3://vod-out/hls/ s3://vod-archive/mp4/]" || j.CreatedAt != "2026-06-01T00:00:00Z" {
		t.Fatalf("job template: %+v", j)
	}
	collecttest.HasEdges(t, got, "vod -uses-> mediaconvert/queue:fast", "vod -writes-to-> s3/bucket:vod-out", "vod -writes-to-> s3/bucket:vod-archive")
}

func TestMediaconvertDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"queue": "ListQueues", "preset": "ListPresets", "job-template": "ListJobTemplates"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny(op), collecttest.Canned(mediaconvertCanned))})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny("ListTagsForResource"), collecttest.Canned(mediaconvertCanned))})
	got := collecttest.Run(t, cfg, collector.Service, "queue", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("denied tags are a warning per queue: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
