package all_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/location"
	"github.com/aws/aws-sdk-go-v2/service/location/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/location"
)

var locationPaged = collecttest.Paged{Cap: 2}

var (
	locationKmsKey = "arn:aws:kms:" + region + ":" + account + ":key/1234abcd-0000-0000-0000-000000000001"
)

func geoARN(kind, name string) string {
	return "arn:aws:geo:" + region + ":" + account + ":" + kind + "/" + name
}

// canned answers Amazon Location (moto has none of it): three of each kind
// over two pages, named <kind>0..2; describing item 2 of each kind fails with
// a throttle, so its resource keeps only what the listing said.
var locationCanned = map[string]func(any) (any, error){
	"ListMaps": func(in any) (any, error) {
		var all []types.ListMapsResponseEntry
		for i := range 3 {
			all = append(all, types.ListMapsResponseEntry{MapName: aws.String(fmt.Sprint("map", i)), DataSource: aws.String("Esri"), Description: aws.String("listed"),
				CreateTime: &created, UpdateTime: &created})
		}
		page, next := collecttest.Page(all, in.(*location.ListMapsInput).NextToken, 2)
		return &location.ListMapsOutput{Entries: page, NextToken: next}, nil
	},
	"DescribeMap": func(in any) (any, error) {
		name := aws.ToString(in.(*location.DescribeMapInput).MapName)
		if name == "map2" {
			return nil, failed
		}
		return &location.DescribeMapOutput{MapName: &name, MapArn: aws.String(geoARN("map", name)), DataSource: aws.String("Esri"), CreateTime: &created,
			Configuration: &types.MapConfiguration{Style: aws.String("VectorEsriNavigation")}, Tags: map[string]string{"team": name}}, nil
	},
	"ListPlaceIndexes": func(in any) (any, error) {
		var all []types.ListPlaceIndexesResponseEntry
		for i := range 3 {
			all = append(all, types.ListPlaceIndexesResponseEntry{IndexName: aws.String(fmt.Sprint("place-index", i)), DataSource: aws.String("Here"), CreateTime: &created})
		}
		page, next := collecttest.Page(all, in.(*location.ListPlaceIndexesInput).NextToken, 2)
		return &location.ListPlaceIndexesOutput{Entries: page, NextToken: next}, nil
	},
	"DescribePlaceIndex": func(in any) (any, error) {
		name := aws.ToString(in.(*location.DescribePlaceIndexInput).IndexName)
		if name == "place-index2" {
			return nil, failed
		}
		return &location.DescribePlaceIndexOutput{IndexName: &name, DataSource: aws.String("Here"), CreateTime: &created,
			DataSourceConfiguration: &types.DataSourceConfiguration{IntendedUse: "Storage"}, Tags: map[string]string{"team": name}}, nil
	},
	"ListRouteCalculators": func(in any) (any, error) {
		var all []types.ListRouteCalculatorsResponseEntry
		for i := range 3 {
			all = append(all, types.ListRouteCalculatorsResponseEntry{CalculatorName: aws.String(fmt.Sprint("route-calculator", i)), DataSource: aws.String("Grab"),
				CreateTime: &created})
		}
		page, next := collecttest.Page(all, in.(*location.ListRouteCalculatorsInput).NextToken, 2)
		return &location.ListRouteCalculatorsOutput{Entries: page, NextToken: next}, nil
	},
	"DescribeRouteCalculator": func(in any) (any, error) {
		name := aws.ToString(in.(*location.DescribeRouteCalculatorInput).CalculatorName)
		if name == "route-calculator2" {
			return nil, failed
		}
		return &location.DescribeRouteCalculatorOutput{CalculatorName: &name, DataSource: aws.String("Grab"), CreateTime: &created,
			Tags: map[string]string{"team": name}}, nil
	},
	"ListTrackers": func(in any) (any, error) {
		var all []types.ListTrackersResponseEntry
		for i := range 3 {
			all = append(all, types.ListTrackersResponseEntry{TrackerName: aws.String(fmt.Sprint("tracker", i)), CreateTime: &created})
		}
		page, next := collecttest.Page(all, in.(*location.ListTrackersInput).NextToken, 2)
		return &location.ListTrackersOutput{Entries: page, NextToken: next}, nil
	},
	"DescribeTracker": func(in any) (any, error) {
		name := aws.ToString(in.(*location.DescribeTrackerInput).TrackerName)
		if name == "tracker2" {
			return nil, failed
		}
		return &location.DescribeTrackerOutput{TrackerName: &name, CreateTime: &created, KmsKeyId: aws.String(locationKmsKey), EventBridgeEnabled: aws.Bool(true),
			PositionFiltering: "DistanceBased", Tags: map[string]string{"team": name}}, nil
	},
	"ListTrackerConsumers": func(in any) (any, error) {
		all := []string{geoARN("geofence-collection", "geofence-collection0"), geoARN("geofence-collection", "geofence-collection1")}
		page, next := collecttest.Page(all, in.(*location.ListTrackerConsumersInput).NextToken, 1)
		return &location.ListTrackerConsumersOutput{ConsumerArns: page, NextToken: next}, nil
	},
	"ListGeofenceCollections": func(in any) (any, error) {
		var all []types.ListGeofenceCollectionsResponseEntry
		for i := range 3 {
			all = append(all, types.ListGeofenceCollectionsResponseEntry{CollectionName: aws.String(fmt.Sprint("geofence-collection", i)), CreateTime: &created})
		}
		page, next := collecttest.Page(all, in.(*location.ListGeofenceCollectionsInput).NextToken, 2)
		return &location.ListGeofenceCollectionsOutput{Entries: page, NextToken: next}, nil
	},
	"DescribeGeofenceCollection": func(in any) (any, error) {
		name := aws.ToString(in.(*location.DescribeGeofenceCollectionInput).CollectionName)
		if name == "geofence-collection2" {
			return nil, failed
		}
		return &location.DescribeGeofenceCollectionOutput{CollectionName: &name, CreateTime: &created, KmsKeyId: aws.String("1234abcd-0000-0000-0000-000000000002"),
			GeofenceCount: aws.Int32(12), Tags: map[string]string{"team": name}}, nil
	},
	"ListKeys": func(in any) (any, error) {
		var all []types.ListKeysResponseEntry
		for i := range 3 {
			all = append(all, types.ListKeysResponseEntry{KeyName: aws.String(fmt.Sprint("api-key", i)), CreateTime: &created, ExpireTime: &created,
				Restrictions: &types.ApiKeyRestrictions{AllowActions: []string{"geo:GetMap*"}, AllowResources: []string{geoARN("map", "map0")},
					AllowAndroidApps: []types.AndroidApp{{Package: aws.String("com.example"), CertificateFingerprint: aws.String("AA")}}}})
		}
		page, next := collecttest.Page(all, in.(*location.ListKeysInput).NextToken, 2)
		return &location.ListKeysOutput{Entries: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &location.ListTagsForResourceOutput{Tags: map[string]string{"arn": aws.ToString(in.(*location.ListTagsForResourceInput).ResourceArn)}}, nil
	},
}

// failed is a describe that fails for a reason other than "not found".
var failed = &smithy.GenericAPIError{Code: "ValidationException", Message: "failed"}

func TestLocation(t *testing.T) {
	collecttest.Require(t)
	answers := map[string]func(any) (any, error){
		"DescribeKey": func(any) (any, error) {
			t.Error("DescribeKey answers the key value: it must not be called")
			return nil, failed
		},
	}
	for op, f := range locationCanned {
		answers[op] = f
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(answers)})
	for _, typ := range []string{"map", "place-index", "route-calculator", "tracker", "geofence-collection"} {
		got := locationPaged.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil || len(got.Resources) != 3 {
			t.Fatalf("%s: %v, %d", typ, got.Err, len(got.Resources))
		}
		if w := got.Task.Warnings(); len(w) != 1 {
			t.Errorf("%s: want one warning, for the failed describe: %v", typ, w)
		}
		r, partial := got.ByID()[typ+"0"], got.ByID()[typ+"2"]
		if r.ARN != geoARN(typ, typ+"0") || r.CreatedAt != "2026-03-01T00:00:00Z" || r.Tags["team"] != typ+"0" || r.Name != typ+"0" {
			t.Errorf("%s: %+v", typ, r)
		}
		if partial == nil || partial.ARN != geoARN(typ, typ+"2") || len(partial.Tags) != 0 {
			t.Errorf("%s: the item whose describe failed is emitted from the listing: %+v", typ, partial)
		}
		switch typ {
		case "map":
			if r.Details["style"] != "VectorEsriNavigation" || r.Details["data_source"] != "Esri" ||
				partial.Details["description"] != "listed" {
				t.Errorf("map details: %v, %v", r.Details, partial.Details)
			}
		case "place-index":
			if r.Details["intended_use"] != "Storage" || partial.Details["intended_use"] != "" {
				t.Errorf("place index details: %v, %v", r.Details, partial.Details)
			}
		case "tracker":
			if r.Details["position_filtering"] != "DistanceBased" || r.Details["eventbridge_enabled"] != true || r.Details["kms_key_id"] != locationKmsKey {
				t.Errorf("tracker details: %v", r.Details)
			}
			collecttest.HasEdges(t, got, "tracker0 -encrypted-with-> kms/key:1234abcd-0000-0000-0000-000000000001",
				"tracker0 -feeds-> location/geofence-collection:geofence-collection0", "tracker1 -feeds-> location/geofence-collection:geofence-collection1",
				"tracker2 -feeds-> location/geofence-collection:geofence-collection1")
		case "geofence-collection":
			if r.Details["geofence_count"] != int64(12) {
				t.Errorf("geofence collection details: %v", r.Details)
			}
			collecttest.HasEdges(t, got, "geofence-collection1 -encrypted-with-> kms/key:1234abcd-0000-0000-0000-000000000002")
		}
	}

	got := locationPaged.Run(t, cfg, collector.Service, "api-key", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("api keys: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	k := got.ByID()["api-key1"]
	if k.ARN != geoARN("api-key", "api-key1") || k.Tags["arn"] != k.ARN || k.Details["expires"] != "2026-03-01T00:00:00Z" ||
		fmt.Sprint(k.Details["allow_actions"]) != "[geo:GetMap*]" || fmt.Sprint(k.Details["allow_referers"]) != "[]" || k.Details["allow_app_count"] != int64(1) {
		t.Errorf("api key: %+v", k)
	}
}

func TestLocationDenied(t *testing.T) {
	collecttest.Require(t)
	lists := map[string]string{"map": "ListMaps", "place-index": "ListPlaceIndexes", "route-calculator": "ListRouteCalculators",
		"tracker": "ListTrackers", "geofence-collection": "ListGeofenceCollections", "api-key": "ListKeys"}
	for typ, op := range lists {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, locationPaged.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(
		collecttest.Deny("ListTagsForResource", "ListTrackerConsumers"), collecttest.Canned(locationCanned))})
	got := locationPaged.Run(t, cfg, collector.Service, "api-key", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want every key, each with a warning: %v, %d, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
	got = locationPaged.Run(t, cfg, collector.Service, "tracker", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 4 {
		t.Fatalf("want every tracker, a warning each for its consumers and one for the failed describe: %v, %d, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}
