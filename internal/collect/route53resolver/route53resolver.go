// Package route53resolver collects Route 53 Resolver query logging
// configurations, endpoints, rules and their VPC associations, and DNS
// Firewall rule groups, domain lists and associations.
package route53resolver

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53resolver"
	"github.com/aws/aws-sdk-go-v2/service/route53resolver/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Route 53 Resolver collector.
var Service = &collect.Service{
	Name:        "route53resolver",
	Description: "Route 53 Resolver DNS query logging, inbound/outbound endpoints, forwarding rules and DNS Firewall",
	Types: []collect.Type{
		{Name: "query-log-config", Description: "Resolver query logging configuration (id = rqlc-...)", Fields: queryLogConfigFields.Declared(), Tags: collect.TagsPerResource, Collect: queryLogConfigs, DetailCalls: 1},
		{Name: "resolver-endpoint", Description: "inbound or outbound Resolver endpoint (id = rslvr-in-/rslvr-out-...)", Fields: endpointFields.Declared(), Tags: collect.TagsPerResource, Collect: endpoints, DetailCalls: 1},
		{Name: "resolver-rule", Description: "forwarding or system rule for a domain (id = rslvr-rr-...; Resolver's own internet rule skipped)", Fields: ruleFields.Declared(), Tags: collect.TagsPerResource, Collect: rules, DetailCalls: 1},
		{Name: "resolver-rule-association", Description: "a Resolver rule applied to a VPC (id = rslvr-rrassoc-...)", Fields: ruleAssociationFields.Declared(), Tags: collect.NotTaggable, Collect: ruleAssociations},
		{Name: "firewall-rule-group", Description: "DNS Firewall rule group (id = rslvr-frg-...)", Fields: firewallRuleGroupFields.Declared(), Tags: collect.TagsPerResource, Collect: firewallRuleGroups, DetailCalls: 1},
		{Name: "firewall-domain-list", Description: "DNS Firewall domain list of the account (AWS managed lists skipped)", Fields: domainListFields.Declared(), Tags: collect.TagsPerResource, Collect: firewallDomainLists, DetailCalls: 1},
		{Name: "firewall-rule-group-association", Description: "a DNS Firewall rule group applied to a VPC (id = rslvr-frgassoc-...)", Fields: firewallAssociationFields.Declared(), Tags: collect.TagsPerResource, Collect: firewallAssociations, DetailCalls: 1},
	},
	Calls: "query-log-config: list + associations list + per config ListTagsForResource. resolver-endpoint, resolver-rule, firewall-rule-group, firewall-domain-list, firewall-rule-group-association: list + per resource ListTagsForResource. resolver-rule-association: list",
	Relations: []collect.Relation{
		{From: "query-log-config", Kind: "associated-with", To: "ec2/vpc"},
		{From: "resolver-endpoint", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "resolver-rule", Kind: "forwards-through", To: "route53resolver/resolver-endpoint"},
		{From: "resolver-rule-association", Kind: "applies", To: "route53resolver/resolver-rule"},
		{From: "resolver-rule-association", Kind: "associated-with", To: "ec2/vpc"},
		{From: "firewall-rule-group-association", Kind: "applies", To: "route53resolver/firewall-rule-group"},
		{From: "firewall-rule-group-association", Kind: "associated-with", To: "ec2/vpc"},
		{From: "resolver-endpoint", Kind: "uses-security-group", To: "ec2/security-group"},
	},
}

// created parses the API's ISO 8601 string timestamps; unparsable gives "".
func created(s *string) string {
	ts, err := time.Parse(time.RFC3339, aws.ToString(s))
	if err != nil {
		return ""
	}
	return model.Time(&ts)
}

