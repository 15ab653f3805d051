package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// attachedVPC is the VPC of the first attachment, "" when detached.
func attachedVPC(as []types.InternetGatewayAttachment) string {
	for _, a := range as {
		if a.State != types.AttachmentStatusDetached {
			return aws.ToString(a.VpcId)
		}
	}
	return ""
}

var egressOnlyGatewayFields = collect.Fields[types.EgressOnlyInternetGateway]{
	collect.Computed("vpc_id", model.Text, "VPC the gateway is attached to; empty when detached", func(g types.EgressOnlyInternetGateway) any { return attachedVPC(g.Attachments) }),
}

func egressOnlyInternetGateways(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeEgressOnlyInternetGatewaysPaginator(client(t), &ec2.DescribeEgressOnlyInternetGatewaysInput{MaxResults: t.PageSize(255)})
	return eachPage(ctx, p, func(page *ec2.DescribeEgressOnlyInternetGatewaysOutput) {
		for _, g := range page.EgressOnlyInternetGateways {
			id := aws.ToString(g.EgressOnlyInternetGatewayId)
			key := t.Key("egress-only-internet-gateway", id)
			t.Emit(&model.Resource{Key: key, ARN: arn(t, nil, "egress-only-internet-gateway/"+id), Name: nameTag(g.Tags),
				Tags: tags(g.Tags), Details: egressOnlyGatewayFields.Details(g)})
			t.Relate(key, "attached-to", t.Key("vpc", attachedVPC(g.Attachments)))
		}
	})
}

var carrierGatewayFields = collect.Fields[types.CarrierGateway]{
	collect.Text("vpc_id", "VPC of the gateway", func(g types.CarrierGateway) *string { return g.VpcId }),
	collect.Enum("state", "pending, available, deleting or deleted", func(g types.CarrierGateway) types.CarrierGatewayState { return g.State }),
	collect.Text("owner_id", "owning account", func(g types.CarrierGateway) *string { return g.OwnerId }),
}

// carrierGateways: the Wavelength Zone gateways (deleted ones skipped).
func carrierGateways(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeCarrierGatewaysPaginator(client(t), &ec2.DescribeCarrierGatewaysInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeCarrierGatewaysOutput) {
		for _, g := range page.CarrierGateways {
			if g.State == types.CarrierGatewayStateDeleted {
				continue
			}
			id := aws.ToString(g.CarrierGatewayId)
			key := t.Key("carrier-gateway", id)
			t.Emit(&model.Resource{Key: key, ARN: arn(t, g.OwnerId, "carrier-gateway/"+id), Name: nameTag(g.Tags),
				Tags: tags(g.Tags), Details: carrierGatewayFields.Details(g)})
			t.Relate(key, "in-vpc", t.Key("vpc", aws.ToString(g.VpcId)))
		}
	})
}
