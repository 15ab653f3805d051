package all_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/ec2"
)

func TestEc2ManagedPrefixLists(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	var ids []string
	for _, name := range []string{"offices", "partners", "vendors", "vpn", "home", "lab"} {
		out, err := api.CreateManagedPrefixList(ctx, &ec2.CreateManagedPrefixListInput{PrefixListName: aws.String(name), AddressFamily: aws.String("IPv4"),
			MaxEntries: aws.Int32(10), Entries: []types.AddPrefixListEntry{{Cidr: aws.String("198.51.100.0/24")}},
			TagSpecifications: tagSpec(types.ResourceTypePrefixList, ec2Tag("Team", "net"))})
		check(t, err)
		ids = append(ids, aws.ToString(out.PrefixList.PrefixListId))
	}
	got := ec2Run(t, cfg, "managed-prefix-list", "eu-west-1")
	if len(got.Resources) != 6 {
		t.Fatalf("%d prefix lists, want the 6 customer-managed ones (AWS-managed skipped)", len(got.Resources))
	}
	l := got.ByID()[ids[0]]
	ec2WantDetails(t, l, map[string]any{"address_family": "IPv4", "max_entries": 10, "owner_id": collecttest.MotoAccount})
	if l.Name != "offices" || l.Tags["Team"] != "net" || l.ARN != ec2ArnOf("prefix-list/"+ids[0]) {
		t.Errorf("identity fields wrong: %+v", l)
	}
}

func TestEc2VPNs(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	n := newNetwork(t, cfg, "10.8.0.0/16", "10.8.1.0/24")
	vgw, err := api.CreateVpnGateway(ctx, &ec2.CreateVpnGatewayInput{Type: types.GatewayTypeIpsec1, AmazonSideAsn: aws.Int64(64512),
		TagSpecifications: tagSpec(types.ResourceTypeVpnGateway, ec2Tag("Name", "dc"))})
	check(t, err)
	vgwID := aws.ToString(vgw.VpnGateway.VpnGatewayId)
	_, err = api.AttachVpnGateway(ctx, &ec2.AttachVpnGatewayInput{VpcId: aws.String(n.vpc), VpnGatewayId: aws.String(vgwID)})
	check(t, err)
	cgw, err := api.CreateCustomerGateway(ctx, &ec2.CreateCustomerGatewayInput{Type: types.GatewayTypeIpsec1,
		BgpAsn: aws.Int32(65010), IpAddress: aws.String("203.0.113.10")})
	check(t, err)
	cgwID := aws.ToString(cgw.CustomerGateway.CustomerGatewayId)
	conn, err := api.CreateVpnConnection(ctx, &ec2.CreateVpnConnectionInput{Type: aws.String("ipsec.1"), CustomerGatewayId: aws.String(cgwID),
		VpnGatewayId:      aws.String(vgwID),
		TagSpecifications: tagSpec(types.ResourceTypeVpnConnection, ec2Tag("Name", "office-vpn"))})
	check(t, err)
	connID := aws.ToString(conn.VpnConnection.VpnConnectionId)
	gone, err := api.CreateVpnConnection(ctx, &ec2.CreateVpnConnectionInput{Type: aws.String("ipsec.1"), CustomerGatewayId: aws.String(cgwID),
		VpnGatewayId: aws.String(vgwID)})
	check(t, err)
	_, err = api.DeleteVpnConnection(ctx, &ec2.DeleteVpnConnectionInput{VpnConnectionId: gone.VpnConnection.VpnConnectionId})
	check(t, err)

	got := ec2Run(t, cfg, "vpn-connection", "eu-west-1")
	if len(got.Resources) != 1 {
		t.Fatalf("%d VPN connections, want 1 (the deleted one skipped)", len(got.Resources))
	}
	c := got.ByID()[connID]
	ec2WantDetails(t, c, map[string]any{"state": "available", "type": "ipsec.1", "customer_gateway_id": cgwID, "vpn_gateway_id": vgwID})
	if c.Name != "office-vpn" || c.ARN != ec2ArnOf("vpn-connection/"+connID) {
		t.Errorf("identity fields wrong: %+v", c)
	}
	collecttest.HasEdges(t, got, connID+" -connects-> ec2/customer-gateway:"+cgwID, connID+" -connects-> ec2/vpn-gateway:"+vgwID)

	got = ec2Run(t, cfg, "vpn-gateway", "eu-west-1")
	g := got.ByID()[vgwID]
	ec2WantDetails(t, g, map[string]any{"state": "available", "type": "ipsec.1", "amazon_side_asn": 64512, "vpc_ids": []string{n.vpc}})
	if g.Name != "dc" || g.ARN != ec2ArnOf("vpn-gateway/"+vgwID) {
		t.Errorf("identity fields wrong: %+v", g)
	}
	collecttest.HasEdges(t, got, vgwID+" -attached-to-> ec2/vpc:"+n.vpc)
}

