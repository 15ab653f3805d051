package all_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/signer"
	"github.com/aws/aws-sdk-go-v2/service/signer/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/signer"
)

func signerArn(name string) *string {
	return aws.String("arn:aws:signer:" + region + ":" + collecttest.MotoAccount + ":/signing-profiles/" + name)
}

const cert = "arn:aws:acm:eu-west-1:123456789012:certificate/c-1"

// profiles cans ListSigningProfiles, which moto 5.2.1 lacks, over two pages.
var profiles = collecttest.Canned(map[string]func(any) (any, error){
	"ListSigningProfiles": func(in any) (any, error) {
		if aws.ToString(in.(*signer.ListSigningProfilesInput).NextToken) == "" {
			return &signer.ListSigningProfilesOutput{NextToken: aws.String("2"), Profiles: []types.SigningProfile{
				{ProfileName: aws.String("lambda_prod"), Arn: signerArn("lambda_prod"), PlatformId: aws.String("AWSLambda-SHA384-ECDSA"), Status: types.SigningProfileStatusActive,
					ProfileVersion: aws.String("v1"), SignatureValidityPeriod: &types.SignatureValidityPeriod{Type: types.ValidityTypeMonths, Value: 135},
					Tags: map[string]string{"Team": "platform"}}}}, nil
		}
		return &signer.ListSigningProfilesOutput{Profiles: []types.SigningProfile{
			{ProfileName: aws.String("iot"), Arn: signerArn("iot"), PlatformId: aws.String("AmazonFreeRTOS-Default"), Status: types.SigningProfileStatusRevoked,
				SigningMaterial: &types.SigningMaterial{CertificateArn: aws.String(cert)}}}}, nil
	},
})

func TestSignerSigningProfiles(t *testing.T) {
	collecttest.Setup(t)
	got := collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: profiles}), collector.Service, "signing-profile", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("profiles: %v %v", got.Err, got.Resources)
	}
	p := got.ByID()["lambda_prod"]
	if p.ARN != *signerArn("lambda_prod") || p.Tags["Team"] != "platform" || p.Details["signature_validity"] != "135 MONTHS" || p.Details["status"] != "Active" ||
		p.Details["platform_id"] != "AWSLambda-SHA384-ECDSA" || p.Details["certificate_arn"] != "" {
		t.Errorf("lambda_prod: %+v", p)
	}
	if d := got.ByID()["iot"].Details; d["status"] != "Revoked" || d["certificate_arn"] != cert || d["signature_validity"] != "" {
		t.Errorf("iot: %v", d)
	}
	collecttest.HasEdges(t, got, "iot -uses-certificate-> acm/certificate:c-1")
}

func TestSignerDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListSigningProfiles")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "signing-profile", region))
}
