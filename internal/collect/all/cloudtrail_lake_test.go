package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/cloudtrail"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

const lakeARN = "arn:aws:cloudtrail:" + region + ":" + collecttest.MotoAccount + ":"

var lakeCreated = time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)

// lake answers CloudTrail Lake, which moto lacks: three event data stores
// and three channels, over two pages each, tagged with their name.
var lake = map[string]func(any) (any, error){
	"ListEventDataStores": func(in any) (any, error) {
		var all []types.EventDataStore
		for i := range 3 {
			all = append(all, types.EventDataStore{Name: aws.String(fmt.Sprint("store-", i)), EventDataStoreArn: aws.String(fmt.Sprint(lakeARN, "eventdatastore/eds-", i))})
		}
		page, next := collecttest.Page(all, in.(*cloudtrail.ListEventDataStoresInput).NextToken, 2)
		return &cloudtrail.ListEventDataStoresOutput{EventDataStores: page, NextToken: next}, nil
	},
	"GetEventDataStore": func(in any) (any, error) {
		arn := aws.ToString(in.(*cloudtrail.GetEventDataStoreInput).EventDataStore)
		return &cloudtrail.GetEventDataStoreOutput{EventDataStoreArn: aws.String(arn), Status: types.EventDataStoreStatusEnabled, RetentionPeriod: aws.Int32(2557),
			BillingMode: types.BillingModeFixedRetentionPricing, KmsKeyId: aws.String("arn:aws:kms:" + region + ":" + collecttest.MotoAccount + ":key/k-lake"),
			MultiRegionEnabled: aws.Bool(true), TerminationProtectionEnabled: aws.Bool(true), CreatedTimestamp: &lakeCreated,
			FederationStatus: types.FederationStatusEnabled, FederationRoleArn: aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":role/lake-federation")}, nil
	},
	"ListChannels": func(in any) (any, error) {
		var all []types.Channel
		for i := range 3 {
			all = append(all, types.Channel{Name: aws.String(fmt.Sprint("partner-", i)), ChannelArn: aws.String(fmt.Sprint(lakeARN, "channel/ch-", i))})
		}
		page, next := collecttest.Page(all, in.(*cloudtrail.ListChannelsInput).NextToken, 2)
		return &cloudtrail.ListChannelsOutput{Channels: page, NextToken: next}, nil
	},
	"GetChannel": func(in any) (any, error) {
		return &cloudtrail.GetChannelOutput{ChannelArn: in.(*cloudtrail.GetChannelInput).Channel, Source: aws.String("Custom"),
			Destinations:    []types.Destination{{Type: types.DestinationTypeEventDataStore, Location: aws.String(lakeARN + "eventdatastore/eds-0")}},
			IngestionStatus: &types.IngestionStatus{LatestIngestionSuccessTime: &lakeCreated}}, nil
	},
	"ListTags": func(in any) (any, error) {
		var out []types.ResourceTag
		for _, arn := range in.(*cloudtrail.ListTagsInput).ResourceIdList {
			out = append(out, types.ResourceTag{ResourceId: aws.String(arn), TagsList: []types.Tag{{Key: aws.String("arn"), Value: aws.String(arn)}}})
		}
		return &cloudtrail.ListTagsOutput{ResourceTagList: out}, nil
	},
}

func TestCloudtrailLake(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(lake)})
	got := collecttest.Run(t, cfg, collector.Service, "event-data-store", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("event data stores: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	s := got.ByID()["eds-2"]
	if s == nil || s.Name != "store-2" || s.ARN != lakeARN+"eventdatastore/eds-2" || s.Tags["arn"] != s.ARN || s.CreatedAt != "2026-01-10T00:00:00Z" ||
		s.Details["status"] != "ENABLED" || s.Details["retention_days"] != int64(2557) || s.Details["billing_mode"] != "FIXED_RETENTION_PRICING" ||
		s.Details["multi_region"] != true || s.Details["organization"] != false || s.Details["federation_status"] != "ENABLED" {
		t.Fatalf("event data store: %+v", s)
	}
	collecttest.HasEdges(t, got, "eds-2 -encrypted-with-> kms/key:k-lake", "eds-2 -assumes-role-> iam/role:lake-federation")

	got = collecttest.Run(t, cfg, collector.Service, "channel", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("channels: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	c := got.ByID()["ch-1"]
	if c == nil || c.Name != "partner-1" || c.Tags["arn"] != c.ARN || c.Details["source"] != "Custom" || c.Details["latest_ingestion_success"] != "2026-01-10T00:00:00Z" ||
		fmt.Sprint(c.Details["destinations"]) != "["+lakeARN+"eventdatastore/eds-0]" {
		t.Fatalf("channel: %+v", c)
	}
	collecttest.HasEdges(t, got, "ch-1 -delivers-to-> cloudtrail/event-data-store:eds-0")
}

func TestCloudtrailLakeDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"event-data-store": "ListEventDataStores", "channel": "ListChannels"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	answers := map[string]func(any) (any, error){"GetEventDataStore": collecttest.Denied("GetEventDataStore")}
	for op, f := range lake {
		if op != "GetEventDataStore" {
			answers[op] = f
		}
	}
	got := collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(answers)}), collector.Service, "event-data-store", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 || got.ByID()["eds-0"].Tags["arn"] == "" {
		t.Fatalf("want the stores, tagged, with a warning each: %v, %d, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}
