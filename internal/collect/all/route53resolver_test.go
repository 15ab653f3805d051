package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53resolver"
	"github.com/aws/aws-sdk-go-v2/service/route53resolver/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/route53resolver"
)

// createConfigs makes n configurations; the first is tagged and associated
// with 6 VPCs (several association pages).
func createConfigs(t *testing.T, cfg aws.Config, n int) (first string, vpcs []string) {
	t.Helper()
	ctx := context.Background()
	api := route53resolver.NewFromConfig(cfg)
	for i := range n {
		in := &route53resolver.CreateResolverQueryLogConfigInput{Name: aws.String(fmt.Sprintf("q%d", i)), CreatorRequestId: aws.String(fmt.Sprint(i)),
			DestinationArn: aws.String("arn:aws:logs:eu-west-1:" + collecttest.MotoAccount + ":log-group:dns")}
		out, err := api.CreateResolverQueryLogConfig(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = aws.ToString(out.ResolverQueryLogConfig.Id)
		}
	}
	for i := range 6 {
		v := testvpc.New(t, cfg, fmt.Sprintf("10.%d.0.0/16", i), "").VPC
		vpcs = append(vpcs, v)
		if _, err := api.AssociateResolverQueryLogConfig(ctx, &route53resolver.AssociateResolverQueryLogConfigInput{
			ResolverQueryLogConfigId: aws.String(first), ResourceId: aws.String(v)}); err != nil {
			t.Fatal(err)
		}
	}
	return first, vpcs
}

func TestRoute53resolverQueryLogConfigs(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	first, vpcs := createConfigs(t, cfg, 7)
	// moto cannot tag query logging configurations: answer their tags, in two pages.
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListTagsForResource": func(in any) (any, error) {
			req := in.(*route53resolver.ListTagsForResourceInput)
			if collect.ARNResourceName(aws.ToString(req.ResourceArn)) != first {
				return &route53resolver.ListTagsForResourceOutput{}, nil
			}
			if req.NextToken == nil {
				return &route53resolver.ListTagsForResourceOutput{NextToken: aws.String("p2"),
					Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("net")}}}, nil
			}
			return &route53resolver.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("env"), Value: aws.String("prod")}}}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "query-log-config", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 7 configurations, got %d", len(byID))
	}
	c := byID[first]
	if c.Name != "q0" || c.Tags["team"] != "net" || c.Tags["env"] != "prod" || c.ARN == "" || c.CreatedAt == "" ||
		c.Details["destination_arn"] != "arn:aws:logs:eu-west-1:"+collecttest.MotoAccount+":log-group:dns" {
		t.Errorf("configuration wrong: %#v", *c)
	}
	if ids, _ := c.Details["vpc_ids"].([]string); len(ids) != 6 {
		t.Errorf("vpc_ids = %v, want the 6 associated VPCs", c.Details["vpc_ids"])
	}
	for _, v := range vpcs {
		collecttest.HasEdges(t, got, first+" -associated-with-> ec2/vpc:"+v)
	}
}

func TestRoute53resolverResolverEndpoints(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	n := testvpc.New(t, cfg, "10.9.0.0/16", "dns",
		testvpc.Subnet{CIDR: "10.9.0.0/24", AZ: "eu-west-1a"}, testvpc.Subnet{CIDR: "10.9.1.0/24", AZ: "eu-west-1b"})
	v, subnets := n.VPC, n.Subnets
	out, err := route53resolver.NewFromConfig(cfg).CreateResolverEndpoint(ctx, &route53resolver.CreateResolverEndpointInput{
		CreatorRequestId: aws.String("e"), Name: aws.String("inbound"), Direction: types.ResolverEndpointDirectionInbound,
		SecurityGroupIds: []string{n.SG},
		IpAddresses:      []types.IpAddressRequest{{SubnetId: aws.String(subnets[0])}, {SubnetId: aws.String(subnets[1])}},
		Tags:             []types.Tag{{Key: aws.String("env"), Value: aws.String("prod")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	id := aws.ToString(out.ResolverEndpoint.Id)
	got := collecttest.Run(t, cfg, collector.Service, "resolver-endpoint", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	e := got.ByID()[id]
	if e == nil || e.Name != "inbound" || e.Tags["env"] != "prod" || e.Details["direction"] != "INBOUND" ||
		e.Details["ip_address_count"] != int32(2) || e.Details["vpc_id"] != v {
		t.Fatalf("endpoint wrong: %+v", e)
	}
	collecttest.HasEdges(t, got, id+" -in-vpc-> ec2/vpc:"+v, id+" -uses-security-group-> ec2/security-group:"+n.SG)
}

func TestRoute53resolverDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListResolverQueryLogConfigs")})
	got := collecttest.Run(t, cfg, collector.Service, "query-log-config", region)
	collecttest.AssertDenied(t, got)

	createConfigs(t, collecttest.Config(t, region, nil), 1)
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListResolverQueryLogConfigAssociations")})
	got = collecttest.Run(t, cfg, collector.Service, "query-log-config", region)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 {
		t.Fatalf("err %v, %d resources, warnings %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
	if _, ok := got.Resources[0].Details["vpc_ids"]; ok || len(got.Relationships) != 0 {
		t.Errorf("vpc_ids set although associations were denied: %v", got.Resources[0].Details)
	}
}
