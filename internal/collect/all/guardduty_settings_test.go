package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	"github.com/aws/aws-sdk-go-v2/service/guardduty/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/guardduty"
)

// pages answers a GuardDuty list call with two pages: the first for an
// empty NextToken, the second for "2".
func guarddutyPages[In any](token func(In) *string, first, second any) func(any) (any, error) {
	return func(in any) (any, error) {
		if aws.ToString(token(in.(In))) == "" {
			return first, nil
		}
		return second, nil
	}
}

// canned answers what moto 5.2.1's GuardDuty lacks: every list below the
// detector, and the IP set, threat list and destination reads.
var guarddutyCanned = map[string]func(any) (any, error){
	"ListFilters": guarddutyPages(func(in *guardduty.ListFiltersInput) *string { return in.NextToken },
		&guardduty.ListFiltersOutput{FilterNames: []string{"f0", "f1", "f2"}, NextToken: aws.String("2")},
		&guardduty.ListFiltersOutput{FilterNames: []string{"f3", "f4", "f5"}}),
	"ListIPSets": guarddutyPages(func(in *guardduty.ListIPSetsInput) *string { return in.NextToken },
		&guardduty.ListIPSetsOutput{IpSetIds: []string{"ip1"}, NextToken: aws.String("2")}, &guardduty.ListIPSetsOutput{IpSetIds: []string{"ip2"}}),
	"GetIPSet": func(in any) (any, error) {
		id := aws.ToString(in.(*guardduty.GetIPSetInput).IpSetId)
		return &guardduty.GetIPSetOutput{Name: aws.String("office-" + id), Format: types.IpSetFormatTxt, Status: types.IpSetStatusActive,
			Location: aws.String("https://s3.amazonaws.com/sec-lists/" + id + ".txt"), Tags: map[string]string{"id": id}}, nil
	},
	"ListThreatIntelSets": guarddutyPages(func(in *guardduty.ListThreatIntelSetsInput) *string { return in.NextToken },
		&guardduty.ListThreatIntelSetsOutput{ThreatIntelSetIds: []string{"ti1"}}, nil),
	"GetThreatIntelSet": func(any) (any, error) {
		return &guardduty.GetThreatIntelSetOutput{Name: aws.String("feed"), Format: types.ThreatIntelSetFormatStix, Status: types.ThreatIntelSetStatusError,
			Location: aws.String("https://feeds.s3.eu-west-1.amazonaws.com/stix.xml"), ExpectedBucketOwner: aws.String("999999999999")}, nil
	},
	"ListPublishingDestinations": guarddutyPages(func(in *guardduty.ListPublishingDestinationsInput) *string { return in.NextToken },
		&guardduty.ListPublishingDestinationsOutput{Destinations: []types.Destination{{DestinationId: aws.String("d1"), DestinationType: types.DestinationTypeS3,
			Status: types.PublishingStatusPublishing}}}, nil),
	"DescribePublishingDestination": func(any) (any, error) {
		return &guardduty.DescribePublishingDestinationOutput{DestinationId: aws.String("d1"), Tags: map[string]string{"Team": "sec"},
			DestinationProperties: &types.DestinationProperties{DestinationArn: aws.String("arn:aws:s3:::findings-archive/gd"),
				KmsKeyArn: aws.String("arn:aws:kms:eu-west-1:" + account + ":key/k-1")}}, nil
	},
	"ListMembers": guarddutyPages(func(in *guardduty.ListMembersInput) *string { return in.NextToken },
		&guardduty.ListMembersOutput{Members: []types.Member{{AccountId: aws.String("111111111111"), Email: aws.String("root@example.com"),
			RelationshipStatus: aws.String("Enabled"), AdministratorId: aws.String(account), DetectorId: aws.String("m-det"),
			InvitedAt: aws.String("2026-01-02T03:04:05.000Z"), UpdatedAt: aws.String("2026-01-03T03:04:05.000Z")}}, NextToken: aws.String("2")},
		&guardduty.ListMembersOutput{Members: []types.Member{{AccountId: aws.String("222222222222"), RelationshipStatus: aws.String("Invited")}}}),
}

