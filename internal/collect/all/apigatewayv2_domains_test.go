package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/apigatewayv2"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
)

func TestApigatewayv2DomainNamesAndVpcLinks(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := apigatewayv2.NewFromConfig(cfg)
	cert := "arn:aws:acm:eu-west-1:" + collecttest.MotoAccount + ":certificate/c-2"
	for i := range 3 {
		if _, err := api.CreateDomainName(ctx, &apigatewayv2.CreateDomainNameInput{DomainName: aws.String(fmt.Sprintf("http%d.example.com", i)),
			DomainNameConfigurations: []types.DomainNameConfiguration{{CertificateArn: aws.String(cert), EndpointType: types.EndpointTypeRegional,
				SecurityPolicy: types.SecurityPolicyTls12}}, Tags: map[string]string{"n": fmt.Sprint(i)}}); err != nil {
			t.Fatal(err)
		}
	}
	net := testvpc.New(t, cfg, "10.11.0.0/16", "link", testvpc.Subnet{CIDR: "10.11.1.0/24"})
	link, err := api.CreateVpcLink(ctx, &apigatewayv2.CreateVpcLinkInput{Name: aws.String("private"), SubnetIds: net.Subnets, SecurityGroupIds: []string{net.SG},
		Tags: map[string]string{"team": "api"}})
	if err != nil {
		t.Fatal(err)
	}

	dn := collecttest.Run(t, cfg, collector.Service, "domain-name", "eu-west-1")
	if dn.Err != nil || len(dn.Resources) != 3 {
		t.Fatalf("domain names: %v, %d", dn.Err, len(dn.Resources))
	}
	d := dn.ByID()["http1.example.com"]
	for k, v := range map[string]any{"endpoint_type": "REGIONAL", "security_policy": "TLS_1_2", "certificate_arn": cert, "mutual_tls": false} {
		if d.Details[k] != v {
			t.Errorf("http1 details[%s] = %v, want %v", k, d.Details[k], v)
		}
	}
	if d.Tags["n"] != "1" || d.ARN != "arn:aws:apigateway:eu-west-1::/domainnames/http1.example.com" {
		t.Errorf("http1: %s %v", d.ARN, d.Tags)
	}
	collecttest.HasEdges(t, dn, "http1.example.com -uses-certificate-> acm/certificate:c-2")

	vl := collecttest.Run(t, cfg, collector.Service, "vpc-link", "eu-west-1")
	if vl.Err != nil || len(vl.Resources) != 1 {
		t.Fatalf("vpc links: %v, %d", vl.Err, len(vl.Resources))
	}
	id := aws.ToString(link.VpcLinkId)
	l := vl.ByID()[id]
	if l.Name != "private" || l.Tags["team"] != "api" || l.CreatedAt == "" || l.Details["version"] != "V2" {
		t.Errorf("link: %+v", l)
	}
	collecttest.HasEdges(t, vl, id+" -in-subnet-> ec2/subnet:"+net.Subnets[0], id+" -uses-security-group-> ec2/security-group:"+net.SG)

	for typ, op := range map[string]string{"domain-name": "GetDomainNames", "vpc-link": "GetVpcLinks"} {
		cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, "eu-west-1"))
	}
}
