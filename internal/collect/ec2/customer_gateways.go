package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var customerGatewayFields = collect.Fields[types.CustomerGateway]{
	collect.Text("ip_address", "public IP address of the customer side of the VPN", func(g types.CustomerGateway) *string { return g.IpAddress }),
	collect.Text("bgp_asn", "BGP autonomous system number of the customer side", func(g types.CustomerGateway) *string { return g.BgpAsn }),
	collect.Text("type", "VPN connection type (ipsec.1)", func(g types.CustomerGateway) *string { return g.Type }),
	collect.Text("state", "pending, available, deleting or deleted", func(g types.CustomerGateway) *string { return g.State }),
	collect.Text("device_name", "name of the customer gateway device, if given", func(g types.CustomerGateway) *string { return g.DeviceName }),
	collect.Text("certificate_arn", "ACM private certificate used instead of an IP address, if any", func(g types.CustomerGateway) *string { return g.CertificateArn }),
}

// customerGateways: DescribeCustomerGateways is not paginated, one call
// returns them all; deleted gateways stay listed for a while and are skipped.
func customerGateways(ctx context.Context, t *collect.Task) error {
	out, err := client(t).DescribeCustomerGateways(ctx, &ec2.DescribeCustomerGatewaysInput{})
	if err != nil {
		return err
	}
	for _, g := range out.CustomerGateways {
		if aws.ToString(g.State) == "deleted" {
			continue
		}
		id := aws.ToString(g.CustomerGatewayId)
		t.Emit(&model.Resource{
			Key: t.Key("customer-gateway", id), ARN: arn(t, nil, "customer-gateway/"+id), Name: nameTag(g.Tags),
			Tags: tags(g.Tags), Details: customerGatewayFields.Details(g),
		})
	}
	return nil
}
