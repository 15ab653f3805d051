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

// webACL is an ACL's summary with its detail answers (nil: that call failed).
type webACL struct {
	scope     types.Scope
	acl       *types.WebACL
	logging   *types.LoggingConfiguration
	logKnown  bool
	resources []string // ALB ARNs; nil when unknown or CLOUDFRONT
}

var scopeValues = collect.Values(types.Scope("").Values())

func hasACL(w webACL) bool           { return w.acl != nil }
func hasDefaultAction(w webACL) bool { return hasACL(w) && w.acl.DefaultAction != nil }
func hasLogging(w webACL) bool       { return w.logKnown }
func hasResources(w webACL) bool     { return w.resources != nil }

var webACLFields = collect.Fields[webACL]{
	{Name: "scope", Kind: model.Text, Description: "REGIONAL, or CLOUDFRONT (listed in us-east-1)", Values: scopeValues, Get: func(w webACL) any { return string(w.scope) }},
	collect.When(hasDefaultAction, collect.Computed("default_action", model.Text, "ALLOW or BLOCK: what happens to requests no rule matches", func(w webACL) any {
		if w.acl.DefaultAction.Block != nil {
			return "BLOCK"
		}
		return "ALLOW"
	})),
	collect.When(hasACL, collect.Computed("rule_count", model.Integer, "rules in the ACL", func(w webACL) any { return len(w.acl.Rules) })),
	collect.When(hasACL, collect.Computed("managed_rule_groups", model.JSON, "AWS or Marketplace managed rule groups used (VENDOR/NAME)", func(w webACL) any {
		out := []string{}
		for _, r := range w.acl.Rules {
			if m := r.Statement; m != nil && m.ManagedRuleGroupStatement != nil {
				out = append(out, aws.ToString(m.ManagedRuleGroupStatement.VendorName)+"/"+aws.ToString(m.ManagedRuleGroupStatement.Name))
			}
		}
		return out
	})),
	collect.When(hasACL, collect.Computed("capacity", model.Integer, "web ACL capacity units used", func(w webACL) any { return w.acl.Capacity })),
	collect.When(hasLogging, collect.Computed("logging_enabled", model.Boolean, "requests are logged (GetLoggingConfiguration)", func(w webACL) any { return w.logging != nil })),
	collect.When(hasResources, collect.Computed("associated_resources", model.JSON, "ARNs of the application load balancers it protects (REGIONAL scope)", func(w webACL) any {
		return w.resources
	})),
}

func webACLs(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return listAll(ctx, t, func(ctx context.Context, scope types.Scope, limit *int32, next *string) ([]types.WebACLSummary, *string, error) {
		out, err := api.ListWebACLs(ctx, &wafv2.ListWebACLsInput{Scope: scope, Limit: limit, NextMarker: next})
		if err != nil {
			return nil, nil, err
		}
		return out.WebACLs, out.NextMarker, nil
	}, func(ctx context.Context, scope types.Scope, acls []types.WebACLSummary) {
		collect.ForEach(ctx, acls, func(ctx context.Context, s types.WebACLSummary) { emitWebACL(ctx, t, api, scope, s) })
	})
}

