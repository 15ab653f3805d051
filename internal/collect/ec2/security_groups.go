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

var securityGroupFields = []model.Field{
	{Name: "group_name", Type: "text", Description: "group name"},
	{Name: "description", Type: "text", Description: "description"},
	{Name: "vpc_id", Type: "text", Description: "VPC of the group"},
	{Name: "ingress_rules", Type: "json", Description: "inbound rules: [{protocol (all for any), from_port, to_port, cidrs, ipv6_cidrs, prefix_list_ids, referenced_group_ids}]"},
	{Name: "egress_rules", Type: "json", Description: "outbound rules, same shape as ingress_rules"},
	{Name: "open_to_world", Type: "boolean", Description: "some inbound rule allows 0.0.0.0/0 or ::/0"},
	{Name: "open_ports_to_world", Type: "json", Description: `inbound "protocol:from-to" (or "protocol:all") ranges open to 0.0.0.0/0 or ::/0`},
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
		CIDRs:              ids(p.IpRanges, func(r types.IpRange) *string { return r.CidrIp }),
		IPv6CIDRs:          ids(p.Ipv6Ranges, func(r types.Ipv6Range) *string { return r.CidrIpv6 }),
		PrefixListIDs:      ids(p.PrefixListIds, func(r types.PrefixListId) *string { return r.PrefixListId }),
		ReferencedGroupIDs: ids(p.UserIdGroupPairs, func(r types.UserIdGroupPair) *string { return r.GroupId }),
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
	openPorts := []string{}
	ingress := make([]sgRule, 0, len(g.IpPermissions))
	for _, p := range g.IpPermissions {
		r := newSGRule(p)
		ingress = append(ingress, r)
		if r.openToWorld() {
			openPorts = append(openPorts, r.ports())
		}
	}
	egress := make([]sgRule, 0, len(g.IpPermissionsEgress))
	for _, p := range g.IpPermissionsEgress {
		egress = append(egress, newSGRule(p))
	}
	resourceARN := aws.ToString(g.SecurityGroupArn)
	if resourceARN == "" {
		resourceARN = arn(t, g.OwnerId, "security-group/"+id)
	}
	name := aws.ToString(g.GroupName)
	t.Emit(&model.Resource{
		Key: key, ARN: resourceARN, Name: name, IsDefault: name == "default", Tags: tags(g.Tags),
		Details: map[string]any{
			"group_name":          name,
			"description":         aws.ToString(g.Description),
			"vpc_id":              aws.ToString(g.VpcId),
			"ingress_rules":       ingress,
			"egress_rules":        egress,
			"open_to_world":       len(openPorts) > 0,
			"open_ports_to_world": openPorts,
		},
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
