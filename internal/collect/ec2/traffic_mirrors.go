package ec2

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var mirrorFilterFields = collect.Fields[types.TrafficMirrorFilter]{
	collect.Text("description", "description", func(f types.TrafficMirrorFilter) *string { return f.Description }),
	collect.Computed("ingress_rules", model.Integer, "inbound rules", func(f types.TrafficMirrorFilter) any { return int64(len(f.IngressFilterRules)) }),
	collect.Computed("egress_rules", model.Integer, "outbound rules", func(f types.TrafficMirrorFilter) any { return int64(len(f.EgressFilterRules)) }),
	collect.Computed("network_services", model.JSON, "network services mirrored (amazon-dns)", func(f types.TrafficMirrorFilter) any { return collect.Values(f.NetworkServices) }),
}

func trafficMirrorFilters(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeTrafficMirrorFiltersPaginator(client(t), &ec2.DescribeTrafficMirrorFiltersInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeTrafficMirrorFiltersOutput) {
		for _, f := range page.TrafficMirrorFilters {
			id := aws.ToString(f.TrafficMirrorFilterId)
			t.Emit(&model.Resource{Key: t.Key("traffic-mirror-filter", id), ARN: arn(t, nil, "traffic-mirror-filter/"+id), Name: nameTag(f.Tags),
				Tags: tags(f.Tags), Details: mirrorFilterFields.Details(f)})
		}
	})
}

var mirrorTargetFields = collect.Fields[types.TrafficMirrorTarget]{
	collect.Enum("target_type", "network-interface, network-load-balancer or gateway-load-balancer-endpoint", func(m types.TrafficMirrorTarget) types.TrafficMirrorTargetType { return m.Type }),
	collect.Text("network_interface_id", "ENI receiving the mirrored traffic", func(m types.TrafficMirrorTarget) *string { return m.NetworkInterfaceId }),
	collect.Text("network_load_balancer_arn", "NLB receiving the mirrored traffic", func(m types.TrafficMirrorTarget) *string { return m.NetworkLoadBalancerArn }),
	collect.Text("gateway_load_balancer_endpoint_id", "GWLB endpoint receiving the mirrored traffic", func(m types.TrafficMirrorTarget) *string { return m.GatewayLoadBalancerEndpointId }),
	collect.Text("description", "description", func(m types.TrafficMirrorTarget) *string { return m.Description }),
	collect.Text("owner_id", "owning account", func(m types.TrafficMirrorTarget) *string { return m.OwnerId }),
}

func trafficMirrorTargets(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeTrafficMirrorTargetsPaginator(client(t), &ec2.DescribeTrafficMirrorTargetsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeTrafficMirrorTargetsOutput) {
		for _, m := range page.TrafficMirrorTargets {
			id := aws.ToString(m.TrafficMirrorTargetId)
			key := t.Key("traffic-mirror-target", id)
			t.Emit(&model.Resource{Key: key, ARN: arn(t, m.OwnerId, "traffic-mirror-target/"+id), Name: nameTag(m.Tags),
				Tags: tags(m.Tags), Details: mirrorTargetFields.Details(m)})
			t.Relate(key, "sends-to", t.Key("network-interface", aws.ToString(m.NetworkInterfaceId)))
			t.Relate(key, "sends-to", t.Ref("elbv2", "load-balancer", loadBalancerName(aws.ToString(m.NetworkLoadBalancerArn))))
		}
	})
}

// loadBalancerName is the name in an ELBv2 load balancer ARN
// (...:loadbalancer/net/NAME/ID), the elbv2 collector's id; "" otherwise.
func loadBalancerName(lbARN string) string {
	if parts := strings.Split(lbARN, "/"); len(parts) == 4 {
		return parts[2]
	}
	return ""
}
