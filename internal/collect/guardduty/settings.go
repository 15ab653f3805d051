package guardduty

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	"github.com/aws/aws-sdk-go-v2/service/guardduty/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// The types below hang off the region's detector: with none, each is
// NotEnabled as the detector is.

// eachDetector runs fn on each detector of the region.
func eachDetector(ctx context.Context, t *collect.Task, fn func(api *guardduty.Client, detector string) error) error {
	api := guardduty.NewFromConfig(t.Config)
	ids, err := detectorIDs(ctx, t, api)
	for _, id := range ids {
		if err := fn(api, id); err != nil {
			return err
		}
	}
	return err
}

var filterFields = collect.Fields[*guardduty.GetFilterOutput]{
	collect.Enum("action", "ARCHIVE (a suppression rule: matching findings are archived) or NOOP", func(f *guardduty.GetFilterOutput) types.FilterAction { return f.Action }),
	collect.Text("description", "filter description", func(f *guardduty.GetFilterOutput) *string { return f.Description }),
	collect.Int("rank", "order in which filters apply", func(f *guardduty.GetFilterOutput) *int32 { return f.Rank }),
}

func filters(ctx context.Context, t *collect.Task) error {
	return eachDetector(ctx, t, func(api *guardduty.Client, detector string) error {
		p := guardduty.NewListFiltersPaginator(api, &guardduty.ListFiltersInput{DetectorId: aws.String(detector), MaxResults: t.PageSize(50)})
		return collect.EachItem(ctx, p, func(page *guardduty.ListFiltersOutput) []string { return page.FilterNames }, func(ctx context.Context, name string) {
			out, err := api.GetFilter(ctx, &guardduty.GetFilterInput{DetectorId: aws.String(detector), FilterName: aws.String(name)})
			if err != nil {
				t.Warn("GetFilter", err)
				out = &guardduty.GetFilterOutput{}
			}
			t.Emit(&model.Resource{Key: t.Key("filter", name), Name: name, ARN: collect.ARN(t, "guardduty", "", "detector/"+detector+"/filter/"+name),
				Tags: out.Tags, Details: filterFields.Details(out)})
		})
	})
}

// threatList is an IP set (trusted IPs) or threat intelligence set (known
// malicious IPs): a list GuardDuty reads from S3.
type threatList struct {
	name, location, bucketOwner *string
	format, status              string
	tags                        map[string]string
}

var threatListFields = collect.Fields[threatList]{
	collect.Computed("format", model.Text, "TXT, STIX, OTX_CSV, ALIEN_VAULT, PROOF_POINT or FIRE_EYE", func(l threatList) any { return l.format }),
	collect.Computed("status", model.Text, "ACTIVE (in use), INACTIVE, ACTIVATING, DEACTIVATING, ERROR, ...", func(l threatList) any { return l.status }),
	collect.Text("location", "URI of the list file in S3", func(l threatList) *string { return l.location }),
	collect.Text("expected_bucket_owner", "account that must own the bucket, if set", func(l threatList) *string { return l.bucketOwner }),
}

// emitThreatList emits an IP set or threat intel set.
func emitThreatList(t *collect.Task, typ, detector, id string, l threatList) {
	key := t.Key(typ, id)
	arnType := map[string]string{"ip-set": "ipset", "threat-intel-set": "threatintelset"}[typ]
	t.Emit(&model.Resource{Key: key, Name: aws.ToString(l.name), ARN: collect.ARN(t, "guardduty", "", "detector/"+detector+"/"+arnType+"/"+id),
		Tags: l.tags, Details: threatListFields.Details(l)})
	t.RelateByName(key, "reads-from", "s3", "bucket", collect.S3URLBucket(aws.ToString(l.location)), t.Region)
}

func ipSets(ctx context.Context, t *collect.Task) error {
	return eachDetector(ctx, t, func(api *guardduty.Client, detector string) error {
		p := guardduty.NewListIPSetsPaginator(api, &guardduty.ListIPSetsInput{DetectorId: aws.String(detector), MaxResults: t.PageSize(50)})
		return collect.EachItem(ctx, p, func(page *guardduty.ListIPSetsOutput) []string { return page.IpSetIds }, func(ctx context.Context, id string) {
			l := threatList{}
			if out, err := api.GetIPSet(ctx, &guardduty.GetIPSetInput{DetectorId: aws.String(detector), IpSetId: aws.String(id)}); err != nil {
				t.Warn("GetIPSet", err)
			} else {
				l = threatList{name: out.Name, location: out.Location, bucketOwner: out.ExpectedBucketOwner, format: string(out.Format), status: string(out.Status), tags: out.Tags}
			}
			emitThreatList(t, "ip-set", detector, id, l)
		})
	})
}

