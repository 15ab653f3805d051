package route53resolver

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53resolver"
	"github.com/aws/aws-sdk-go-v2/service/route53resolver/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// systemOwner owns the rules Resolver defines itself (the internet resolver).
const systemOwner = "Route 53 Resolver"

var ruleFields = collect.Fields[types.ResolverRule]{
	collect.Text("domain_name", "domain whose queries the rule handles", func(r types.ResolverRule) *string { return r.DomainName }),
	collect.Enum("rule_type", "FORWARD (to target IPs), SYSTEM or RECURSIVE", func(r types.ResolverRule) types.RuleTypeOption { return r.RuleType }),
	collect.Enum("status", "COMPLETE, DELETING, UPDATING or FAILED", func(r types.ResolverRule) types.ResolverRuleStatus { return r.Status }),
	collect.Text("resolver_endpoint_id", "outbound endpoint forwarding the queries", func(r types.ResolverRule) *string { return r.ResolverEndpointId }),
	collect.Computed("target_ips", model.JSON, "DNS servers queries are forwarded to (ip:port or ipv6 with port)", func(r types.ResolverRule) any {
		out := []string{}
		for _, a := range r.TargetIps {
			out = append(out, fmt.Sprintf("%s:%d", firstOf(a.Ip, a.Ipv6), aws.ToInt32(a.Port)))
		}
		return out
	}),
	collect.Enum("share_status", "NOT_SHARED, SHARED_WITH_ME or SHARED_BY_ME (RAM)", func(r types.ResolverRule) types.ShareStatus { return r.ShareStatus }),
	collect.Text("owner_id", "account that owns the rule", func(r types.ResolverRule) *string { return r.OwnerId }),
}

func firstOf(ps ...*string) string {
	for _, p := range ps {
		if s := aws.ToString(p); s != "" {
			return s
		}
	}
	return ""
}

func rules(ctx context.Context, t *collect.Task) error {
	api := route53resolver.NewFromConfig(t.Config)
	p := route53resolver.NewListResolverRulesPaginator(api, &route53resolver.ListResolverRulesInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *route53resolver.ListResolverRulesOutput) error {
		rs := make([]*model.Resource, 0, len(page.ResolverRules))
		for _, r := range page.ResolverRules {
			if aws.ToString(r.OwnerId) == systemOwner {
				continue
			}
			key := t.Key("resolver-rule", aws.ToString(r.Id))
			t.Relate(key, "forwards-through", t.Key("resolver-endpoint", aws.ToString(r.ResolverEndpointId)))
			rs = append(rs, &model.Resource{Key: key, ARN: aws.ToString(r.Arn), Name: firstOf(r.Name, r.DomainName), CreatedAt: created(r.CreationTime),
				Details: ruleFields.Details(r)})
		}
		emitTagged(ctx, t, api, rs)
		return nil
	})
}

var ruleAssociationFields = collect.Fields[types.ResolverRuleAssociation]{
	collect.Text("resolver_rule_id", "rule applied to the VPC", func(a types.ResolverRuleAssociation) *string { return a.ResolverRuleId }),
	collect.Text("vpc_id", "VPC whose queries the rule handles", func(a types.ResolverRuleAssociation) *string { return a.VPCId }),
	collect.Enum("status", "CREATING, COMPLETE, DELETING, FAILED or OVERRIDDEN", func(a types.ResolverRuleAssociation) types.ResolverRuleAssociationStatus { return a.Status }),
}

func ruleAssociations(ctx context.Context, t *collect.Task) error {
	p := route53resolver.NewListResolverRuleAssociationsPaginator(route53resolver.NewFromConfig(t.Config),
		&route53resolver.ListResolverRuleAssociationsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *route53resolver.ListResolverRuleAssociationsOutput) error {
		for _, a := range page.ResolverRuleAssociations {
			id := aws.ToString(a.Id)
			key := t.Key("resolver-rule-association", id)
			// AWS gives associations no ARN: this one has the form of the other Resolver ARNs.
			t.Emit(&model.Resource{Key: key, ARN: collect.ARN(t, "route53resolver", "", "resolver-rule-association/"+id), Name: aws.ToString(a.Name),
				Details: ruleAssociationFields.Details(a)})
			t.Relate(key, "applies", t.Key("resolver-rule", aws.ToString(a.ResolverRuleId)))
			t.Relate(key, "associated-with", t.Ref("ec2", "vpc", aws.ToString(a.VPCId)))
		}
		return nil
	})
}
