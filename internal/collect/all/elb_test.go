package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	classic "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing"
	"github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/elb"
)

// duplicateName is the classic ELB API's error for a name already taken.
const duplicateName = "DuplicateLoadBalancerName"

type elbEstate struct{ vpc, subnet, sg, instance string }

// setup creates "web" (in a VPC subnet, one instance registered, tagged) and
// five more classic load balancers.
func elbSetup(t *testing.T, cfg aws.Config) elbEstate {
	t.Helper()
	ctx := context.Background()
	ec2API := ec2.NewFromConfig(cfg)
	vpc, err := ec2API.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.5.0.0/16")})
	if err != nil {
		t.Fatal(err)
	}
	subnet, err := ec2API.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: vpc.Vpc.VpcId, CidrBlock: aws.String("10.5.1.0/24"), AvailabilityZone: aws.String(region + "a")})
	if err != nil {
		t.Fatal(err)
	}
	sg, err := ec2API.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: aws.String("clb"), Description: aws.String("clb"), VpcId: vpc.Vpc.VpcId})
	if err != nil {
		t.Fatal(err)
	}
	run, err := ec2API.RunInstances(ctx, &ec2.RunInstancesInput{ImageId: aws.String("ami-12c6146b"), InstanceType: ec2types.InstanceTypeT3Micro,
		MinCount: aws.Int32(1), MaxCount: aws.Int32(1), SubnetId: subnet.Subnet.SubnetId})
	if err != nil {
		t.Fatal(err)
	}
	e := elbEstate{vpc: aws.ToString(vpc.Vpc.VpcId), subnet: aws.ToString(subnet.Subnet.SubnetId), sg: aws.ToString(sg.GroupId), instance: aws.ToString(run.Instances[0].InstanceId)}
	api := classic.NewFromConfig(cfg)
	listeners := []types.Listener{{Protocol: aws.String("HTTP"), LoadBalancerPort: 80, InstanceProtocol: aws.String("HTTP"), InstancePort: aws.Int32(8080)}}
	_, err = api.CreateLoadBalancer(ctx, &classic.CreateLoadBalancerInput{LoadBalancerName: aws.String("web"), Listeners: listeners,
		Subnets: []string{e.subnet}, SecurityGroups: []string{e.sg}, Tags: []types.Tag{{Key: aws.String("Env"), Value: aws.String("prod")}}})
	if err := collecttest.Created(err, duplicateName); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		_, err := api.CreateLoadBalancer(ctx, &classic.CreateLoadBalancerInput{LoadBalancerName: aws.String(fmt.Sprintf("old-%d", i)),
			Listeners: listeners, AvailabilityZones: []string{region + "a"}})
		if err := collecttest.Created(err, duplicateName); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.RegisterInstancesWithLoadBalancer(ctx, &classic.RegisterInstancesWithLoadBalancerInput{LoadBalancerName: aws.String("web"),
		Instances: []types.Instance{{InstanceId: aws.String(e.instance)}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.ConfigureHealthCheck(ctx, &classic.ConfigureHealthCheckInput{LoadBalancerName: aws.String("web"), HealthCheck: &types.HealthCheck{
		Target: aws.String("HTTP:8080/health"), Interval: aws.Int32(30), Timeout: aws.Int32(5), HealthyThreshold: aws.Int32(2), UnhealthyThreshold: aws.Int32(2)}}); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestElbLoadBalancers(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	e := elbSetup(t, cfg)
	got := collecttest.Run(t, cfg, collector.Service, "load-balancer", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 load balancers over several pages, got %d", len(byID))
	}
	lb := byID["web"]
	checks := map[string]any{"vpc_id": e.vpc, "instance_count": 1, "health_check_target": "HTTP:8080/health", "scheme": "internet-facing"}
	for k, want := range checks {
		if lb.Details[k] != want {
			t.Errorf("details[%s] = %v (%T), want %v", k, lb.Details[k], lb.Details[k], want)
		}
	}
	if l := fmt.Sprintf("%+v", lb.Details["listeners"]); l != "[{Protocol:HTTP Port:80 InstanceProtocol:HTTP InstancePort:8080 CertificateARN:}]" {
		t.Errorf("listeners = %s", l)
	}
	if lb.Tags["Env"] != "prod" || lb.CreatedAt == "" || lb.ARN != "arn:aws:elasticloadbalancing:"+region+":"+collecttest.MotoAccount+":loadbalancer/web" {
		t.Errorf("tags %v created %q arn %q", lb.Tags, lb.CreatedAt, lb.ARN)
	}
	want := map[string]bool{
		"web -targets-> ec2/instance:" + e.instance:             false,
		"web -uses-security-group-> ec2/security-group:" + e.sg: false,
		"web -in-subnet-> ec2/subnet:" + e.subnet:               false,
	}
	for _, edge := range got.Edges() {
		if _, ok := want[edge]; ok {
			want[edge] = true
		}
	}
	for edge, seen := range want {
		if !seen {
			t.Errorf("missing relationship %s in %v", edge, got.Edges())
		}
	}
}

func TestElbPermissions(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeLoadBalancers")})
	got := collecttest.Run(t, cfg, collector.Service, "load-balancer", region)
	collecttest.AssertDenied(t, got)

	elbSetup(t, collecttest.Config(t, region, nil))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeTags")})
	got = collecttest.Run(t, cfg, collector.Service, "load-balancer", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want the load balancers despite denied tags, got %v and %d", got.Err, len(got.Resources))
	}
	if web := got.ByID()["web"]; len(web.Tags) != 0 || len(got.Task.Warnings()) == 0 {
		t.Errorf("want no tags and a warning, got %v / %v", web.Tags, got.Task.Warnings())
	}
}