func threatIntelSets(ctx context.Context, t *collect.Task) error {
	return eachDetector(ctx, t, func(api *guardduty.Client, detector string) error {
		p := guardduty.NewListThreatIntelSetsPaginator(api, &guardduty.ListThreatIntelSetsInput{DetectorId: aws.String(detector), MaxResults: t.PageSize(50)})
		return collect.EachItem(ctx, p, func(page *guardduty.ListThreatIntelSetsOutput) []string { return page.ThreatIntelSetIds }, func(ctx context.Context, id string) {
			l := threatList{}
			if out, err := api.GetThreatIntelSet(ctx, &guardduty.GetThreatIntelSetInput{DetectorId: aws.String(detector), ThreatIntelSetId: aws.String(id)}); err != nil {
				t.Warn("GetThreatIntelSet", err)
			} else {
				l = threatList{name: out.Name, location: out.Location, bucketOwner: out.ExpectedBucketOwner, format: string(out.Format), status: string(out.Status), tags: out.Tags}
			}
			emitThreatList(t, "threat-intel-set", detector, id, l)
		})
	})
}

// destination is a publishing destination as listed, with its
// DescribePublishingDestination answer (nil when that failed).
type destination struct {
	types.Destination
	out *guardduty.DescribePublishingDestinationOutput
}

func (d destination) properties() types.DestinationProperties {
	if d.out == nil || d.out.DestinationProperties == nil {
		return types.DestinationProperties{}
	}
	return *d.out.DestinationProperties
}

var destinationFields = collect.Fields[destination]{
	collect.Enum("destination_type", "S3", func(d destination) types.DestinationType { return d.DestinationType }),
	collect.Enum("status", "PUBLISHING, UNABLE_TO_PUBLISH_FIX_DESTINATION_PROPERTY, PENDING_VERIFICATION or STOPPED", func(d destination) types.PublishingStatus { return d.Status }),
	collect.Computed("destination_arn", model.Text, "bucket (and prefix) findings are exported to", func(d destination) any { return aws.ToString(d.properties().DestinationArn) }),
	collect.Computed("kms_key_arn", model.Text, "KMS key exported findings are encrypted with", func(d destination) any { return aws.ToString(d.properties().KmsKeyArn) }),
}

func publishingDestinations(ctx context.Context, t *collect.Task) error {
	return eachDetector(ctx, t, func(api *guardduty.Client, detector string) error {
		p := guardduty.NewListPublishingDestinationsPaginator(api, &guardduty.ListPublishingDestinationsInput{DetectorId: aws.String(detector), MaxResults: t.PageSize(50)})
		return collect.EachItem(ctx, p, func(page *guardduty.ListPublishingDestinationsOutput) []types.Destination { return page.Destinations },
			func(ctx context.Context, listed types.Destination) {
				d := destination{Destination: listed}
				out, err := api.DescribePublishingDestination(ctx, &guardduty.DescribePublishingDestinationInput{DetectorId: aws.String(detector), DestinationId: listed.DestinationId})
				if err != nil {
					t.Warn("DescribePublishingDestination", err)
				} else {
					d.out = out
				}
				id := aws.ToString(listed.DestinationId)
				key := t.Key("publishing-destination", id)
				r := &model.Resource{Key: key, ARN: collect.ARN(t, "guardduty", "", "detector/"+detector+"/publishingDestination/"+id), Details: destinationFields.Details(d)}
				if d.out != nil {
					r.Tags = d.out.Tags
				}
				t.Emit(r)
				bucket, _, _ := strings.Cut(strings.TrimPrefix(aws.ToString(d.properties().DestinationArn), "arn:"+t.Partition()+":s3:::"), "/")
				t.RelateByName(key, "exports-to", "s3", "bucket", bucket, t.Region)
				t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(d.properties().KmsKeyArn)))
			})
	})
}

var memberFields = collect.Fields[types.Member]{
	collect.Text("relationship_status", "Enabled, Invited, Created, Removed, Resigned, Disabled, ...", func(m types.Member) *string { return m.RelationshipStatus }),
	collect.Text("administrator_id", "the GuardDuty administrator account", func(m types.Member) *string { return m.AdministratorId }),
	collect.Text("member_detector_id", "the member's detector in this region", func(m types.Member) *string { return m.DetectorId }),
	collect.Computed("invited_at", model.Timestamp, "when the invitation was sent, if any", func(m types.Member) any { return collect.TimeText(m.InvitedAt) }),
	collect.Computed("updated_at", model.Timestamp, "last change of the membership", func(m types.Member) any { return collect.TimeText(m.UpdatedAt) }),
}

func members(ctx context.Context, t *collect.Task) error {
	return eachDetector(ctx, t, func(api *guardduty.Client, detector string) error {
		p := guardduty.NewListMembersPaginator(api, &guardduty.ListMembersInput{DetectorId: aws.String(detector), MaxResults: t.PageSize(50), OnlyAssociated: aws.String("false")})
		return collect.EachPage(ctx, p, func(page *guardduty.ListMembersOutput) error {
			for _, m := range page.Members {
				t.Emit(&model.Resource{Key: t.Key("member", aws.ToString(m.AccountId)), Details: memberFields.Details(m)})
			}
			return nil
		})
	})
}
