package all_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/acmpca"
	"github.com/aws/aws-sdk-go-v2/service/acmpca/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/acmpca"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var acmpcaPaged = collecttest.Paged{Cap: 2}

func acmpcaCreate(t *testing.T, cn string, typ types.CertificateAuthorityType) string {
	t.Helper()
	out, err := acmpca.NewFromConfig(collecttest.Config(t, region, nil)).CreateCertificateAuthority(context.Background(), &acmpca.CreateCertificateAuthorityInput{
		CertificateAuthorityType: typ,
		CertificateAuthorityConfiguration: &types.CertificateAuthorityConfiguration{KeyAlgorithm: types.KeyAlgorithmEcPrime256v1,
			SigningAlgorithm: types.SigningAlgorithmSha256withecdsa, Subject: &types.ASN1Subject{CommonName: aws.String(cn)}},
		Tags: []types.Tag{{Key: aws.String("Team"), Value: aws.String("pki")}}})
	if err != nil {
		t.Fatal(err)
	}
	return caID(aws.ToString(out.CertificateAuthorityArn))
}

// caID is the UUID at the end of a CA ARN.
func caID(arn string) string { return arn[len(arn)-36:] }

func TestAcmpcaCertificateAuthorities(t *testing.T) {
	collecttest.Setup(t)
	root := acmpcaCreate(t, "Example Root", types.CertificateAuthorityTypeRoot)
	acmpcaCreate(t, "Example Issuing 1", types.CertificateAuthorityTypeSubordinate)
	acmpcaCreate(t, "Example Issuing 2", types.CertificateAuthorityTypeSubordinate)
	got := acmpcaPaged.Run(t, collecttest.Config(t, region, nil), collector.Service, "certificate-authority", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	ca := got.ByID()[root]
	if len(got.Resources) != 3 || ca == nil {
		t.Fatalf("want 3 CAs over pages, got %d", len(got.Resources))
	}
	want := map[string]any{"ca_type": "ROOT", "status": "PENDING_CERTIFICATE", "key_algorithm": "EC_prime256v1", "signing_algorithm": "SHA256WITHECDSA",
		"common_name": "Example Root"}
	for k, v := range want {
		if ca.Details[k] != v {
			t.Errorf("details[%s] = %v, want %v", k, ca.Details[k], v)
		}
	}
	if ca.Name != "Example Root" || ca.Tags["Team"] != "pki" || ca.CreatedAt == "" ||
		ca.ARN != "arn:aws:acm-pca:"+region+":"+collecttest.MotoAccount+":certificate-authority/"+root {
		t.Errorf("ca: %s %s %v %q", ca.Name, ca.ARN, ca.Tags, ca.CreatedAt)
	}
}

func TestAcmpcaCertificateAuthoritiesDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListCertificateAuthorities")})
	collecttest.AssertDenied(t, acmpcaPaged.Run(t, cfg, collector.Service, "certificate-authority", region))
}
