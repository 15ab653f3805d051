// Package mediaconvert collects Elemental MediaConvert queues and the
// account's own presets and job templates (the system ones AWS publishes
// are not part of the estate). MediaConvert's regional endpoint serves
// accounts directly: no DescribeEndpoints call is needed.
package mediaconvert

import (
	"context"
	"net/url"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mediaconvert"
	"github.com/aws/aws-sdk-go-v2/service/mediaconvert/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the MediaConvert collector.
var Service = &collect.Service{
	Name:        "mediaconvert",
	Description: "Elemental MediaConvert queues, custom presets and custom job templates",
	Types: []collect.Type{
		{Name: "queue", Description: "transcoding queue (id = name), on-demand or reserved, with its reservation",
			Fields: queueFields.Declared(), Tags: collect.TagsPerResource, Collect: queues, DetailCalls: 1},
		{Name: "preset", Description: "custom output preset (id = name; system presets skipped)",
			Fields: presetFields.Declared(), Tags: collect.TagsPerResource, Collect: presets, DetailCalls: 1},
		{Name: "job-template", Description: "custom job template (id = name; system templates skipped), with its queue and output destinations",
			Fields: jobTemplateFields.Declared(), Tags: collect.TagsPerResource, Collect: jobTemplates, DetailCalls: 1},
	},
	Calls: "queue: ListQueues. preset: ListPresets. job-template: ListJobTemplates. Every type: + per resource ListTagsForResource",
	Relations: []collect.Relation{
		{From: "job-template", Kind: "uses", To: "mediaconvert/queue"},
		{From: "job-template", Kind: "writes-to", To: "s3/bucket"},
	},
}

// pageSize is the largest page MediaConvert's listings return.
const pageSize = 20

// tagged emits r with its tags; MediaConvert's listings carry none.
func tagged(ctx context.Context, t *collect.Task, api *mediaconvert.Client, r *model.Resource) {
	out, err := api.ListTagsForResource(ctx, &mediaconvert.ListTagsForResourceInput{Arn: aws.String(r.ARN)})
	t.Warn("ListTagsForResource", err)
	if err == nil && out.ResourceTags != nil {
		r.Tags = out.ResourceTags.Tags
	}
	t.Emit(r)
}

func reservation(q types.Queue) types.ReservationPlan {
	if q.ReservationPlan == nil {
		return types.ReservationPlan{}
	}
	return *q.ReservationPlan
}

var queueFields = collect.Fields[types.Queue]{
	collect.Enum("status", "ACTIVE or PAUSED", func(q types.Queue) types.QueueStatus { return q.Status }),
	collect.Enum("type", "SYSTEM (the Default queue) or CUSTOM", func(q types.Queue) types.Type { return q.Type }),
	collect.Enum("pricing_plan", "ON_DEMAND or RESERVED", func(q types.Queue) types.PricingPlan { return q.PricingPlan }),
	collect.Text("description", "queue description", func(q types.Queue) *string { return q.Description }),
	collect.Int("concurrent_jobs", "jobs the queue runs at once", func(q types.Queue) *int32 { return q.ConcurrentJobs }),
	collect.Int("progressing_jobs", "jobs running when collected", func(q types.Queue) *int32 { return q.ProgressingJobsCount }),
	collect.Int("submitted_jobs", "jobs waiting when collected", func(q types.Queue) *int32 { return q.SubmittedJobsCount }),
	collect.Int("reserved_slots", "transcoding slots reserved (RESERVED queues)", func(q types.Queue) *int32 { return reservation(q).ReservedSlots }),
	collect.Enum("reservation_renewal", "AUTO_RENEW or EXPIRE", func(q types.Queue) types.RenewalType { return reservation(q).RenewalType }),
	collect.Timestamp("reservation_expires", "when the 12-month reservation ends", func(q types.Queue) *time.Time { return reservation(q).ExpiresAt }),
	collect.Timestamp("updated", "last change", func(q types.Queue) *time.Time { return q.LastUpdated }),
}

func queues(ctx context.Context, t *collect.Task) error {
	api := mediaconvert.NewFromConfig(t.Config)
	p := mediaconvert.NewListQueuesPaginator(api, &mediaconvert.ListQueuesInput{MaxResults: t.PageSize(pageSize)})
	items := func(page *mediaconvert.ListQueuesOutput) []types.Queue { return page.Queues }
	return collect.EachItem(ctx, p, items, func(ctx context.Context, q types.Queue) {
		name := aws.ToString(q.Name)
		tagged(ctx, t, api, &model.Resource{Key: t.Key("queue", name), Name: name, ARN: aws.ToString(q.Arn), CreatedAt: model.Time(q.CreatedAt),
			Details: queueFields.Details(q)})
	})
}

func presetSettings(p types.Preset) types.PresetSettings {
	if p.Settings == nil {
		return types.PresetSettings{}
	}
	return *p.Settings
}

var presetFields = collect.Fields[types.Preset]{
	collect.Text("category", "category the preset is filed under", func(p types.Preset) *string { return p.Category }),
	collect.Text("description", "preset description", func(p types.Preset) *string { return p.Description }),
	collect.Enum("container", "output container: MP4, M2TS, CMFC, ...", func(p types.Preset) types.ContainerType {
		if c := presetSettings(p).ContainerSettings; c != nil {
			return c.Container
		}
		return ""
	}),
	collect.Enum("video_codec", "video codec: H_264, H_265, AV1, ...", func(p types.Preset) types.VideoCodec {
		if v := presetSettings(p).VideoDescription; v != nil && v.CodecSettings != nil {
			return v.CodecSettings.Codec
		}
		return ""
	}),
	collect.Timestamp("updated", "last change", func(p types.Preset) *time.Time { return p.LastUpdated }),
}

func presets(ctx context.Context, t *collect.Task) error {
	api := mediaconvert.NewFromConfig(t.Config)
	p := mediaconvert.NewListPresetsPaginator(api, &mediaconvert.ListPresetsInput{MaxResults: t.PageSize(pageSize)})
	items := func(page *mediaconvert.ListPresetsOutput) []types.Preset { return page.Presets }
	return collect.EachItem(ctx, p, items, func(ctx context.Context, pr types.Preset) {
		if pr.Type == types.TypeSystem {
			return
		}
		name := aws.ToString(pr.Name)
		tagged(ctx, t, api, &model.Resource{Key: t.Key("preset", name), Name: name, ARN: aws.ToString(pr.Arn), CreatedAt: model.Time(pr.CreatedAt),
			Details: presetFields.Details(pr)})
	})
}

// destinations are the S3 URIs a job template's output groups write to.
func destinations(j types.JobTemplate) []string {
	out := []string{}
	if j.Settings == nil {
		return out
	}
	for _, g := range j.Settings.OutputGroups {
		s := g.OutputGroupSettings
		if s == nil {
			continue
		}
		var d *string
		switch {
		case s.FileGroupSettings != nil:
			d = s.FileGroupSettings.Destination
		case s.HlsGroupSettings != nil:
			d = s.HlsGroupSettings.Destination
		case s.DashIsoGroupSettings != nil:
			d = s.DashIsoGroupSettings.Destination
		case s.CmafGroupSettings != nil:
			d = s.CmafGroupSettings.Destination
		case s.MsSmoothGroupSettings != nil:
			d = s.MsSmoothGroupSettings.Destination
		}
		if aws.ToString(d) != "" {
			out = append(out, *d)
		}
	}
	return out
}

var jobTemplateFields = collect.Fields[types.JobTemplate]{
	collect.Text("category", "category the template is filed under", func(j types.JobTemplate) *string { return j.Category }),
	collect.Text("description", "template description", func(j types.JobTemplate) *string { return j.Description }),
	collect.Text("queue_arn", "queue the template's jobs go to", func(j types.JobTemplate) *string { return j.Queue }),
	collect.Int("priority", "priority of its jobs in the queue (-50 to 50)", func(j types.JobTemplate) *int32 { return j.Priority }),
	collect.Enum("acceleration", "ENABLED, PREFERRED or DISABLED: accelerated transcoding, billed higher", func(j types.JobTemplate) types.AccelerationMode {
		if j.AccelerationSettings == nil {
			return ""
		}
		return j.AccelerationSettings.Mode
	}),
	collect.Computed("destinations", model.JSON, "S3 locations its output groups write to", func(j types.JobTemplate) any { return destinations(j) }),
	collect.Timestamp("updated", "last change", func(j types.JobTemplate) *time.Time { return j.LastUpdated }),
}

func jobTemplates(ctx context.Context, t *collect.Task) error {
	api := mediaconvert.NewFromConfig(t.Config)
	p := mediaconvert.NewListJobTemplatesPaginator(api, &mediaconvert.ListJobTemplatesInput{MaxResults: t.PageSize(pageSize)})
	items := func(page *mediaconvert.ListJobTemplatesOutput) []types.JobTemplate { return page.JobTemplates }
	return collect.EachItem(ctx, p, items, func(ctx context.Context, j types.JobTemplate) {
		if j.Type == types.TypeSystem {
			return
		}
		name := aws.ToString(j.Name)
		key := t.Key("job-template", name)
		if q := aws.ToString(j.Queue); q != "" {
			t.Relate(key, "uses", t.Key("queue", collect.ARNResourceName(q)))
		}
		for _, d := range destinations(j) {
			if u, err := url.Parse(d); err == nil && u.Scheme == "s3" {
				t.RelateByName(key, "writes-to", "s3", "bucket", u.Host, t.Region)
			}
		}
		tagged(ctx, t, api, &model.Resource{Key: key, Name: name, ARN: aws.ToString(j.Arn), CreatedAt: model.Time(j.CreatedAt), Details: jobTemplateFields.Details(j)})
	})
}
