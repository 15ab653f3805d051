package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var elasticIPFields = collect.Fields[types.Address]{
	collect.Text("public_ip", "the Elastic IP address", func(a types.Address) *string { return a.PublicIp }),
	collect.Enum("domain", "vpc or standard", func(a types.Address) types.DomainType { return a.Domain }),
	collect.Text("instance_id", "instance it is associated with", func(a types.Address) *string { return a.InstanceId }),
	collect.Text("network_interface_id", "network interface it is associated with", func(a types.Address) *string { return a.NetworkInterfaceId }),
	collect.Text("association_id", "association id; empty when unassociated", func(a types.Address) *string { return a.AssociationId }),
	collect.Text("private_ip", "private address it maps to", func(a types.Address) *string { return a.PrivateIpAddress }),
}

// elasticIPs: DescribeAddresses is not paginated, one call returns them all.
func elasticIPs(ctx context.Context, t *collect.Task) error {
	out, err := client(t).DescribeAddresses(ctx, &ec2.DescribeAddressesInput{})
	if err != nil {
		return err
	}
	for _, a := range out.Addresses {
		// EC2-Classic addresses have no allocation id: the address is the id.
		id := firstOf(a.AllocationId, a.PublicIp)
		key := t.Key("elastic-ip", id)
		t.Emit(&model.Resource{
			Key: key, ARN: arn(t, nil, "elastic-ip/"+id), Name: nameTag(a.Tags), Tags: tags(a.Tags),
			Details: elasticIPFields.Details(a),
		})
		t.Relate(key, "associated-with", t.Key("instance", aws.ToString(a.InstanceId)))
		t.Relate(key, "associated-with", t.Key("network-interface", aws.ToString(a.NetworkInterfaceId)))
	}
	return nil
}
