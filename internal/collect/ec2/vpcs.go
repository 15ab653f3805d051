package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var vpcFields = []model.Field{
	{Name: "cidr_block", Type: "text", Description: "primary IPv4 CIDR"},
	{Name: "cidr_blocks", Type: "json", Description: "every associated IPv4 CIDR"},
	{Name: "state", Type: "text", Description: "pending or available"},
	{Name: "dhcp_options_id", Type: "text", Description: "DHCP options set in use"},
	{Name: "instance_tenancy", Type: "text", Description: "default, dedicated or host"},
}

func vpcs(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeVpcsPaginator(client(t), &ec2.DescribeVpcsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeVpcsOutput) {
		for _, v := range page.Vpcs {
			id := aws.ToString(v.VpcId)
			t.Emit(&model.Resource{
				Key: t.Key("vpc", id), ARN: arn(t, v.OwnerId, "vpc/"+id), Name: nameTag(v.Tags),
				IsDefault: aws.ToBool(v.IsDefault), Tags: tags(v.Tags),
				Details: map[string]any{
					"cidr_block":       aws.ToString(v.CidrBlock),
					"cidr_blocks":      ids(v.CidrBlockAssociationSet, func(a types.VpcCidrBlockAssociation) *string { return a.CidrBlock }),
					"state":            string(v.State),
					"dhcp_options_id":  aws.ToString(v.DhcpOptionsId),
					"instance_tenancy": string(v.InstanceTenancy),
				},
			})
		}
	})
}

// defaultVPCs finds the region's default VPC (there is at most one, so one
// filtered call, no paging) for the types whose is_default depends on it.
// Failing costs only that flag, so it is a warning, not an error.
func defaultVPCs(ctx context.Context, t *collect.Task, api *ec2.Client) map[string]types.Vpc {
	out, err := api.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{
		Filters: []types.Filter{{Name: aws.String("is-default"), Values: []string{"true"}}},
	})
	if err != nil {
		t.Warn("DescribeVpcs", err)
		return nil
	}
	m := make(map[string]types.Vpc, len(out.Vpcs))
	for _, v := range out.Vpcs {
		m[aws.ToString(v.VpcId)] = v
	}
	return m
}

var subnetFields = []model.Field{
	{Name: "vpc_id", Type: "text", Description: "VPC"},
	{Name: "availability_zone", Type: "text", Description: "availability zone"},
	{Name: "cidr_block", Type: "text", Description: "IPv4 CIDR"},
	{Name: "available_ips", Type: "integer", Description: "unused IPv4 addresses"},
	{Name: "map_public_ip_on_launch", Type: "boolean", Description: "instances get a public IPv4 address by default"},
}

func subnets(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeSubnetsPaginator(client(t), &ec2.DescribeSubnetsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeSubnetsOutput) {
		for _, s := range page.Subnets {
			id := aws.ToString(s.SubnetId)
			resourceARN := aws.ToString(s.SubnetArn)
			if resourceARN == "" {
				resourceARN = arn(t, s.OwnerId, "subnet/"+id)
			}
			key := t.Key("subnet", id)
			t.Emit(&model.Resource{
				Key: key, ARN: resourceARN, Name: nameTag(s.Tags), IsDefault: aws.ToBool(s.DefaultForAz), Tags: tags(s.Tags),
				Details: map[string]any{
					"vpc_id":                  aws.ToString(s.VpcId),
					"availability_zone":       aws.ToString(s.AvailabilityZone),
					"cidr_block":              aws.ToString(s.CidrBlock),
					"available_ips":           aws.ToInt32(s.AvailableIpAddressCount),
					"map_public_ip_on_launch": aws.ToBool(s.MapPublicIpOnLaunch),
				},
			})
			t.Relate(key, "in-vpc", t.Key("vpc", aws.ToString(s.VpcId)))
		}
	})
}

var routeTableFields = []model.Field{
	{Name: "vpc_id", Type: "text", Description: "VPC"},
	{Name: "routes", Type: "json", Description: "[{destination (CIDR or prefix list), target (gateway, NAT, peering, ENI... id), state}]"},
	{Name: "main", Type: "boolean", Description: "the VPC's main route table (used by subnets without an explicit association)"},
	{Name: "associated_subnet_ids", Type: "json", Description: "subnets explicitly associated"},
}

