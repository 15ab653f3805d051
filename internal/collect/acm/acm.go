// Package acm collects ACM certificates.
package acm

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsacm "github.com/aws/aws-sdk-go-v2/service/acm"
	acmtypes "github.com/aws/aws-sdk-go-v2/service/acm/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the ACM collector.
var Service = &collect.Service{
	Name:        "acm",
	Description: "ACM certificates",
	Types: []collect.Type{
		{Name: "certificate", Description: "ACM certificate (id = certificate id, the last part of its ARN)", Fields: certificateFields.Declared(), Tags: collect.TagsBulk, Collect: certificates, DetailCalls: 1},
	},
	Calls: "certificate: ListCertificates + per certificate DescribeCertificate; bulk tags (else per certificate ListTagsForCertificate)",
}

// Days to expiry is deliberately not stored: it changes every day. Compute
// it from not_after.
// certificate is a listed certificate with its DescribeCertificate answer
// (nil when that failed), which adds the full name list, the users and the
// issuer.
type certificate struct {
	acmtypes.CertificateSummary
	detail *acmtypes.CertificateDetail
}

func hasDetail(c certificate) bool { return c.detail != nil }

var certificateFields = collect.Fields[certificate]{
	collect.Text("domain_name", "primary domain name", func(c certificate) *string { return c.DomainName }),
	collect.When(hasDetail, collect.Computed("subject_alternative_names", model.JSON, "all names the certificate covers", func(c certificate) any {
		return append([]string{}, c.detail.SubjectAlternativeNames...)
	})),
	collect.Enum("status", "ISSUED, PENDING_VALIDATION, EXPIRED, REVOKED, FAILED, ...", func(c certificate) acmtypes.CertificateStatus { return c.Status }),
	collect.Enum("type", "AMAZON_ISSUED, IMPORTED or PRIVATE", func(c certificate) acmtypes.CertificateType { return c.Type }),
	collect.Timestamp("not_before", "start of validity", func(c certificate) *time.Time {
		if c.detail != nil {
			return c.detail.NotBefore
		}
		return c.NotBefore
	}),
	collect.Timestamp("not_after", "expiry", func(c certificate) *time.Time {
		if c.detail != nil {
			return c.detail.NotAfter
		}
		return c.NotAfter
	}),
	collect.Computed("in_use", model.Boolean, "an AWS resource uses the certificate", func(c certificate) any {
		if c.detail != nil {
			return len(c.detail.InUseBy) > 0
		}
		return aws.ToBool(c.InUse)
	}),
	collect.When(hasDetail, collect.Computed("in_use_by", model.JSON, "ARNs of the resources using the certificate", func(c certificate) any {
		return append([]string{}, c.detail.InUseBy...)
	})),
	collect.Enum("key_algorithm", "RSA_2048, EC_prime256v1, ...", func(c certificate) acmtypes.KeyAlgorithm { return c.KeyAlgorithm }),
	collect.Enum("renewal_eligibility", "ELIGIBLE or INELIGIBLE for managed renewal", func(c certificate) acmtypes.RenewalEligibility { return c.RenewalEligibility }),
	collect.When(hasDetail, collect.Text("issuer", "certificate authority that issued it", func(c certificate) *string { return c.detail.Issuer })),
	collect.Timestamp("issued_at", "issue time (AWS-issued certificates)", func(c certificate) *time.Time { return c.IssuedAt }),
	collect.Timestamp("imported_at", "import time (imported certificates)", func(c certificate) *time.Time { return c.ImportedAt }),
}

func client(t *collect.Task) *awsacm.Client { return awsacm.NewFromConfig(t.Config) }

func certificates(ctx context.Context, t *collect.Task) error {
	api := client(t)
	// Without a key type filter ListCertificates returns only RSA_2048 ones.
	in := &awsacm.ListCertificatesInput{
		Includes: &acmtypes.Filters{KeyTypes: acmtypes.KeyAlgorithm("").Values()}, MaxItems: t.PageSize(1000),
	}
	bulk := collect.NewBulkTags(t, "acm")
	p := awsacm.NewListCertificatesPaginator(api, in)
	return collect.EachPage(ctx, p, func(page *awsacm.ListCertificatesOutput) error {
		collect.ForEach(ctx, page.CertificateSummaryList, func(ctx context.Context, c acmtypes.CertificateSummary) {
			emitCertificate(ctx, t, api, bulk, c)
		})
		return nil
	})
}

func emitCertificate(ctx context.Context, t *collect.Task, api *awsacm.Client, bulk *collect.BulkTags, c acmtypes.CertificateSummary) {
	arn := aws.ToString(c.CertificateArn)
	cert := certificate{CertificateSummary: c}
	created := c.CreatedAt
	out, err := api.DescribeCertificate(ctx, &awsacm.DescribeCertificateInput{CertificateArn: c.CertificateArn})
	if err == nil && out.Certificate != nil {
		cert.detail = out.Certificate
		if cert.detail.CreatedAt != nil {
			created = cert.detail.CreatedAt
		}
	}
	t.Warn("DescribeCertificate", err)
	tags := bulk.Of(ctx, arn, "ListTagsForCertificate", func(ctx context.Context) (map[string]string, error) {
		out, err := api.ListTagsForCertificate(ctx, &awsacm.ListTagsForCertificateInput{CertificateArn: c.CertificateArn})
		if err != nil {
			return nil, err
		}
		return collect.TagMap(out.Tags, func(t acmtypes.Tag) (*string, *string) { return t.Key, t.Value }), nil
	})
	if created == nil {
		created = c.ImportedAt
	}
	t.Emit(&model.Resource{
		Key: t.Key("certificate", collect.ARNResourceName(arn)), ARN: arn, Name: aws.ToString(c.DomainName),
		CreatedAt: model.Time(created), Tags: tags, Details: certificateFields.Details(cert),
	})
}
