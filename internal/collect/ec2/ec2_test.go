package ec2_test

import (
	"context"
	"os"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/ec2"
)

var moto *collecttest.Moto
var motoWhy string

func TestMain(m *testing.M) {
	moto, motoWhy = collecttest.StartMoto()
	collect.PageCap = 5 // several pages with a handful of resources
	code := m.Run()
	moto.Stop()
	os.Exit(code)
}

func TestInstances(t *testing.T) {
	collecttest.Skip(t, moto, motoWhy)
	moto.Reset(t)
	ctx := context.Background()
	cfg := moto.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	vpc, err := api.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.1.0.0/16")})
	if err != nil {
		t.Fatal(err)
	}
	subnet, err := api.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: vpc.Vpc.VpcId, CidrBlock: aws.String("10.1.1.0/24")})
	if err != nil {
		t.Fatal(err)
	}
	sg, err := api.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: aws.String("web"), Description: aws.String("web"), VpcId: vpc.Vpc.VpcId})
	if err != nil {
		t.Fatal(err)
	}
	iamAPI := iam.NewFromConfig(cfg)
	if _, err := iamAPI.CreateInstanceProfile(ctx, &iam.CreateInstanceProfileInput{InstanceProfileName: aws.String("web-profile")}); err != nil {
		t.Fatal(err)
	}
	run, err := api.RunInstances(ctx, &ec2.RunInstancesInput{
		ImageId: aws.String("ami-12c6146b"), InstanceType: types.InstanceTypeT3Micro,
		MinCount: aws.Int32(7), MaxCount: aws.Int32(7), SubnetId: subnet.Subnet.SubnetId,
		SecurityGroupIds:   []string{aws.ToString(sg.GroupId)},
		IamInstanceProfile: &types.IamInstanceProfileSpecification{Name: aws.String("web-profile")},
		TagSpecifications: []types.TagSpecification{{ResourceType: types.ResourceTypeInstance,
			Tags: []types.Tag{{Key: aws.String("Name"), Value: aws.String("web")}, {Key: aws.String("Owner"), Value: aws.String("team-a")}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	stopped := aws.ToString(run.Instances[0].InstanceId)
	if _, err := api.StopInstances(ctx, &ec2.StopInstancesInput{InstanceIds: []string{stopped}}); err != nil {
		t.Fatal(err)
	}
	terminated := aws.ToString(run.Instances[1].InstanceId)
	if _, err := api.TerminateInstances(ctx, &ec2.TerminateInstancesInput{InstanceIds: []string{terminated}}); err != nil {
		t.Fatal(err)
	}

	got := collecttest.Run(t, cfg, collector.Service, "instance", "eu-west-1")
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 instances (7 launched, 1 terminated), got %d", len(byID))
	}
	if _, ok := byID[terminated]; ok {
		t.Errorf("terminated instance %s was collected", terminated)
	}
	in := byID[stopped]
	if in == nil {
		t.Fatalf("stopped instance %s missing", stopped)
	}
	checks := map[string]any{
		"state": "stopped", "instance_type": "t3.micro", "image_id": "ami-12c6146b",
		"vpc_id": aws.ToString(vpc.Vpc.VpcId), "subnet_id": aws.ToString(subnet.Subnet.SubnetId),
	}
	for k, want := range checks {
		if in.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, in.Details[k], want)
		}
	}
	if in.Name != "web" || in.Tags["Owner"] != "team-a" || in.Region != "eu-west-1" || in.Account != collecttest.MotoAccount {
		t.Errorf("identity fields wrong: %+v", in)
	}
	if in.ARN != "arn:aws:ec2:eu-west-1:"+collecttest.MotoAccount+":instance/"+stopped || in.CreatedAt == "" {
		t.Errorf("arn %q created_at %q", in.ARN, in.CreatedAt)
	}
	want := map[string]bool{
		stopped + " -in-subnet-> ec2/subnet:" + aws.ToString(subnet.Subnet.SubnetId):       false,
		stopped + " -in-vpc-> ec2/vpc:" + aws.ToString(vpc.Vpc.VpcId):                      false,
		stopped + " -uses-security-group-> ec2/security-group:" + aws.ToString(sg.GroupId): false,
		stopped + " -uses-instance-profile-> iam/instance-profile:web-profile":             false,
	}
	for _, e := range got.Edges() {
		if _, ok := want[e]; ok {
			want[e] = true
		}
	}
	for e, seen := range want {
		if !seen {
			t.Errorf("missing relationship %s in %v", e, got.Edges())
		}
	}
}

func TestInstancesDenied(t *testing.T) {
	collecttest.Skip(t, moto, motoWhy)
	moto.Reset(t)
	cfg := moto.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("DescribeInstances")})
	got := collecttest.Run(t, cfg, collector.Service, "instance", "eu-west-1")
	if awsx.Classify(got.Err) != awsx.Denied {
		t.Fatalf("want a denied error, got %v", got.Err)
	}
	if len(got.Resources) != 0 {
		t.Fatalf("denied listing emitted %d resources", len(got.Resources))
	}
}
