package iam

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsiam "github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Identity providers, server certificates and virtual MFA devices: the
// account's federation trust and long-lived credentials outside users.

// samlProvider is a listed provider with its GetSAMLProvider answer (nil: failed).
type samlProvider struct {
	iamtypes.SAMLProviderListEntry
	got *awsiam.GetSAMLProviderOutput
}

var samlProviderFields = collect.Fields[samlProvider]{
	collect.Timestamp("valid_until", "expiration of the provider's metadata document", func(p samlProvider) *time.Time { return p.ValidUntil }),
	collect.Computed("assertion_encryption_mode", model.Text, "Allowed or Required: whether assertions must be encrypted", func(p samlProvider) any {
		if p.got == nil {
			return nil
		}
		return string(p.got.AssertionEncryptionMode)
	}),
}

func samlProviders(ctx context.Context, t *collect.Task) error {
	api := client(t)
	out, err := api.ListSAMLProviders(ctx, &awsiam.ListSAMLProvidersInput{})
	if err != nil {
		return err
	}
	collect.ForEach(ctx, out.SAMLProviderList, func(ctx context.Context, e iamtypes.SAMLProviderListEntry) {
		p := samlProvider{SAMLProviderListEntry: e}
		got, err := api.GetSAMLProvider(ctx, &awsiam.GetSAMLProviderInput{SAMLProviderArn: e.Arn})
		t.Warn("GetSAMLProvider", err)
		var tg map[string]string
		if err == nil {
			p.got, tg = got, tags(got.Tags)
		}
		name := collect.ARNResourceName(aws.ToString(e.Arn))
		t.Emit(&model.Resource{Key: t.Key("saml-provider", name), ARN: aws.ToString(e.Arn), Name: name, CreatedAt: model.Time(e.CreateDate),
			Tags: tg, Details: samlProviderFields.Details(p)})
	})
	return nil
}

var oidcProviderFields = collect.Fields[*awsiam.GetOpenIDConnectProviderOutput]{
	collect.Text("url", "issuer URL (token.actions.githubusercontent.com, an EKS cluster's issuer...)", func(p *awsiam.GetOpenIDConnectProviderOutput) *string { return p.Url }),
	collect.Computed("client_ids", model.JSON, "audiences (client ids) accepted", func(p *awsiam.GetOpenIDConnectProviderOutput) any { return append([]string{}, p.ClientIDList...) }),
	collect.Computed("thumbprint_count", model.Integer, "server certificate thumbprints trusted", func(p *awsiam.GetOpenIDConnectProviderOutput) any { return len(p.ThumbprintList) }),
}

func oidcProviders(ctx context.Context, t *collect.Task) error {
	api := client(t)
	out, err := api.ListOpenIDConnectProviders(ctx, &awsiam.ListOpenIDConnectProvidersInput{})
	if err != nil {
		return err
	}
	collect.ForEach(ctx, out.OpenIDConnectProviderList, func(ctx context.Context, e iamtypes.OpenIDConnectProviderListEntry) {
		arn := aws.ToString(e.Arn)
		_, host, _ := strings.Cut(arn, ":oidc-provider/")
		r := &model.Resource{Key: t.Key("oidc-provider", host), ARN: arn, Name: host}
		got, err := api.GetOpenIDConnectProvider(ctx, &awsiam.GetOpenIDConnectProviderInput{OpenIDConnectProviderArn: e.Arn})
		t.Warn("GetOpenIDConnectProvider", err)
		if err == nil {
			r.CreatedAt, r.Tags, r.Details = model.Time(got.CreateDate), tags(got.Tags), oidcProviderFields.Details(got)
		}
		t.Emit(r)
	})
	return nil
}

var serverCertificateFields = collect.Fields[iamtypes.ServerCertificateMetadata]{
	collect.Timestamp("expiration", "when the certificate expires", func(c iamtypes.ServerCertificateMetadata) *time.Time { return c.Expiration }),
	collect.Text("path", "IAM path (/cloudfront/ for CloudFront certificates)", func(c iamtypes.ServerCertificateMetadata) *string { return c.Path }),
	collect.Text("server_certificate_id", "stable id (ASCA...)", func(c iamtypes.ServerCertificateMetadata) *string { return c.ServerCertificateId }),
}

func serverCertificates(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := awsiam.NewListServerCertificatesPaginator(api, &awsiam.ListServerCertificatesInput{MaxItems: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *awsiam.ListServerCertificatesOutput) error {
		collect.ForEach(ctx, page.ServerCertificateMetadataList, func(ctx context.Context, c iamtypes.ServerCertificateMetadata) {
			name := aws.ToString(c.ServerCertificateName)
			r := &model.Resource{Key: t.Key("server-certificate", name), ARN: aws.ToString(c.Arn), Name: name, CreatedAt: model.Time(c.UploadDate),
				Details: serverCertificateFields.Details(c)}
			got, err := api.ListServerCertificateTags(ctx, &awsiam.ListServerCertificateTagsInput{ServerCertificateName: c.ServerCertificateName})
			t.Warn("ListServerCertificateTags", err)
			if err == nil {
				r.Tags = tags(got.Tags)
			}
			t.Emit(r)
		})
		return nil
	})
}

var virtualMFAFields = collect.Fields[iamtypes.VirtualMFADevice]{
	collect.Computed("assigned", model.Boolean, "the device is enabled for a user", func(d iamtypes.VirtualMFADevice) any { return d.User != nil }),
	collect.Computed("user", model.Text, "user the device is enabled for (root for the account's root user)", func(d iamtypes.VirtualMFADevice) any {
		if d.User == nil {
			return ""
		}
		if name := aws.ToString(d.User.UserName); name != "" {
			return name
		}
		return "root"
	}),
	collect.Timestamp("enable_date", "when the device was enabled", func(d iamtypes.VirtualMFADevice) *time.Time { return d.EnableDate }),
}

func virtualMFADevices(ctx context.Context, t *collect.Task) error {
	p := awsiam.NewListVirtualMFADevicesPaginator(client(t), &awsiam.ListVirtualMFADevicesInput{MaxItems: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *awsiam.ListVirtualMFADevicesOutput) error {
		for _, d := range page.VirtualMFADevices {
			serial := aws.ToString(d.SerialNumber)
			name := collect.ARNResourceName(serial)
			key := t.Key("virtual-mfa-device", name)
			t.Emit(&model.Resource{Key: key, ARN: serial, Name: name, CreatedAt: model.Time(d.EnableDate), Tags: tags(d.Tags), Details: virtualMFAFields.Details(d)})
			if d.User != nil && aws.ToString(d.User.UserName) != "" {
				t.Relate(key, "assigned-to", t.Key("user", aws.ToString(d.User.UserName)))
			}
		}
		return nil
	})
}
