package all_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsacm "github.com/aws/aws-sdk-go-v2/service/acm"
	acmtypes "github.com/aws/aws-sdk-go-v2/service/acm/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	collector "github.com/awsmap/awsmap/internal/collect/acm"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

// create requests six certificates and returns the ARN of www.example.com.
func acmCreate(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	api := awsacm.NewFromConfig(collecttest.Config(t, "eu-west-1", nil))
	for i := range 5 {
		if _, err := api.RequestCertificate(ctx, &awsacm.RequestCertificateInput{DomainName: aws.String(fmt.Sprintf("host%d.example.com", i))}); err != nil {
			t.Fatal(err)
		}
	}
	out, err := api.RequestCertificate(ctx, &awsacm.RequestCertificateInput{DomainName: aws.String("www.example.com"),
		SubjectAlternativeNames: []string{"www.example.com", "example.com"}, KeyAlgorithm: acmtypes.KeyAlgorithmEcPrime256v1,
		Tags: []acmtypes.Tag{{Key: aws.String("Owner"), Value: aws.String("team-a")}}})
	if err != nil {
		t.Fatal(err)
	}
	return aws.ToString(out.CertificateArn)
}

func TestAcmCertificates(t *testing.T) {
	collecttest.Setup(t)
	arn := acmCreate(t)
	got := collecttest.Run(t, collecttest.Config(t, "eu-west-1", nil), collector.Service, "certificate", "eu-west-1")
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 certificates, got %d", len(byID))
	}
	c := byID[collect.ARNResourceName(arn)]
	if c == nil {
		t.Fatalf("certificate %s missing from %v", arn, byID)
	}
	want := map[string]any{"domain_name": "www.example.com", "type": "AMAZON_ISSUED", "in_use": false,
		"in_use_by": "[]"}
	for k, v := range want {
		if fmt.Sprint(c.Details[k]) != fmt.Sprint(v) {
			t.Errorf("details[%s] = %v, want %v", k, c.Details[k], v)
		}
	}
	// Moto returns the names in no fixed order.
	if sans, _ := c.Details["subject_alternative_names"].([]string); !slices.Equal(slices.Sorted(slices.Values(sans)), []string{"example.com", "www.example.com"}) {
		t.Errorf("subject_alternative_names = %v", c.Details["subject_alternative_names"])
	}
	if c.Details["status"] == "" || c.ARN != arn || c.Name != "www.example.com" || c.Tags["Owner"] != "team-a" || c.CreatedAt == "" {
		t.Errorf("identity fields wrong: %+v", c)
	}
}

func TestAcmCertificatesDenied(t *testing.T) {
	collecttest.Setup(t)
	arn := acmCreate(t)
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("ListCertificates")})
	got := collecttest.Run(t, cfg, collector.Service, "certificate", "eu-west-1")
	collecttest.AssertDenied(t, got)

	cfg = collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("DescribeCertificate")})
	got = collecttest.Run(t, cfg, collector.Service, "certificate", "eu-west-1")
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	c := got.ByID()[collect.ARNResourceName(arn)]
	if c == nil || c.Details["domain_name"] != "www.example.com" || len(got.Task.Warnings()) == 0 {
		t.Fatalf("want the certificate from its summary and a warning: %+v %v", c, got.Task.Warnings())
	}
	if _, ok := c.Details["in_use_by"]; ok {
		t.Errorf("in_use_by set without DescribeCertificate: %v", c.Details)
	}
}
