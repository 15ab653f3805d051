// Package directconnect collects AWS Direct Connect connections, link
// aggregation groups and virtual interfaces.
package directconnect

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	dx "github.com/aws/aws-sdk-go-v2/service/directconnect"
	"github.com/aws/aws-sdk-go-v2/service/directconnect/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Direct Connect collector.
var Service = &collect.Service{
	Name:        "directconnect",
	Description: "AWS Direct Connect connections, LAGs and virtual interfaces",
	Types: []collect.Type{
		{Name: "connection", Description: "dedicated or hosted Direct Connect connection (id = dxcon-...; deleted ones skipped)", Fields: connectionFields.Declared(), Tags: collect.TagsListed, Collect: connections},
		{Name: "lag", Description: "link aggregation group of connections (id = dxlag-...; deleted ones skipped)", Fields: lagFields.Declared(), Tags: collect.TagsListed, Collect: lags},
		{Name: "virtual-interface", Description: "private, public or transit virtual interface (id = dxvif-...; deleted ones skipped; the BGP key is not stored)", Fields: vifFields.Declared(), Tags: collect.TagsListed, Collect: virtualInterfaces},
	},
	Calls: "connection, lag, virtual-interface: 1 call each (DescribeConnections, DescribeLags, DescribeVirtualInterfaces are not paginated)",
	Relations: []collect.Relation{
		{From: "connection", Kind: "member-of", To: "directconnect/lag"},
		{From: "virtual-interface", Kind: "attached-to", To: "ec2/vpn-gateway"},
		{From: "virtual-interface", Kind: "on-connection", To: "directconnect/connection"},
		{From: "virtual-interface", Kind: "on-connection", To: "directconnect/lag"},
	},
}

