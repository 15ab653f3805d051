package route53resolver

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53resolver"
	"github.com/aws/aws-sdk-go-v2/service/route53resolver/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var firewallRuleGroupFields = collect.Fields[types.FirewallRuleGroupMetadata]{
	collect.Enum("share_status", "NOT_SHARED, SHARED_WITH_ME or SHARED_BY_ME (RAM)", func(g types.FirewallRuleGroupMetadata) types.ShareStatus { return g.ShareStatus }),
	collect.Text("owner_id", "account that owns the rule group", func(g types.FirewallRuleGroupMetadata) *string { return g.OwnerId }),
}

func firewallRuleGroups(ctx context.Context, t *collect.Task) error {
	api := route53resolver.NewFromConfig(t.Config)
	p := route53resolver.NewListFirewallRuleGroupsPaginator(api, &route53resolver.ListFirewallRuleGroupsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *route53resolver.ListFirewallRuleGroupsOutput) error {
		rs := make([]*model.Resource, 0, len(page.FirewallRuleGroups))
		for _, g := range page.FirewallRuleGroups {
			rs = append(rs, &model.Resource{Key: t.Key("firewall-rule-group", aws.ToString(g.Id)), ARN: aws.ToString(g.Arn), Name: aws.ToString(g.Name),
				Details: firewallRuleGroupFields.Details(g)})
		}
		emitTagged(ctx, t, api, rs)
		return nil
	})
}

var domainListFields = collect.Fields[types.FirewallDomainListMetadata]{
	collect.Text("creator_request_id", "request id given at creation", func(l types.FirewallDomainListMetadata) *string { return l.CreatorRequestId }),
}

func firewallDomainLists(ctx context.Context, t *collect.Task) error {
	api := route53resolver.NewFromConfig(t.Config)
	p := route53resolver.NewListFirewallDomainListsPaginator(api, &route53resolver.ListFirewallDomainListsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *route53resolver.ListFirewallDomainListsOutput) error {
		rs := make([]*model.Resource, 0, len(page.FirewallDomainLists))
		for _, l := range page.FirewallDomainLists {
			// AWS's managed threat lists are in every region of every account.
			if aws.ToString(l.ManagedOwnerName) != "" {
				continue
			}
			rs = append(rs, &model.Resource{Key: t.Key("firewall-domain-list", aws.ToString(l.Id)), ARN: aws.ToString(l.Arn), Name: aws.ToString(l.Name),
				Details: domainListFields.Details(l)})
		}
		emitTagged(ctx, t, api, rs)
		return nil
	})
}

var firewallAssociationFields = collect.Fields[types.FirewallRuleGroupAssociation]{
	collect.Text("firewall_rule_group_id", "rule group applied to the VPC", func(a types.FirewallRuleGroupAssociation) *string { return a.FirewallRuleGroupId }),
	collect.Text("vpc_id", "VPC whose DNS queries the rule group filters", func(a types.FirewallRuleGroupAssociation) *string { return a.VpcId }),
	collect.Int("priority", "order among the VPC's rule groups (lowest first)", func(a types.FirewallRuleGroupAssociation) *int32 { return a.Priority }),
	collect.Enum("mutation_protection", "ENABLED: the association cannot be changed or removed", func(a types.FirewallRuleGroupAssociation) types.MutationProtectionStatus {
		return a.MutationProtection
	}),
	collect.Enum("status", "COMPLETE, DELETING or UPDATING", func(a types.FirewallRuleGroupAssociation) types.FirewallRuleGroupAssociationStatus { return a.Status }),
	collect.Text("managed_owner_name", "service that manages the association (Firewall Manager), if any", func(a types.FirewallRuleGroupAssociation) *string { return a.ManagedOwnerName }),
}

func firewallAssociations(ctx context.Context, t *collect.Task) error {
	api := route53resolver.NewFromConfig(t.Config)
	p := route53resolver.NewListFirewallRuleGroupAssociationsPaginator(api, &route53resolver.ListFirewallRuleGroupAssociationsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *route53resolver.ListFirewallRuleGroupAssociationsOutput) error {
		rs := make([]*model.Resource, 0, len(page.FirewallRuleGroupAssociations))
		for _, a := range page.FirewallRuleGroupAssociations {
			key := t.Key("firewall-rule-group-association", aws.ToString(a.Id))
			t.Relate(key, "applies", t.Key("firewall-rule-group", aws.ToString(a.FirewallRuleGroupId)))
			t.Relate(key, "associated-with", t.Ref("ec2", "vpc", aws.ToString(a.VpcId)))
			rs = append(rs, &model.Resource{Key: key, ARN: aws.ToString(a.Arn), Name: aws.ToString(a.Name), CreatedAt: created(a.CreationTime),
				Details: firewallAssociationFields.Details(a)})
		}
		emitTagged(ctx, t, api, rs)
		return nil
	})
}
