package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/opensearch"
	"github.com/aws/aws-sdk-go-v2/service/opensearch/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/opensearch"
)

var opensearchSince = time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)

// accountCanned answers DescribePackages and DescribeReservedInstances
// (moto lacks both): three of each over two pages.
var accountCanned = map[string]func(any) (any, error){
	"DescribePackages": func(in any) (any, error) {
		var all []types.PackageDetails
		for i := range 3 {
			all = append(all, types.PackageDetails{PackageID: aws.String(fmt.Sprint("F", i)), PackageName: aws.String(fmt.Sprint("synonyms-", i)),
				PackageType: types.PackageTypeTxtDictionary, PackageStatus: types.PackageStatusAvailable, AvailablePackageVersion: aws.String("v3"), CreatedAt: &opensearchSince})
		}
		page, next := collecttest.Page(all, in.(*opensearch.DescribePackagesInput).NextToken, 2)
		return &opensearch.DescribePackagesOutput{PackageDetailsList: page, NextToken: next}, nil
	},
	"DescribeReservedInstances": func(in any) (any, error) {
		var all []types.ReservedInstance
		for i := range 3 {
			all = append(all, types.ReservedInstance{ReservedInstanceId: aws.String(fmt.Sprint("ri-", i)), ReservationName: aws.String(fmt.Sprint("search-", i)),
				InstanceType: types.OpenSearchPartitionInstanceTypeR6gLargeSearch, InstanceCount: 3, State: aws.String("active"), Duration: 31536000,
				PaymentOption: types.ReservedInstancePaymentOptionNoUpfront, UsagePrice: aws.Float64(0.1), StartTime: &opensearchSince})
		}
		page, next := collecttest.Page(all, in.(*opensearch.DescribeReservedInstancesInput).NextToken, 2)
		return &opensearch.DescribeReservedInstancesOutput{ReservedInstances: page, NextToken: next}, nil
	},
}

func TestOpensearchPackagesAndReservedInstances(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(accountCanned)})
	got := collecttest.Run(t, cfg, collector.Service, "package", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("packages: %v, %d", got.Err, len(got.Resources))
	}
	p := got.ByID()["F2"]
	if p.Name != "synonyms-2" || p.ARN != "arn:aws:es:"+region+":"+collecttest.MotoAccount+":package/F2" || p.Details["package_type"] != "TXT-DICTIONARY" ||
		p.Details["status"] != "AVAILABLE" || p.Details["version"] != "v3" || p.CreatedAt != "2025-09-01T00:00:00Z" {
		t.Errorf("package: %+v", p)
	}
	got = collecttest.Run(t, cfg, collector.Service, "reserved-instance", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("reserved instances: %v, %d", got.Err, len(got.Resources))
	}
	r := got.ByID()["ri-1"]
	if r.Name != "search-1" || r.Details["instance_type"] != "r6g.large.search" || r.Details["instance_count"] != int64(3) || r.Details["payment_option"] != "NO_UPFRONT" ||
		r.Details["usage_price"] != 0.1 || r.CreatedAt != "2025-09-01T00:00:00Z" {
		t.Errorf("reserved instance: %+v", r)
	}
	for typ, op := range map[string]string{"package": "DescribePackages", "reserved-instance": "DescribeReservedInstances"} {
		denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, typ, region))
	}
}
