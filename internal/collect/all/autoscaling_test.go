package all_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/autoscaling"
	"github.com/aws/aws-sdk-go-v2/service/autoscaling/types"
	elbv2 "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/autoscaling"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
)

// network creates a VPC with a subnet and a security group.
func autoscalingNetwork(t *testing.T, cfg aws.Config) (vpc, subnet, sg string) {
	t.Helper()
	n := testvpc.New(t, cfg, "10.1.0.0/16", "asg", testvpc.Subnet{CIDR: "10.1.1.0/24", AZ: "eu-west-1a"})
	return n.VPC, n.Subnets[0], n.SG
}

func createLaunchConfigurations(t *testing.T, api *autoscaling.Client, n int, sg string) {
	t.Helper()
	for i := range n {
		if _, err := api.CreateLaunchConfiguration(context.Background(), &autoscaling.CreateLaunchConfigurationInput{
			LaunchConfigurationName: aws.String(fmt.Sprintf("lc%d", i)), ImageId: aws.String("ami-12c6146b"),
			InstanceType: aws.String("t3.micro"), KeyName: aws.String("ops"), SecurityGroups: []string{sg},
			IamInstanceProfile: aws.String("web-profile"), AssociatePublicIpAddress: aws.Bool(true),
			MetadataOptions: &types.InstanceMetadataOptions{HttpTokens: types.InstanceMetadataHttpTokensStateRequired},
		}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestAutoscalingLaunchConfigurations(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	_, _, sg := autoscalingNetwork(t, cfg)
	createLaunchConfigurations(t, autoscaling.NewFromConfig(cfg), 7, sg)
	got := collecttest.Run(t, cfg, collector.Service, "launch-configuration", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 7 launch configurations, got %d", len(byID))
	}
	lc := byID["lc6"]
	checks := map[string]any{"image_id": "ami-12c6146b", "instance_type": "t3.micro", "key_name": "ops",
		"iam_instance_profile": "web-profile", "associate_public_ip": true, "http_tokens": "required"}
	for k, want := range checks {
		if lc.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, lc.Details[k], want)
		}
	}
	if lc.ARN == "" || lc.CreatedAt == "" {
		t.Errorf("identity wrong: %+v", lc)
	}
	edges := got.Edges()
	for _, e := range []string{"lc6 -uses-security-group-> ec2/security-group:" + sg, "lc6 -uses-instance-profile-> iam/instance-profile:web-profile"} {
		if !slices.Contains(edges, e) {
			t.Errorf("missing %s in %v", e, edges)
		}
	}
}

func TestAutoscalingGroups(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	vpc, subnet, sg := autoscalingNetwork(t, cfg)
	api := autoscaling.NewFromConfig(cfg)
	createLaunchConfigurations(t, api, 1, sg)
	tg, err := elbv2.NewFromConfig(cfg).CreateTargetGroup(ctx, &elbv2.CreateTargetGroupInput{Name: aws.String("web-tg"),
		Protocol: "HTTP", Port: aws.Int32(80), VpcId: aws.String(vpc)})
	if err != nil {
		t.Fatal(err)
	}
	tgARN := aws.ToString(tg.TargetGroups[0].TargetGroupArn)
	for i := range 6 {
		in := &autoscaling.CreateAutoScalingGroupInput{AutoScalingGroupName: aws.String(fmt.Sprintf("g%d", i)),
			LaunchConfigurationName: aws.String("lc0"), MinSize: aws.Int32(0), MaxSize: aws.Int32(3), DesiredCapacity: aws.Int32(0),
			VPCZoneIdentifier: aws.String(subnet)}
		if i == 0 {
			in.DesiredCapacity = aws.Int32(2)
			in.TargetGroupARNs = []string{tgARN}
			in.HealthCheckType = aws.String("ELB")
			in.Tags = []types.Tag{{Key: aws.String("env"), Value: aws.String("prod")}}
		}
		if _, err := api.CreateAutoScalingGroup(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "group", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 groups, got %d", len(byID))
	}
	g := byID["g0"]
	checks := map[string]any{"min_size": int32(0), "max_size": int32(3), "desired_capacity": int32(2),
		"launch_configuration": "lc0", "health_check_type": "ELB"}
	for k, want := range checks {
		if g.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, g.Details[k], want)
		}
	}
	if g.Tags["env"] != "prod" || g.ARN == "" || g.CreatedAt == "" {
		t.Errorf("identity wrong: %+v", g)
	}
	want := []string{"g0 -in-subnet-> ec2/subnet:" + subnet, "g0 -registers-with-> elbv2/target-group:web-tg",
		"g0 -uses-launch-configuration-> autoscaling/launch-configuration:lc0"}
	contains := 0
	for _, e := range got.Edges() {
		if slices.Contains(want, e) {
			want = slices.DeleteFunc(want, func(w string) bool { return w == e })
		}
		if strings.HasPrefix(e, "g0 -contains-> ec2/instance:i-") {
			contains++
		}
	}
	if len(want) > 0 || contains != 2 {
		t.Errorf("missing %v, %d contains edges (want 2) in %v", want, contains, got.Edges())
	}
}

func TestAutoscalingDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeAutoScalingGroups")})
	got := collecttest.Run(t, cfg, collector.Service, "group", region)
	collecttest.AssertDenied(t, got)
}
