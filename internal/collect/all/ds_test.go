package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ds "github.com/aws/aws-sdk-go-v2/service/directoryservice"
	"github.com/aws/aws-sdk-go-v2/service/directoryservice/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/ds"
)

// estate is four Simple ADs and two Microsoft ADs in one VPC; the first
// Microsoft AD trusts a remote domain and forwards its logs.
type dsEstate struct {
	net        testvpc.Network
	simple, ad []string
	trust      string
}

func dsSetup(t *testing.T) dsEstate {
	t.Helper()
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	e := dsEstate{net: testvpc.New(t, cfg, "10.1.0.0/16", "", testvpc.Subnet{CIDR: "10.1.1.0/24", AZ: "eu-west-1a"},
		testvpc.Subnet{CIDR: "10.1.2.0/24", AZ: "eu-west-1b"})}
	vpc := &types.DirectoryVpcSettings{VpcId: aws.String(e.net.VPC), SubnetIds: e.net.Subnets}
	api := ds.NewFromConfig(cfg)
	for i := range 4 {
		out, err := api.CreateDirectory(ctx, &ds.CreateDirectoryInput{Name: aws.String(fmt.Sprintf("simple%d.corp.example", i)), Password: aws.String("Passw0rd!x"),
			Size: types.DirectorySizeSmall, ShortName: aws.String("SIMPLE"), VpcSettings: vpc, Tags: []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}})
		if err != nil {
			t.Fatal(err)
		}
		e.simple = append(e.simple, aws.ToString(out.DirectoryId))
	}
	for i := range 2 {
		out, err := api.CreateMicrosoftAD(ctx, &ds.CreateMicrosoftADInput{Name: aws.String(fmt.Sprintf("ad%d.corp.example", i)), Password: aws.String("Passw0rd!x"),
			Edition: types.DirectoryEditionEnterprise, VpcSettings: vpc})
		if err != nil {
			t.Fatal(err)
		}
		e.ad = append(e.ad, aws.ToString(out.DirectoryId))
	}
	tr, err := api.CreateTrust(ctx, &ds.CreateTrustInput{DirectoryId: aws.String(e.ad[0]), RemoteDomainName: aws.String("onprem.example"),
		TrustPassword: aws.String("trust-secret"), TrustDirection: types.TrustDirectionTwoWay, TrustType: types.TrustTypeForest})
	if err != nil {
		t.Fatal(err)
	}
	e.trust = aws.ToString(tr.TrustId)
	if _, err := api.CreateLogSubscription(ctx, &ds.CreateLogSubscriptionInput{DirectoryId: aws.String(e.ad[0]), LogGroupName: aws.String("/aws/directoryservice/ad0")}); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestDsDirectories(t *testing.T) {
	e := dsSetup(t)
	got := collecttest.Run(t, collecttest.Config(t, region, nil), collector.Service, "directory", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("directories: %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	s := got.ByID()[e.simple[2]]
	if s.Name != "simple2.corp.example" || s.Tags["n"] != "2" || s.CreatedAt == "" || s.ARN != "arn:aws:ds:"+region+":"+collecttest.MotoAccount+":directory/"+e.simple[2] {
		t.Errorf("simple2: %+v", s)
	}
	for k, v := range map[string]any{"directory_type": "SimpleAD", "size": "Small", "short_name": "SIMPLE", "vpc_id": e.net.VPC, "sso_enabled": false, "radius_enabled": false} {
		if s.Details[k] != v {
			t.Errorf("simple2 details[%s] = %v, want %v", k, s.Details[k], v)
		}
	}
	if g, _ := s.Details["log_groups"].([]string); g == nil || len(g) != 0 {
		t.Errorf("simple2 log groups: %v", s.Details["log_groups"])
	}
	ad := got.ByID()[e.ad[0]]
	if ad.Details["directory_type"] != "MicrosoftAD" || ad.Details["edition"] != "Enterprise" {
		t.Errorf("ad0: %v", ad.Details)
	}
	collecttest.HasEdges(t, got, e.ad[0]+" -in-vpc-> ec2/vpc:"+e.net.VPC, e.ad[0]+" -in-subnet-> ec2/subnet:"+e.net.Subnets[1],
		e.ad[0]+" -logs-to-> logs/log-group:/aws/directoryservice/ad0")
}

func TestDsTrusts(t *testing.T) {
	e := dsSetup(t)
	got := collecttest.Run(t, collecttest.Config(t, region, nil), collector.Service, "trust", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("trusts: %v %v", got.Err, got.Resources)
	}
	tr := got.ByID()[e.trust]
	if tr.Name != "onprem.example" || tr.Details["trust_direction"] != "Two-Way" || tr.Details["trust_type"] != "Forest" || tr.Details["directory_id"] != e.ad[0] {
		t.Errorf("trust: %+v", tr)
	}
	collecttest.HasEdges(t, got, e.trust+" -of-directory-> ds/directory:"+e.ad[0])
}

func TestDsDenied(t *testing.T) {
	e := dsSetup(t)
	for typ, op := range map[string]string{"directory": "DescribeDirectories", "trust": "DescribeTrusts"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListTagsForResource", "ListLogSubscriptions")})
	got := collecttest.Run(t, cfg, collector.Service, "directory", region)
	if got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 12 {
		t.Fatalf("want six directories and 12 warnings, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if _, ok := got.ByID()[e.ad[0]].Details["log_groups"]; ok {
		t.Errorf("log groups should be unknown")
	}
}
