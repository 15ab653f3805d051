package all_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsiam "github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/iam"
	"github.com/awsmap/awsmap/internal/model"
)

const samlMetadata = `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com"></md:EntityDescriptor>`

func iamTags(k, v string) []iamtypes.Tag {
	return []iamtypes.Tag{{Key: aws.String(k), Value: aws.String(v)}}
}

func TestIamIdentityProviders(t *testing.T) {
	f := iamSetup(t)
	f.must(f.api.CreateSAMLProvider(f.ctx, &awsiam.CreateSAMLProviderInput{Name: aws.String("okta"),
		SAMLMetadataDocument: aws.String(samlMetadata), Tags: iamTags("Team", "id")}))
	f.must(f.api.CreateOpenIDConnectProvider(f.ctx, &awsiam.CreateOpenIDConnectProviderInput{Url: aws.String("https://token.actions.githubusercontent.com"),
		ClientIDList: []string{"sts.amazonaws.com"}, ThumbprintList: []string{"6938fd4d98bab03faadb97b34396831e3780aea1"}, Tags: iamTags("Team", "ci")}))
	cfg := collecttest.Config(t, "us-east-1", nil)

	got := iamRun(t, cfg, "saml-provider")
	collecttest.AssertNoWarnings(t, got)
	okta := got.ByID()["okta"]
	// moto 5.2.1's GetSAMLProvider returns no tags: not asserted.
	if okta == nil || okta.ARN != "arn:aws:iam::"+collecttest.MotoAccount+":saml-provider/okta" || okta.Details["valid_until"] == "" || okta.Region != model.GlobalRegion {
		t.Errorf("saml provider: %s %s %v %v", okta.ID, okta.ARN, okta.Tags, okta.Details)
	}

	got = iamRun(t, cfg, "oidc-provider")
	collecttest.AssertNoWarnings(t, got)
	gh := got.ByID()["token.actions.githubusercontent.com"]
	wantDetails(t, gh, map[string]any{"url": "token.actions.githubusercontent.com", "client_ids": []string{"sts.amazonaws.com"}, "thumbprint_count": 1})
	if gh.Tags["Team"] != "ci" || gh.CreatedAt == "" {
		t.Errorf("oidc provider: %+v", gh)
	}
}

func TestIamVirtualMFADevices(t *testing.T) {
	f := iamSetup(t)
	f.must(f.api.CreateUser(f.ctx, &awsiam.CreateUserInput{UserName: aws.String("alice")}))
	for i := range 3 {
		f.must(f.api.CreateVirtualMFADevice(f.ctx, &awsiam.CreateVirtualMFADeviceInput{VirtualMFADeviceName: aws.String(fmt.Sprint("dev", i)), Tags: iamTags("n", fmt.Sprint(i))}))
	}
	serial := "arn:aws:iam::" + collecttest.MotoAccount + ":mfa/dev0"
	f.must(f.api.EnableMFADevice(f.ctx, &awsiam.EnableMFADeviceInput{UserName: aws.String("alice"), SerialNumber: aws.String(serial),
		AuthenticationCode1: aws.String("123456"), AuthenticationCode2: aws.String("654321")}))
	got := iamRun(t, collecttest.Config(t, "us-east-1", nil), "virtual-mfa-device")
	if len(got.Resources) != 3 {
		t.Fatalf("want 3 devices over pages, got %d", len(got.Resources))
	}
	wantDetails(t, got.ByID()["dev0"], map[string]any{"assigned": true, "user": "alice"})
	wantDetails(t, got.ByID()["dev1"], map[string]any{"assigned": false, "user": ""})
	if d := got.ByID()["dev0"]; d.ARN != serial {
		t.Errorf("arn %s", d.ARN)
	}
	collecttest.HasEdges(t, got, "dev0 -assigned-to-> iam/user:alice")
}

// moto 5.2.1 does not serve ListServerCertificateTags: canned, and the
// answer moto gives instead makes the collection partial, tags unknown.
func TestIamServerCertificates(t *testing.T) {
	f := iamSetup(t)
	f.must(f.api.UploadServerCertificate(f.ctx, &awsiam.UploadServerCertificateInput{ServerCertificateName: aws.String("legacy"),
		CertificateBody: aws.String("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"), PrivateKey: aws.String("key"), Path: aws.String("/cloudfront/")}))
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListServerCertificateTags": func(any) (any, error) {
			return &awsiam.ListServerCertificateTagsOutput{Tags: iamTags("Team", "web")}, nil
		},
	})})
	got := iamRun(t, cfg, "server-certificate")
	collecttest.AssertNoWarnings(t, got)
	c := got.ByID()["legacy"]
	wantDetails(t, c, map[string]any{"path": "/cloudfront/"})
	if c.Tags["Team"] != "web" || c.ARN == "" || c.Details["server_certificate_id"] == "" {
		t.Errorf("certificate: %+v", c)
	}
	got = iamRun(t, collecttest.Config(t, "us-east-1", nil), "server-certificate")
	if len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 {
		t.Errorf("want the certificate and a warning without the tag call: %v", got.Task.Warnings())
	}
}

func TestIamProvidersDenied(t *testing.T) {
	iamSetup(t)
	for typ, op := range map[string]string{"saml-provider": "ListSAMLProviders", "oidc-provider": "ListOpenIDConnectProviders",
		"server-certificate": "ListServerCertificates", "virtual-mfa-device": "ListVirtualMFADevices"} {
		cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, model.GlobalRegion))
	}
}
