// Package ec2 collects EC2 compute and VPC networking resources.
package ec2

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the EC2 collector.
var Service = &collect.Service{
	Name:        "ec2",
	Description: "EC2 instances, volumes, images, networking (VPC) resources",
	Types: []collect.Type{
		{Name: "instance", Description: "EC2 instance (every state but terminated)", Fields: instanceFields.Declared(), Tags: collect.TagsListed, Collect: instances},
		{Name: "volume", Description: "EBS volume", Fields: volumeFields.Declared(), Tags: collect.TagsListed, Collect: volumes},
		{Name: "snapshot", Description: "EBS snapshot owned by the account (public ones found by one filtered listing)", Fields: snapshotFields.Declared(), Tags: collect.TagsListed, Collect: snapshots},
		{Name: "ami", Description: "machine image (AMI) owned by the account", Fields: amiFields.Declared(), Tags: collect.TagsListed, Collect: amis},
		{Name: "elastic-ip", Description: "Elastic IP address, keyed by allocation id", Fields: elasticIPFields.Declared(), Tags: collect.TagsListed, Collect: elasticIPs},
		{Name: "security-group", Description: "VPC security group with its rules", Fields: securityGroupFields.Declared(), Tags: collect.TagsListed, Collect: securityGroups},
		{Name: "network-interface", Description: "elastic network interface (ENI)", Fields: networkInterfaceFields.Declared(), Tags: collect.TagsListed, Collect: networkInterfaces},
		{Name: "key-pair", Description: "SSH key pair, keyed by name (public key not stored)", Fields: keyPairFields.Declared(), Tags: collect.TagsListed, Collect: keyPairs},
		{Name: "launch-template", Description: "launch template (versions not expanded)", Fields: launchTemplateFields.Declared(), Tags: collect.TagsListed, Collect: launchTemplates},
		{Name: "vpc", Description: "VPC; is_default for the region's default VPC", Fields: vpcFields.Declared(), Tags: collect.TagsListed, Collect: vpcs},
		{Name: "subnet", Description: "VPC subnet; is_default for the default subnets of the default VPC", Fields: subnetFields.Declared(), Tags: collect.TagsListed, Collect: subnets},
		{Name: "route-table", Description: "VPC route table; is_default for the main table of the default VPC (one extra DescribeVpcs call finds it)", Fields: routeTableFields.Declared(), Tags: collect.TagsListed, Collect: routeTables},
		{Name: "internet-gateway", Description: "internet gateway; is_default when attached to the default VPC (one extra DescribeVpcs call finds it)", Fields: internetGatewayFields.Declared(), Tags: collect.TagsListed, Collect: internetGateways},
		{Name: "nat-gateway", Description: "NAT gateway (deleted ones skipped)", Fields: natGatewayFields.Declared(), Tags: collect.TagsListed, Collect: natGateways},
		{Name: "network-acl", Description: "VPC network ACL with its entries", Fields: networkACLFields.Declared(), Tags: collect.TagsListed, Collect: networkACLs},
		{Name: "vpc-endpoint", Description: "VPC endpoint (gateway, interface, ...)", Fields: vpcEndpointFields.Declared(), Tags: collect.TagsListed, Collect: vpcEndpoints},
		{Name: "vpc-peering-connection", Description: "VPC peering connection, from either side (deleted ones skipped)", Fields: vpcPeeringFields.Declared(), Tags: collect.TagsListed, Collect: vpcPeeringConnections},
		{Name: "transit-gateway", Description: "transit gateway (deleted ones skipped)", Fields: transitGatewayFields.Declared(), Tags: collect.TagsListed, Collect: transitGateways},
		{Name: "transit-gateway-attachment", Description: "attachment of a VPC, VPN, peering... to a transit gateway (deleted ones skipped)", Fields: tgwAttachmentFields.Declared(), Tags: collect.TagsListed, Collect: tgwAttachments},
		{Name: "dhcp-options", Description: "DHCP options set; is_default when used by the default VPC (one extra DescribeVpcs call finds it)", Fields: dhcpOptionsFields.Declared(), Tags: collect.TagsListed, Collect: dhcpOptions},
		{Name: "customer-gateway", Description: "VPN customer gateway (deleted ones skipped)", Fields: customerGatewayFields.Declared(), Tags: collect.TagsListed, Collect: customerGateways},
		{Name: "flow-log", Description: "VPC/subnet/ENI flow log", Fields: flowLogFields.Declared(), Tags: collect.TagsListed, Collect: flowLogs},
		{Name: "managed-prefix-list", Description: "customer-managed prefix list (the AWS-managed ones skipped)", Fields: prefixListFields.Declared(), Tags: collect.TagsListed, Collect: managedPrefixLists},
		{Name: "spot-instance-request", Description: "spot instance request, in every state AWS still lists", Fields: spotRequestFields.Declared(), Tags: collect.TagsListed, Collect: spotInstanceRequests},
		{Name: "spot-fleet-request", Description: "spot fleet request, in every state AWS still lists", Fields: spotFleetFields.Declared(), Tags: collect.TagsListed, Collect: spotFleetRequests},
		{Name: "ec2-fleet", Description: "EC2 Fleet (deleted ones skipped, whatever their instances do)", Fields: fleetFields.Declared(), Tags: collect.TagsListed, Collect: fleets},
		{Name: "dedicated-host", Description: "Dedicated Host (released ones skipped)", Fields: hostFields.Declared(), Tags: collect.TagsListed, Collect: dedicatedHosts},
		{Name: "vpn-connection", Description: "site-to-site VPN connection (deleted ones skipped; the gateway configuration, which holds the tunnel keys, is not stored)", Fields: vpnConnectionFields.Declared(), Tags: collect.TagsListed, Collect: vpnConnections},
		{Name: "vpn-gateway", Description: "virtual private gateway (deleted ones skipped)", Fields: vpnGatewayFields.Declared(), Tags: collect.TagsListed, Collect: vpnGateways},
		{Name: "egress-only-internet-gateway", Description: "egress-only internet gateway (IPv6 outbound)", Fields: egressOnlyGatewayFields.Declared(), Tags: collect.TagsListed, Collect: egressOnlyInternetGateways},
		{Name: "carrier-gateway", Description: "Wavelength carrier gateway (deleted ones skipped)", Fields: carrierGatewayFields.Declared(), Tags: collect.TagsListed, Collect: carrierGateways},
		{Name: "transit-gateway-route-table", Description: "transit gateway route table (deleted ones skipped)", Fields: tgwRouteTableFields.Declared(), Tags: collect.TagsListed, Collect: tgwRouteTables},
		{Name: "traffic-mirror-filter", Description: "traffic mirror filter", Fields: mirrorFilterFields.Declared(), Tags: collect.TagsListed, Collect: trafficMirrorFilters},
		{Name: "traffic-mirror-target", Description: "traffic mirror target (ENI, NLB or GWLB endpoint)", Fields: mirrorTargetFields.Declared(), Tags: collect.TagsListed, Collect: trafficMirrorTargets},
		{Name: "placement-group", Description: "placement group, keyed by name (deleted ones skipped)", Fields: placementGroupFields.Declared(), Tags: collect.TagsListed, Collect: placementGroups},
		{Name: "capacity-reservation", Description: "On-Demand Capacity Reservation or Capacity Block, in every state AWS still lists", Fields: capacityReservationFields.Declared(), Tags: collect.TagsListed, Collect: capacityReservations},
		{Name: "ipam", Description: "VPC IP Address Manager, in its home region", Fields: ipamFields.Declared(), Tags: collect.TagsListed, Collect: ipams},
		{Name: "ipam-scope", Description: "IPAM scope (public or private address space)", Fields: ipamScopeFields.Declared(), Tags: collect.TagsListed, Collect: ipamScopes},
		{Name: "ipam-pool", Description: "IPAM address pool", Fields: ipamPoolFields.Declared(), Tags: collect.TagsListed, Collect: ipamPools},
		{Name: "vpc-endpoint-service", Description: "endpoint service (PrivateLink) this account offers (deleted ones skipped)", Fields: endpointServiceFields.Declared(), Tags: collect.TagsListed, Collect: vpcEndpointServices},
		{Name: "client-vpn-endpoint", Description: "Client VPN endpoint (deleted ones skipped)", Fields: clientVPNFields.Declared(), Tags: collect.TagsListed, Collect: clientVPNEndpoints},
		{Name: "instance-connect-endpoint", Description: "EC2 Instance Connect endpoint (deleted ones skipped)", Fields: instanceConnectFields.Declared(), Tags: collect.TagsListed, Collect: instanceConnectEndpoints},
		{Name: "network-insights-path", Description: "Reachability Analyzer path (source, destination, protocol)", Fields: insightsPathFields.Declared(), Tags: collect.TagsListed, Collect: networkInsightsPaths},
	},
	Calls: "every type: 1 paged Describe* call (≤1000 per page). snapshot: + DescribeSnapshots filtered on RestorableByUserIds=all (paged; the public ones) + up to 3 DescribeSnapshotAttribute checking that answer (an endpoint that ignores the filter, like moto, leaves `shared_publicly` null and the collection partial). ami: `public` comes with DescribeImages. route-table, internet-gateway, dhcp-options: + 1 DescribeVpcs filtered on is-default (default VPC flag), made once for the three. key-pair, elastic-ip, customer-gateway, vpn-connection, vpn-gateway, placement-group: 1 call (no paging in the API)",
	Relations: []collect.Relation{
		{From: "ami", Kind: "created-from", To: "ec2/snapshot"},
		{From: "elastic-ip", Kind: "associated-with", To: "ec2/instance"},
		{From: "elastic-ip", Kind: "associated-with", To: "ec2/network-interface"},
		{From: "flow-log", Kind: "logs-to", To: "logs/log-group"},
		{From: "flow-log", Kind: "logs-to", To: "s3/bucket"},
		{From: "instance", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "instance", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "instance", Kind: "uses-instance-profile", To: "iam/instance-profile"},
		{From: "instance", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "internet-gateway", Kind: "attached-to", To: "ec2/vpc"},
		{From: "nat-gateway", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "network-acl", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "network-interface", Kind: "attached-to", To: "ec2/instance"},
		{From: "network-interface", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "network-interface", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "route-table", Kind: "associated-with", To: "ec2/subnet"},
		{From: "route-table", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "security-group", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "security-group", Kind: "references-security-group", To: "ec2/security-group"},
		{From: "snapshot", Kind: "created-from", To: "ec2/volume"},
		{From: "subnet", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "transit-gateway-attachment", Kind: "attached-to", To: "ec2/vpc"},
		{From: "transit-gateway-attachment", Kind: "attached-to-tgw", To: "ec2/transit-gateway"},
		{From: "volume", Kind: "attached-to", To: "ec2/instance"},
		{From: "volume", Kind: "encrypted-with", To: "kms/key"},
		{From: "vpc-endpoint", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "carrier-gateway", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "dedicated-host", Kind: "hosts", To: "ec2/instance"},
		{From: "ec2-fleet", Kind: "uses-launch-template", To: "ec2/launch-template"},
		{From: "egress-only-internet-gateway", Kind: "attached-to", To: "ec2/vpc"},
		{From: "spot-fleet-request", Kind: "assumes-role", To: "iam/role"},
		{From: "spot-fleet-request", Kind: "uses-launch-template", To: "ec2/launch-template"},
		{From: "spot-instance-request", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "spot-instance-request", Kind: "launched", To: "ec2/instance"},
		{From: "traffic-mirror-target", Kind: "sends-to", To: "ec2/network-interface"},
		{From: "traffic-mirror-target", Kind: "sends-to", To: "elbv2/load-balancer"},
		{From: "transit-gateway-route-table", Kind: "in-transit-gateway", To: "ec2/transit-gateway"},
		{From: "vpn-connection", Kind: "connects", To: "ec2/customer-gateway"},
		{From: "vpn-connection", Kind: "connects", To: "ec2/transit-gateway"},
		{From: "vpn-connection", Kind: "connects", To: "ec2/vpn-gateway"},
		{From: "vpn-gateway", Kind: "attached-to", To: "ec2/vpc"},
		{From: "capacity-reservation", Kind: "in-placement-group", To: "ec2/placement-group"},
		{From: "client-vpn-endpoint", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "client-vpn-endpoint", Kind: "logs-to", To: "logs/log-group"},
		{From: "client-vpn-endpoint", Kind: "uses-certificate", To: "acm/certificate"},
		{From: "client-vpn-endpoint", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "instance-connect-endpoint", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "instance-connect-endpoint", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "ipam-pool", Kind: "in", To: "ec2/ipam-pool"},
		{From: "ipam-pool", Kind: "in", To: "ec2/ipam-scope"},
		{From: "ipam-scope", Kind: "in", To: "ec2/ipam"},
		{From: "vpc-endpoint-service", Kind: "routes-to", To: "elbv2/load-balancer"},
	},
}

