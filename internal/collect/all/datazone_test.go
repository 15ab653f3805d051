package all_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/datazone"
	"github.com/aws/aws-sdk-go-v2/service/datazone/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/datazone"
)

var datazonePaged = collecttest.Paged{Cap: 2}

// answers can DataZone, which moto lacks: three domains over two pages.
func datazoneAnswers() map[string]func(any) (any, error) {
	summary := func(id string) types.DomainSummary {
		return types.DomainSummary{Id: aws.String(id), Name: aws.String("name-" + id), Arn: aws.String("arn:aws:datazone:eu-west-1:" + account + ":domain/" + id),
			CreatedAt: aws.Time(time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC))}
	}
	return map[string]func(any) (any, error){
		"ListDomains": func(in any) (any, error) {
			if in.(*datazone.ListDomainsInput).NextToken == nil {
				return &datazone.ListDomainsOutput{NextToken: aws.String("2"), Items: []types.DomainSummary{summary("dzd_1"), summary("dzd_2")}}, nil
			}
			return &datazone.ListDomainsOutput{Items: []types.DomainSummary{summary("dzd_3")}}, nil
		},
		"GetDomain": func(in any) (any, error) {
			id := aws.ToString(in.(*datazone.GetDomainInput).Identifier)
			out := &datazone.GetDomainOutput{Id: aws.String(id), Status: types.DomainStatusAvailable, DomainVersion: types.DomainVersionV2,
				DomainExecutionRole: aws.String("arn:aws:iam::" + account + ":role/dz-exec"), PortalUrl: aws.String("https://" + id + ".datazone.aws"),
				Tags: map[string]string{"domain": id}}
			if id == "dzd_1" {
				out.KmsKeyIdentifier = aws.String("arn:aws:kms:eu-west-1:" + account + ":key/k-1")
				out.SingleSignOn = &types.SingleSignOn{Type: types.AuthTypeIamIdc}
			}
			return out, nil
		},
	}
}

func TestDatazoneDomains(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(datazoneAnswers())})
	got := datazonePaged.Run(t, cfg, collector.Service, "domain", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("domains: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	d := got.ByID()["dzd_1"]
	for k, v := range map[string]any{"status": "AVAILABLE", "version": "V2", "sso": "IAM_IDC", "kms_key": "arn:aws:kms:eu-west-1:" + account + ":key/k-1"} {
		if d.Details[k] != v {
			t.Errorf("dzd_1 details[%s] = %v, want %v", k, d.Details[k], v)
		}
	}
	if d.Name != "name-dzd_1" || d.Tags["domain"] != "dzd_1" || d.CreatedAt != "2026-08-01T00:00:00Z" {
		t.Errorf("dzd_1: %+v", d)
	}
	if s := got.ByID()["dzd_3"].Details["sso"]; s != "" {
		t.Errorf("dzd_3 sso %v", s)
	}
	collecttest.HasEdges(t, got, "dzd_1 -assumes-role-> iam/role:dz-exec", "dzd_1 -encrypted-with-> kms/key:k-1")
}

func TestDatazoneDenied(t *testing.T) {
	collecttest.Setup(t)
	denied := datazoneAnswers()
	denied["ListDomains"] = collecttest.Denied("ListDomains")
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(denied)})
	collecttest.AssertDenied(t, datazonePaged.Run(t, cfg, collector.Service, "domain", region))
	denied = datazoneAnswers()
	denied["GetDomain"] = collecttest.Denied("GetDomain")
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(denied)})
	got := datazonePaged.Run(t, cfg, collector.Service, "domain", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 || len(got.ByID()["dzd_1"].Details) != 0 {
		t.Fatalf("want domains without details and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
