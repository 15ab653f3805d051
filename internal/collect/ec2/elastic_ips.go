package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var elasticIPFields = []model.Field{
	{Name: "public_ip", Type: "text", Description: "the Elastic IP address"},
	{Name: "domain", Type: "text", Description: "vpc or standard"},
	{Name: "instance_id", Type: "text", Description: "instance it is associated with"},
	{Name: "network_interface_id", Type: "text", Description: "network interface it is associated with"},
	{Name: "association_id", Type: "text", Description: "association id; empty when unassociated"},
	{Name: "private_ip", Type: "text", Description: "private address it maps to"},
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
			Details: map[string]any{
				"public_ip":            aws.ToString(a.PublicIp),
				"domain":               string(a.Domain),
				"instance_id":          aws.ToString(a.InstanceId),
				"network_interface_id": aws.ToString(a.NetworkInterfaceId),
				"association_id":       aws.ToString(a.AssociationId),
				"private_ip":           aws.ToString(a.PrivateIpAddress),
			},
		})
		t.Relate(key, "associated-with", t.Key("instance", aws.ToString(a.InstanceId)))
		t.Relate(key, "associated-with", t.Key("network-interface", aws.ToString(a.NetworkInterfaceId)))
	}
	return nil
}
