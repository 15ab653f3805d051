package all_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sar "github.com/aws/aws-sdk-go-v2/service/serverlessapplicationrepository"
	"github.com/aws/aws-sdk-go-v2/service/serverlessapplicationrepository/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/serverlessrepo"
)

var serverlessrepoPaged = collecttest.Paged{Cap: 2}

const serverlessrepoRegion = "us-east-1"

func serverlessrepoAppARN(name string) string {
	return "arn:aws:serverlessrepo:us-east-1:" + collecttest.MotoAccount + ":applications/" + name
}

// answers can the repository, which moto lacks: a public application, one
// shared with an account and a private one, over two pages.
func serverlessrepoAnswers() map[string]func(any) (any, error) {
	return map[string]func(any) (any, error){
		"ListApplications": func(in any) (any, error) {
			if in.(*sar.ListApplicationsInput).NextToken == nil {
				return &sar.ListApplicationsOutput{NextToken: aws.String("2"), Applications: []types.ApplicationSummary{
					{ApplicationId: aws.String(serverlessrepoAppARN("resizer")), Name: aws.String("resizer"), Author: aws.String("media"), SpdxLicenseId: aws.String("MIT"),
						CreationTime: aws.String("2026-01-20T10:00:00.000Z")},
					{ApplicationId: aws.String(serverlessrepoAppARN("exporter")), Name: aws.String("exporter")}}}, nil
			}
			return &sar.ListApplicationsOutput{Applications: []types.ApplicationSummary{{ApplicationId: aws.String(serverlessrepoAppARN("internal")), Name: aws.String("internal")}}}, nil
		},
		"GetApplicationPolicy": func(in any) (any, error) {
			switch aws.ToString(in.(*sar.GetApplicationPolicyInput).ApplicationId) {
			case serverlessrepoAppARN("resizer"):
				return &sar.GetApplicationPolicyOutput{Statements: []types.ApplicationPolicyStatement{{Principals: []string{"*"}, Actions: []string{"Deploy"}}}}, nil
			case serverlessrepoAppARN("exporter"):
				return &sar.GetApplicationPolicyOutput{Statements: []types.ApplicationPolicyStatement{{Principals: []string{"111122223333"}, Actions: []string{"Deploy"}}}}, nil
			}
			return &sar.GetApplicationPolicyOutput{}, nil
		},
	}
}

func TestServerlessrepoApplications(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, serverlessrepoRegion, awsx.Options{Responder: collecttest.Canned(serverlessrepoAnswers())})
	got := serverlessrepoPaged.Run(t, cfg, collector.Service, "application", serverlessrepoRegion)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("applications: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	r := got.ByID()[serverlessrepoAppARN("resizer")]
	if r.Name != "resizer" || r.ARN != serverlessrepoAppARN("resizer") || r.CreatedAt != "2026-01-20T10:00:00Z" || r.Details["public"] != true || r.Details["license"] != "MIT" {
		t.Errorf("resizer: %+v", r)
	}
	e := got.ByID()[serverlessrepoAppARN("exporter")]
	if s, _ := e.Details["shared_with"].([]string); e.Details["public"] != false || len(s) != 1 || s[0] != "111122223333" {
		t.Errorf("exporter: %v", e.Details)
	}
	if s, _ := got.ByID()[serverlessrepoAppARN("internal")].Details["shared_with"].([]string); s == nil || len(s) != 0 {
		t.Errorf("internal: %v", got.ByID()[serverlessrepoAppARN("internal")].Details)
	}
}

func TestServerlessrepoDenied(t *testing.T) {
	collecttest.Setup(t)
	denied := serverlessrepoAnswers()
	denied["ListApplications"] = collecttest.Denied("ListApplications")
	cfg := collecttest.ConfigWith(t, serverlessrepoRegion, awsx.Options{Responder: collecttest.Canned(denied)})
	collecttest.AssertDenied(t, serverlessrepoPaged.Run(t, cfg, collector.Service, "application", serverlessrepoRegion))
	denied = serverlessrepoAnswers()
	denied["GetApplicationPolicy"] = collecttest.Denied("GetApplicationPolicy")
	cfg = collecttest.ConfigWith(t, serverlessrepoRegion, awsx.Options{Responder: collecttest.Canned(denied)})
	got := serverlessrepoPaged.Run(t, cfg, collector.Service, "application", serverlessrepoRegion)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 || got.ByID()[serverlessrepoAppARN("resizer")].Details["public"] != nil {
		t.Fatalf("want applications with unknown sharing and a warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
