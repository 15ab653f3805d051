package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	r53d "github.com/aws/aws-sdk-go-v2/service/route53domains"
	"github.com/aws/aws-sdk-go-v2/service/route53domains/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/route53domains"
	"github.com/awsmap/awsmap/internal/model"
)

var route53domainsPaged = collecttest.Paged{Cap: 2}

// tagged cans ListTagsForDomain, which moto 5.2.1 lacks: every domain is
// tagged owner=web.
var route53domainsTagged = collecttest.Canned(map[string]func(any) (any, error){
	"ListTagsForDomain": func(any) (any, error) {
		return &r53d.ListTagsForDomainOutput{TagList: []types.Tag{{Key: aws.String("owner"), Value: aws.String("web")}}}, nil
	},
})

func TestRoute53domainsDomains(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	api := r53d.NewFromConfig(collecttest.Config(t, "us-east-1", nil))
	contact := &types.ContactDetail{FirstName: aws.String("Ada"), LastName: aws.String("L"), ContactType: types.ContactTypePerson,
		AddressLine1: aws.String("1 Main St"), City: aws.String("London"), CountryCode: types.CountryCodeGb, ZipCode: aws.String("N1"),
		Email: aws.String("ada@example.com"), PhoneNumber: aws.String("+44.1234567")}
	for i := range 3 {
		_, err := api.RegisterDomain(ctx, &r53d.RegisterDomainInput{DomainName: aws.String(fmt.Sprintf("shop%d.com", i)), DurationInYears: aws.Int32(2),
			AdminContact: contact, RegistrantContact: contact, TechContact: contact, AutoRenew: aws.Bool(i != 1),
			PrivacyProtectRegistrantContact: aws.Bool(i != 1), PrivacyProtectAdminContact: aws.Bool(true), PrivacyProtectTechContact: aws.Bool(true)})
		if err != nil {
			t.Fatal(err)
		}
	}
	got := route53domainsPaged.Run(t, collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: route53domainsTagged}), collector.Service, "domain", model.GlobalRegion)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	d := got.ByID()["shop1.com"]
	if len(got.Resources) != 3 || d == nil {
		t.Fatalf("want 3 domains over pages, got %d", len(got.Resources))
	}
	if d.Details["auto_renew"] != false || d.Details["registrant_privacy"] != false || d.Details["admin_privacy"] != true ||
		d.Details["expires_at"] == "" || d.Tags["owner"] != "web" || d.Region != model.GlobalRegion {
		t.Errorf("shop1.com: %+v", d)
	}
	if got.ByID()["shop0.com"].Details["registrant_privacy"] != true {
		t.Errorf("shop0.com: %v", got.ByID()["shop0.com"].Details)
	}
	for k, v := range d.Details {
		if fmt.Sprint(v) == "ada@example.com" || fmt.Sprint(v) == "1 Main St" {
			t.Errorf("contact detail stored in %s", k)
		}
	}

	// A denied detail read keeps the domain, its privacy unknown.
	denied := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Chain(collecttest.Deny("GetDomainDetail"), route53domainsTagged)})
	got = route53domainsPaged.Run(t, denied, collector.Service, "domain", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want 3 domains and 3 warnings: %v %d %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
	if _, known := got.ByID()["shop1.com"].Details["registrant_privacy"]; known {
		t.Errorf("privacy stored without the detail: %v", got.ByID()["shop1.com"].Details)
	}
}

func TestRoute53domainsDomainsDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny("ListDomains")})
	collecttest.AssertDenied(t, route53domainsPaged.Run(t, cfg, collector.Service, "domain", model.GlobalRegion))
}