func tags(ts []types.Tag) map[string]string {
	return collect.TagMap(ts, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

var connectionFields = collect.Fields[types.Connection]{
	collect.Enum("state", "ordering, requested, pending, available, down, deleting, deleted, rejected, unknown", func(c types.Connection) types.ConnectionState { return c.ConnectionState }),
	collect.Text("bandwidth", "port speed (1Gbps, 10Gbps, ...)", func(c types.Connection) *string { return c.Bandwidth }),
	collect.Text("location", "Direct Connect location code", func(c types.Connection) *string { return c.Location }),
	collect.Text("lag_id", "LAG the connection belongs to", func(c types.Connection) *string { return c.LagId }),
	collect.Text("partner_name", "partner of a hosted connection", func(c types.Connection) *string { return c.PartnerName }),
	collect.Enum("has_logical_redundancy", "yes, no or unknown", func(c types.Connection) types.HasLogicalRedundancy { return c.HasLogicalRedundancy }),
	collect.Bool("macsec_capable", "the port supports MACsec", func(c types.Connection) *bool { return c.MacSecCapable }),
	collect.Text("encryption_mode", "MACsec mode: no_encrypt, should_encrypt or must_encrypt", func(c types.Connection) *string { return c.EncryptionMode }),
	collect.Computed("vlan", model.Integer, "VLAN of a hosted connection", func(c types.Connection) any { return int64(c.Vlan) }),
}

// gone are the states of a connection or LAG that no longer exists.
func gone(state string) bool { return state == "deleted" || state == "rejected" }

func connections(ctx context.Context, t *collect.Task) error {
	out, err := dx.NewFromConfig(t.Config).DescribeConnections(ctx, &dx.DescribeConnectionsInput{})
	if err != nil {
		return err
	}
	for _, c := range out.Connections {
		if gone(string(c.ConnectionState)) {
			continue
		}
		id := aws.ToString(c.ConnectionId)
		key := t.Key("connection", id)
		t.Emit(&model.Resource{Key: key, Name: aws.ToString(c.ConnectionName), ARN: collect.ARN(t, "directconnect", aws.ToString(c.OwnerAccount), "dxcon/"+id),
			Tags: tags(c.Tags), Details: connectionFields.Details(c)})
		t.Relate(key, "member-of", t.Key("lag", aws.ToString(c.LagId)))
	}
	return nil
}

var lagFields = collect.Fields[types.Lag]{
	collect.Enum("state", "requested, pending, available, down, deleting, deleted or unknown", func(l types.Lag) types.LagState { return l.LagState }),
	collect.Text("connections_bandwidth", "bandwidth of each member connection", func(l types.Lag) *string { return l.ConnectionsBandwidth }),
	collect.Computed("connections", model.Integer, "member connections", func(l types.Lag) any { return int64(l.NumberOfConnections) }),
	collect.Computed("minimum_links", model.Integer, "operational connections below which the LAG goes down", func(l types.Lag) any { return int64(l.MinimumLinks) }),
	collect.Text("location", "Direct Connect location code", func(l types.Lag) *string { return l.Location }),
	collect.Text("encryption_mode", "MACsec mode", func(l types.Lag) *string { return l.EncryptionMode }),
}

func lags(ctx context.Context, t *collect.Task) error {
	out, err := dx.NewFromConfig(t.Config).DescribeLags(ctx, &dx.DescribeLagsInput{})
	if err != nil {
		return err
	}
	for _, l := range out.Lags {
		if gone(string(l.LagState)) {
			continue
		}
		id := aws.ToString(l.LagId)
		t.Emit(&model.Resource{Key: t.Key("lag", id), Name: aws.ToString(l.LagName), ARN: collect.ARN(t, "directconnect", aws.ToString(l.OwnerAccount), "dxlag/"+id),
			Tags: tags(l.Tags), Details: lagFields.Details(l)})
	}
	return nil
}

var vifFields = collect.Fields[types.VirtualInterface]{
	collect.Text("vif_type", "private, public or transit", func(v types.VirtualInterface) *string { return v.VirtualInterfaceType }),
	collect.Enum("state", "confirming, verifying, pending, available, down, deleting, deleted, rejected, unknown", func(v types.VirtualInterface) types.VirtualInterfaceState {
		return v.VirtualInterfaceState
	}),
	collect.Text("connection_id", "connection or LAG carrying the interface", func(v types.VirtualInterface) *string { return v.ConnectionId }),
	collect.Computed("vlan", model.Integer, "VLAN", func(v types.VirtualInterface) any { return int64(v.Vlan) }),
	collect.Computed("customer_asn", model.Integer, "BGP ASN of the customer side", func(v types.VirtualInterface) any {
		if v.AsnLong != nil {
			return *v.AsnLong
		}
		return int64(v.Asn)
	}),
	collect.Enum("address_family", "ipv4 or ipv6", func(v types.VirtualInterface) types.AddressFamily { return v.AddressFamily }),
	collect.Text("virtual_gateway_id", "virtual private gateway of a private interface", func(v types.VirtualInterface) *string { return v.VirtualGatewayId }),
	collect.Text("direct_connect_gateway_id", "Direct Connect gateway of the interface", func(v types.VirtualInterface) *string { return v.DirectConnectGatewayId }),
	collect.Int("mtu", "MTU (1500, or 9001 jumbo frames)", func(v types.VirtualInterface) *int32 { return v.Mtu }),
	collect.Computed("bgp_peers_up", model.Integer, "BGP peers whose status is up", func(v types.VirtualInterface) any {
		up := int64(0)
		for _, p := range v.BgpPeers {
			if p.BgpStatus == types.BGPStatusUp {
				up++
			}
		}
		return up
	}),
	collect.Text("owner_account", "owning account (another one for a hosted interface)", func(v types.VirtualInterface) *string { return v.OwnerAccount }),
}

func virtualInterfaces(ctx context.Context, t *collect.Task) error {
	out, err := dx.NewFromConfig(t.Config).DescribeVirtualInterfaces(ctx, &dx.DescribeVirtualInterfacesInput{})
	if err != nil {
		return err
	}
	for _, v := range out.VirtualInterfaces {
		if gone(string(v.VirtualInterfaceState)) {
			continue
		}
		id := aws.ToString(v.VirtualInterfaceId)
		key := t.Key("virtual-interface", id)
		t.Emit(&model.Resource{Key: key, Name: aws.ToString(v.VirtualInterfaceName), ARN: collect.ARN(t, "directconnect", aws.ToString(v.OwnerAccount), "dxvif/"+id),
			Tags: tags(v.Tags), Details: vifFields.Details(v)})
		carrier := aws.ToString(v.ConnectionId)
		if strings.HasPrefix(carrier, "dxlag-") {
			t.Relate(key, "on-connection", t.Key("lag", carrier))
		} else {
			t.Relate(key, "on-connection", t.Key("connection", carrier))
		}
		t.Relate(key, "attached-to", t.Ref("ec2", "vpn-gateway", aws.ToString(v.VirtualGatewayId)))
	}
	return nil
}
