// Package guardduty collects GuardDuty detectors. A region without one has
// GuardDuty turned off: its collection is recorded unsupported with the
// code NotEnabled, which audits read as "not enabled", not as a gap.
package guardduty

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	"github.com/aws/aws-sdk-go-v2/service/guardduty/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the GuardDuty collector.
var Service = &collect.Service{
	Name:        "guardduty",
	Description: "GuardDuty threat detection detectors",
	Types: []collect.Type{
		{Name: "detector", Description: "GuardDuty detector (id = the detector id; at most one per region); none: the collection is unsupported, code NotEnabled",
			Fields: detectorFields.Declared(), Tags: collect.TagsListed, Collect: detectors, DetailCalls: 1},
	},
	Calls: "detector: ListDetectors + per detector GetDetector (tags included)",
	Relations: []collect.Relation{
		{From: "detector", Kind: "assumes-role", To: "iam/role"},
	},
}

// detector is a detector's id with its GetDetector answer.
type detector struct {
	id  string
	out *guardduty.GetDetectorOutput
}

var detectorFields = collect.Fields[detector]{
	collect.Enum("status", "ENABLED, or DISABLED when GuardDuty is suspended", func(d detector) types.DetectorStatus { return d.out.Status }),
	collect.Enum("finding_publishing_frequency", "how often updated findings are exported to EventBridge",
		func(d detector) types.FindingPublishingFrequency { return d.out.FindingPublishingFrequency }),
	collect.Computed("features", model.JSON, "protection plans by name (S3_DATA_EVENTS, EKS_AUDIT_LOGS, RUNTIME_MONITORING...) and their status, ENABLED or DISABLED",
		func(d detector) any {
			features := map[string]string{}
			for _, f := range d.out.Features {
				features[string(f.Name)] = string(f.Status)
			}
			return features
		}),
	collect.Text("service_role", "service-linked role GuardDuty uses", func(d detector) *string { return d.out.ServiceRole }),
	collect.Computed("updated_at", model.Timestamp, "last change of the detector", func(d detector) any { return collect.TimeText(d.out.UpdatedAt) }),
}

func detectors(ctx context.Context, t *collect.Task) error {
	api := guardduty.NewFromConfig(t.Config)
	found := 0
	p := guardduty.NewListDetectorsPaginator(api, &guardduty.ListDetectorsInput{MaxResults: t.PageSize(50)})
	err := collect.EachPage(ctx, p, func(page *guardduty.ListDetectorsOutput) error {
		found += len(page.DetectorIds)
		collect.ForEach(ctx, page.DetectorIds, func(ctx context.Context, id string) {
			out, err := api.GetDetector(ctx, &guardduty.GetDetectorInput{DetectorId: aws.String(id)})
			if err != nil {
				t.Warn("GetDetector", err)
				out = &guardduty.GetDetectorOutput{}
			}
			emitDetector(t, detector{id: id, out: out})
		})
		return nil
	})
	if err == nil && found == 0 {
		return awsx.NotEnabled("GuardDuty", t.Region)
	}
	return err
}

func emitDetector(t *collect.Task, d detector) {
	key := t.Key("detector", d.id)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       collect.ARN(t, "guardduty", "", "detector/"+d.id),
		CreatedAt: collect.TimeText(d.out.CreatedAt),
		Tags:      d.out.Tags,
		Details:   detectorFields.Details(d),
	})
	if role := aws.ToString(d.out.ServiceRole); role != "" {
		t.Relate(key, "assumes-role", t.GlobalRef("iam", "role", collect.ARNResourceName(role)))
	}
}
