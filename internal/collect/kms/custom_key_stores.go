package kms

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	awskms "github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// xks reads a field of an external key store's proxy configuration (its
// access key id is never read).
func xks(get func(*kmstypes.XksProxyConfigurationType) *string) func(kmstypes.CustomKeyStoresListEntry) *string {
	return func(s kmstypes.CustomKeyStoresListEntry) *string {
		if s.XksProxyConfiguration == nil {
			return nil
		}
		return get(s.XksProxyConfiguration)
	}
}

var customKeyStoreFields = collect.Fields[kmstypes.CustomKeyStoresListEntry]{
	collect.Enum("store_type", "AWS_CLOUDHSM or EXTERNAL_KEY_STORE", func(s kmstypes.CustomKeyStoresListEntry) kmstypes.CustomKeyStoreType { return s.CustomKeyStoreType }),
	collect.Enum("connection_state", "CONNECTED, CONNECTING, DISCONNECTED, DISCONNECTING or FAILED: keys of a store not CONNECTED cannot be used",
		func(s kmstypes.CustomKeyStoresListEntry) kmstypes.ConnectionStateType { return s.ConnectionState }),
	collect.Enum("connection_error_code", "why the last connection failed, if it did", func(s kmstypes.CustomKeyStoresListEntry) kmstypes.ConnectionErrorCodeType {
		return s.ConnectionErrorCode
	}),
	collect.Text("cloudhsm_cluster_id", "CloudHSM cluster of an AWS_CLOUDHSM store", func(s kmstypes.CustomKeyStoresListEntry) *string { return s.CloudHsmClusterId }),
	collect.Enum("xks_connectivity", "how KMS reaches an external store's proxy: PUBLIC_ENDPOINT or VPC_ENDPOINT_SERVICE",
		func(s kmstypes.CustomKeyStoresListEntry) kmstypes.XksProxyConnectivityType {
			if s.XksProxyConfiguration == nil {
				return ""
			}
			return s.XksProxyConfiguration.Connectivity
		}),
	collect.Text("xks_uri_endpoint", "endpoint of an external store's proxy", xks(func(x *kmstypes.XksProxyConfigurationType) *string { return x.UriEndpoint })),
	collect.Text("xks_vpc_endpoint_service", "VPC endpoint service of an external store's proxy", xks(func(x *kmstypes.XksProxyConfigurationType) *string { return x.VpcEndpointServiceName })),
}

// customKeyStores lists the key stores backed by a CloudHSM cluster or an
// external key manager. AWS gives them no ARN and no tags.
func customKeyStores(ctx context.Context, t *collect.Task) error {
	p := awskms.NewDescribeCustomKeyStoresPaginator(client(t), &awskms.DescribeCustomKeyStoresInput{Limit: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *awskms.DescribeCustomKeyStoresOutput) error {
		for _, s := range page.CustomKeyStores {
			key := t.Key("custom-key-store", aws.ToString(s.CustomKeyStoreId))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.CustomKeyStoreName), CreatedAt: model.Time(s.CreationDate), Details: customKeyStoreFields.Details(s)})
			t.Relate(key, "uses", t.Ref("cloudhsmv2", "cluster", aws.ToString(s.CloudHsmClusterId)))
		}
		return nil
	})
}
