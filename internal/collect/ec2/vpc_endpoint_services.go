package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var endpointServiceFields = collect.Fields[types.ServiceConfiguration]{
	collect.Text("service_name", "name consumers create endpoints to (com.amazonaws.vpce.REGION.vpce-svc-...)", func(s types.ServiceConfiguration) *string { return s.ServiceName }),
	collect.Enum("state", "Pending, Available, Deleting, Deleted or Failed", func(s types.ServiceConfiguration) types.ServiceState { return s.ServiceState }),
	collect.Computed("service_type", model.Text, "Interface or GatewayLoadBalancer", func(s types.ServiceConfiguration) any {
		if len(s.ServiceType) == 0 {
			return ""
		}
		return string(s.ServiceType[0].ServiceType)
	}),
	collect.Bool("acceptance_required", "each consumer's endpoint must be accepted (false: any allowed principal connects)", func(s types.ServiceConfiguration) *bool { return s.AcceptanceRequired }),
	collect.Text("private_dns_name", "private DNS name of the service", func(s types.ServiceConfiguration) *string { return s.PrivateDnsName }),
	collect.Computed("load_balancer_arns", model.JSON, "network and gateway load balancers behind the service", func(s types.ServiceConfiguration) any {
		return serviceLoadBalancers(s)
	}),
	collect.Computed("availability_zones", model.JSON, "zones the service is offered in", func(s types.ServiceConfiguration) any { return append([]string{}, s.AvailabilityZones...) }),
}

func vpcEndpointServices(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeVpcEndpointServiceConfigurationsPaginator(client(t), &ec2.DescribeVpcEndpointServiceConfigurationsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeVpcEndpointServiceConfigurationsOutput) {
		for _, s := range page.ServiceConfigurations {
			if s.ServiceState == types.ServiceStateDeleted {
				continue
			}
			id := aws.ToString(s.ServiceId)
			key := t.Key("vpc-endpoint-service", id)
			t.Emit(&model.Resource{Key: key, ARN: arn(t, nil, "vpc-endpoint-service/"+id), Name: firstOf(aws.String(nameTag(s.Tags)), s.ServiceName),
				Tags: tags(s.Tags), Details: endpointServiceFields.Details(s)})
			for _, lb := range serviceLoadBalancers(s) {
				t.Relate(key, "routes-to", t.Ref("elbv2", "load-balancer", loadBalancerName(lb)))
			}
		}
	})
}

func serviceLoadBalancers(s types.ServiceConfiguration) []string {
	return append(append([]string{}, s.NetworkLoadBalancerArns...), s.GatewayLoadBalancerArns...)
}