func client(t *collect.Task) *ec2.Client { return ec2.NewFromConfig(t.Config) }

func tags(ts []types.Tag) map[string]string {
	return collect.TagMap(ts, func(t types.Tag) (*string, *string) { return t.Key, t.Value })
}

// nameTag is the conventional display name of EC2 resources.
func nameTag(ts []types.Tag) string { return tags(ts)["Name"] }

// eachPage is collect.EachPage for a page function that cannot fail.
func eachPage[Out any](ctx context.Context, p collect.Pager[ec2.Options, Out], fn func(page *Out)) error {
	return collect.EachPage(ctx, p, func(page *Out) error { fn(page); return nil })
}

// arn builds the ARN of an EC2 resource; owner defaults to the task account.
func arn(t *collect.Task, owner *string, resource string) string {
	return collect.ARN(t, "ec2", aws.ToString(owner), resource)
}

// firstOf is the first non-empty string.
func firstOf(ps ...*string) string {
	for _, p := range ps {
		if s := aws.ToString(p); s != "" {
			return s
		}
	}
	return ""
}

// textTime converts the string timestamps of the images API; unparsable gives "".
func textTime(s *string) string {
	tm, err := time.Parse(time.RFC3339, aws.ToString(s))
	if err != nil {
		return ""
	}
	return model.Time(&tm)
}

// protocol normalises AWS's "-1" (every protocol) to "all".
func protocol(p *string) string {
	if s := aws.ToString(p); s != "-1" {
		return s
	}
	return "all"
}
