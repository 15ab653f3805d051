package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var instanceConnectFields = collect.Fields[types.Ec2InstanceConnectEndpoint]{
	collect.Enum("state", "create-in-progress, create-complete, create-failed, delete-...", func(e types.Ec2InstanceConnectEndpoint) types.Ec2InstanceConnectEndpointState { return e.State }),
	collect.Text("vpc_id", "VPC whose instances it reaches", func(e types.Ec2InstanceConnectEndpoint) *string { return e.VpcId }),
	collect.Text("subnet_id", "subnet of the endpoint", func(e types.Ec2InstanceConnectEndpoint) *string { return e.SubnetId }),
	collect.Text("availability_zone", "zone of the endpoint", func(e types.Ec2InstanceConnectEndpoint) *string { return e.AvailabilityZone }),
	collect.Bool("preserve_client_ip", "instances see the client's address rather than the endpoint's", func(e types.Ec2InstanceConnectEndpoint) *bool { return e.PreserveClientIp }),
	collect.Computed("security_group_ids", model.JSON, "security groups of the endpoint", func(e types.Ec2InstanceConnectEndpoint) any { return append([]string{}, e.SecurityGroupIds...) }),
	collect.Text("dns_name", "DNS name of the endpoint", func(e types.Ec2InstanceConnectEndpoint) *string { return e.DnsName }),
}

func instanceConnectEndpoints(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeInstanceConnectEndpointsPaginator(client(t), &ec2.DescribeInstanceConnectEndpointsInput{MaxResults: t.PageSize(50)})
	return eachPage(ctx, p, func(page *ec2.DescribeInstanceConnectEndpointsOutput) {
		for _, e := range page.InstanceConnectEndpoints {
			if e.State == types.Ec2InstanceConnectEndpointStateDeleteComplete {
				continue
			}
			id := aws.ToString(e.InstanceConnectEndpointId)
			key := t.Key("instance-connect-endpoint", id)
			t.Emit(&model.Resource{Key: key, ARN: firstOf(e.InstanceConnectEndpointArn, aws.String(arn(t, e.OwnerId, "instance-connect-endpoint/"+id))), Name: nameTag(e.Tags),
				CreatedAt: model.Time(e.CreatedAt), Tags: tags(e.Tags), Details: instanceConnectFields.Details(e)})
			t.Relate(key, "in-subnet", t.Key("subnet", aws.ToString(e.SubnetId)))
			for _, sg := range e.SecurityGroupIds {
				t.Relate(key, "uses-security-group", t.Key("security-group", sg))
			}
		}
	})
}