func emitWebACL(ctx context.Context, t *collect.Task, api *wafv2.Client, scope types.Scope, s types.WebACLSummary) {
	w := webACL{scope: scope}
	arn := aws.ToString(s.ARN)
	if out, err := api.GetWebACL(ctx, &wafv2.GetWebACLInput{Id: s.Id, Name: s.Name, Scope: scope}); err != nil {
		t.Warn("GetWebACL", err)
	} else {
		w.acl = out.WebACL
	}
	switch out, err := api.GetLoggingConfiguration(ctx, &wafv2.GetLoggingConfigurationInput{ResourceArn: s.ARN}); {
	case isNonexistent(err):
		w.logKnown = true
	case err != nil:
		t.Warn("GetLoggingConfiguration", err)
	default:
		w.logging, w.logKnown = out.LoggingConfiguration, true
	}
	if scope == types.ScopeRegional {
		out, err := api.ListResourcesForWebACL(ctx, &wafv2.ListResourcesForWebACLInput{WebACLArn: s.ARN, ResourceType: types.ResourceTypeApplicationLoadBalancer})
		if err != nil {
			t.Warn("ListResourcesForWebACL", err)
		} else {
			w.resources = append([]string{}, out.ResourceArns...)
		}
	}
	key := emit(t, "web-acl", aws.ToString(s.Id), arn, aws.ToString(s.Name), tagsOf(ctx, t, api, arn), webACLFields.Details(w))
	for _, lb := range w.resources {
		// arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/app/NAME/ID
		if parts := strings.Split(lb, "/"); len(parts) == 4 {
			t.Relate(key, "protects", t.Ref("elbv2", "load-balancer", parts[2]))
		}
	}
	if w.acl != nil {
		relateReferences(t, key, w.acl.Rules)
	}
	if w.logging != nil {
		for _, dest := range w.logging.LogDestinationConfigs {
			if name := collect.LogGroupName(dest); name != "" {
				t.Relate(key, "logs-to", t.Ref("logs", "log-group", name))
			}
		}
	}
}

// ipSet is a set's summary with its GetIPSet answer (nil: failed).
type ipSet struct {
	scope types.Scope
	set   *types.IPSet
}

func hasIPSet(s ipSet) bool { return s.set != nil }

var ipSetFields = collect.Fields[ipSet]{
	{Name: "scope", Kind: model.Text, Description: "REGIONAL, or CLOUDFRONT (listed in us-east-1)", Values: scopeValues, Get: func(s ipSet) any { return string(s.scope) }},
	collect.When(hasIPSet, collect.Enum("ip_address_version", "IPV4 or IPV6", func(s ipSet) types.IPAddressVersion { return s.set.IPAddressVersion })),
	collect.When(hasIPSet, collect.Computed("addresses", model.JSON, "CIDR blocks in the set", func(s ipSet) any { return append([]string{}, s.set.Addresses...) })),
	collect.When(hasIPSet, collect.Computed("address_count", model.Integer, "number of CIDR blocks", func(s ipSet) any { return len(s.set.Addresses) })),
}

func ipSets(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return listAll(ctx, t, func(ctx context.Context, scope types.Scope, limit *int32, next *string) ([]types.IPSetSummary, *string, error) {
		out, err := api.ListIPSets(ctx, &wafv2.ListIPSetsInput{Scope: scope, Limit: limit, NextMarker: next})
		if err != nil {
			return nil, nil, err
		}
		return out.IPSets, out.NextMarker, nil
	}, func(ctx context.Context, scope types.Scope, sets []types.IPSetSummary) {
		collect.ForEach(ctx, sets, func(ctx context.Context, s types.IPSetSummary) {
			v := ipSet{scope: scope}
			if out, err := api.GetIPSet(ctx, &wafv2.GetIPSetInput{Id: s.Id, Name: s.Name, Scope: scope}); err != nil {
				t.Warn("GetIPSet", err)
			} else {
				v.set = out.IPSet
			}
			arn := aws.ToString(s.ARN)
			emit(t, "ip-set", aws.ToString(s.Id), arn, aws.ToString(s.Name), tagsOf(ctx, t, api, arn), ipSetFields.Details(v))
		})
	})
}

// ruleGroup is a group's summary with its GetRuleGroup answer (nil: failed).
type ruleGroup struct {
	scope types.Scope
	group *types.RuleGroup
}

func hasRuleGroup(g ruleGroup) bool { return g.group != nil }
func hasCapacity(g ruleGroup) bool  { return hasRuleGroup(g) && g.group.Capacity != nil }

