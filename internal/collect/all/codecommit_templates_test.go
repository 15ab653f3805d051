package all_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codecommit"
	"github.com/aws/aws-sdk-go-v2/service/codecommit/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/codecommit"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

// templatesCanned answers approval rule templates, which moto lacks: three
// templates over two pages; t0 applies to three repositories over two pages.
var templatesCanned = map[string]func(any) (any, error){
	"ListApprovalRuleTemplates": func(in any) (any, error) {
		page, next := collecttest.Page([]string{"t0", "t1", "t2"}, in.(*codecommit.ListApprovalRuleTemplatesInput).NextToken, 2)
		return &codecommit.ListApprovalRuleTemplatesOutput{ApprovalRuleTemplateNames: page, NextToken: next}, nil
	},
	"GetApprovalRuleTemplate": func(in any) (any, error) {
		name := aws.ToString(in.(*codecommit.GetApprovalRuleTemplateInput).ApprovalRuleTemplateName)
		return &codecommit.GetApprovalRuleTemplateOutput{ApprovalRuleTemplate: &types.ApprovalRuleTemplate{ApprovalRuleTemplateName: aws.String(name),
			ApprovalRuleTemplateDescription: aws.String("two approvals on main"), CreationDate: &codecommitCreated, LastModifiedDate: &codecommitCreated,
			ApprovalRuleTemplateContent: aws.String(`{"Version":"2018-11-08","DestinationReferences":["refs/heads/main"],"Statements":[{"Type":"Approvers","NumberOfApprovalsNeeded":2}]}`)}}, nil
	},
	"ListRepositoriesForApprovalRuleTemplate": func(in any) (any, error) {
		input := in.(*codecommit.ListRepositoriesForApprovalRuleTemplateInput)
		var all []string
		if aws.ToString(input.ApprovalRuleTemplateName) == "t0" {
			all = []string{"repo1", "repo2", "repo3"}
		}
		page, next := collecttest.Page(all, input.NextToken, 2)
		return &codecommit.ListRepositoriesForApprovalRuleTemplateOutput{RepositoryNames: page, NextToken: next}, nil
	},
}

func TestCodecommitApprovalRuleTemplates(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(templatesCanned)})
	got := collecttest.Run(t, cfg, collector.Service, "approval-rule-template", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("templates: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	r := got.ByID()["t0"]
	if r == nil || r.CreatedAt != "2026-10-01T00:00:00Z" || r.Details["description"] != "two approvals on main" ||
		fmt.Sprint(r.Details["repositories"]) != "[repo1 repo2 repo3]" || fmt.Sprint(r.Details["content"].(map[string]any)["DestinationReferences"]) != "[refs/heads/main]" {
		t.Fatalf("template: %+v", r)
	}
	if fmt.Sprint(got.ByID()["t1"].Details["repositories"]) != "[]" {
		t.Errorf("t1 applies to no repository: %v", got.ByID()["t1"].Details)
	}
	collecttest.HasEdges(t, got, "t0 -applies-to-> codecommit/repository:repo1", "t0 -applies-to-> codecommit/repository:repo3")
	if len(got.Edges()) != 3 {
		t.Errorf("edges: %v", got.Edges())
	}

	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny("ListApprovalRuleTemplates"), collecttest.Canned(templatesCanned))})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "approval-rule-template", region))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny("ListRepositoriesForApprovalRuleTemplate"), collecttest.Canned(templatesCanned))})
	got = collecttest.Run(t, cfg, collector.Service, "approval-rule-template", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("a denied association listing is a warning per template: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if _, ok := got.ByID()["t0"].Details["repositories"]; ok {
		t.Errorf("repositories are unknown, not empty: %v", got.ByID()["t0"].Details)
	}
}
