package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var vpcFields = collect.Fields[types.Vpc]{
	collect.Text("cidr_block", "primary IPv4 CIDR", func(v types.Vpc) *string { return v.CidrBlock }),
	collect.Computed("cidr_blocks", model.JSON, "every associated IPv4 CIDR", func(v types.Vpc) any {
		return collect.IDs(v.CidrBlockAssociationSet, func(a types.VpcCidrBlockAssociation) *string { return a.CidrBlock })
	}),
	collect.Enum("state", "pending or available", func(v types.Vpc) types.VpcState { return v.State }),
	collect.Text("dhcp_options_id", "DHCP options set in use", func(v types.Vpc) *string { return v.DhcpOptionsId }),
	collect.Enum("instance_tenancy", "default, dedicated or host", func(v types.Vpc) types.Tenancy { return v.InstanceTenancy }),
}

func vpcs(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeVpcsPaginator(client(t), &ec2.DescribeVpcsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeVpcsOutput) {
		for _, v := range page.Vpcs {
			id := aws.ToString(v.VpcId)
			t.Emit(&model.Resource{
				Key: t.Key("vpc", id), ARN: arn(t, v.OwnerId, "vpc/"+id), Name: nameTag(v.Tags),
				IsDefault: aws.ToBool(v.IsDefault), Tags: tags(v.Tags),
				Details: vpcFields.Details(v),
			})
		}
	})
}

// defaultVPCs finds the region's default VPC (there is at most one, so one
// filtered call, no paging) for the types whose is_default depends on it,
// once for the three of them. Failing costs only that flag, so it is a
// warning, not an error. The map is shared: callers only read it.
func defaultVPCs(ctx context.Context, t *collect.Task, api *ec2.Client) map[string]types.Vpc {
	m, err := collect.Reuse(ctx, t, "DescribeVpcs/is-default", func(ctx context.Context) (map[string]types.Vpc, error) {
		out, err := api.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{
			Filters: []types.Filter{{Name: aws.String("is-default"), Values: []string{"true"}}},
		})
		if err != nil {
			return nil, err
		}
		m := make(map[string]types.Vpc, len(out.Vpcs))
		for _, v := range out.Vpcs {
			m[aws.ToString(v.VpcId)] = v
		}
		return m, nil
	})
	if err != nil {
		t.Warn("DescribeVpcs", err)
		return nil
	}
	return m
}

var subnetFields = collect.Fields[types.Subnet]{
	collect.Text("vpc_id", "VPC", func(s types.Subnet) *string { return s.VpcId }),
	collect.Text("availability_zone", "availability zone", func(s types.Subnet) *string { return s.AvailabilityZone }),
	collect.Text("cidr_block", "IPv4 CIDR", func(s types.Subnet) *string { return s.CidrBlock }),
	collect.Computed("available_ips", model.Integer, "unused IPv4 addresses", func(s types.Subnet) any { return aws.ToInt32(s.AvailableIpAddressCount) }),
	collect.Bool("map_public_ip_on_launch", "instances get a public IPv4 address by default", func(s types.Subnet) *bool { return s.MapPublicIpOnLaunch }),
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
				Details: subnetFields.Details(s),
			})
			t.Relate(key, "in-vpc", t.Key("vpc", aws.ToString(s.VpcId)))
		}
	})
}

