// Package accessanalyzer collects IAM Access Analyzer analyzers and their
// archive rules. A region without an analyzer has Access Analyzer off:
// both collections are recorded unsupported with the code NotEnabled.
package accessanalyzer

import (
	"context"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/accessanalyzer"
	"github.com/aws/aws-sdk-go-v2/service/accessanalyzer/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the IAM Access Analyzer collector.
var Service = &collect.Service{
	Name:        "accessanalyzer",
	Description: "IAM Access Analyzer analyzers and archive rules",
	Types: []collect.Type{
		{Name: "analyzer", Description: "analyzer (id = name) of external, unused or internal access; none: unsupported, code NotEnabled",
			Fields: analyzerFields.Declared(), Tags: collect.TagsListed, Collect: analyzers},
		{Name: "archive-rule", Description: "archive rule of an analyzer (id = analyzer/rule): findings it matches are archived, unseen",
			Fields: ruleFields.Declared(), Tags: collect.NotTaggable, Collect: archiveRules},
	},
	Calls: "ListAnalyzers (tags included) once for both types; archive-rule: per analyzer ListArchiveRules",
	Relations: []collect.Relation{
		{From: "archive-rule", Kind: "of-analyzer", To: "accessanalyzer/analyzer"},
	},
}

// listAnalyzers lists the region's analyzers, once for both types; none
// is NotEnabled.
func listAnalyzers(ctx context.Context, t *collect.Task, api *accessanalyzer.Client) ([]types.AnalyzerSummary, error) {
	p := accessanalyzer.NewListAnalyzersPaginator(api, &accessanalyzer.ListAnalyzersInput{MaxResults: t.PageSize(100)})
	out, err := collect.ReuseItems(ctx, t, "ListAnalyzers", p, func(page *accessanalyzer.ListAnalyzersOutput) []types.AnalyzerSummary { return page.Analyzers })
	if err == nil && len(out) == 0 {
		return nil, awsx.NotEnabled("ListAnalyzers", "IAM Access Analyzer", t.Region)
	}
	return out, err
}

var analyzerFields = collect.Fields[types.AnalyzerSummary]{
	collect.Enum("analyzer_type", "ACCOUNT or ORGANIZATION (external access), ACCOUNT_UNUSED_ACCESS, ORGANIZATION_UNUSED_ACCESS, ACCOUNT_INTERNAL_ACCESS, ...",
		func(a types.AnalyzerSummary) types.Type { return a.Type }),
	collect.Enum("status", "ACTIVE, CREATING, DISABLED or FAILED", func(a types.AnalyzerSummary) types.AnalyzerStatus { return a.Status }),
	collect.Computed("status_reason", model.Text, "why the analyzer is not active", func(a types.AnalyzerSummary) any {
		if a.StatusReason == nil {
			return ""
		}
		return string(a.StatusReason.Code)
	}),
	collect.Timestamp("last_resource_analyzed_at", "when a resource was last analyzed", func(a types.AnalyzerSummary) *time.Time { return a.LastResourceAnalyzedAt }),
}

func analyzers(ctx context.Context, t *collect.Task) error {
	list, err := listAnalyzers(ctx, t, accessanalyzer.NewFromConfig(t.Config))
	for _, a := range list {
		name := aws.ToString(a.Name)
		t.Emit(&model.Resource{Key: t.Key("analyzer", name), Name: name, ARN: aws.ToString(a.Arn), CreatedAt: model.Time(a.CreatedAt), Tags: a.Tags,
			Details: analyzerFields.Details(a)})
	}
	return err
}

var ruleFields = collect.Fields[types.ArchiveRuleSummary]{
	collect.Computed("filter_keys", model.JSON, "finding attributes the rule matches on (resourceType, principal.AWS, isPublic...)", func(r types.ArchiveRuleSummary) any {
		keys := make([]string, 0, len(r.Filter))
		for k := range r.Filter {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		return keys
	}),
	collect.Timestamp("updated_at", "last change of the rule", func(r types.ArchiveRuleSummary) *time.Time { return r.UpdatedAt }),
}

func archiveRules(ctx context.Context, t *collect.Task) error {
	api := accessanalyzer.NewFromConfig(t.Config)
	list, err := listAnalyzers(ctx, t, api)
	if err != nil {
		return err
	}
	for _, a := range list {
		analyzer := aws.ToString(a.Name)
		p := accessanalyzer.NewListArchiveRulesPaginator(api, &accessanalyzer.ListArchiveRulesInput{AnalyzerName: a.Name, MaxResults: t.PageSize(100)})
		err := collect.EachPage(ctx, p, func(page *accessanalyzer.ListArchiveRulesOutput) error {
			for _, r := range page.ArchiveRules {
				name := aws.ToString(r.RuleName)
				key := t.Key("archive-rule", analyzer+"/"+name)
				t.Emit(&model.Resource{Key: key, Name: name, CreatedAt: model.Time(r.CreatedAt), Details: ruleFields.Details(r)})
				t.Relate(key, "of-analyzer", t.Key("analyzer", analyzer))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
