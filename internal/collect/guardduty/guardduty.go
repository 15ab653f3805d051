// Package guardduty collects GuardDuty detectors and what hangs off them
// (filters, IP and threat lists, finding exports, members), and S3 malware
// protection plans. A region without a detector has GuardDuty turned off:
// every collection of the detector's types is recorded unsupported with the
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
	Description: "GuardDuty threat detection detectors, their filters, IP and threat lists, finding exports, members and S3 malware protection plans",
	Types: []collect.Type{
		{Name: "detector", Description: "GuardDuty detector (id = the detector id; at most one per region); none: the collection is unsupported, code NotEnabled",
			Fields: detectorFields.Declared(), Tags: collect.TagsListed, Collect: detectors, DetailCalls: 1},
		{Name: "filter", Description: "findings filter of the detector (id = name); action ARCHIVE makes it a suppression rule",
			Fields: filterFields.Declared(), Tags: collect.TagsListed, Collect: filters, DetailCalls: 1},
		{Name: "ip-set", Description: "trusted IP list of the detector (id = IP set id): no findings for these addresses",
			Fields: threatListFields.Declared(), Tags: collect.TagsListed, Collect: ipSets, DetailCalls: 1},
		{Name: "threat-intel-set", Description: "threat intelligence list of the detector (id = set id): known malicious addresses",
			Fields: threatListFields.Declared(), Tags: collect.TagsListed, Collect: threatIntelSets, DetailCalls: 1},
		{Name: "publishing-destination", Description: "where the detector exports findings (id = destination id)",
			Fields: destinationFields.Declared(), Tags: collect.TagsListed, Collect: publishingDestinations, DetailCalls: 1},
		{Name: "member", Description: "member account of the GuardDuty administrator (id = account id); the email is not stored",
			Fields: memberFields.Declared(), Tags: collect.NotTaggable, Collect: members},
		{Name: "malware-protection-plan", Description: "Malware Protection for S3 plan (id = plan id): scans new objects of a bucket; needs no detector",
			Fields: malwarePlanFields.Declared(), Tags: collect.TagsListed, Collect: malwarePlans, DetailCalls: 1},
	},
	Calls: "ListDetectors once for all types but malware-protection-plan; detector: per detector GetDetector (tags included). Per detector, " +
		"filter: ListFilters + per filter GetFilter. ip-set: ListIPSets + per set GetIPSet. threat-intel-set: ListThreatIntelSets + per set GetThreatIntelSet. " +
		"publishing-destination: ListPublishingDestinations + per destination DescribePublishingDestination. member: ListMembers. " +
		"malware-protection-plan: ListMalwareProtectionPlans + per plan GetMalwareProtectionPlan (tags included)",
	Relations: []collect.Relation{
		{From: "detector", Kind: "assumes-role", To: "iam/role"},
		{From: "ip-set", Kind: "reads-from", To: "s3/bucket"},
		{From: "threat-intel-set", Kind: "reads-from", To: "s3/bucket"},
		{From: "publishing-destination", Kind: "exports-to", To: "s3/bucket"},
		{From: "publishing-destination", Kind: "encrypted-with", To: "kms/key"},
		{From: "malware-protection-plan", Kind: "scans", To: "s3/bucket"},
		{From: "malware-protection-plan", Kind: "assumes-role", To: "iam/role"},
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
	ids, err := detectorIDs(ctx, t, api)
	collect.ForEach(ctx, ids, func(ctx context.Context, id string) {
		out, err := api.GetDetector(ctx, &guardduty.GetDetectorInput{DetectorId: aws.String(id)})
		if err != nil {
			t.Warn("GetDetector", err)
			out = &guardduty.GetDetectorOutput{}
		}
		emitDetector(t, detector{id: id, out: out})
	})
	return err
}

// detectorIDs lists the region's detectors (at most one), once for all
// the types that hang off them; none is NotEnabled, for each of them.
func detectorIDs(ctx context.Context, t *collect.Task, api *guardduty.Client) ([]string, error) {
	p := guardduty.NewListDetectorsPaginator(api, &guardduty.ListDetectorsInput{MaxResults: t.PageSize(50)})
	ids, err := collect.ReuseItems(ctx, t, "ListDetectors", p, func(page *guardduty.ListDetectorsOutput) []string { return page.DetectorIds })
	if err == nil && len(ids) == 0 {
		return nil, awsx.NotEnabled("ListDetectors", "GuardDuty", t.Region)
	}
	return ids, err
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
		t.Relate(key, "assumes-role", t.Role(role))
	}
}
