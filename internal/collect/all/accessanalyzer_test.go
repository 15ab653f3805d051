package all_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/accessanalyzer"
	"github.com/aws/aws-sdk-go-v2/service/accessanalyzer/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/accessanalyzer"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var accessanalyzerCreated = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func accessanalyzerArn(name string) *string {
	return aws.String("arn:aws:access-analyzer:" + region + ":" + collecttest.MotoAccount + ":analyzer/" + name)
}

// estate cans Access Analyzer, which moto 5.2.1 does not serve: two
// analyzers over two pages, the first with two archive rules.
var accessanalyzerEstate = map[string]func(any) (any, error){
	"ListAnalyzers": func(in any) (any, error) {
		if aws.ToString(in.(*accessanalyzer.ListAnalyzersInput).NextToken) == "" {
			return &accessanalyzer.ListAnalyzersOutput{NextToken: aws.String("2"), Analyzers: []types.AnalyzerSummary{{Name: aws.String("org"), Arn: accessanalyzerArn("org"),
				Type: types.TypeOrganization, Status: types.AnalyzerStatusActive, CreatedAt: &accessanalyzerCreated, LastResourceAnalyzedAt: &accessanalyzerCreated, Tags: map[string]string{"Team": "sec"}}}}, nil
		}
		return &accessanalyzer.ListAnalyzersOutput{Analyzers: []types.AnalyzerSummary{{Name: aws.String("unused"), Arn: accessanalyzerArn("unused"),
			Type: types.TypeAccountUnusedAccess, Status: types.AnalyzerStatusFailed, StatusReason: &types.StatusReason{Code: types.ReasonCodeServiceLinkedRoleCreationFailed}}}}, nil
	},
	"ListArchiveRules": func(in any) (any, error) {
		if aws.ToString(in.(*accessanalyzer.ListArchiveRulesInput).AnalyzerName) != "org" {
			return &accessanalyzer.ListArchiveRulesOutput{}, nil
		}
		return &accessanalyzer.ListArchiveRulesOutput{ArchiveRules: []types.ArchiveRuleSummary{
			{RuleName: aws.String("trusted-partner"), CreatedAt: &accessanalyzerCreated, UpdatedAt: &accessanalyzerCreated,
				Filter: map[string]types.Criterion{"principal.AWS": {Eq: []string{"999999999999"}}, "resourceType": {Eq: []string{"AWS::S3::Bucket"}}}},
			{RuleName: aws.String("public-ok"), Filter: map[string]types.Criterion{"isPublic": {Eq: []string{"true"}}}}}}, nil
	},
}

func accessanalyzerRun(t *testing.T, typ string, answers map[string]func(any) (any, error)) collecttest.Result {
	t.Helper()
	collecttest.Setup(t)
	return collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(answers)}), collector.Service, typ, region)
}

func TestAccessanalyzerAnalyzers(t *testing.T) {
	got := accessanalyzerRun(t, "analyzer", accessanalyzerEstate)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("analyzers: %v %v", got.Err, got.Resources)
	}
	o := got.ByID()["org"]
	if o.ARN != *accessanalyzerArn("org") || o.Tags["Team"] != "sec" || o.CreatedAt != "2026-06-01T00:00:00Z" || o.Details["analyzer_type"] != "ORGANIZATION" || o.Details["status"] != "ACTIVE" {
		t.Errorf("org: %+v", o)
	}
	if d := got.ByID()["unused"].Details; d["status"] != "FAILED" || d["status_reason"] != "SERVICE_LINKED_ROLE_CREATION_FAILED" {
		t.Errorf("unused: %v", d)
	}
}

func TestAccessanalyzerArchiveRules(t *testing.T) {
	got := accessanalyzerRun(t, "archive-rule", accessanalyzerEstate)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("rules: %v %v", got.Err, got.Resources)
	}
	r := got.ByID()["org/trusted-partner"]
	if r.Name != "trusted-partner" || r.CreatedAt == "" {
		t.Errorf("rule: %+v", r)
	}
	if keys, _ := r.Details["filter_keys"].([]string); len(keys) != 2 || keys[0] != "principal.AWS" {
		t.Errorf("filter keys: %v", r.Details["filter_keys"])
	}
	collecttest.HasEdges(t, got, "org/trusted-partner -of-analyzer-> accessanalyzer/analyzer:org")
}

func TestAccessanalyzerNotEnabledAndDenied(t *testing.T) {
	none := map[string]func(any) (any, error){"ListAnalyzers": func(any) (any, error) { return &accessanalyzer.ListAnalyzersOutput{}, nil }}
	for _, typ := range []string{"analyzer", "archive-rule"} {
		got := accessanalyzerRun(t, typ, none)
		if awsx.Classify(got.Err) != awsx.Unsupported || awsx.ErrorMessage(got.Err) != "IAM Access Analyzer is not enabled in eu-west-1" {
			t.Errorf("%s: want NotEnabled, got %v", typ, got.Err)
		}
		collecttest.AssertDenied(t, accessanalyzerRun(t, typ, map[string]func(any) (any, error){"ListAnalyzers": collecttest.Denied("ListAnalyzers")}))
	}
	denied := map[string]func(any) (any, error){"ListAnalyzers": accessanalyzerEstate["ListAnalyzers"], "ListArchiveRules": collecttest.Denied("ListArchiveRules")}
	collecttest.AssertDenied(t, accessanalyzerRun(t, "archive-rule", denied))
}
