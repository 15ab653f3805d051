package all_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/outposts"
	"github.com/aws/aws-sdk-go-v2/service/outposts/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/outposts"
)

// canned answers Outposts (moto has none of it): three outposts over two
// pages, one of them shared by another account; two sites over two pages.
var outpostsCanned = map[string]func(any) (any, error){
	"ListOutposts": func(in any) (any, error) {
		var all []types.Outpost
		for i := range 3 {
			id := fmt.Sprint("op-", i)
			owner := account
			if i == 2 {
				owner = "210987654321"
			}
			all = append(all, types.Outpost{OutpostId: aws.String(id), Name: aws.String(fmt.Sprint("rack", i)),
				OutpostArn: aws.String("arn:aws:outposts:" + region + ":" + owner + ":outpost/" + id), LifeCycleStatus: aws.String("ACTIVE"),
				SupportedHardwareType: types.SupportedHardwareTypeRack, AvailabilityZone: aws.String(region + "a"), SiteId: aws.String("os-1"),
				OwnerId: aws.String(owner), Tags: map[string]string{"n": fmt.Sprint(i)}})
		}
		page, next := collecttest.Page(all, in.(*outposts.ListOutpostsInput).NextToken, 2)
		return &outposts.ListOutpostsOutput{Outposts: page, NextToken: next}, nil
	},
	"ListSites": func(in any) (any, error) {
		var all []types.Site
		for _, id := range []string{"os-1", "os-2"} {
			all = append(all, types.Site{SiteId: aws.String(id), Name: aws.String("dc-" + id), SiteArn: aws.String("arn:aws:outposts:" + region + ":" + account + ":site/" + id),
				OperatingAddressCity: aws.String("Dublin"), OperatingAddressCountryCode: aws.String("IE"), AccountId: aws.String(account),
				RackPhysicalProperties: &types.RackPhysicalProperties{PowerDrawKva: types.PowerDrawKvaPower10Kva}, Tags: map[string]string{"site": id}})
		}
		page, next := collecttest.Page(all, in.(*outposts.ListSitesInput).NextToken, 1)
		return &outposts.ListSitesOutput{Sites: page, NextToken: next}, nil
	},
}

func TestOutposts(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(outpostsCanned)})
	got := collecttest.Run(t, cfg, collector.Service, "outpost", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("outposts: %v, %d", got.Err, len(got.Resources))
	}
	o := got.ByID()["op-2"]
	if o == nil || o.Name != "rack2" || o.ARN != "arn:aws:outposts:"+region+":210987654321:outpost/op-2" || o.Tags["n"] != "2" ||
		o.Details["owner_id"] != "210987654321" || o.Details["hardware_type"] != "RACK" || o.Details["status"] != "ACTIVE" || o.Details["availability_zone"] != "eu-west-1a" {
		t.Fatalf("outpost: %+v", o)
	}
	collecttest.HasEdges(t, got, "op-0 -at-site-> outposts/site:os-1", "op-2 -at-site-> outposts/site:os-1")

	got = collecttest.Run(t, cfg, collector.Service, "site", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("sites: %v, %d", got.Err, len(got.Resources))
	}
	if s := got.ByID()["os-2"]; s.Name != "dc-os-2" || s.Tags["site"] != "os-2" || s.Details["city"] != "Dublin" || s.Details["country_code"] != "IE" ||
		s.Details["power_draw_kva"] != "POWER_10_KVA" {
		t.Errorf("site: %+v", s)
	}
}

func TestOutpostsDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"outpost": "ListOutposts", "site": "ListSites"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
