package all_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53resolver"
	"github.com/aws/aws-sdk-go-v2/service/route53resolver/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/route53resolver"
)

func firewallARN(kind, id string) string {
	return "arn:aws:route53resolver:" + region + ":" + collecttest.MotoAccount + ":" + kind + "/" + id
}

// firewall answers DNS Firewall (moto lacks it): seven rule groups, seven
// domain lists of which two are AWS managed, seven associations, each over
// pages of three; every resource is tagged with its ARN.
var firewall = map[string]func(any) (any, error){
	"ListFirewallRuleGroups": func(in any) (any, error) {
		var all []types.FirewallRuleGroupMetadata
		for i := range 7 {
			id := fmt.Sprint("rslvr-frg-", i)
			all = append(all, types.FirewallRuleGroupMetadata{Id: aws.String(id), Name: aws.String(fmt.Sprint("block-", i)), Arn: aws.String(firewallARN("firewall-rule-group", id)),
				OwnerId: aws.String(collecttest.MotoAccount), ShareStatus: types.ShareStatusNotShared})
		}
		page, next := collecttest.Page(all, in.(*route53resolver.ListFirewallRuleGroupsInput).NextToken, 3)
		return &route53resolver.ListFirewallRuleGroupsOutput{FirewallRuleGroups: page, NextToken: next}, nil
	},
	"ListFirewallDomainLists": func(in any) (any, error) {
		var all []types.FirewallDomainListMetadata
		for i := range 7 {
			id := fmt.Sprint("rslvr-fdl-", i)
			l := types.FirewallDomainListMetadata{Id: aws.String(id), Name: aws.String(fmt.Sprint("list-", i)), Arn: aws.String(firewallARN("firewall-domain-list", id))}
			if i >= 5 {
				l.ManagedOwnerName = aws.String("Route 53 Resolver DNS Firewall")
			}
			all = append(all, l)
		}
		page, next := collecttest.Page(all, in.(*route53resolver.ListFirewallDomainListsInput).NextToken, 3)
		return &route53resolver.ListFirewallDomainListsOutput{FirewallDomainLists: page, NextToken: next}, nil
	},
	"ListFirewallRuleGroupAssociations": func(in any) (any, error) {
		var all []types.FirewallRuleGroupAssociation
		for i := range 7 {
			id := fmt.Sprint("rslvr-frgassoc-", i)
			all = append(all, types.FirewallRuleGroupAssociation{Id: aws.String(id), Name: aws.String(fmt.Sprint("assoc-", i)), Arn: aws.String(firewallARN("firewall-rule-group-association", id)),
				FirewallRuleGroupId: aws.String(fmt.Sprint("rslvr-frg-", i)), VpcId: aws.String(fmt.Sprint("vpc-", i)), Priority: aws.Int32(int32(101 + i)),
				MutationProtection: types.MutationProtectionStatusEnabled, Status: types.FirewallRuleGroupAssociationStatusComplete, CreationTime: aws.String("2026-04-04T10:00:00Z")})
		}
		page, next := collecttest.Page(all, in.(*route53resolver.ListFirewallRuleGroupAssociationsInput).NextToken, 3)
		return &route53resolver.ListFirewallRuleGroupAssociationsOutput{FirewallRuleGroupAssociations: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		arn := in.(*route53resolver.ListTagsForResourceInput).ResourceArn
		return &route53resolver.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: arn}}}, nil
	},
}

func TestRoute53resolverFirewall(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(firewall)})
	for typ, want := range map[string]int{"firewall-rule-group": 7, "firewall-domain-list": 5, "firewall-rule-group-association": 7} {
		got := collecttest.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil || len(got.Resources) != want {
			t.Fatalf("%s: want %d over pages: %v, %d", typ, want, got.Err, len(got.Resources))
		}
		collecttest.AssertNoWarnings(t, got)
		for _, r := range got.Resources {
			if r.Tags["arn"] != r.ARN || r.ARN == "" {
				t.Errorf("%s %s: tags %v, ARN %q", typ, r.ID, r.Tags, r.ARN)
			}
		}
		switch typ {
		case "firewall-rule-group":
			if g := got.ByID()["rslvr-frg-3"]; g.Name != "block-3" || g.Details["share_status"] != "NOT_SHARED" {
				t.Errorf("rule group: %+v", g)
			}
		case "firewall-domain-list":
			if got.ByID()["rslvr-fdl-5"] != nil || got.ByID()["rslvr-fdl-4"].Name != "list-4" {
				t.Errorf("managed lists must be skipped: %v", got.ByID())
			}
		case "firewall-rule-group-association":
			a := got.ByID()["rslvr-frgassoc-2"]
			if a.CreatedAt != "2026-04-04T10:00:00Z" || a.Details["priority"] != int64(103) || a.Details["mutation_protection"] != "ENABLED" || a.Details["vpc_id"] != "vpc-2" {
				t.Errorf("association: %+v", a)
			}
			collecttest.HasEdges(t, got, "rslvr-frgassoc-2 -applies-> route53resolver/firewall-rule-group:rslvr-frg-2", "rslvr-frgassoc-2 -associated-with-> ec2/vpc:vpc-2")
		}
	}
	for typ, op := range map[string]string{"firewall-rule-group": "ListFirewallRuleGroups", "firewall-domain-list": "ListFirewallDomainLists",
		"firewall-rule-group-association": "ListFirewallRuleGroupAssociations"} {
		denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, typ, region))
	}
}