func TestEc2EdgeGateways(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	n := newNetwork(t, cfg, "10.9.0.0/16", "10.9.1.0/24")
	var eigws []string
	for range 6 {
		out, err := api.CreateEgressOnlyInternetGateway(ctx, &ec2.CreateEgressOnlyInternetGatewayInput{VpcId: aws.String(n.vpc),
			TagSpecifications: tagSpec(types.ResourceTypeEgressOnlyInternetGateway, ec2Tag("Name", "v6-out"))})
		check(t, err)
		eigws = append(eigws, aws.ToString(out.EgressOnlyInternetGateway.EgressOnlyInternetGatewayId))
	}
	got := ec2Run(t, cfg, "egress-only-internet-gateway", "eu-west-1")
	if len(got.Resources) != 6 {
		t.Fatalf("%d egress-only gateways, want 6", len(got.Resources))
	}
	e := got.ByID()[eigws[0]]
	ec2WantDetails(t, e, map[string]any{"vpc_id": n.vpc})
	if e.Name != "v6-out" || e.ARN != ec2ArnOf("egress-only-internet-gateway/"+eigws[0]) {
		t.Errorf("identity fields wrong: %+v", e)
	}
	collecttest.HasEdges(t, got, eigws[0]+" -attached-to-> ec2/vpc:"+n.vpc)

	cg, err := api.CreateCarrierGateway(ctx, &ec2.CreateCarrierGatewayInput{VpcId: aws.String(n.vpc),
		TagSpecifications: tagSpec(types.ResourceTypeCarrierGateway, ec2Tag("Name", "5g"))})
	check(t, err)
	cgID := aws.ToString(cg.CarrierGateway.CarrierGatewayId)
	got = ec2Run(t, cfg, "carrier-gateway", "eu-west-1")
	c := got.ByID()[cgID]
	ec2WantDetails(t, c, map[string]any{"vpc_id": n.vpc, "state": "available"})
	if c.Name != "5g" || c.ARN != ec2ArnOf("carrier-gateway/"+cgID) {
		t.Errorf("identity fields wrong: %+v", c)
	}
	collecttest.HasEdges(t, got, cgID+" -in-vpc-> ec2/vpc:"+n.vpc)
}

func TestEc2TransitGatewayRouteTables(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	tgw, err := api.CreateTransitGateway(ctx, &ec2.CreateTransitGatewayInput{})
	check(t, err)
	tgwID := aws.ToString(tgw.TransitGateway.TransitGatewayId)
	rt, err := api.CreateTransitGatewayRouteTable(ctx, &ec2.CreateTransitGatewayRouteTableInput{TransitGatewayId: aws.String(tgwID),
		TagSpecifications: tagSpec(types.ResourceTypeTransitGatewayRouteTable, ec2Tag("Name", "prod-routes"))})
	check(t, err)
	rtID := aws.ToString(rt.TransitGatewayRouteTable.TransitGatewayRouteTableId)
	got := ec2Run(t, cfg, "transit-gateway-route-table", "eu-west-1")
	r := got.ByID()[rtID]
	ec2WantDetails(t, r, map[string]any{"transit_gateway_id": tgwID, "state": "available", "default_association": false})
	if r.Name != "prod-routes" || r.ARN != ec2ArnOf("transit-gateway-route-table/"+rtID) || r.CreatedAt == "" {
		t.Errorf("identity fields wrong: %+v", r)
	}
	collecttest.HasEdges(t, got, rtID+" -in-transit-gateway-> ec2/transit-gateway:"+tgwID)
}

func TestEc2TrafficMirrors(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	n := newNetwork(t, cfg, "10.10.0.0/16", "10.10.1.0/24")
	eni, err := api.CreateNetworkInterface(ctx, &ec2.CreateNetworkInterfaceInput{SubnetId: aws.String(n.subnet)})
	check(t, err)
	eniID := aws.ToString(eni.NetworkInterface.NetworkInterfaceId)
	target, err := api.CreateTrafficMirrorTarget(ctx, &ec2.CreateTrafficMirrorTargetInput{NetworkInterfaceId: aws.String(eniID),
		Description: aws.String("ids sensor"), TagSpecifications: tagSpec(types.ResourceTypeTrafficMirrorTarget, ec2Tag("Name", "sensor"))})
	check(t, err)
	targetID := aws.ToString(target.TrafficMirrorTarget.TrafficMirrorTargetId)
	filter, err := api.CreateTrafficMirrorFilter(ctx, &ec2.CreateTrafficMirrorFilterInput{Description: aws.String("all tcp"),
		TagSpecifications: tagSpec(types.ResourceTypeTrafficMirrorFilter, ec2Tag("Name", "tcp"))})
	check(t, err)
	filterID := aws.ToString(filter.TrafficMirrorFilter.TrafficMirrorFilterId)

	got := ec2Run(t, cfg, "traffic-mirror-target", "eu-west-1")
	m := got.ByID()[targetID]
	ec2WantDetails(t, m, map[string]any{"target_type": "network-interface", "network_interface_id": eniID, "description": "ids sensor"})
	if m.Name != "sensor" || m.ARN != ec2ArnOf("traffic-mirror-target/"+targetID) {
		t.Errorf("identity fields wrong: %+v", m)
	}
	collecttest.HasEdges(t, got, targetID+" -sends-to-> ec2/network-interface:"+eniID)

	got = ec2Run(t, cfg, "traffic-mirror-filter", "eu-west-1")
	f := got.ByID()[filterID]
	ec2WantDetails(t, f, map[string]any{"description": "all tcp", "ingress_rules": 0})
	if f.Name != "tcp" || f.ARN != ec2ArnOf("traffic-mirror-filter/"+filterID) {
		t.Errorf("identity fields wrong: %+v", f)
	}
}

func TestEc2NetworkEdgesDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"managed-prefix-list": "DescribeManagedPrefixLists", "vpn-connection": "DescribeVpnConnections",
		"vpn-gateway": "DescribeVpnGateways", "egress-only-internet-gateway": "DescribeEgressOnlyInternetGateways",
		"carrier-gateway": "DescribeCarrierGateways", "transit-gateway-route-table": "DescribeTransitGatewayRouteTables",
		"traffic-mirror-filter": "DescribeTrafficMirrorFilters", "traffic-mirror-target": "DescribeTrafficMirrorTargets"} {
		cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, "eu-west-1"))
	}
}
