package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var transitGatewayFields = collect.Fields[types.TransitGateway]{
	collect.Enum("state", "pending, available, modifying, deleting", func(g types.TransitGateway) types.TransitGatewayState { return g.State }),
	collect.Text("owner_id", "owning account (may be another account sharing it)", func(g types.TransitGateway) *string { return g.OwnerId }),
	collect.When(func(g types.TransitGateway) bool { return g.Options != nil && g.Options.AmazonSideAsn != nil },
		collect.Int("asn", "Amazon side BGP ASN", func(g types.TransitGateway) *int64 { return g.Options.AmazonSideAsn })),
	collect.Text("description", "description", func(g types.TransitGateway) *string { return g.Description }),
}

func transitGateways(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeTransitGatewaysPaginator(client(t), &ec2.DescribeTransitGatewaysInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeTransitGatewaysOutput) {
		for _, g := range page.TransitGateways {
			if g.State == types.TransitGatewayStateDeleted {
				continue
			}
			id := aws.ToString(g.TransitGatewayId)
			resourceARN := aws.ToString(g.TransitGatewayArn)
			if resourceARN == "" {
				resourceARN = arn(t, g.OwnerId, "transit-gateway/"+id)
			}
			t.Emit(&model.Resource{
				Key: t.Key("transit-gateway", id), ARN: resourceARN, Name: nameTag(g.Tags),
				CreatedAt: model.Time(g.CreationTime), Tags: tags(g.Tags), Details: transitGatewayFields.Details(g),
			})
		}
	})
}

var tgwAttachmentFields = collect.Fields[types.TransitGatewayAttachment]{
	collect.Enum("resource_type", "vpc, vpn, direct-connect-gateway, peering, connect, ...", func(a types.TransitGatewayAttachment) types.TransitGatewayAttachmentResourceType {
		return a.ResourceType
	}),
	collect.Text("resource_id", "id of the attached resource", func(a types.TransitGatewayAttachment) *string { return a.ResourceId }),
	collect.Text("transit_gateway_id", "transit gateway", func(a types.TransitGatewayAttachment) *string { return a.TransitGatewayId }),
	collect.Enum("state", "pendingAcceptance, available, ...", func(a types.TransitGatewayAttachment) types.TransitGatewayAttachmentState { return a.State }),
}

func tgwAttachments(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeTransitGatewayAttachmentsPaginator(client(t), &ec2.DescribeTransitGatewayAttachmentsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeTransitGatewayAttachmentsOutput) {
		for _, a := range page.TransitGatewayAttachments {
			if a.State == types.TransitGatewayAttachmentStateDeleted {
				continue
			}
			id := aws.ToString(a.TransitGatewayAttachmentId)
			key := t.Key("transit-gateway-attachment", id)
			t.Emit(&model.Resource{
				Key: key, ARN: arn(t, nil, "transit-gateway-attachment/"+id), Name: nameTag(a.Tags),
				CreatedAt: model.Time(a.CreationTime), Tags: tags(a.Tags),
				Details: tgwAttachmentFields.Details(a),
			})
			t.Relate(key, "attached-to-tgw", t.Key("transit-gateway", aws.ToString(a.TransitGatewayId)))
			if a.ResourceType == types.TransitGatewayAttachmentResourceTypeVpc {
				t.Relate(key, "attached-to", t.Key("vpc", aws.ToString(a.ResourceId)))
			}
		}
	})
}

var tgwRouteTableFields = collect.Fields[types.TransitGatewayRouteTable]{
	collect.Text("transit_gateway_id", "transit gateway of the table", func(r types.TransitGatewayRouteTable) *string { return r.TransitGatewayId }),
	collect.Enum("state", "pending, available, deleting or deleted", func(r types.TransitGatewayRouteTable) types.TransitGatewayRouteTableState { return r.State }),
	collect.Bool("default_association", "new attachments are associated with this table", func(r types.TransitGatewayRouteTable) *bool { return r.DefaultAssociationRouteTable }),
	collect.Bool("default_propagation", "new attachments propagate their routes to this table", func(r types.TransitGatewayRouteTable) *bool { return r.DefaultPropagationRouteTable }),
}

// tgwRouteTables: deleted tables are skipped.
func tgwRouteTables(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeTransitGatewayRouteTablesPaginator(client(t), &ec2.DescribeTransitGatewayRouteTablesInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeTransitGatewayRouteTablesOutput) {
		for _, r := range page.TransitGatewayRouteTables {
			if r.State == types.TransitGatewayRouteTableStateDeleted {
				continue
			}
			id := aws.ToString(r.TransitGatewayRouteTableId)
			key := t.Key("transit-gateway-route-table", id)
			t.Emit(&model.Resource{Key: key, ARN: arn(t, nil, "transit-gateway-route-table/"+id), Name: nameTag(r.Tags),
				CreatedAt: model.Time(r.CreationTime), Tags: tags(r.Tags), Details: tgwRouteTableFields.Details(r)})
			t.Relate(key, "in-transit-gateway", t.Key("transit-gateway", aws.ToString(r.TransitGatewayId)))
		}
	})
}