var routeTableFields = collect.Fields[types.RouteTable]{
	collect.Text("vpc_id", "VPC", func(rt types.RouteTable) *string { return rt.VpcId }),
	collect.Computed("routes", model.JSON, "[{destination (CIDR or prefix list), target (gateway, NAT, peering, ENI... id), state}]", func(rt types.RouteTable) any {
		return tableRoutes(rt)
	}),
	collect.Computed("main", model.Boolean, "the VPC's main route table (used by subnets without an explicit association)", func(rt types.RouteTable) any { return mainTable(rt) }),
	collect.Computed("associated_subnet_ids", model.JSON, "subnets explicitly associated", func(rt types.RouteTable) any { return tableSubnets(rt) }),
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

// mainTable reports whether rt is its VPC's main route table.
func mainTable(rt types.RouteTable) bool {
	main := false
	for _, a := range rt.Associations {
		main = main || aws.ToBool(a.Main)
	}
	return main
}

func tableSubnets(rt types.RouteTable) []string {
	return collect.IDs(rt.Associations, func(a types.RouteTableAssociation) *string { return a.SubnetId })
}

func tableRoutes(rt types.RouteTable) []route {
	routes := make([]route, 0, len(rt.Routes))
	for _, r := range rt.Routes {
		routes = append(routes, newRoute(r))
	}
	return routes
}

func emitRouteTable(t *collect.Task, rt types.RouteTable, defaultVPCs map[string]types.Vpc) {
	id := aws.ToString(rt.RouteTableId)
	vpc := aws.ToString(rt.VpcId)
	_, inDefaultVPC := defaultVPCs[vpc]
	key := t.Key("route-table", id)
	t.Emit(&model.Resource{
		Key: key, ARN: arn(t, rt.OwnerId, "route-table/"+id), Name: nameTag(rt.Tags),
		IsDefault: mainTable(rt) && inDefaultVPC, Tags: tags(rt.Tags), Details: routeTableFields.Details(rt),
	})
	t.Relate(key, "in-vpc", t.Key("vpc", vpc))
	for _, s := range tableSubnets(rt) {
		t.Relate(key, "associated-with", t.Key("subnet", s))
	}
}

var internetGatewayFields = collect.Fields[types.InternetGateway]{
	collect.Computed("attached_vpc_ids", model.JSON, "VPCs it is attached to", func(g types.InternetGateway) any { return igwVPCs(g) }),
}

func igwVPCs(g types.InternetGateway) []string {
	return collect.IDs(g.Attachments, func(a types.InternetGatewayAttachment) *string { return a.VpcId })
}

func internetGateways(ctx context.Context, t *collect.Task) error {
	api := client(t)
	defaults := defaultVPCs(ctx, t, api)
	p := ec2.NewDescribeInternetGatewaysPaginator(api, &ec2.DescribeInternetGatewaysInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeInternetGatewaysOutput) {
		for _, g := range page.InternetGateways {
			id := aws.ToString(g.InternetGatewayId)
			attached := igwVPCs(g)
			isDefault := false
			for _, v := range attached {
				_, ok := defaults[v]
				isDefault = isDefault || ok
			}
			key := t.Key("internet-gateway", id)
			t.Emit(&model.Resource{
				Key: key, ARN: arn(t, g.OwnerId, "internet-gateway/"+id), Name: nameTag(g.Tags),
				IsDefault: isDefault, Tags: tags(g.Tags), Details: internetGatewayFields.Details(g),
			})
			for _, v := range attached {
				t.Relate(key, "attached-to", t.Key("vpc", v))
			}
		}
	})
}

var natGatewayFields = collect.Fields[types.NatGateway]{
	collect.Enum("state", "pending, available, failed, deleting", func(n types.NatGateway) types.NatGatewayState { return n.State }),
	collect.Enum("connectivity_type", "public or private", func(n types.NatGateway) types.ConnectivityType { return n.ConnectivityType }),
	collect.Text("subnet_id", "subnet it lives in", func(n types.NatGateway) *string { return n.SubnetId }),
	collect.Text("vpc_id", "VPC", func(n types.NatGateway) *string { return n.VpcId }),
	collect.Computed("public_ips", model.JSON, "Elastic IP addresses", func(n types.NatGateway) any {
		return collect.IDs(n.NatGatewayAddresses, func(a types.NatGatewayAddress) *string { return a.PublicIp })
	}),
	collect.Computed("private_ips", model.JSON, "private addresses", func(n types.NatGateway) any {
		return collect.IDs(n.NatGatewayAddresses, func(a types.NatGatewayAddress) *string { return a.PrivateIp })
	}),
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
				Details: natGatewayFields.Details(n),
			})
			t.Relate(key, "in-subnet", t.Key("subnet", aws.ToString(n.SubnetId)))
		}
	})
}

var networkACLFields = collect.Fields[types.NetworkAcl]{
	collect.Text("vpc_id", "VPC", func(acl types.NetworkAcl) *string { return acl.VpcId }),
	collect.Computed("entries", model.JSON, "[{rule_number, egress, protocol (all for any), action, cidr, ipv6_cidr, from_port, to_port}]", func(acl types.NetworkAcl) any {
		return aclEntries(acl)
	}),
	collect.Computed("associated_subnet_ids", model.JSON, "subnets using the ACL", func(acl types.NetworkAcl) any {
		return collect.IDs(acl.Associations, func(a types.NetworkAclAssociation) *string { return a.SubnetId })
	}),
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

func aclEntries(acl types.NetworkAcl) []aclEntry {
	entries := make([]aclEntry, 0, len(acl.Entries))
	for _, e := range acl.Entries {
		entries = append(entries, newACLEntry(e))
	}
	return entries
}

func networkACLs(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeNetworkAclsPaginator(client(t), &ec2.DescribeNetworkAclsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeNetworkAclsOutput) {
		for _, acl := range page.NetworkAcls {
			id := aws.ToString(acl.NetworkAclId)
			key := t.Key("network-acl", id)
			t.Emit(&model.Resource{
				Key: key, ARN: arn(t, acl.OwnerId, "network-acl/"+id), Name: nameTag(acl.Tags),
				IsDefault: aws.ToBool(acl.IsDefault), Tags: tags(acl.Tags), Details: networkACLFields.Details(acl),
			})
			t.Relate(key, "in-vpc", t.Key("vpc", aws.ToString(acl.VpcId)))
		}
	})
}