// route is one stored route-table entry.
type route struct {
	Destination string `json:"destination"`
	Target      string `json:"target"`
	State       string `json:"state"`
}

func newRoute(r types.Route) route {
	return route{
		Destination: firstOf(r.DestinationCidrBlock, r.DestinationIpv6CidrBlock, r.DestinationPrefixListId),
		Target: firstOf(r.GatewayId, r.NatGatewayId, r.TransitGatewayId, r.VpcPeeringConnectionId, r.NetworkInterfaceId,
			r.InstanceId, r.EgressOnlyInternetGatewayId, r.CarrierGatewayId, r.LocalGatewayId, r.CoreNetworkArn, r.OdbNetworkArn),
		State: string(r.State),
	}
}

func routeTables(ctx context.Context, t *collect.Task) error {
	api := client(t)
	defaults := defaultVPCs(ctx, t, api)
	p := ec2.NewDescribeRouteTablesPaginator(api, &ec2.DescribeRouteTablesInput{MaxResults: t.PageSize(100)})
	return eachPage(ctx, p, func(page *ec2.DescribeRouteTablesOutput) {
		for _, rt := range page.RouteTables {
			emitRouteTable(t, rt, defaults)
		}
	})
}

func emitRouteTable(t *collect.Task, rt types.RouteTable, defaultVPCs map[string]types.Vpc) {
	id := aws.ToString(rt.RouteTableId)
	vpc := aws.ToString(rt.VpcId)
	main := false
	for _, a := range rt.Associations {
		main = main || aws.ToBool(a.Main)
	}
	subnets := ids(rt.Associations, func(a types.RouteTableAssociation) *string { return a.SubnetId })
	routes := make([]route, 0, len(rt.Routes))
	for _, r := range rt.Routes {
		routes = append(routes, newRoute(r))
	}
	_, inDefaultVPC := defaultVPCs[vpc]
	key := t.Key("route-table", id)
	t.Emit(&model.Resource{
		Key: key, ARN: arn(t, rt.OwnerId, "route-table/"+id), Name: nameTag(rt.Tags),
		IsDefault: main && inDefaultVPC, Tags: tags(rt.Tags),
		Details: map[string]any{"vpc_id": vpc, "routes": routes, "main": main, "associated_subnet_ids": subnets},
	})
	t.Relate(key, "in-vpc", t.Key("vpc", vpc))
	for _, s := range subnets {
		t.Relate(key, "associated-with", t.Key("subnet", s))
	}
}

var internetGatewayFields = []model.Field{
	{Name: "attached_vpc_ids", Type: "json", Description: "VPCs it is attached to"},
}

func internetGateways(ctx context.Context, t *collect.Task) error {
	api := client(t)
	defaults := defaultVPCs(ctx, t, api)
	p := ec2.NewDescribeInternetGatewaysPaginator(api, &ec2.DescribeInternetGatewaysInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeInternetGatewaysOutput) {
		for _, g := range page.InternetGateways {
			id := aws.ToString(g.InternetGatewayId)
			attached := ids(g.Attachments, func(a types.InternetGatewayAttachment) *string { return a.VpcId })
			isDefault := false
			for _, v := range attached {
				_, ok := defaults[v]
				isDefault = isDefault || ok
			}
			key := t.Key("internet-gateway", id)
			t.Emit(&model.Resource{
				Key: key, ARN: arn(t, g.OwnerId, "internet-gateway/"+id), Name: nameTag(g.Tags),
				IsDefault: isDefault, Tags: tags(g.Tags), Details: map[string]any{"attached_vpc_ids": attached},
			})
			for _, v := range attached {
				t.Relate(key, "attached-to", t.Key("vpc", v))
			}
		}
	})
}

