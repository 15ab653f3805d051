package elbv2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var trustStoreFields = collect.Fields[types.TrustStore]{
	collect.Enum("status", "ACTIVE or CREATING", func(s types.TrustStore) types.TrustStoreStatus { return s.Status }),
	collect.Int("ca_certificates", "CA certificates in the bundle", func(s types.TrustStore) *int32 { return s.NumberOfCaCertificates }),
	collect.Int("revoked_entries", "entries in its revocation lists", func(s types.TrustStore) *int64 { return s.TotalRevokedEntries }),
}

func trustStores(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := elb.NewDescribeTrustStoresPaginator(api, &elb.DescribeTrustStoresInput{PageSize: t.PageSize(400)})
	return collect.EachPage(ctx, p, func(page *elb.DescribeTrustStoresOutput) error {
		tags := tagsByARN(ctx, t, api, collect.IDs(page.TrustStores, func(s types.TrustStore) *string { return s.TrustStoreArn }))
		for _, s := range page.TrustStores {
			arn := aws.ToString(s.TrustStoreArn)
			t.Emit(&model.Resource{Key: t.Key("trust-store", aws.ToString(s.Name)), ARN: arn, Name: aws.ToString(s.Name), Tags: tags[arn],
				Details: trustStoreFields.Details(s)})
		}
		return nil
	})
}
