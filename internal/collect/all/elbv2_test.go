package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/acm"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/elbv2"
)

// estate is an ALB "web" with an HTTPS listener forwarding to target group
// "web-tg" (two instances), plus five more load balancers.
type elbv2Estate struct {
	vpc, sg, cert string
	subnets       []string
	instances     []string
}

func elbv2Setup(t *testing.T, cfg aws.Config) elbv2Estate {
	t.Helper()
	ctx := context.Background()
	ec2API := ec2.NewFromConfig(cfg)
	n := testvpc.New(t, cfg, "10.4.0.0/16", "lb",
		testvpc.Subnet{CIDR: "10.4.0.0/24", AZ: region + "a"}, testvpc.Subnet{CIDR: "10.4.1.0/24", AZ: region + "b"})
	e := elbv2Estate{vpc: n.VPC, subnets: n.Subnets, sg: n.SG}
	run, err := ec2API.RunInstances(ctx, &ec2.RunInstancesInput{ImageId: aws.String("ami-12c6146b"), InstanceType: ec2types.InstanceTypeT3Micro,
		MinCount: aws.Int32(2), MaxCount: aws.Int32(2), SubnetId: aws.String(e.subnets[0])})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range run.Instances {
		e.instances = append(e.instances, aws.ToString(in.InstanceId))
	}
	cert, err := acm.NewFromConfig(cfg).RequestCertificate(ctx, &acm.RequestCertificateInput{DomainName: aws.String("web.example.com")})
	if err != nil {
		t.Fatal(err)
	}
	e.cert = aws.ToString(cert.CertificateArn)

	api := elb.NewFromConfig(cfg)
	var lbARN *string
	for i := range 6 {
		name := fmt.Sprintf("lb-%d", i)
		if i == 0 {
			name = "web"
		}
		lb, err := api.CreateLoadBalancer(ctx, &elb.CreateLoadBalancerInput{Name: aws.String(name), Subnets: e.subnets, Scheme: types.LoadBalancerSchemeEnumInternetFacing,
			SecurityGroups: []string{e.sg}, Tags: []types.Tag{{Key: aws.String("Env"), Value: aws.String(name + "-env")}}})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			lbARN = lb.LoadBalancers[0].LoadBalancerArn
		}
	}
	tg, err := api.CreateTargetGroup(ctx, &elb.CreateTargetGroupInput{Name: aws.String("web-tg"), Protocol: types.ProtocolEnumHttp,
		Port: aws.Int32(8080), VpcId: aws.String(e.vpc), HealthCheckPath: aws.String("/health"), TargetType: types.TargetTypeEnumInstance,
		Tags: []types.Tag{{Key: aws.String("App"), Value: aws.String("web")}}})
	if err != nil {
		t.Fatal(err)
	}
	tgARN := tg.TargetGroups[0].TargetGroupArn
	var targets []types.TargetDescription
	for _, id := range e.instances {
		targets = append(targets, types.TargetDescription{Id: aws.String(id), Port: aws.Int32(8080)})
	}
	if _, err := api.RegisterTargets(ctx, &elb.RegisterTargetsInput{TargetGroupArn: tgARN, Targets: targets}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.CreateListener(ctx, &elb.CreateListenerInput{LoadBalancerArn: lbARN, Port: aws.Int32(443), Protocol: types.ProtocolEnumHttps,
		Certificates:   []types.Certificate{{CertificateArn: cert.CertificateArn}},
		DefaultActions: []types.Action{{Type: types.ActionTypeEnumForward, TargetGroupArn: tgARN}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.ModifyLoadBalancerAttributes(ctx, &elb.ModifyLoadBalancerAttributesInput{LoadBalancerArn: lbARN,
		Attributes: []types.LoadBalancerAttribute{{Key: aws.String("deletion_protection.enabled"), Value: aws.String("true")}}}); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if _, err := api.CreateTargetGroup(ctx, &elb.CreateTargetGroupInput{Name: aws.String(fmt.Sprintf("ip-tg-%d", i)),
			Protocol: types.ProtocolEnumTcp, Port: aws.Int32(80), VpcId: aws.String(e.vpc), TargetType: types.TargetTypeEnumIp}); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

func TestElbv2LoadBalancers(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	e := elbv2Setup(t, cfg)
	got := collecttest.Run(t, cfg, collector.Service, "load-balancer", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 load balancers over several pages, got %d", len(byID))
	}
	lb := byID["web"]
	checks := map[string]any{
		"type": "application", "scheme": "internet-facing", "state": "active", "vpc_id": e.vpc,
		"deletion_protection": true, "ip_address_type": "ipv4",
	}
	for k, want := range checks {
		if lb.Details[k] != want {
			t.Errorf("details[%s] = %v (%T), want %v", k, lb.Details[k], lb.Details[k], want)
		}
	}
	if byID["lb-1"].Details["deletion_protection"] != false {
		t.Errorf("lb-1 deletion_protection = %v", byID["lb-1"].Details["deletion_protection"])
	}
	if l := fmt.Sprintf("%+v", lb.Details["listeners"]); l != "[{Port:443 Protocol:HTTPS CertificateARNs:["+e.cert+"] DefaultActions:[forward]}]" {
		t.Errorf("listeners = %s", l)
	}
	if fmt.Sprint(lb.Details["security_group_ids"]) != "["+e.sg+"]" || lb.Details["dns_name"] == "" {
		t.Errorf("details = %v", lb.Details)
	}
	if lb.Tags["Env"] != "web-env" || byID["lb-4"].Tags["Env"] != "lb-4-env" || lb.CreatedAt == "" || lb.ARN == "" {
		t.Errorf("tags %v / %v created %q arn %q", lb.Tags, byID["lb-4"].Tags, lb.CreatedAt, lb.ARN)
	}
	collecttest.HasEdges(t, got,
		"web -routes-to-> elbv2/target-group:web-tg",
		"web -uses-certificate-> acm/certificate:"+collect.ARNResourceName(e.cert),
		"web -in-vpc-> ec2/vpc:"+e.vpc,
		"web -in-subnet-> ec2/subnet:"+e.subnets[1],
		"web -uses-security-group-> ec2/security-group:"+e.sg,
	)
}

func TestElbv2TargetGroups(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	e := elbv2Setup(t, cfg)
	got := collecttest.Run(t, cfg, collector.Service, "target-group", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 target groups over several pages, got %d", len(byID))
	}
	tg := byID["web-tg"]
	checks := map[string]any{
		"protocol": "HTTP", "port": int32(8080), "target_type": "instance", "vpc_id": e.vpc,
		"health_check_path": "/health", "target_count": 2,
	}
	for k, want := range checks {
		if tg.Details[k] != want {
			t.Errorf("details[%s] = %v (%T), want %v", k, tg.Details[k], tg.Details[k], want)
		}
	}
	if tg.Details["healthy_count"].(int)+tg.Details["unhealthy_count"].(int) > 2 || len(tg.Details["load_balancer_arns"].([]string)) != 1 {
		t.Errorf("details = %v", tg.Details)
	}
	if tg.Tags["App"] != "web" {
		t.Errorf("tags = %v", tg.Tags)
	}
	if byID["ip-tg-0"].Details["target_count"] != 0 {
		t.Errorf("ip-tg-0 targets = %v", byID["ip-tg-0"].Details["targets"])
	}
	collecttest.HasEdges(t, got,
		"web-tg -targets-> ec2/instance:"+e.instances[0],
		"web-tg -targets-> ec2/instance:"+e.instances[1],
		"web -routes-to-> elbv2/target-group:web-tg",
	)
}

func TestElbv2Permissions(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeLoadBalancers")})
	got := collecttest.Run(t, cfg, collector.Service, "load-balancer", region)
	collecttest.AssertDenied(t, got)

	elbv2Setup(t, collecttest.Config(t, region, nil))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeListeners", "DescribeTags")})
	got = collecttest.Run(t, cfg, collector.Service, "load-balancer", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want the load balancers despite denied detail calls, got %v and %d", got.Err, len(got.Resources))
	}
	web := got.ByID()["web"]
	if _, ok := web.Details["listeners"]; ok || len(web.Tags) != 0 || len(got.Task.Warnings()) < 2 {
		t.Errorf("want listeners and tags absent and warnings, got %v %v / %v", web.Details, web.Tags, got.Task.Warnings())
	}
	if web.Details["deletion_protection"] != true {
		t.Errorf("other detail calls must still fill their fields: %v", web.Details)
	}
}