var ruleGroupFields = collect.Fields[ruleGroup]{
	{Name: "scope", Kind: model.Text, Description: "REGIONAL, or CLOUDFRONT (listed in us-east-1)", Values: scopeValues, Get: func(g ruleGroup) any { return string(g.scope) }},
	collect.When(hasCapacity, collect.Int("capacity", "capacity units the group reserves", func(g ruleGroup) *int64 { return g.group.Capacity })),
	collect.When(hasRuleGroup, collect.Computed("rule_count", model.Integer, "rules in the group", func(g ruleGroup) any { return len(g.group.Rules) })),
}

func ruleGroups(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return listAll(ctx, t, func(ctx context.Context, scope types.Scope, limit *int32, next *string) ([]types.RuleGroupSummary, *string, error) {
		out, err := api.ListRuleGroups(ctx, &wafv2.ListRuleGroupsInput{Scope: scope, Limit: limit, NextMarker: next})
		if err != nil {
			return nil, nil, err
		}
		return out.RuleGroups, out.NextMarker, nil
	}, func(ctx context.Context, scope types.Scope, groups []types.RuleGroupSummary) {
		collect.ForEach(ctx, groups, func(ctx context.Context, s types.RuleGroupSummary) {
			g := ruleGroup{scope: scope}
			if out, err := api.GetRuleGroup(ctx, &wafv2.GetRuleGroupInput{Id: s.Id, Name: s.Name, Scope: scope}); err != nil {
				t.Warn("GetRuleGroup", err)
			} else {
				g.group = out.RuleGroup
			}
			arn := aws.ToString(s.ARN)
			key := emit(t, "rule-group", aws.ToString(s.Id), arn, aws.ToString(s.Name), tagsOf(ctx, t, api, arn), ruleGroupFields.Details(g))
			if g.group != nil {
				relateReferences(t, key, g.group.Rules)
			}
		})
	})
}

// regexSet is a regex pattern set's summary with its GetRegexPatternSet
// answer (nil: failed).
type regexSet struct {
	scope types.Scope
	set   *types.RegexPatternSet
}

func hasRegexSet(s regexSet) bool { return s.set != nil }

var regexSetFields = collect.Fields[regexSet]{
	{Name: "scope", Kind: model.Text, Description: "REGIONAL, or CLOUDFRONT (listed in us-east-1)", Values: scopeValues, Get: func(s regexSet) any { return string(s.scope) }},
	collect.When(hasRegexSet, collect.Text("description", "set description", func(s regexSet) *string { return s.set.Description })),
	collect.When(hasRegexSet, collect.Computed("patterns", model.JSON, "regular expressions in the set", func(s regexSet) any {
		out := []string{}
		for _, r := range s.set.RegularExpressionList {
			out = append(out, aws.ToString(r.RegexString))
		}
		return out
	})),
}

func regexPatternSets(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return listAll(ctx, t, func(ctx context.Context, scope types.Scope, limit *int32, next *string) ([]types.RegexPatternSetSummary, *string, error) {
		out, err := api.ListRegexPatternSets(ctx, &wafv2.ListRegexPatternSetsInput{Scope: scope, Limit: limit, NextMarker: next})
		if err != nil {
			return nil, nil, err
		}
		return out.RegexPatternSets, out.NextMarker, nil
	}, func(ctx context.Context, scope types.Scope, sets []types.RegexPatternSetSummary) {
		collect.ForEach(ctx, sets, func(ctx context.Context, s types.RegexPatternSetSummary) {
			v := regexSet{scope: scope}
			if out, err := api.GetRegexPatternSet(ctx, &wafv2.GetRegexPatternSetInput{Id: s.Id, Name: s.Name, Scope: scope}); err != nil {
				t.Warn("GetRegexPatternSet", err)
			} else {
				v.set = out.RegexPatternSet
			}
			arn := aws.ToString(s.ARN)
			emit(t, "regex-pattern-set", aws.ToString(s.Id), arn, aws.ToString(s.Name), tagsOf(ctx, t, api, arn), regexSetFields.Details(v))
		})
	})
}