var natGatewayFields = []model.Field{
	{Name: "state", Type: "text", Description: "pending, available, failed, deleting", Values: collect.Values(types.NatGatewayState("").Values())},
	{Name: "connectivity_type", Type: "text", Description: "public or private"},
	{Name: "subnet_id", Type: "text", Description: "subnet it lives in"},
	{Name: "vpc_id", Type: "text", Description: "VPC"},
	{Name: "public_ips", Type: "json", Description: "Elastic IP addresses"},
	{Name: "private_ips", Type: "json", Description: "private addresses"},
}

func natGateways(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeNatGatewaysPaginator(client(t), &ec2.DescribeNatGatewaysInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeNatGatewaysOutput) {
		for _, n := range page.NatGateways {
			// Deleted gateways stay listed for about an hour; they are gone.
			if n.State == types.NatGatewayStateDeleted {
				continue
			}
			id := aws.ToString(n.NatGatewayId)
			key := t.Key("nat-gateway", id)
			t.Emit(&model.Resource{
				Key: key, ARN: arn(t, nil, "natgateway/"+id), Name: nameTag(n.Tags),
				CreatedAt: model.Time(n.CreateTime), Tags: tags(n.Tags),
				Details: map[string]any{
					"state":             string(n.State),
					"connectivity_type": string(n.ConnectivityType),
					"subnet_id":         aws.ToString(n.SubnetId),
					"vpc_id":            aws.ToString(n.VpcId),
					"public_ips":        ids(n.NatGatewayAddresses, func(a types.NatGatewayAddress) *string { return a.PublicIp }),
					"private_ips":       ids(n.NatGatewayAddresses, func(a types.NatGatewayAddress) *string { return a.PrivateIp }),
				},
			})
			t.Relate(key, "in-subnet", t.Key("subnet", aws.ToString(n.SubnetId)))
		}
	})
}

var networkACLFields = []model.Field{
	{Name: "vpc_id", Type: "text", Description: "VPC"},
	{Name: "entries", Type: "json", Description: "[{rule_number, egress, protocol (all for any), action, cidr, ipv6_cidr, from_port, to_port}]"},
	{Name: "associated_subnet_ids", Type: "json", Description: "subnets using the ACL"},
}

// aclEntry is one stored network ACL entry.
type aclEntry struct {
	RuleNumber int32  `json:"rule_number"`
	Egress     bool   `json:"egress"`
	Protocol   string `json:"protocol"`
	Action     string `json:"action"`
	CIDR       string `json:"cidr,omitempty"`
	IPv6CIDR   string `json:"ipv6_cidr,omitempty"`
	FromPort   *int32 `json:"from_port,omitempty"`
	ToPort     *int32 `json:"to_port,omitempty"`
}

func newACLEntry(e types.NetworkAclEntry) aclEntry {
	a := aclEntry{
		RuleNumber: aws.ToInt32(e.RuleNumber), Egress: aws.ToBool(e.Egress), Protocol: protocol(e.Protocol),
		Action: string(e.RuleAction), CIDR: aws.ToString(e.CidrBlock), IPv6CIDR: aws.ToString(e.Ipv6CidrBlock),
	}
	if e.PortRange != nil {
		a.FromPort, a.ToPort = e.PortRange.From, e.PortRange.To
	}
	return a
}

func networkACLs(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeNetworkAclsPaginator(client(t), &ec2.DescribeNetworkAclsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeNetworkAclsOutput) {
		for _, acl := range page.NetworkAcls {
			id := aws.ToString(acl.NetworkAclId)
			entries := make([]aclEntry, 0, len(acl.Entries))
			for _, e := range acl.Entries {
				entries = append(entries, newACLEntry(e))
			}
			key := t.Key("network-acl", id)
			t.Emit(&model.Resource{
				Key: key, ARN: arn(t, acl.OwnerId, "network-acl/"+id), Name: nameTag(acl.Tags),
				IsDefault: aws.ToBool(acl.IsDefault), Tags: tags(acl.Tags),
				Details: map[string]any{
					"vpc_id":                aws.ToString(acl.VpcId),
					"entries":               entries,
					"associated_subnet_ids": ids(acl.Associations, func(a types.NetworkAclAssociation) *string { return a.SubnetId }),
				},
			})
			t.Relate(key, "in-vpc", t.Key("vpc", aws.ToString(acl.VpcId)))
		}
	})
}

