package all_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/elbv2"
)

// trustStores answers DescribeTrustStores (moto lacks it) with seven stores
// over pages of three, and DescribeTags with a tag naming each store.
var trustStores = map[string]func(any) (any, error){
	"DescribeTrustStores": func(in any) (any, error) {
		var all []types.TrustStore
		for i := range 7 {
			name := fmt.Sprint("clients-", i)
			all = append(all, types.TrustStore{Name: aws.String(name), TrustStoreArn: aws.String(trustStoreARN(name)),
				Status: types.TrustStoreStatusActive, NumberOfCaCertificates: aws.Int32(int32(i + 1)), TotalRevokedEntries: aws.Int64(int64(i * 10))})
		}
		page, next := collecttest.Page(all, in.(*elb.DescribeTrustStoresInput).Marker, 3)
		return &elb.DescribeTrustStoresOutput{TrustStores: page, NextMarker: next}, nil
	},
	"DescribeTags": func(in any) (any, error) {
		out := &elb.DescribeTagsOutput{}
		for _, arn := range in.(*elb.DescribeTagsInput).ResourceArns {
			out.TagDescriptions = append(out.TagDescriptions, types.TagDescription{ResourceArn: aws.String(arn), Tags: []types.Tag{{Key: aws.String("arn"), Value: aws.String(arn)}}})
		}
		return out, nil
	},
}

func trustStoreARN(name string) string {
	return "arn:aws:elasticloadbalancing:" + region + ":" + collecttest.MotoAccount + ":truststore/" + name + "/0123456789abcdef"
}

func TestElbv2TrustStores(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(trustStores)})
	got := collecttest.Run(t, cfg, collector.Service, "trust-store", region)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("want 7 trust stores over pages: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	s := got.ByID()["clients-2"]
	if s == nil || s.ARN != trustStoreARN("clients-2") || s.Name != "clients-2" || s.Tags["arn"] != s.ARN ||
		s.Details["status"] != "ACTIVE" || s.Details["ca_certificates"] != int64(3) || s.Details["revoked_entries"] != int64(20) {
		t.Errorf("trust store: %+v", s)
	}

	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeTrustStores": collecttest.Denied("DescribeTrustStores")})})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "trust-store", region))
}
