package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var networkInterfaceFields = collect.Fields[types.NetworkInterface]{
	collect.Enum("status", "available, in-use, attaching, detaching, ...", func(n types.NetworkInterface) types.NetworkInterfaceStatus { return n.Status }),
	collect.Enum("interface_type", "interface, natGateway, lambda, vpc_endpoint, ...", func(n types.NetworkInterface) types.NetworkInterfaceType { return n.InterfaceType }),
	collect.Text("subnet_id", "subnet", func(n types.NetworkInterface) *string { return n.SubnetId }),
	collect.Text("vpc_id", "VPC", func(n types.NetworkInterface) *string { return n.VpcId }),
	collect.Text("private_ip", "primary private IPv4 address", func(n types.NetworkInterface) *string { return n.PrivateIpAddress }),
	collect.Text("public_ip", "associated public IPv4 address, if any", func(n types.NetworkInterface) *string {
		if n.Association == nil {
			return nil
		}
		return n.Association.PublicIp
	}),
	collect.Text("attached_instance_id", "instance it is attached to", attachedInstance),
	collect.Text("description", "description (AWS services describe their interfaces here)", func(n types.NetworkInterface) *string { return n.Description }),
	collect.Bool("requester_managed", "created and managed by an AWS service", func(n types.NetworkInterface) *bool { return n.RequesterManaged }),
	collect.Computed("security_group_ids", model.JSON, "security groups of the interface", func(n types.NetworkInterface) any { return interfaceGroups(n) }),
}

// attachedInstance is the instance the interface is attached to (nil when none).
func attachedInstance(n types.NetworkInterface) *string {
	if n.Attachment == nil {
		return nil
	}
	return n.Attachment.InstanceId
}

// interfaceGroups are the ids of the interface's security groups.
func interfaceGroups(n types.NetworkInterface) []string {
	return collect.IDs(n.Groups, func(g types.GroupIdentifier) *string { return g.GroupId })
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
	key := t.Key("network-interface", id)
	t.Emit(&model.Resource{
		Key: key, ARN: arn(t, n.OwnerId, "network-interface/"+id), Name: nameTag(n.TagSet), Tags: tags(n.TagSet),
		Details: networkInterfaceFields.Details(n),
	})
	t.Relate(key, "in-subnet", t.Key("subnet", aws.ToString(n.SubnetId)))
	for _, sg := range interfaceGroups(n) {
		t.Relate(key, "uses-security-group", t.Key("security-group", sg))
	}
	t.Relate(key, "attached-to", t.Key("instance", aws.ToString(attachedInstance(n))))
}
