// Package signer collects AWS Signer signing profiles (code signing for
// Lambda, IoT and containers).
package signer

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/signer"
	"github.com/aws/aws-sdk-go-v2/service/signer/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the AWS Signer collector.
var Service = &collect.Service{
	Name:        "signer",
	Description: "AWS Signer signing profiles",
	Types: []collect.Type{
		{Name: "signing-profile", Description: "signing profile (id = profile name); cancelled profiles skipped", Fields: profileFields.Declared(),
			Tags: collect.TagsListed, Collect: signingProfiles},
	},
	Calls: "signing-profile: ListSigningProfiles (tags included)",
	Relations: []collect.Relation{
		{From: "signing-profile", Kind: "uses-certificate", To: "acm/certificate"},
	},
}

func certificate(p types.SigningProfile) string {
	if p.SigningMaterial == nil {
		return ""
	}
	return aws.ToString(p.SigningMaterial.CertificateArn)
}

var profileFields = collect.Fields[types.SigningProfile]{
	collect.Enum("status", "Active, Canceled or Revoked", func(p types.SigningProfile) types.SigningProfileStatus { return p.Status }),
	collect.Text("platform_id", "signing platform (AWSLambda-SHA384-ECDSA, Notation-OCI-SHA384-ECDSA...)", func(p types.SigningProfile) *string { return p.PlatformId }),
	collect.Text("profile_version", "current version of the profile", func(p types.SigningProfile) *string { return p.ProfileVersion }),
	collect.Computed("signature_validity", model.Text, "how long signatures stay valid, e.g. 135 MONTHS", func(p types.SigningProfile) any {
		if v := p.SignatureValidityPeriod; v != nil {
			return fmt.Sprintf("%d %s", v.Value, v.Type)
		}
		return ""
	}),
	collect.Computed("certificate_arn", model.Text, "ACM certificate signing with, for platforms that take one", func(p types.SigningProfile) any { return certificate(p) }),
}

func signingProfiles(ctx context.Context, t *collect.Task) error {
	p := signer.NewListSigningProfilesPaginator(signer.NewFromConfig(t.Config), &signer.ListSigningProfilesInput{MaxResults: t.PageSize(25)})
	return collect.EachPage(ctx, p, func(page *signer.ListSigningProfilesOutput) error {
		for _, sp := range page.Profiles {
			name := aws.ToString(sp.ProfileName)
			key := t.Key("signing-profile", name)
			t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(sp.Arn), Tags: sp.Tags, Details: profileFields.Details(sp)})
			if arn := certificate(sp); arn != "" {
				t.Relate(key, "uses-certificate", t.Ref("acm", "certificate", collect.ARNResourceName(arn)))
			}
		}
		return nil
	})
}
