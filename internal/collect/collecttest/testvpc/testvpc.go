// Package testvpc creates the VPC, subnets and security group that
// collector tests place their resources in, in moto.
package testvpc

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
)

// Subnet asks New for a subnet; an empty AZ leaves the zone to moto.
type Subnet struct {
	CIDR, AZ string
}

// Network is a VPC New created in moto.
type Network struct {
	VPC     string
	Subnets []string // in the order asked
	SG      string   // the security group, when one was asked for
}

// New creates a VPC with CIDR vpcCIDR and the given subnets and, when
// group is not empty, a security group of that name (and description) in it.
func New(t testing.TB, cfg aws.Config, vpcCIDR, group string, subnets ...Subnet) Network {
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
