package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/vpclattice"
	"github.com/aws/aws-sdk-go-v2/service/vpclattice/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/vpclattice"
)

var vpclatticePaged = collecttest.Paged{Cap: 2}

func vpclatticeRun(t *testing.T, cfg aws.Config, typ string) collecttest.Result {
	t.Helper()
	got := vpclatticePaged.Run(t, cfg, collector.Service, typ, region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	return got
}

func TestVpclatticeLattice(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := vpclattice.NewFromConfig(cfg)
	n := testvpc.New(t, cfg, "10.40.0.0/16", "lattice")
	var sn string
	for i := range 3 {
		out, err := api.CreateServiceNetwork(ctx, &vpclattice.CreateServiceNetworkInput{Name: aws.String(fmt.Sprint("mesh", i)), AuthType: types.AuthTypeAwsIam,
			Tags: map[string]string{"team": "net"}})
		check(t, err)
		sn = aws.ToString(out.Id)
	}
	var svc, svcARN string
	for i := range 3 {
		out, err := api.CreateService(ctx, &vpclattice.CreateServiceInput{Name: aws.String(fmt.Sprint("orders", i)), AuthType: types.AuthTypeNone,
			Tags: map[string]string{"app": "orders"}})
		check(t, err)
		svc, svcARN = aws.ToString(out.Id), aws.ToString(out.Arn)
	}
	tg := "tg-0f3"
	got := vpclatticeRun(t, cfg, "service-network")
	collecttest.AssertNoWarnings(t, got)
	s := got.ByID()[sn]
	if len(got.Resources) != 3 || s == nil {
		t.Fatalf("want 3 service networks over pages, got %d", len(got.Resources))
	}
	if s.Details["auth_type"] != "AWS_IAM" || s.Name != "mesh2" || s.Tags["team"] != "net" || s.ARN == "" {
		t.Errorf("service network: %+v", s)
	}

	got = vpclatticeRun(t, cfg, "service")
	collecttest.AssertNoWarnings(t, got)
	v := got.ByID()[svc]
	if len(got.Resources) != 3 || v == nil {
		t.Fatalf("want 3 services, got %d", len(got.Resources))
	}
	if v.Details["auth_type"] != "NONE" || v.Name != "orders2" || v.Tags["app"] != "orders" || v.ARN != svcARN {
		t.Errorf("service: %+v", v)
	}

	got = vpclatticeRun(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: targetGroups(n.VPC, svcARN)}), "target-group")
	collecttest.AssertNoWarnings(t, got)
	g := got.ByID()[tg]
	if len(got.Resources) != 5 || g == nil {
		t.Fatalf("want 5 target groups over pages, got %d", len(got.Resources))
	}
	if g.Details["target_type"] != "IP" || g.Details["port"] != int64(8080) || g.Details["protocol"] != "HTTP" || g.Details["vpc_id"] != n.VPC || g.Tags["app"] != "orders" {
		t.Errorf("target group: %+v", g)
	}
	collecttest.HasEdges(t, got, tg+" -in-vpc-> ec2/vpc:"+n.VPC, tg+" -serves-> vpc-lattice/service:"+svc)

	// A denied Get keeps the service network without its auth type.
	got = vpclatticeRun(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetServiceNetwork")}), "service-network")
	if len(got.Task.Warnings()) != 3 || got.ByID()[sn].Details["auth_type"] != "" {
		t.Errorf("want 3 warnings and an unknown auth type: %v %v", got.Task.Warnings(), got.ByID()[sn].Details)
	}
}

// targetGroups cans ListTargetGroups, which moto 5.2.1 answers with HTTP
// 500 (its backend rejects the paging arguments), and the groups' tags:
// tg-0f0..tg-0f4, PageCap a page, routing from the service svcARN; tg-0f3
// is tagged.
func targetGroups(vpc, svcARN string) awsx.Responder {
	arn := func(id string) string {
		return "arn:aws:vpc-lattice:eu-west-1:" + collecttest.MotoAccount + ":targetgroup/" + id
	}
	var all []types.TargetGroupSummary
	for i := range 5 {
		id := fmt.Sprint("tg-0f", i)
		all = append(all, types.TargetGroupSummary{Id: aws.String(id), Name: aws.String(fmt.Sprint("tg", i)), Arn: aws.String(arn(id)), Type: types.TargetGroupTypeIp,
			Port: aws.Int32(8080), Protocol: types.TargetGroupProtocolHttp, VpcIdentifier: aws.String(vpc), Status: types.TargetGroupStatusActive, ServiceArns: []string{svcARN}})
	}
	return collecttest.Canned(map[string]func(any) (any, error){
		"ListTargetGroups": func(in any) (any, error) {
			i := in.(*vpclattice.ListTargetGroupsInput)
			start := 0
			if i.NextToken != nil {
				fmt.Sscan(*i.NextToken, &start)
			}
			end := min(start+int(vpclatticePaged.Cap), len(all))
			out := &vpclattice.ListTargetGroupsOutput{Items: all[start:end]}
			if end < len(all) {
				out.NextToken = aws.String(fmt.Sprint(end))
			}
			return out, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			if aws.ToString(in.(*vpclattice.ListTagsForResourceInput).ResourceArn) != arn("tg-0f3") {
				return &vpclattice.ListTagsForResourceOutput{}, nil
			}
			return &vpclattice.ListTagsForResourceOutput{Tags: map[string]string{"app": "orders"}}, nil
		},
	})
}

func TestVpclatticeDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"service-network": "ListServiceNetworks", "service": "ListServices", "target-group": "ListTargetGroups"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, vpclatticePaged.Run(t, cfg, collector.Service, typ, region))
	}
}
