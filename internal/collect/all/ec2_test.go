package all_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/ec2"
	"github.com/awsmap/awsmap/internal/model"
)

func TestEc2Instances(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	n := testvpc.New(t, cfg, "10.1.0.0/16", "web", testvpc.Subnet{CIDR: "10.1.1.0/24"})
	iamAPI := iam.NewFromConfig(cfg)
	if _, err := iamAPI.CreateInstanceProfile(ctx, &iam.CreateInstanceProfileInput{InstanceProfileName: aws.String("web-profile")}); err != nil {
		t.Fatal(err)
	}
	run, err := api.RunInstances(ctx, &ec2.RunInstancesInput{
		ImageId: aws.String("ami-12c6146b"), InstanceType: types.InstanceTypeT3Micro,
		MinCount: aws.Int32(7), MaxCount: aws.Int32(7), SubnetId: aws.String(n.Subnets[0]),
		SecurityGroupIds:   []string{n.SG},
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
		"vpc_id": n.VPC, "subnet_id": n.Subnets[0],
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
		stopped + " -in-subnet-> ec2/subnet:" + n.Subnets[0]:                   false,
		stopped + " -in-vpc-> ec2/vpc:" + n.VPC:                                false,
		stopped + " -uses-security-group-> ec2/security-group:" + n.SG:         false,
		stopped + " -uses-instance-profile-> iam/instance-profile:web-profile": false,
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
	// moto gives every instance a root volume; its edge is the volume type's to emit.
	for _, e := range got.Edges() {
		if strings.Contains(e, "-attached-to->") {
			t.Errorf("instance type emitted volume edge %s; the volume type owns it", e)
		}
	}
}

func TestEc2InstancesDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("DescribeInstances")})
	got := collecttest.Run(t, cfg, collector.Service, "instance", "eu-west-1")
	collecttest.AssertDenied(t, got)
}

// run collects one ec2 type in region and fails the test on a listing error.
func ec2Run(t *testing.T, cfg aws.Config, typ, region string) collecttest.Result {
	t.Helper()
	got := collecttest.Run(t, cfg, collector.Service, typ, region)
	if got.Err != nil {
		t.Fatalf("%s: %v", typ, got.Err)
	}
	return got
}

// wantEdges fails unless every edge ("from -kind-> svc/type:to") was recorded.

// wantDetails compares details values after a JSON round trip, i.e. as stored.
func ec2WantDetails(t *testing.T, r *model.Resource, want map[string]any) {
	t.Helper()
	if r == nil {
		t.Fatal("resource missing")
	}
	for k, w := range want {
		if g, wj := asJSON(t, r.Details[k]), asJSON(t, w); g != wj {
			t.Errorf("%s details[%s] = %s, want %s", r.ID, k, g, wj)
		}
	}
}

// asJSON is v as stored, with object keys sorted so structs and maps compare.
func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var generic any
	if err := json.Unmarshal(b, &generic); err != nil {
		t.Fatal(err)
	}
	b, _ = json.Marshal(generic)
	return string(b)
}

// pageOf serves items the way EC2 pages them, so the collector's paginator
// must follow NextToken; it also checks the collector asked for PageCap items.
func pageOf[T any](t *testing.T, items []T, token *string, max *int32) ([]T, *string) {
	if aws.ToInt32(max) != collecttest.PageCap {
		t.Errorf("MaxResults = %d, want the page cap %d", aws.ToInt32(max), collecttest.PageCap)
	}
	start, _ := strconv.Atoi(aws.ToString(token))
	end := min(start+int(collecttest.PageCap), len(items))
	var next *string
	if end < len(items) {
		next = aws.String(strconv.Itoa(end))
	}
	return items[start:end], next
}

func ec2Tag(k, v string) types.Tag { return types.Tag{Key: aws.String(k), Value: aws.String(v)} }

func tagSpec(rt types.ResourceType, ts ...types.Tag) []types.TagSpecification {
	return []types.TagSpecification{{ResourceType: rt, Tags: ts}}
}
