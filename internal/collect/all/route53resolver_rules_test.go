package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53resolver"
	"github.com/aws/aws-sdk-go-v2/service/route53resolver/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/route53resolver"
)

// TestRules forwards six domains through an outbound endpoint, the first
// tagged and applied to the endpoint's VPC.
func TestRoute53resolverRules(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := route53resolver.NewFromConfig(cfg)
	n := testvpc.New(t, cfg, "10.8.0.0/16", "dns-out",
		testvpc.Subnet{CIDR: "10.8.0.0/24", AZ: "eu-west-1a"}, testvpc.Subnet{CIDR: "10.8.1.0/24", AZ: "eu-west-1b"})
	ep, err := api.CreateResolverEndpoint(ctx, &route53resolver.CreateResolverEndpointInput{CreatorRequestId: aws.String("out"), Name: aws.String("outbound"),
		Direction: types.ResolverEndpointDirectionOutbound, SecurityGroupIds: []string{n.SG},
		IpAddresses: []types.IpAddressRequest{{SubnetId: aws.String(n.Subnets[0])}, {SubnetId: aws.String(n.Subnets[1])}}})
	check(t, err)
	endpoint := aws.ToString(ep.ResolverEndpoint.Id)
	var ids []string
	for i := range 6 {
		in := &route53resolver.CreateResolverRuleInput{CreatorRequestId: aws.String(fmt.Sprint("r", i)), Name: aws.String(fmt.Sprint("corp-", i)),
			RuleType: types.RuleTypeOptionForward, DomainName: aws.String(fmt.Sprintf("corp%d.example", i)), ResolverEndpointId: aws.String(endpoint),
			TargetIps: []types.TargetAddress{{Ip: aws.String("192.0.2.10"), Port: aws.Int32(53)}}}
		if i == 0 {
			in.Tags = []types.Tag{{Key: aws.String("team"), Value: aws.String("net")}}
		}
		out, err := api.CreateResolverRule(ctx, in)
		check(t, err)
		ids = append(ids, aws.ToString(out.ResolverRule.Id))
	}
	assoc, err := api.AssociateResolverRule(ctx, &route53resolver.AssociateResolverRuleInput{ResolverRuleId: aws.String(ids[0]), VPCId: aws.String(n.VPC), Name: aws.String("corp-in-dns")})
	check(t, err)

	got := collecttest.Run(t, cfg, collector.Service, "resolver-rule", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want the 6 rules over pages (no system rule): %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	r := got.ByID()[ids[0]]
	if r == nil || r.Name != "corp-0" || r.Tags["team"] != "net" || r.ARN == "" || r.Details["domain_name"] != "corp0.example." ||
		r.Details["rule_type"] != "FORWARD" || fmt.Sprint(r.Details["target_ips"]) != "[192.0.2.10:53]" || r.Details["resolver_endpoint_id"] != endpoint {
		t.Errorf("rule: %+v %v %v", r, r.Details, r.Tags)
	}
	collecttest.HasEdges(t, got, ids[0]+" -forwards-through-> route53resolver/resolver-endpoint:"+endpoint)

	got = collecttest.Run(t, cfg, collector.Service, "resolver-rule-association", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("want 1 association: %v, %d", got.Err, len(got.Resources))
	}
	id := aws.ToString(assoc.ResolverRuleAssociation.Id)
	a := got.ByID()[id]
	if a == nil || a.Name != "corp-in-dns" || a.ARN != "arn:aws:route53resolver:"+region+":"+collecttest.MotoAccount+":resolver-rule-association/"+id ||
		a.Details["vpc_id"] != n.VPC || a.Details["resolver_rule_id"] != ids[0] {
		t.Errorf("association: %+v", a)
	}
	collecttest.HasEdges(t, got, id+" -applies-> route53resolver/resolver-rule:"+ids[0], id+" -associated-with-> ec2/vpc:"+n.VPC)

	for typ, op := range map[string]string{"resolver-rule": "ListResolverRules", "resolver-rule-association": "ListResolverRuleAssociations"} {
		denied := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, typ, region))
	}
}
