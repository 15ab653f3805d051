package ec2

import (
	"context"
	"fmt"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var securityGroupFields = collect.Fields[types.SecurityGroup]{
	collect.Text("group_name", "group name", func(g types.SecurityGroup) *string { return g.GroupName }),
	collect.Text("description", "description", func(g types.SecurityGroup) *string { return g.Description }),
	collect.Text("vpc_id", "VPC of the group", func(g types.SecurityGroup) *string { return g.VpcId }),
	collect.Computed("ingress_rules", model.JSON, "inbound rules: [{protocol (all for any), from_port, to_port, cidrs, ipv6_cidrs, prefix_list_ids, referenced_group_ids}]", func(g types.SecurityGroup) any {
		return sgRules(g.IpPermissions)
	}),
	collect.Computed("egress_rules", model.JSON, "outbound rules, same shape as ingress_rules", func(g types.SecurityGroup) any { return sgRules(g.IpPermissionsEgress) }),
	collect.Computed("open_to_world", model.Boolean, "some inbound rule allows 0.0.0.0/0 or ::/0", func(g types.SecurityGroup) any { return len(openPorts(g)) > 0 }),
	collect.Computed("open_ports_to_world", model.JSON, `inbound "protocol:from-to" (or "protocol:all") ranges open to 0.0.0.0/0 or ::/0`, func(g types.SecurityGroup) any {
		return openPorts(g)
	}),
}

// sgRule is one stored security group rule (an IpPermission).
type sgRule struct {
	Protocol           string   `json:"protocol"`
	FromPort           *int32   `json:"from_port"`
	ToPort             *int32   `json:"to_port"`
	CIDRs              []string `json:"cidrs"`
	IPv6CIDRs          []string `json:"ipv6_cidrs"`
	PrefixListIDs      []string `json:"prefix_list_ids"`
	ReferencedGroupIDs []string `json:"referenced_group_ids"`
}

func newSGRule(p types.IpPermission) sgRule {
	return sgRule{
		Protocol:           protocol(p.IpProtocol),
		FromPort:           p.FromPort,
		ToPort:             p.ToPort,
		CIDRs:              collect.IDs(p.IpRanges, func(r types.IpRange) *string { return r.CidrIp }),
		IPv6CIDRs:          collect.IDs(p.Ipv6Ranges, func(r types.Ipv6Range) *string { return r.CidrIpv6 }),
		PrefixListIDs:      collect.IDs(p.PrefixListIds, func(r types.PrefixListId) *string { return r.PrefixListId }),
		ReferencedGroupIDs: collect.IDs(p.UserIdGroupPairs, func(r types.UserIdGroupPair) *string { return r.GroupId }),
	}
}

// openToWorld reports whether the rule admits any IPv4 or IPv6 address.
func (r sgRule) openToWorld() bool {
	return slices.Contains(r.CIDRs, "0.0.0.0/0") || slices.Contains(r.IPv6CIDRs, "::/0")
}

// ports renders the rule as "tcp:22-22"; -1 or absent ports mean all of them.
func (r sgRule) ports() string {
	if r.FromPort == nil || r.ToPort == nil || *r.FromPort == -1 || r.Protocol == "all" {
		return r.Protocol + ":all"
	}
	return fmt.Sprintf("%s:%d-%d", r.Protocol, *r.FromPort, *r.ToPort)
}

func sgRules(ps []types.IpPermission) []sgRule {
	rules := make([]sgRule, 0, len(ps))
	for _, p := range ps {
		rules = append(rules, newSGRule(p))
	}
	return rules
}

// openPorts are the port ranges of g's inbound rules open to the world; a
// never-nil list so it is stored as a JSON list.
func openPorts(g types.SecurityGroup) []string {
	open := []string{}
	for _, r := range sgRules(g.IpPermissions) {
		if r.openToWorld() {
			open = append(open, r.ports())
		}
	}
	return open
}

func securityGroups(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeSecurityGroupsPaginator(client(t), &ec2.DescribeSecurityGroupsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeSecurityGroupsOutput) {
		for _, g := range page.SecurityGroups {
			emitSecurityGroup(t, g)
		}
	})
}

func emitSecurityGroup(t *collect.Task, g types.SecurityGroup) {
	id := aws.ToString(g.GroupId)
	key := t.Key("security-group", id)
	resourceARN := aws.ToString(g.SecurityGroupArn)
	if resourceARN == "" {
		resourceARN = arn(t, g.OwnerId, "security-group/"+id)
	}
	name := aws.ToString(g.GroupName)
	t.Emit(&model.Resource{
		Key: key, ARN: resourceARN, Name: name, IsDefault: name == "default", Tags: tags(g.Tags),
		Details: securityGroupFields.Details(g),
	})
	t.Relate(key, "in-vpc", t.Key("vpc", aws.ToString(g.VpcId)))
	seen := map[string]bool{id: true}
	for _, p := range slices.Concat(g.IpPermissions, g.IpPermissionsEgress) {
		for _, pair := range p.UserIdGroupPairs {
			ref := aws.ToString(pair.GroupId)
			// Groups of other accounts (peered VPCs) are not ours to key.
			if seen[ref] || (pair.UserId != nil && aws.ToString(pair.UserId) != aws.ToString(g.OwnerId)) {
				continue
			}
			seen[ref] = true
			t.Relate(key, "references-security-group", t.Key("security-group", ref))
		}
	}
}