var vpcEndpointFields = []model.Field{
	{Name: "vpc_id", Type: "text", Description: "VPC"},
	{Name: "service_name", Type: "text", Description: "service, e.g. com.amazonaws.eu-west-1.s3"},
	{Name: "vpc_endpoint_type", Type: "text", Description: "Gateway, Interface, GatewayLoadBalancer, ..."},
	{Name: "state", Type: "text", Description: "pendingAcceptance, available, ..."},
	{Name: "policy_present", Type: "boolean", Description: "an endpoint policy document is set"},
	{Name: "route_table_ids", Type: "json", Description: "route tables (gateway endpoints)"},
	{Name: "subnet_ids", Type: "json", Description: "subnets (interface endpoints)"},
}

func vpcEndpoints(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeVpcEndpointsPaginator(client(t), &ec2.DescribeVpcEndpointsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeVpcEndpointsOutput) {
		for _, e := range page.VpcEndpoints {
			id := aws.ToString(e.VpcEndpointId)
			key := t.Key("vpc-endpoint", id)
			t.Emit(&model.Resource{
				Key: key, ARN: arn(t, e.OwnerId, "vpc-endpoint/"+id), Name: nameTag(e.Tags),
				CreatedAt: model.Time(e.CreationTimestamp), Tags: tags(e.Tags),
				Details: map[string]any{
					"vpc_id":            aws.ToString(e.VpcId),
					"service_name":      aws.ToString(e.ServiceName),
					"vpc_endpoint_type": string(e.VpcEndpointType),
					"state":             string(e.State),
					"policy_present":    aws.ToString(e.PolicyDocument) != "",
					"route_table_ids":   append([]string{}, e.RouteTableIds...),
					"subnet_ids":        append([]string{}, e.SubnetIds...),
				},
			})
			t.Relate(key, "in-vpc", t.Key("vpc", aws.ToString(e.VpcId)))
		}
	})
}

var vpcPeeringFields = []model.Field{
	{Name: "status", Type: "text", Description: "pending-acceptance, active, rejected, expired, ..."},
	{Name: "requester_vpc_id", Type: "text", Description: "requesting VPC"},
	{Name: "requester_account_id", Type: "text", Description: "account of the requesting VPC"},
	{Name: "requester_region", Type: "text", Description: "region of the requesting VPC"},
	{Name: "accepter_vpc_id", Type: "text", Description: "accepting VPC"},
	{Name: "accepter_account_id", Type: "text", Description: "account of the accepting VPC"},
	{Name: "accepter_region", Type: "text", Description: "region of the accepting VPC"},
}

func vpcPeeringConnections(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeVpcPeeringConnectionsPaginator(client(t), &ec2.DescribeVpcPeeringConnectionsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeVpcPeeringConnectionsOutput) {
		for _, pc := range page.VpcPeeringConnections {
			var status types.VpcPeeringConnectionStateReasonCode
			if pc.Status != nil {
				status = pc.Status.Code
			}
			if status == types.VpcPeeringConnectionStateReasonCodeDeleted {
				continue
			}
			id := aws.ToString(pc.VpcPeeringConnectionId)
			d := map[string]any{"status": string(status)}
			peeringSide(d, "requester", pc.RequesterVpcInfo)
			peeringSide(d, "accepter", pc.AccepterVpcInfo)
			t.Emit(&model.Resource{
				Key: t.Key("vpc-peering-connection", id), ARN: arn(t, nil, "vpc-peering-connection/"+id),
				Name: nameTag(pc.Tags), Tags: tags(pc.Tags), Details: d,
			})
		}
	})
}

// peeringSide stores one end of a peering connection under prefix_*.
func peeringSide(d map[string]any, prefix string, info *types.VpcPeeringConnectionVpcInfo) {
	if info == nil {
		return
	}
	d[prefix+"_vpc_id"] = aws.ToString(info.VpcId)
	d[prefix+"_account_id"] = aws.ToString(info.OwnerId)
	d[prefix+"_region"] = aws.ToString(info.Region)
}
