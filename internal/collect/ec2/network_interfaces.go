package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var networkInterfaceFields = []model.Field{
	{Name: "status", Type: "text", Description: "available, in-use, attaching, detaching, ...", Values: collect.Values(types.NetworkInterfaceStatus("").Values())},
	{Name: "interface_type", Type: "text", Description: "interface, natGateway, lambda, vpc_endpoint, ...", Values: collect.Values(types.NetworkInterfaceType("").Values())},
	{Name: "subnet_id", Type: "text", Description: "subnet"},
	{Name: "vpc_id", Type: "text", Description: "VPC"},
	{Name: "private_ip", Type: "text", Description: "primary private IPv4 address"},
	{Name: "public_ip", Type: "text", Description: "associated public IPv4 address, if any"},
	{Name: "attached_instance_id", Type: "text", Description: "instance it is attached to"},
	{Name: "description", Type: "text", Description: "description (AWS services describe their interfaces here)"},
	{Name: "requester_managed", Type: "boolean", Description: "created and managed by an AWS service"},
	{Name: "security_group_ids", Type: "json", Description: "security groups of the interface"},
}

func networkInterfaces(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeNetworkInterfacesPaginator(client(t), &ec2.DescribeNetworkInterfacesInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeNetworkInterfacesOutput) {
		for _, n := range page.NetworkInterfaces {
			emitNetworkInterface(t, n)
		}
	})
}

func emitNetworkInterface(t *collect.Task, n types.NetworkInterface) {
	id := aws.ToString(n.NetworkInterfaceId)
	sgs := ids(n.Groups, func(g types.GroupIdentifier) *string { return g.GroupId })
	var publicIP, instance string
	if n.Association != nil {
		publicIP = aws.ToString(n.Association.PublicIp)
	}
	if n.Attachment != nil {
		instance = aws.ToString(n.Attachment.InstanceId)
	}
	key := t.Key("network-interface", id)
	t.Emit(&model.Resource{
		Key: key, ARN: arn(t, n.OwnerId, "network-interface/"+id), Name: nameTag(n.TagSet), Tags: tags(n.TagSet),
		Details: map[string]any{
			"status":               string(n.Status),
			"interface_type":       string(n.InterfaceType),
			"subnet_id":            aws.ToString(n.SubnetId),
			"vpc_id":               aws.ToString(n.VpcId),
			"private_ip":           aws.ToString(n.PrivateIpAddress),
			"public_ip":            publicIP,
			"attached_instance_id": instance,
			"description":          aws.ToString(n.Description),
			"requester_managed":    aws.ToBool(n.RequesterManaged),
			"security_group_ids":   sgs,
		},
	})
	t.Relate(key, "in-subnet", t.Key("subnet", aws.ToString(n.SubnetId)))
	for _, sg := range sgs {
		t.Relate(key, "uses-security-group", t.Key("security-group", sg))
	}
	t.Relate(key, "attached-to", t.Key("instance", instance))
}
