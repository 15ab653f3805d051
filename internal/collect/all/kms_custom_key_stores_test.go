package all_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awskms "github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/kms"
)

// stores answers DescribeCustomKeyStores (moto lacks it): a CloudHSM store
// and two external ones over two pages; the proxy's access key id is set so
// the test can check it is not stored.
func stores(in any) (any, error) {
	created := time.Date(2025, 11, 3, 0, 0, 0, 0, time.UTC)
	all := []kmstypes.CustomKeyStoresListEntry{{CustomKeyStoreId: aws.String("cks-0"), CustomKeyStoreName: aws.String("hsm"), CustomKeyStoreType: kmstypes.CustomKeyStoreTypeAwsCloudhsm,
		CloudHsmClusterId: aws.String("cluster-abc"), ConnectionState: kmstypes.ConnectionStateTypeConnected, CreationDate: &created}}
	for i := 1; i <= 2; i++ {
		all = append(all, kmstypes.CustomKeyStoresListEntry{CustomKeyStoreId: aws.String(fmt.Sprint("cks-", i)), CustomKeyStoreName: aws.String(fmt.Sprint("xks-", i)),
			CustomKeyStoreType: kmstypes.CustomKeyStoreTypeExternalKeyStore, ConnectionState: kmstypes.ConnectionStateTypeFailed,
			ConnectionErrorCode: kmstypes.ConnectionErrorCodeTypeXksProxyTimedOut, CreationDate: &created,
			XksProxyConfiguration: &kmstypes.XksProxyConfigurationType{AccessKeyId: aws.String("AKIASECRETVALUE"), Connectivity: kmstypes.XksProxyConnectivityTypePublicEndpoint,
				UriEndpoint: aws.String("https://xks.example.com"), UriPath: aws.String("/kms/xks/v1")}})
	}
	page, next := collecttest.Page(all, in.(*awskms.DescribeCustomKeyStoresInput).Marker, 2)
	return &awskms.DescribeCustomKeyStoresOutput{CustomKeyStores: page, NextMarker: next, Truncated: next != nil}, nil
}

func TestKmsCustomKeyStores(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"DescribeCustomKeyStores": stores})})
	got := collecttest.Run(t, cfg, collector.Service, "custom-key-store", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("custom key stores: %v, %d", got.Err, len(got.Resources))
	}
	hsm, x := got.ByID()["cks-0"], got.ByID()["cks-2"]
	if hsm.Name != "hsm" || hsm.CreatedAt != "2025-11-03T00:00:00Z" || hsm.Details["store_type"] != "AWS_CLOUDHSM" || hsm.Details["connection_state"] != "CONNECTED" ||
		hsm.Details["cloudhsm_cluster_id"] != "cluster-abc" {
		t.Errorf("CloudHSM store: %+v", hsm)
	}
	if x.Details["connection_error_code"] != "XKS_PROXY_TIMED_OUT" || x.Details["xks_connectivity"] != "PUBLIC_ENDPOINT" || x.Details["xks_uri_endpoint"] != "https://xks.example.com" {
		t.Errorf("external store: %+v", x)
	}
	for _, r := range got.Resources {
		if strings.Contains(fmt.Sprint(r.Details), "AKIASECRETVALUE") {
			t.Errorf("%s stores the proxy's access key id: %v", r.ID, r.Details)
		}
	}
	collecttest.HasEdges(t, got, "cks-0 -uses-> cloudhsmv2/cluster:cluster-abc")

	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"DescribeCustomKeyStores": collecttest.Denied("DescribeCustomKeyStores")})})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "custom-key-store", region))
}