// detector creates the region's detector with six filters (f2 archives).
func detector(t *testing.T) string {
	t.Helper()
	collecttest.Setup(t)
	ctx := context.Background()
	api := guardduty.NewFromConfig(collecttest.Config(t, region, nil))
	out, err := api.CreateDetector(ctx, &guardduty.CreateDetectorInput{Enable: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		in := &guardduty.CreateFilterInput{DetectorId: out.DetectorId, Name: aws.String(fmt.Sprintf("f%d", i)), Action: types.FilterActionNoop,
			Description: aws.String("triage"), Rank: aws.Int32(int32(i + 1)), Tags: map[string]string{"n": fmt.Sprint(i)},
			FindingCriteria: &types.FindingCriteria{Criterion: map[string]types.Condition{"severity": {GreaterThanOrEqual: aws.Int64(4)}}}}
		if i == 2 {
			in.Action = types.FilterActionArchive
		}
		if _, err := api.CreateFilter(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	return aws.ToString(out.DetectorId)
}

func runCanned(t *testing.T, typ string) collecttest.Result {
	t.Helper()
	got := collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(guarddutyCanned)}), collector.Service, typ, region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	return got
}

func TestGuarddutyFilters(t *testing.T) {
	det := detector(t)
	got := runCanned(t, "filter")
	if len(got.Resources) != 6 {
		t.Fatalf("filters: %d", len(got.Resources))
	}
	f := got.ByID()["f2"]
	// moto's GetFilter leaves the tags out: they are checked on the IP sets.
	if f.ARN != "arn:aws:guardduty:"+region+":"+account+":detector/"+det+"/filter/f2" ||
		f.Details["action"] != "ARCHIVE" || f.Details["rank"] != int64(3) || f.Details["description"] != "triage" {
		t.Errorf("f2: %s %v %v", f.ARN, f.Tags, f.Details)
	}
}

func TestGuarddutyThreatLists(t *testing.T) {
	det := detector(t)
	got := runCanned(t, "ip-set")
	ip := got.ByID()["ip2"]
	if len(got.Resources) != 2 || ip.Name != "office-ip2" || ip.Tags["id"] != "ip2" || ip.Details["status"] != "ACTIVE" || ip.Details["format"] != "TXT" ||
		ip.ARN != "arn:aws:guardduty:"+region+":"+account+":detector/"+det+"/ipset/ip2" {
		t.Errorf("ip sets: %+v", got.Resources)
	}
	collecttest.HasEdges(t, got, "ip1 -reads-from-> s3/bucket:sec-lists")
	got = runCanned(t, "threat-intel-set")
	ti := got.ByID()["ti1"]
	if len(got.Resources) != 1 || ti.Details["status"] != "ERROR" || ti.Details["expected_bucket_owner"] != "999999999999" || ti.Details["format"] != "STIX" {
		t.Errorf("threat lists: %+v", got.Resources)
	}
	collecttest.HasEdges(t, got, "ti1 -reads-from-> s3/bucket:feeds")
}

func TestGuarddutyPublishingDestinationsAndMembers(t *testing.T) {
	detector(t)
	got := runCanned(t, "publishing-destination")
	d := got.ByID()["d1"]
	if len(got.Resources) != 1 || d.Details["status"] != "PUBLISHING" || d.Details["destination_type"] != "S3" || d.Tags["Team"] != "sec" ||
		d.Details["destination_arn"] != "arn:aws:s3:::findings-archive/gd" {
		t.Errorf("destinations: %+v", got.Resources)
	}
	collecttest.HasEdges(t, got, "d1 -exports-to-> s3/bucket:findings-archive", "d1 -encrypted-with-> kms/key:k-1")

	got = runCanned(t, "member")
	m := got.ByID()["111111111111"]
	if len(got.Resources) != 2 || m.Details["relationship_status"] != "Enabled" || m.Details["invited_at"] != "2026-01-02T03:04:05Z" ||
		m.Details["member_detector_id"] != "m-det" || got.ByID()["222222222222"].Details["updated_at"] != "" {
		t.Errorf("members: %+v", got.Resources)
	}
}

func TestGuarddutySettingsNotEnabledAndDenied(t *testing.T) {
	collecttest.Setup(t)
	for _, typ := range []string{"filter", "ip-set", "threat-intel-set", "publishing-destination", "member"} {
		got := collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(guarddutyCanned)}), collector.Service, typ, region)
		if awsx.ErrorCode(got.Err) != "NotEnabled" || len(got.Resources) != 0 {
			t.Errorf("%s without a detector: want NotEnabled, got %v", typ, got.Err)
		}
	}
	detector(t)
	for typ, op := range map[string]string{"filter": "ListFilters", "ip-set": "ListIPSets", "threat-intel-set": "ListThreatIntelSets",
		"publishing-destination": "ListPublishingDestinations", "member": "ListMembers"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	withDenied := map[string]func(any) (any, error){"GetIPSet": collecttest.Denied("GetIPSet")}
	for op, f := range guarddutyCanned {
		if withDenied[op] == nil {
			withDenied[op] = f
		}
	}
	got := collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(withDenied)}), collector.Service, "ip-set", region)
	if got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 2 {
		t.Errorf("want two IP sets with warnings, got %v, %d, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}
