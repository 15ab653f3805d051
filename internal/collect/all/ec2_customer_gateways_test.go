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

func TestEc2CustomerGateways(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	office, err := api.CreateCustomerGateway(ctx, &ec2.CreateCustomerGatewayInput{Type: types.GatewayTypeIpsec1,
		BgpAsn: aws.Int32(65010), IpAddress: aws.String("203.0.113.10"),
		TagSpecifications: tagSpec(types.ResourceTypeCustomerGateway, ec2Tag("Name", "office"))})
	check(t, err)
	gone, err := api.CreateCustomerGateway(ctx, &ec2.CreateCustomerGatewayInput{Type: types.GatewayTypeIpsec1,
		BgpAsn: aws.Int32(65020), IpAddress: aws.String("203.0.113.20")})
	check(t, err)
	_, err = api.DeleteCustomerGateway(ctx, &ec2.DeleteCustomerGatewayInput{CustomerGatewayId: gone.CustomerGateway.CustomerGatewayId})
	check(t, err)

	got := ec2Run(t, cfg, "customer-gateway", "eu-west-1")
	id := aws.ToString(office.CustomerGateway.CustomerGatewayId)
	g := got.ByID()[id]
	if len(got.Resources) != 1 {
		t.Fatalf("%d customer gateways, want 1 (the deleted one skipped)", len(got.Resources))
	}
	ec2WantDetails(t, g, map[string]any{"ip_address": "203.0.113.10", "bgp_asn": "65010", "type": "ipsec.1", "state": "available"})
	if g.Name != "office" || g.ARN != "arn:aws:ec2:eu-west-1:"+collecttest.MotoAccount+":customer-gateway/"+id {
		t.Errorf("identity fields wrong: %q %q", g.Name, g.ARN)
	}

	denied := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("DescribeCustomerGateways")})
	collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, "customer-gateway", "eu-west-1"))
}
