package all_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/route53"
	"github.com/awsmap/awsmap/internal/model"
)

// dnsConfig answers what moto lacks: seven traffic policies and seven CIDR
// collections, each over pages of three.
var dnsConfig = map[string]func(any) (any, error){
	"ListTrafficPolicies": func(in any) (any, error) {
		var all []types.TrafficPolicySummary
		for i := range 7 {
			all = append(all, types.TrafficPolicySummary{Id: aws.String(fmt.Sprint("tp-", i)), Name: aws.String(fmt.Sprint("geo-", i)),
				Type: types.RRTypeA, LatestVersion: aws.Int32(int32(i + 1)), TrafficPolicyCount: aws.Int32(int32(i + 1))})
		}
		page, next := collecttest.Page(all, in.(*route53.ListTrafficPoliciesInput).TrafficPolicyIdMarker, 3)
		return &route53.ListTrafficPoliciesOutput{TrafficPolicySummaries: page, TrafficPolicyIdMarker: next, IsTruncated: next != nil,
			MaxItems: in.(*route53.ListTrafficPoliciesInput).MaxItems}, nil
	},
	"ListCidrCollections": func(in any) (any, error) {
		var all []types.CollectionSummary
		for i := range 7 {
			id := fmt.Sprintf("c8c2f6b1-0000-4000-8000-00000000000%d", i)
			all = append(all, types.CollectionSummary{Id: aws.String(id), Name: aws.String(fmt.Sprint("offices-", i)), Version: aws.Int64(int64(i)),
				Arn: aws.String("arn:aws:route53:::cidrcollection/" + id)})
		}
		page, next := collecttest.Page(all, in.(*route53.ListCidrCollectionsInput).NextToken, 3)
		return &route53.ListCidrCollectionsOutput{CidrCollections: page, NextToken: next}, nil
	},
}

func TestRoute53TrafficPoliciesAndCidrCollections(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(dnsConfig)})
	got := collecttest.Run(t, cfg, collector.Service, "traffic-policy", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("want 7 traffic policies over pages: %v, %d", got.Err, len(got.Resources))
	}
	if p := got.ByID()["tp-4"]; p.Name != "geo-4" || p.ARN != "arn:aws:route53:::trafficpolicy/tp-4" || p.Details["dns_type"] != "A" ||
		p.Details["latest_version"] != int64(5) || p.Details["version_count"] != int64(5) {
		t.Errorf("traffic policy: %+v", p)
	}
	got = collecttest.Run(t, cfg, collector.Service, "cidr-collection", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("want 7 CIDR collections over pages: %v, %d", got.Err, len(got.Resources))
	}
	id := "c8c2f6b1-0000-4000-8000-000000000006"
	if c := got.ByID()[id]; c.Name != "offices-6" || c.ARN != "arn:aws:route53:::cidrcollection/"+id || c.Details["version"] != int64(6) {
		t.Errorf("CIDR collection: %+v", c)
	}
	for typ, op := range map[string]string{"traffic-policy": "ListTrafficPolicies", "cidr-collection": "ListCidrCollections"} {
		denied := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, typ, model.GlobalRegion))
	}
}
