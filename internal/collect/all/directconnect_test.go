package all_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	dx "github.com/aws/aws-sdk-go-v2/service/directconnect"
	"github.com/aws/aws-sdk-go-v2/service/directconnect/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/directconnect"
)

var directconnectPaged = collecttest.Paged{Cap: 2}

func directconnectRun(t *testing.T, cfg aws.Config, typ string) collecttest.Result {
	t.Helper()
	got := directconnectPaged.Run(t, cfg, collector.Service, typ, region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	return got
}

func TestDirectconnectConnections(t *testing.T) {
	collecttest.Setup(t)
	got := directconnectRun(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: lagsAndMembers}), "connection")
	c := got.ByID()["dxcon-1"]
	if len(got.Resources) != 2 || c == nil {
		t.Fatalf("want 2 connections (the deleted one skipped), got %d", len(got.Resources))
	}
	if c.Name != "dc1" || c.Details["bandwidth"] != "10Gbps" || c.Details["location"] != "EqLD5" || c.Details["state"] != "available" ||
		c.Details["has_logical_redundancy"] != "yes" || c.Tags["team"] != "net" || c.ARN != "arn:aws:directconnect:eu-west-1:"+collecttest.MotoAccount+":dxcon/dxcon-1" {
		t.Errorf("connection: %+v", c)
	}
	if h := got.ByID()["dxcon-2"]; h.Details["partner_name"] != "telco" || h.Details["vlan"] != int64(300) {
		t.Errorf("hosted connection: %+v", h)
	}
	collecttest.HasEdges(t, got, "dxcon-1 -member-of-> directconnect/lag:dxlag-1")
}

// lagsAndMembers cans DescribeLags and DescribeConnections: moto 5.2.1
// answers both with a boolean where the SDK reads a string. A LAG (and a
// deleted one), a member connection, a hosted one and a deleted one.
var lagsAndMembers = collecttest.Canned(map[string]func(any) (any, error){
	"DescribeLags": func(any) (any, error) {
		return &dx.DescribeLagsOutput{Lags: []types.Lag{
			{LagId: aws.String("dxlag-1"), LagName: aws.String("core"), LagState: types.LagStateAvailable, ConnectionsBandwidth: aws.String("10Gbps"),
				NumberOfConnections: 2, MinimumLinks: 1, Location: aws.String("EqLD5"), Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("net")}}},
			{LagId: aws.String("dxlag-2"), LagState: types.LagStateDeleted},
		}}, nil
	},
	"DescribeConnections": func(any) (any, error) {
		return &dx.DescribeConnectionsOutput{Connections: []types.Connection{
			{ConnectionId: aws.String("dxcon-1"), ConnectionName: aws.String("dc1"), LagId: aws.String("dxlag-1"), ConnectionState: types.ConnectionStateAvailable,
				Bandwidth: aws.String("10Gbps"), Location: aws.String("EqLD5"), HasLogicalRedundancy: types.HasLogicalRedundancyYes,
				Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("net")}}},
			{ConnectionId: aws.String("dxcon-2"), ConnectionState: types.ConnectionStateDown, PartnerName: aws.String("telco"), Vlan: 300},
			{ConnectionId: aws.String("dxcon-3"), ConnectionState: types.ConnectionStateDeleted},
		}}, nil
	},
})

func TestDirectconnectLags(t *testing.T) {
	collecttest.Setup(t)
	got := directconnectRun(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: lagsAndMembers}), "lag")
	l := got.ByID()["dxlag-1"]
	if len(got.Resources) != 1 || l == nil {
		t.Fatalf("want 1 LAG (the deleted one skipped), got %d", len(got.Resources))
	}
	if l.Name != "core" || l.Details["connections"] != int64(2) || l.Details["minimum_links"] != int64(1) || l.Tags["team"] != "net" {
		t.Errorf("lag: %+v", l)
	}
}

// interfaces cans DescribeVirtualInterfaces, which moto 5.2.1 lacks: a
// private interface on a LAG, a public one on a connection, a deleted one.
var interfaces = collecttest.Canned(map[string]func(any) (any, error){
	"DescribeVirtualInterfaces": func(any) (any, error) {
		return &dx.DescribeVirtualInterfacesOutput{VirtualInterfaces: []types.VirtualInterface{
			{VirtualInterfaceId: aws.String("dxvif-1"), VirtualInterfaceName: aws.String("prod"), VirtualInterfaceType: aws.String("private"),
				VirtualInterfaceState: types.VirtualInterfaceStateAvailable, ConnectionId: aws.String("dxlag-1"), Vlan: 101, Asn: 65000,
				AuthKey: aws.String("bgp-secret"), VirtualGatewayId: aws.String("vgw-1"), Mtu: aws.Int32(9001), OwnerAccount: aws.String(collecttest.MotoAccount),
				BgpPeers: []types.BGPPeer{{BgpStatus: types.BGPStatusUp}, {BgpStatus: types.BGPStatusDown}}, Tags: []types.Tag{{Key: aws.String("env"), Value: aws.String("prod")}}},
			{VirtualInterfaceId: aws.String("dxvif-2"), VirtualInterfaceType: aws.String("public"), VirtualInterfaceState: types.VirtualInterfaceStateDown,
				ConnectionId: aws.String("dxcon-1"), AsnLong: aws.Int64(4200000000)},
			{VirtualInterfaceId: aws.String("dxvif-3"), VirtualInterfaceState: types.VirtualInterfaceStateDeleted},
		}}, nil
	},
})

func TestDirectconnectVirtualInterfaces(t *testing.T) {
	collecttest.Setup(t)
	got := directconnectRun(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: interfaces}), "virtual-interface")
	if len(got.Resources) != 2 {
		t.Fatalf("want 2 interfaces (the deleted one skipped), got %d", len(got.Resources))
	}
	v := got.ByID()["dxvif-1"]
	for k, want := range map[string]any{"vif_type": "private", "state": "available", "vlan": int64(101), "customer_asn": int64(65000),
		"virtual_gateway_id": "vgw-1", "mtu": int64(9001), "bgp_peers_up": int64(1)} {
		if v.Details[k] != want {
			t.Errorf("dxvif-1 %s = %v, want %v", k, v.Details[k], want)
		}
	}
	for k, val := range v.Details {
		if val == "bgp-secret" {
			t.Errorf("BGP key stored in %s", k)
		}
	}
	if got.ByID()["dxvif-2"].Details["customer_asn"] != int64(4200000000) || v.Tags["env"] != "prod" || v.Name != "prod" {
		t.Errorf("interfaces: %+v %+v", v, got.ByID()["dxvif-2"])
	}
	collecttest.HasEdges(t, got, "dxvif-1 -on-connection-> directconnect/lag:dxlag-1", "dxvif-2 -on-connection-> directconnect/connection:dxcon-1",
		"dxvif-1 -attached-to-> ec2/vpn-gateway:vgw-1")
}

func TestDirectconnectDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"connection": "DescribeConnections", "lag": "DescribeLags", "virtual-interface": "DescribeVirtualInterfaces"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, directconnectPaged.Run(t, cfg, collector.Service, typ, region))
	}
}
