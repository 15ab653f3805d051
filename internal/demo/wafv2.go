package demo

import (
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/wafv2"
	waftypes "github.com/aws/aws-sdk-go-v2/service/wafv2/types"
)

// WAF v2: web ACLs, IP sets and rule groups, REGIONAL everywhere and, in
// us-east-1, every third of them in the CLOUDFRONT scope. Regional ACL k
// protects some of the internet-facing application load balancers j with
// j mod nACLs = k; the rest stay unprotected (public-albs-without-waf
// finds them). Most ACLs use AWS's common rule set, block an IP set and
// log to a log group of the region.
func init() {
	kinds = append(kinds,
		&kind{name: "wafv2.web-acl", weight: 0.25, min: 1, max: 20},
		&kind{name: "wafv2.ip-set", weight: 0.12, max: 20},
		&kind{name: "wafv2.rule-group", weight: 0.04, max: 10},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("WAFV2", map[string]handler{"ListWebACLs": wafWebACLs, "GetWebACL": wafWebACL, "GetLoggingConfiguration": wafLogging,
		"ListResourcesForWebACL": wafResources, "ListIPSets": wafIPSets, "GetIPSet": wafIPSet, "ListRuleGroups": wafRuleGroups,
		"GetRuleGroup": wafRuleGroup, "ListTagsForResource": wafTags})
}

// wafScope is the scope of item i of a WAF kind.
func (c *call) wafScope(i int) waftypes.Scope {
	if c.region == "us-east-1" && i%3 == 2 {
		return waftypes.ScopeCloudfront
	}
	return waftypes.ScopeRegional
}

// wafPath is the ARN path and name part of each WAF kind.
var wafPath = map[string]struct{ path, name string }{
	"wafv2.web-acl": {"webacl", "web-acl"}, "wafv2.ip-set": {"ipset", "blocklist"}, "wafv2.rule-group": {"rulegroup", "rules"},
}

func (c *call) wafName(kind string, i int) string {
	return fmt.Sprintf("%s-%s-%s-%04d", Accounts[c.acct].Env, c.rng(kind, i).pick(apps), wafPath[kind].name, i)
}

func (c *call) wafARN(kind string, i int) string {
	scope := "regional"
	if c.wafScope(i) == waftypes.ScopeCloudfront {
		scope = "global"
	}
	return c.arn("wafv2", fmt.Sprintf("%s/%s/%s/%s", scope, wafPath[kind].path, c.wafName(kind, i), c.uuid(kind, i)))
}

// wafPage lists the live items of kind in scope.
func (c *call) wafPage(kind string, scope waftypes.Scope, marker *string, limit *int32) ([]int, *string) {
	return c.filtered(c.region, kind, marker, c.pageSize(100, limit), func(i int) bool { return c.wafScope(i) == scope })
}

// wafItem is the item of kind an id (or an ARN ending with it) names.
func (c *call) wafItem(kind string, id *string) (int, error) {
	i, ok := c.uuidIndex(kind, aws.ToString(id))
	if !ok || !c.alive(kind, i) {
		return 0, notFound("WAFNonexistentItemException", "AWS WAF couldn’t perform the operation because your resource doesn’t exist.")
	}
	return i, nil
}

// wafLive is a live item of kind in the same scope as item k, -1 if none.
func (c *call) wafLive(kind string, k int) int {
	_, limit := c.v.limit(c.acct, c.region, kind)
	for j := range min(limit, 64) {
		if i := (k + j) % limit; c.alive(kind, i) && c.wafScope(i) == c.wafScope(k) {
			return i
		}
	}
	return -1
}

func wafWebACLs(c *call) (any, error) {
	in := c.in.(*wafv2.ListWebACLsInput)
	items, next := c.wafPage("wafv2.web-acl", in.Scope, in.NextMarker, in.Limit)
	out := &wafv2.ListWebACLsOutput{NextMarker: next}
	for _, i := range items {
		out.WebACLs = append(out.WebACLs, waftypes.WebACLSummary{Id: aws.String(c.uuid("wafv2.web-acl", i)), Name: aws.String(c.wafName("wafv2.web-acl", i)),
			ARN: aws.String(c.wafARN("wafv2.web-acl", i)), LockToken: aws.String(c.uuid("wafv2.lock", i))})
	}
	return out, nil
}

func visibility(name string) *waftypes.VisibilityConfig {
	return &waftypes.VisibilityConfig{MetricName: aws.String(name), CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true}
}

// wafRule is rule n of an ACL or group: a reference to an IP set or a rule
// group, blocking.
func wafRule(name string, n int, st *waftypes.Statement) waftypes.Rule {
	return waftypes.Rule{Name: aws.String(name), Priority: int32(n), Statement: st, VisibilityConfig: visibility(name),
		Action: &waftypes.RuleAction{Block: &waftypes.BlockAction{}}}
}

func (c *call) wafIPSetRule(k, n int) (waftypes.Rule, bool) {
	s := c.wafLive("wafv2.ip-set", k)
	if s < 0 {
		return waftypes.Rule{}, false
	}
	return wafRule("block-listed-ips", n, &waftypes.Statement{IPSetReferenceStatement: &waftypes.IPSetReferenceStatement{ARN: aws.String(c.wafARN("wafv2.ip-set", s))}}), true
}

func wafWebACL(c *call) (any, error) {
	in := c.in.(*wafv2.GetWebACLInput)
	i, err := c.wafItem("wafv2.web-acl", in.Id)
	if err != nil {
		return nil, err
	}
	r, m := c.rng("wafv2.web-acl", i+1<<30), c.mut("wafv2.web-acl", i)
	name := c.wafName("wafv2.web-acl", i)
	acl := &waftypes.WebACL{Id: in.Id, Name: aws.String(name), ARN: aws.String(c.wafARN("wafv2.web-acl", i)), VisibilityConfig: visibility(name),
		DefaultAction: &waftypes.DefaultAction{Allow: &waftypes.AllowAction{}}, Capacity: 700}
	if m.chance(0.1) {
		acl.DefaultAction = &waftypes.DefaultAction{Block: &waftypes.BlockAction{}}
	}
	if !r.chance(0.15) {
		acl.Rules = append(acl.Rules, waftypes.Rule{Name: aws.String("AWS-AWSManagedRulesCommonRuleSet"), Priority: 0, VisibilityConfig: visibility("common"),
			OverrideAction: &waftypes.OverrideAction{None: &waftypes.NoneAction{}},
			Statement:      &waftypes.Statement{ManagedRuleGroupStatement: &waftypes.ManagedRuleGroupStatement{VendorName: aws.String("AWS"), Name: aws.String("AWSManagedRulesCommonRuleSet")}}})
	}
	if rule, ok := c.wafIPSetRule(i, 1); ok && r.chance(0.7) {
		acl.Rules = append(acl.Rules, rule)
	}
	if g := c.wafLive("wafv2.rule-group", i); g >= 0 && r.chance(0.5) {
		acl.Rules = append(acl.Rules, waftypes.Rule{Name: aws.String("acme-rules"), Priority: 2, VisibilityConfig: visibility("acme-rules"),
			OverrideAction: &waftypes.OverrideAction{None: &waftypes.NoneAction{}},
			Statement:      &waftypes.Statement{RuleGroupReferenceStatement: &waftypes.RuleGroupReferenceStatement{ARN: aws.String(c.wafARN("wafv2.rule-group", g))}}})
	}
	if r.chance(0.5) {
		acl.Rules = append(acl.Rules, wafRule("rate-limit", 3, &waftypes.Statement{RateBasedStatement: &waftypes.RateBasedStatement{Limit: aws.Int64(2000), AggregateKeyType: waftypes.RateBasedStatementAggregateKeyTypeIp}}))
	}
	return &wafv2.GetWebACLOutput{WebACL: acl, LockToken: aws.String(c.uuid("wafv2.lock", i))}, nil
}

func wafLogging(c *call) (any, error) {
	i, err := c.wafItem("wafv2.web-acl", c.in.(*wafv2.GetLoggingConfigurationInput).ResourceArn)
	if err != nil {
		return nil, err
	}
	group := c.liveLogGroup(i)
	if group == "" || c.mut("wafv2.web-acl", i).chance(0.4) {
		return nil, notFound("WAFNonexistentItemException", "AWS WAF couldn’t perform the operation because your resource doesn’t exist.")
	}
	arn := c.wafARN("wafv2.web-acl", i)
	return &wafv2.GetLoggingConfigurationOutput{LoggingConfiguration: &waftypes.LoggingConfiguration{ResourceArn: aws.String(arn), LogDestinationConfigs: []string{group}}}, nil
}

// wafResources: the application load balancers regional ACL i protects.
func wafResources(c *call) (any, error) {
	in := c.in.(*wafv2.ListResourcesForWebACLInput)
	i, err := c.wafItem("wafv2.web-acl", in.WebACLArn)
	if err != nil {
		return nil, err
	}
	out := &wafv2.ListResourcesForWebACLOutput{ResourceArns: []string{}}
	nacl := c.n("wafv2.web-acl")
	if in.ResourceType != waftypes.ResourceTypeApplicationLoadBalancer || c.wafScope(i) != waftypes.ScopeRegional || nacl == 0 {
		return out, nil
	}
	_, limit := c.v.limit(c.acct, c.region, "elbv2.load-balancer")
	for j := i; j < limit; j += nacl {
		if !c.alive("elbv2.load-balancer", j) || !c.rng("elbv2.load-balancer", j+1<<31).chance(0.6) {
			continue
		}
		if f := c.lb(j); !f.network && !f.internal {
			out.ResourceArns = append(out.ResourceArns, c.lbARN(j))
		}
	}
	return out, nil
}

func wafIPSets(c *call) (any, error) {
	in := c.in.(*wafv2.ListIPSetsInput)
	items, next := c.wafPage("wafv2.ip-set", in.Scope, in.NextMarker, in.Limit)
	out := &wafv2.ListIPSetsOutput{NextMarker: next}
	for _, i := range items {
		out.IPSets = append(out.IPSets, waftypes.IPSetSummary{Id: aws.String(c.uuid("wafv2.ip-set", i)), Name: aws.String(c.wafName("wafv2.ip-set", i)),
			ARN: aws.String(c.wafARN("wafv2.ip-set", i)), LockToken: aws.String(c.uuid("wafv2.lock", i))})
	}
	return out, nil
}

func wafIPSet(c *call) (any, error) {
	in := c.in.(*wafv2.GetIPSetInput)
	i, err := c.wafItem("wafv2.ip-set", in.Id)
	if err != nil {
		return nil, err
	}
	m := c.mut("wafv2.ip-set", i)
	set := &waftypes.IPSet{Id: in.Id, Name: aws.String(c.wafName("wafv2.ip-set", i)), ARN: aws.String(c.wafARN("wafv2.ip-set", i)),
		IPAddressVersion: waftypes.IPAddressVersionIpv4, Addresses: []string{}}
	for k := range 1 + m.intn(12) {
		set.Addresses = append(set.Addresses, fmt.Sprintf("%d.%d.%d.0/24", 5+m.intn(180), m.intn(256), k))
	}
	return &wafv2.GetIPSetOutput{IPSet: set, LockToken: aws.String(c.uuid("wafv2.lock", i))}, nil
}

func wafRuleGroups(c *call) (any, error) {
	in := c.in.(*wafv2.ListRuleGroupsInput)
	items, next := c.wafPage("wafv2.rule-group", in.Scope, in.NextMarker, in.Limit)
	out := &wafv2.ListRuleGroupsOutput{NextMarker: next}
	for _, i := range items {
		out.RuleGroups = append(out.RuleGroups, waftypes.RuleGroupSummary{Id: aws.String(c.uuid("wafv2.rule-group", i)), Name: aws.String(c.wafName("wafv2.rule-group", i)),
			ARN: aws.String(c.wafARN("wafv2.rule-group", i)), LockToken: aws.String(c.uuid("wafv2.lock", i))})
	}
	return out, nil
}

func wafRuleGroup(c *call) (any, error) {
	in := c.in.(*wafv2.GetRuleGroupInput)
	i, err := c.wafItem("wafv2.rule-group", in.Id)
	if err != nil {
		return nil, err
	}
	name := c.wafName("wafv2.rule-group", i)
	g := &waftypes.RuleGroup{Id: in.Id, Name: aws.String(name), ARN: aws.String(c.wafARN("wafv2.rule-group", i)), Capacity: aws.Int64(int64(50 * (1 + i%4))),
		VisibilityConfig: visibility(name), Rules: []waftypes.Rule{wafRule("block-admin-paths", 0, &waftypes.Statement{ByteMatchStatement: &waftypes.ByteMatchStatement{
			SearchString: []byte("/admin"), PositionalConstraint: waftypes.PositionalConstraintStartsWith,
			FieldToMatch: &waftypes.FieldToMatch{UriPath: &waftypes.UriPath{}}, TextTransformations: []waftypes.TextTransformation{{Priority: 0, Type: waftypes.TextTransformationTypeLowercase}}}})}}
	if rule, ok := c.wafIPSetRule(i, 1); ok && i%2 == 0 {
		g.Rules = append(g.Rules, rule)
	}
	return &wafv2.GetRuleGroupOutput{RuleGroup: g, LockToken: aws.String(c.uuid("wafv2.lock", i))}, nil
}

func wafTags(c *call) (any, error) {
	arn := aws.ToString(c.in.(*wafv2.ListTagsForResourceInput).ResourceARN)
	for kind, p := range wafPath {
		if !strings.Contains(arn, "/"+p.path+"/") {
			continue
		}
		i, err := c.wafItem(kind, &arn)
		if err != nil {
			return nil, err
		}
		return &wafv2.ListTagsForResourceOutput{TagInfoForResource: &waftypes.TagInfoForResource{ResourceARN: aws.String(arn),
			TagList: tagList(c.tagMap(kind, i, ""), func(k, v *string) waftypes.Tag { return waftypes.Tag{Key: k, Value: v} })}}, nil
	}
	return nil, notFound("WAFNonexistentItemException", "AWS WAF couldn’t perform the operation because your resource doesn’t exist.")
}