var vpcEndpointFields = collect.Fields[types.VpcEndpoint]{
	collect.Text("vpc_id", "VPC", func(e types.VpcEndpoint) *string { return e.VpcId }),
	collect.Text("service_name", "service, e.g. com.amazonaws.eu-west-1.s3", func(e types.VpcEndpoint) *string { return e.ServiceName }),
	collect.Enum("vpc_endpoint_type", "Gateway, Interface, GatewayLoadBalancer, ...", func(e types.VpcEndpoint) types.VpcEndpointType { return e.VpcEndpointType }),
	collect.Enum("state", "pendingAcceptance, available, ...", func(e types.VpcEndpoint) types.State { return e.State }),
	collect.Computed("policy_present", model.Boolean, "an endpoint policy document is set", func(e types.VpcEndpoint) any { return aws.ToString(e.PolicyDocument) != "" }),
	collect.Computed("route_table_ids", model.JSON, "route tables (gateway endpoints)", func(e types.VpcEndpoint) any { return append([]string{}, e.RouteTableIds...) }),
	collect.Computed("subnet_ids", model.JSON, "subnets (interface endpoints)", func(e types.VpcEndpoint) any { return append([]string{}, e.SubnetIds...) }),
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
				Details: vpcEndpointFields.Details(e),
			})
			t.Relate(key, "in-vpc", t.Key("vpc", aws.ToString(e.VpcId)))
		}
	})
}

var vpcPeeringFields = collect.Fields[types.VpcPeeringConnection]{
	collect.Enum("status", "pending-acceptance, active, rejected, expired, ...", peeringStatus),
	requester(collect.Text("requester_vpc_id", "requesting VPC", func(pc types.VpcPeeringConnection) *string { return pc.RequesterVpcInfo.VpcId })),
	requester(collect.Text("requester_account_id", "account of the requesting VPC", func(pc types.VpcPeeringConnection) *string { return pc.RequesterVpcInfo.OwnerId })),
	requester(collect.Text("requester_region", "region of the requesting VPC", func(pc types.VpcPeeringConnection) *string { return pc.RequesterVpcInfo.Region })),
	accepter(collect.Text("accepter_vpc_id", "accepting VPC", func(pc types.VpcPeeringConnection) *string { return pc.AccepterVpcInfo.VpcId })),
	accepter(collect.Text("accepter_account_id", "account of the accepting VPC", func(pc types.VpcPeeringConnection) *string { return pc.AccepterVpcInfo.OwnerId })),
	accepter(collect.Text("accepter_region", "region of the accepting VPC", func(pc types.VpcPeeringConnection) *string { return pc.AccepterVpcInfo.Region })),
}

func peeringStatus(pc types.VpcPeeringConnection) types.VpcPeeringConnectionStateReasonCode {
	if pc.Status == nil {
		return ""
	}
	return pc.Status.Code
}

// requester leaves f out when AWS did not describe the requesting side.
func requester(f collect.Field[types.VpcPeeringConnection]) collect.Field[types.VpcPeeringConnection] {
	return collect.When(func(pc types.VpcPeeringConnection) bool { return pc.RequesterVpcInfo != nil }, f)
}

// accepter leaves f out when AWS did not describe the accepting side.
func accepter(f collect.Field[types.VpcPeeringConnection]) collect.Field[types.VpcPeeringConnection] {
	return collect.When(func(pc types.VpcPeeringConnection) bool { return pc.AccepterVpcInfo != nil }, f)
}

func vpcPeeringConnections(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeVpcPeeringConnectionsPaginator(client(t), &ec2.DescribeVpcPeeringConnectionsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeVpcPeeringConnectionsOutput) {
		for _, pc := range page.VpcPeeringConnections {
			if peeringStatus(pc) == types.VpcPeeringConnectionStateReasonCodeDeleted {
				continue
			}
			id := aws.ToString(pc.VpcPeeringConnectionId)
			t.Emit(&model.Resource{
				Key: t.Key("vpc-peering-connection", id), ARN: arn(t, nil, "vpc-peering-connection/"+id),
				Name: nameTag(pc.Tags), Tags: tags(pc.Tags), Details: vpcPeeringFields.Details(pc),
			})
		}
	})
}
