// Package acm collects ACM certificates.
package acm

import (
	"context"

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
		{Name: "certificate", Description: "ACM certificate (id = certificate id, the last part of its ARN)", Fields: certificateFields, Tags: collect.TagsBulk, Collect: certificates, DetailCalls: 1},
	},
	Calls: "certificate: ListCertificates + per certificate DescribeCertificate; bulk tags (else per certificate ListTagsForCertificate)",
}

// Days to expiry is deliberately not stored: it changes every day. Compute
// it from not_after.
var certificateFields = []model.Field{
	{Name: "domain_name", Type: "text", Description: "primary domain name"},
	{Name: "subject_alternative_names", Type: "json", Description: "all names the certificate covers"},
	{Name: "status", Type: "text", Description: "ISSUED, PENDING_VALIDATION, EXPIRED, REVOKED, FAILED, ..."},
	{Name: "type", Type: "text", Description: "AMAZON_ISSUED, IMPORTED or PRIVATE"},
	{Name: "not_before", Type: "timestamp", Description: "start of validity"},
	{Name: "not_after", Type: "timestamp", Description: "expiry"},
	{Name: "in_use", Type: "boolean", Description: "an AWS resource uses the certificate"},
	{Name: "in_use_by", Type: "json", Description: "ARNs of the resources using the certificate"},
	{Name: "key_algorithm", Type: "text", Description: "RSA_2048, EC_prime256v1, ..."},
	{Name: "renewal_eligibility", Type: "text", Description: "ELIGIBLE or INELIGIBLE for managed renewal"},
	{Name: "issuer", Type: "text", Description: "certificate authority that issued it"},
	{Name: "issued_at", Type: "timestamp", Description: "issue time (AWS-issued certificates)"},
	{Name: "imported_at", Type: "timestamp", Description: "import time (imported certificates)"},
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
	// The summary carries the essentials; the description adds the full
	// name list, the users and the issuer.
	d := map[string]any{
		"domain_name":         aws.ToString(c.DomainName),
		"status":              string(c.Status),
		"type":                string(c.Type),
		"not_before":          model.Time(c.NotBefore),
		"not_after":           model.Time(c.NotAfter),
		"in_use":              aws.ToBool(c.InUse),
		"key_algorithm":       string(c.KeyAlgorithm),
		"renewal_eligibility": string(c.RenewalEligibility),
		"issued_at":           model.Time(c.IssuedAt),
		"imported_at":         model.Time(c.ImportedAt),
	}
	created := c.CreatedAt
	out, err := api.DescribeCertificate(ctx, &awsacm.DescribeCertificateInput{CertificateArn: c.CertificateArn})
	if err == nil && out.Certificate != nil {
		cd := out.Certificate
		d["subject_alternative_names"] = append([]string{}, cd.SubjectAlternativeNames...)
		d["in_use_by"] = append([]string{}, cd.InUseBy...)
		d["in_use"] = len(cd.InUseBy) > 0
		d["issuer"] = aws.ToString(cd.Issuer)
		d["not_before"] = model.Time(cd.NotBefore)
		d["not_after"] = model.Time(cd.NotAfter)
		if cd.CreatedAt != nil {
			created = cd.CreatedAt
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
		CreatedAt: model.Time(created), Tags: tags, Details: d,
	})
}
