package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// vpnOptions is the connection's options, zero when AWS gave none.
func vpnOptions(c types.VpnConnection) types.VpnConnectionOptions {
	if c.Options == nil {
		return types.VpnConnectionOptions{}
	}
	return *c.Options
}

// tunnelsUp counts the tunnels whose telemetry says UP.
func tunnelsUp(c types.VpnConnection) any {
	up := int64(0)
	for _, v := range c.VgwTelemetry {
		if v.Status == types.TelemetryStatusUp {
			up++
		}
	}
	return up
}

var vpnConnectionFields = collect.Fields[types.VpnConnection]{
	collect.Enum("state", "pending, available, deleting or deleted", func(c types.VpnConnection) types.VpnState { return c.State }),
	collect.Enum("type", "ipsec.1", func(c types.VpnConnection) types.GatewayType { return c.Type }),
	collect.Text("customer_gateway_id", "customer gateway (the on-premises side)", func(c types.VpnConnection) *string { return c.CustomerGatewayId }),
	collect.Text("vpn_gateway_id", "virtual private gateway (AWS side), when not a transit gateway", func(c types.VpnConnection) *string { return c.VpnGatewayId }),
	collect.Text("transit_gateway_id", "transit gateway (AWS side), when not a virtual private gateway", func(c types.VpnConnection) *string { return c.TransitGatewayId }),
	collect.Text("category", "VPN (current) or VPN-Classic (deprecated)", func(c types.VpnConnection) *string { return c.Category }),
	collect.Computed("static_routes_only", model.Boolean, "static routing instead of BGP", func(c types.VpnConnection) any { return aws.ToBool(vpnOptions(c).StaticRoutesOnly) }),
	collect.Computed("accelerated", model.Boolean, "tunnels go through AWS Global Accelerator", func(c types.VpnConnection) any { return aws.ToBool(vpnOptions(c).EnableAcceleration) }),
	collect.Computed("tunnels", model.Integer, "tunnels reported by the gateway's telemetry (2 for a healthy connection)", func(c types.VpnConnection) any { return int64(len(c.VgwTelemetry)) }),
	collect.Computed("tunnels_up", model.Integer, "tunnels whose status is UP", tunnelsUp),
}

// vpnConnections: DescribeVpnConnections is not paginated; deleted
// connections stay listed for a while and are skipped. The customer
// gateway configuration (it holds the tunnels' pre-shared keys) is never
// stored.
func vpnConnections(ctx context.Context, t *collect.Task) error {
	out, err := client(t).DescribeVpnConnections(ctx, &ec2.DescribeVpnConnectionsInput{})
	if err != nil {
		return err
	}
	for _, c := range out.VpnConnections {
		if c.State == types.VpnStateDeleted {
			continue
		}
		id := aws.ToString(c.VpnConnectionId)
		key := t.Key("vpn-connection", id)
		t.Emit(&model.Resource{Key: key, ARN: arn(t, nil, "vpn-connection/"+id), Name: nameTag(c.Tags),
			Tags: tags(c.Tags), Details: vpnConnectionFields.Details(c)})
		t.Relate(key, "connects", t.Key("customer-gateway", aws.ToString(c.CustomerGatewayId)))
		t.Relate(key, "connects", t.Key("vpn-gateway", aws.ToString(c.VpnGatewayId)))
		t.Relate(key, "connects", t.Key("transit-gateway", aws.ToString(c.TransitGatewayId)))
	}
	return nil
}

// attachedVPCs are the VPCs a virtual private gateway is attached to.
func attachedVPCs(g types.VpnGateway) []string {
	out := []string{}
	for _, a := range g.VpcAttachments {
		if a.State == types.AttachmentStatusAttached || a.State == types.AttachmentStatusAttaching {
			out = append(out, aws.ToString(a.VpcId))
		}
	}
	return out
}

var vpnGatewayFields = collect.Fields[types.VpnGateway]{
	collect.Enum("state", "pending, available, deleting or deleted", func(g types.VpnGateway) types.VpnState { return g.State }),
	collect.Enum("type", "ipsec.1", func(g types.VpnGateway) types.GatewayType { return g.Type }),
	collect.Int("amazon_side_asn", "BGP ASN of the AWS side", func(g types.VpnGateway) *int64 { return g.AmazonSideAsn }),
	collect.Computed("vpc_ids", model.JSON, "VPCs the gateway is attached to", func(g types.VpnGateway) any { return attachedVPCs(g) }),
}

// vpnGateways: DescribeVpnGateways is not paginated; deleted gateways are
// skipped.
func vpnGateways(ctx context.Context, t *collect.Task) error {
	out, err := client(t).DescribeVpnGateways(ctx, &ec2.DescribeVpnGatewaysInput{})
	if err != nil {
		return err
	}
	for _, g := range out.VpnGateways {
		if g.State == types.VpnStateDeleted {
			continue
		}
		id := aws.ToString(g.VpnGatewayId)
		key := t.Key("vpn-gateway", id)
		t.Emit(&model.Resource{Key: key, ARN: arn(t, nil, "vpn-gateway/"+id), Name: nameTag(g.Tags),
			Tags: tags(g.Tags), Details: vpnGatewayFields.Details(g)})
		for _, vpc := range attachedVPCs(g) {
			t.Relate(key, "attached-to", t.Key("vpc", vpc))
		}
	}
	return nil
}
