// Package wafv2 collects AWS WAF (v2) web ACLs, IP sets, regex pattern sets and rule groups.
//
// WAF has two scopes. REGIONAL resources (protecting load balancers, API
// Gateway stages, AppSync, Cognito...) live in each region. CLOUDFRONT
// resources are global but served only by us-east-1: the us-east-1
// collection lists them too, so they are stored in us-east-1 with the field
// scope = CLOUDFRONT (awsmap's Scope stays Regional for the service).
package wafv2

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/wafv2"
	"github.com/aws/aws-sdk-go-v2/service/wafv2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the WAF v2 collector.
var Service = &collect.Service{
	Name:        "wafv2",
	Description: "AWS WAF web ACLs, IP sets, regex pattern sets and rule groups (CloudFront scope listed in us-east-1)",
	Types: []collect.Type{
		{Name: "web-acl", Description: "WAF web ACL (id = the ACL id); protects load balancers through `protects` relationships",
			Fields: webACLFields.Declared(), Tags: collect.TagsPerResource, Collect: webACLs, DetailCalls: 4},
		{Name: "ip-set", Description: "WAF IP set (id = the set id)", Fields: ipSetFields.Declared(), Tags: collect.TagsPerResource, Collect: ipSets, DetailCalls: 2},
		{Name: "rule-group", Description: "WAF rule group of the account (id = the group id)", Fields: ruleGroupFields.Declared(),
			Tags: collect.TagsPerResource, Collect: ruleGroups, DetailCalls: 2},
		{Name: "regex-pattern-set", Description: "WAF regex pattern set (id = the set id)", Fields: regexSetFields.Declared(),
			Tags: collect.TagsPerResource, Collect: regexPatternSets, DetailCalls: 2},
	},
	Calls: "per scope (REGIONAL; CLOUDFRONT too in us-east-1): web-acl: ListWebACLs + per ACL GetWebACL, GetLoggingConfiguration, " +
		"ListTagsForResource and, REGIONAL only, ListResourcesForWebACL (application load balancers). ip-set: ListIPSets + per set GetIPSet, " +
		"ListTagsForResource. rule-group: ListRuleGroups + per group GetRuleGroup, ListTagsForResource. " +
		"regex-pattern-set: ListRegexPatternSets + per set GetRegexPatternSet, ListTagsForResource",
	Relations: []collect.Relation{
		{From: "web-acl", Kind: "protects", To: "elbv2/load-balancer"},
		{From: "web-acl", Kind: "uses", To: "wafv2/ip-set"},
		{From: "web-acl", Kind: "uses", To: "wafv2/rule-group"},
		{From: "web-acl", Kind: "logs-to", To: "logs/log-group"},
		{From: "rule-group", Kind: "uses", To: "wafv2/ip-set"},
		{From: "rule-group", Kind: "uses", To: "wafv2/regex-pattern-set"},
		{From: "web-acl", Kind: "uses", To: "wafv2/regex-pattern-set"},
	},
}

func client(t *collect.Task) *wafv2.Client { return wafv2.NewFromConfig(t.Config) }

// scopes are the WAF scopes a task lists: CloudFront's only in us-east-1
// of the commercial partition, where AWS serves it.
func scopes(t *collect.Task) []types.Scope {
	if t.Region == "us-east-1" && t.Partition() == "aws" {
		return []types.Scope{types.ScopeRegional, types.ScopeCloudfront}
	}
	return []types.Scope{types.ScopeRegional}
}

// listAll pages a WAF list call (they take NextMarker and have no SDK
// paginator) in every scope of t, running fn on each page.
func listAll[S any](ctx context.Context, t *collect.Task,
	list func(ctx context.Context, scope types.Scope, limit *int32, next *string) ([]S, *string, error),
	fn func(ctx context.Context, scope types.Scope, items []S)) error {
	for _, scope := range scopes(t) {
		var next *string
		for {
			items, marker, err := list(ctx, scope, t.PageSize(100), next)
			if err != nil {
				return err
			}
			fn(ctx, scope, items)
			if aws.ToString(marker) == "" || len(items) == 0 {
				break
			}
			next = marker
		}
	}
	return nil
}

// tagsOf reads a WAF resource's tags; a failure is a warning.
func tagsOf(ctx context.Context, t *collect.Task, api *wafv2.Client, arn string) map[string]string {
	tags := map[string]string{}
	var next *string
	for {
		out, err := api.ListTagsForResource(ctx, &wafv2.ListTagsForResourceInput{ResourceARN: aws.String(arn), NextMarker: next})
		if err != nil {
			t.Warn("ListTagsForResource", err)
			return tags
		}
		if out.TagInfoForResource != nil {
			for _, tg := range out.TagInfoForResource.TagList {
				tags[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
			}
		}
		if next = out.NextMarker; aws.ToString(next) == "" {
			return tags
		}
	}
}

// emit sends a WAF resource of type typ found in scope.
func emit(t *collect.Task, typ, id, arn, name string, tags map[string]string, details map[string]any) model.Key {
	key := t.Key(typ, id)
	t.Emit(&model.Resource{Key: key, ARN: arn, Name: name, Tags: tags, Details: details})
	return key
}

// isNonexistent reports WAF's "no such thing" answer (a web ACL without
// logging), which its code does not spell as NotFound.
func isNonexistent(err error) bool {
	return err != nil && strings.Contains(err.Error(), "WAFNonexistentItemException")
}

// references are the IP sets, regex pattern sets and rule groups rules
// point to, by ARN.
func references(rules []types.Rule) []string {
	var out []string
	var walk func(s *types.Statement)
	walk = func(s *types.Statement) {
		if s == nil {
			return
		}
		if r := s.IPSetReferenceStatement; r != nil {
			out = append(out, aws.ToString(r.ARN))
		}
		if r := s.RuleGroupReferenceStatement; r != nil {
			out = append(out, aws.ToString(r.ARN))
		}
		if r := s.RegexPatternSetReferenceStatement; r != nil {
			out = append(out, aws.ToString(r.ARN))
		}
		if s.AndStatement != nil {
			for i := range s.AndStatement.Statements {
				walk(&s.AndStatement.Statements[i])
			}
		}
		if s.OrStatement != nil {
			for i := range s.OrStatement.Statements {
				walk(&s.OrStatement.Statements[i])
			}
		}
		if s.NotStatement != nil {
			walk(s.NotStatement.Statement)
		}
		if s.RateBasedStatement != nil {
			walk(s.RateBasedStatement.ScopeDownStatement)
		}
	}
	for _, r := range rules {
		walk(r.Statement)
	}
	return out
}

// relateReferences links from to the sets and rule groups its rules use:
// arn:aws:wafv2:REGION:ACCOUNT:SCOPE/ipset/NAME/ID.
func relateReferences(t *collect.Task, from model.Key, rules []types.Rule) {
	for _, arn := range references(rules) {
		parts := strings.Split(arn, ":")
		if len(parts) < 6 {
			continue
		}
		region, account, path := parts[3], parts[4], strings.Split(parts[5], "/")
		if len(path) != 4 {
			continue
		}
		if region == "" { // CloudFront-scoped ARNs name us-east-1
			region = "us-east-1"
		}
		typ := map[string]string{"ipset": "ip-set", "rulegroup": "rule-group", "regexpatternset": "regex-pattern-set"}[path[1]]
		if typ != "" {
			t.Relate(from, "uses", model.Key{Account: account, Region: region, Service: "wafv2", Type: typ, ID: path[3]})
		}
	}
}
