// Package acmpca collects AWS Private CA certificate authorities.
package acmpca

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/acmpca"
	"github.com/aws/aws-sdk-go-v2/service/acmpca/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the AWS Private CA collector.
var Service = &collect.Service{
	Name:        "acm-pca",
	Description: "AWS Private CA certificate authorities",
	Types: []collect.Type{
		{Name: "certificate-authority", Description: "private certificate authority (id = the CA's UUID)", Fields: caFields.Declared(),
			Tags: collect.TagsPerResource, Collect: authorities, DetailCalls: 1},
	},
	Calls: "certificate-authority: ListCertificateAuthorities + per CA ListTags",
}

var caFields = collect.Fields[types.CertificateAuthority]{
	collect.Enum("status", "ACTIVE, DISABLED, PENDING_CERTIFICATE, EXPIRED, DELETED...", func(c types.CertificateAuthority) types.CertificateAuthorityStatus { return c.Status }),
	collect.Enum("ca_type", "ROOT or SUBORDINATE", func(c types.CertificateAuthority) types.CertificateAuthorityType { return c.Type }),
	collect.Enum("key_algorithm", "RSA_2048, EC_prime256v1...", func(c types.CertificateAuthority) types.KeyAlgorithm {
		if c.CertificateAuthorityConfiguration == nil {
			return ""
		}
		return c.CertificateAuthorityConfiguration.KeyAlgorithm
	}),
	collect.Enum("signing_algorithm", "SHA256WITHRSA, SHA256WITHECDSA...", func(c types.CertificateAuthority) types.SigningAlgorithm {
		if c.CertificateAuthorityConfiguration == nil {
			return ""
		}
		return c.CertificateAuthorityConfiguration.SigningAlgorithm
	}),
	collect.Computed("common_name", model.Text, "subject common name of the CA certificate", func(c types.CertificateAuthority) any {
		if c.CertificateAuthorityConfiguration == nil || c.CertificateAuthorityConfiguration.Subject == nil {
			return ""
		}
		return aws.ToString(c.CertificateAuthorityConfiguration.Subject.CommonName)
	}),
	collect.Enum("usage_mode", "GENERAL_PURPOSE or SHORT_LIVED_CERTIFICATE", func(c types.CertificateAuthority) types.CertificateAuthorityUsageMode { return c.UsageMode }),
	collect.Timestamp("not_after", "expiry of the CA certificate", func(c types.CertificateAuthority) *time.Time { return c.NotAfter }),
	collect.Computed("crl_enabled", model.Boolean, "a certificate revocation list is published", func(c types.CertificateAuthority) any {
		r := c.RevocationConfiguration
		return r != nil && r.CrlConfiguration != nil && aws.ToBool(r.CrlConfiguration.Enabled)
	}),
}

func authorities(ctx context.Context, t *collect.Task) error {
	api := acmpca.NewFromConfig(t.Config)
	p := acmpca.NewListCertificateAuthoritiesPaginator(api, &acmpca.ListCertificateAuthoritiesInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *acmpca.ListCertificateAuthoritiesOutput) error {
		collect.ForEach(ctx, page.CertificateAuthorities, func(ctx context.Context, c types.CertificateAuthority) {
			arn := aws.ToString(c.Arn)
			r := &model.Resource{Key: t.Key("certificate-authority", collect.ARNResourceName(arn)), ARN: arn,
				CreatedAt: model.Time(c.CreatedAt), Tags: map[string]string{}, Details: caFields.Details(c)}
			if cn, _ := r.Details["common_name"].(string); cn != "" {
				r.Name = cn
			}
			tp := acmpca.NewListTagsPaginator(api, &acmpca.ListTagsInput{CertificateAuthorityArn: c.Arn})
			t.Warn("ListTags", collect.EachPage(ctx, tp, func(page *acmpca.ListTagsOutput) error {
				for _, tg := range page.Tags {
					r.Tags[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
				}
				return nil
			}))
			t.Emit(r)
		})
		return nil
	})
}