// emitTagged fetches each resource's tags concurrently, then emits it.
func emitTagged(ctx context.Context, t *collect.Task, api *route53resolver.Client, rs []*model.Resource) {
	collect.ForEach(ctx, rs, func(ctx context.Context, r *model.Resource) {
		tags := map[string]string{}
		p := route53resolver.NewListTagsForResourcePaginator(api, &route53resolver.ListTagsForResourceInput{ResourceArn: aws.String(r.ARN)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Warn("ListTagsForResource", err)
				tags = nil
				break
			}
			for _, tg := range page.Tags {
				tags[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
			}
		}
		r.Tags = tags
		t.Emit(r)
	})
}

// queryLogConfig is a listed configuration with the VPCs associated with
// it; vpcsListed is false when the associations could not be listed (the
// vpc_ids field is then left out).
type queryLogConfig struct {
	types.ResolverQueryLogConfig
	vpcIDs     []string
	vpcsListed bool
}

func hasVPCs(c queryLogConfig) bool { return c.vpcsListed }

var queryLogConfigFields = collect.Fields[queryLogConfig]{
	collect.Text("destination_arn", "where query logs go: S3 bucket, CloudWatch log group or Firehose stream", func(c queryLogConfig) *string { return c.DestinationArn }),
	collect.Enum("status", "CREATING, CREATED, DELETING, FAILED", func(c queryLogConfig) types.ResolverQueryLogConfigStatus { return c.Status }),
	collect.Computed("association_count", model.Integer, "number of VPCs whose queries are logged", func(c queryLogConfig) any { return c.AssociationCount }),
	collect.Enum("share_status", "NOT_SHARED, SHARED_WITH_ME or SHARED_BY_ME (RAM)", func(c queryLogConfig) types.ShareStatus { return c.ShareStatus }),
	collect.Text("owner_id", "account that owns the configuration", func(c queryLogConfig) *string { return c.OwnerId }),
	collect.When(hasVPCs, collect.Computed("vpc_ids", model.JSON, "VPCs associated with the configuration", func(c queryLogConfig) any {
		return append([]string{}, c.vpcIDs...)
	})),
}

func queryLogConfigs(ctx context.Context, t *collect.Task) error {
	api := route53resolver.NewFromConfig(t.Config)
	p := route53resolver.NewListResolverQueryLogConfigsPaginator(api, &route53resolver.ListResolverQueryLogConfigsInput{MaxResults: t.PageSize(100)})
	// The associations are listed once, after the first page of
	// configurations: an index every page's configurations look up.
	var (
		vpcs   map[string][]string
		err    error
		listed bool
	)
	return collect.EachPage(ctx, p, func(page *route53resolver.ListResolverQueryLogConfigsOutput) error {
		if !listed {
			listed = true
			// Without the associations the configurations are still worth keeping.
			vpcs, err = associatedVPCs(ctx, t, api)
			t.Warn("ListResolverQueryLogConfigAssociations", err)
		}
		rs := make([]*model.Resource, 0, len(page.ResolverQueryLogConfigs))
		for _, c := range page.ResolverQueryLogConfigs {
			id := aws.ToString(c.Id)
			key := t.Key("query-log-config", id)
			for _, vpc := range vpcs[id] {
				t.Relate(key, "associated-with", t.Ref("ec2", "vpc", vpc))
			}
			rs = append(rs, &model.Resource{Key: key, ARN: aws.ToString(c.Arn), Name: aws.ToString(c.Name),
				CreatedAt: created(c.CreationTime), Details: queryLogConfigFields.Details(queryLogConfig{ResolverQueryLogConfig: c, vpcIDs: vpcs[id], vpcsListed: err == nil})})
		}
		emitTagged(ctx, t, api, rs)
		return nil
	})
}

// associatedVPCs lists every query logging association once and groups the
// VPC ids by configuration id.
func associatedVPCs(ctx context.Context, t *collect.Task, api *route53resolver.Client) (map[string][]string, error) {
	vpcs := map[string][]string{}
	p := route53resolver.NewListResolverQueryLogConfigAssociationsPaginator(api,
		&route53resolver.ListResolverQueryLogConfigAssociationsInput{MaxResults: t.PageSize(100)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, a := range page.ResolverQueryLogConfigAssociations {
			id := aws.ToString(a.ResolverQueryLogConfigId)
			vpcs[id] = append(vpcs[id], aws.ToString(a.ResourceId))
		}
	}
	return vpcs, nil
}

var endpointFields = collect.Fields[types.ResolverEndpoint]{
	collect.Enum("direction", "INBOUND (queries from the network into the VPC) or OUTBOUND", func(e types.ResolverEndpoint) types.ResolverEndpointDirection { return e.Direction }),
	collect.Computed("ip_address_count", model.Integer, "number of IP addresses (ENIs) of the endpoint", func(e types.ResolverEndpoint) any { return aws.ToInt32(e.IpAddressCount) }),
	collect.Text("vpc_id", "VPC hosting the endpoint", func(e types.ResolverEndpoint) *string { return e.HostVPCId }),
	collect.Enum("status", "CREATING, OPERATIONAL, UPDATING, AUTO_RECOVERING, ACTION_NEEDED, DELETING", func(e types.ResolverEndpoint) types.ResolverEndpointStatus { return e.Status }),
	collect.Computed("security_group_ids", model.JSON, "security groups of the endpoint's interfaces", func(e types.ResolverEndpoint) any { return e.SecurityGroupIds }),
	collect.Enum("endpoint_type", "IPV4, IPV6 or DUALSTACK", func(e types.ResolverEndpoint) types.ResolverEndpointType { return e.ResolverEndpointType }),
	collect.Computed("protocols", model.JSON, "DNS protocols: Do53, DoH, DoH-FIPS", func(e types.ResolverEndpoint) any {
		var protocols []string
		for _, p := range e.Protocols {
			protocols = append(protocols, string(p))
		}
		return protocols
	}),
}

func endpoints(ctx context.Context, t *collect.Task) error {
	api := route53resolver.NewFromConfig(t.Config)
	p := route53resolver.NewListResolverEndpointsPaginator(api, &route53resolver.ListResolverEndpointsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *route53resolver.ListResolverEndpointsOutput) error {
		rs := make([]*model.Resource, 0, len(page.ResolverEndpoints))
		for _, e := range page.ResolverEndpoints {
			rs = append(rs, endpoint(t, e))
		}
		emitTagged(ctx, t, api, rs)
		return nil
	})
}

func endpoint(t *collect.Task, e types.ResolverEndpoint) *model.Resource {
	id, vpc := aws.ToString(e.Id), aws.ToString(e.HostVPCId)
	key := t.Key("resolver-endpoint", id)
	t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", vpc))
	for _, sg := range e.SecurityGroupIds {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	return &model.Resource{
		Key:       key,
		ARN:       aws.ToString(e.Arn),
		Name:      aws.ToString(e.Name),
		CreatedAt: created(e.CreationTime),
		Details:   endpointFields.Details(e),
	}
}
