package collecttest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
)

// Subnet asks NewNetwork for a subnet; an empty AZ leaves the zone to moto.
type Subnet struct {
	CIDR, AZ string
}

// Network is a VPC NewNetwork created in moto.
type Network struct {
	VPC     string
	Subnets []string // in the order asked
	SG      string   // the security group, when one was asked for
}

// NewNetwork creates a VPC with CIDR vpcCIDR and the given subnets and, when
// group is not empty, a security group of that name (and description) in it.
func NewNetwork(t testing.TB, cfg aws.Config, vpcCIDR, group string, subnets ...Subnet) Network {
	t.Helper()
	ctx := context.Background()
	api := ec2.NewFromConfig(cfg)
	vpc, err := api.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String(vpcCIDR)})
	if err != nil {
		t.Fatal(err)
	}
	n := Network{VPC: aws.ToString(vpc.Vpc.VpcId)}
	for _, s := range subnets {
		in := &ec2.CreateSubnetInput{VpcId: vpc.Vpc.VpcId, CidrBlock: aws.String(s.CIDR)}
		if s.AZ != "" {
			in.AvailabilityZone = aws.String(s.AZ)
		}
		sn, err := api.CreateSubnet(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		n.Subnets = append(n.Subnets, aws.ToString(sn.Subnet.SubnetId))
	}
	if group != "" {
		sg, err := api.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: aws.String(group), Description: aws.String(group), VpcId: vpc.Vpc.VpcId})
		if err != nil {
			t.Fatal(err)
		}
		n.SG = aws.ToString(sg.GroupId)
	}
	return n
}

// HasEdges fails t for every wanted "from -kind-> service/type:id" edge (see
// Recorder.Edges) that got did not record.
func HasEdges(t testing.TB, got Result, want ...string) {
	t.Helper()
	edges := got.Edges()
	for _, e := range want {
		if !slices.Contains(edges, e) {
			t.Errorf("missing relationship %s in %v", e, edges)
		}
	}
}

// AssertDenied stops t unless the collection failed as access denied and
// emitted no resource.
func AssertDenied(t testing.TB, got Result) {
	t.Helper()
	if awsx.Classify(got.Err) != awsx.Denied || len(got.Resources) != 0 {
		t.Fatalf("want a denied error and no resources, got %v and %d", got.Err, len(got.Resources))
	}
}

// AssertNoWarnings fails t when the collection recorded warnings.
func AssertNoWarnings(t testing.TB, got Result) {
	t.Helper()
	if w := got.Task.Warnings(); len(w) != 0 {
		t.Errorf("unexpected warnings: %v", w)
	}
}

// Created is err, except that the API error alreadyExists counts as success.
// Under load moto sometimes loses a create's response; the SDK retries and the
// retry finds the first attempt's resource. Fixtures use unique names, so
// that is the only way they meet such an error.
func Created(err error, alreadyExists string) error {
	var api smithy.APIError
	if errors.As(err, &api) && api.ErrorCode() == alreadyExists {
		return nil
	}
	return err
}
