package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/ec2"
)

var ec2Since = time.Date(2026, 4, 4, 10, 0, 0, 0, time.UTC)

// networkServices answers what moto lacks: seven of each type (over pages
// where the API pages), the fourth of each tagged Name=n3.
func networkServices(t *testing.T) map[string]func(any) (any, error) {
	named := func(i int) []types.Tag {
		if i == 3 {
			return []types.Tag{ec2Tag("Name", "n3")}
		}
		return nil
	}
	return map[string]func(any) (any, error){
		"DescribePlacementGroups": func(any) (any, error) {
			var all []types.PlacementGroup
			for i := range 7 {
				state := types.PlacementGroupStateAvailable
				if i == 6 {
					state = types.PlacementGroupStateDeleted
				}
				all = append(all, types.PlacementGroup{GroupName: aws.String(fmt.Sprint("pg", i)), GroupId: aws.String(fmt.Sprint("pg-0", i)),
					GroupArn: aws.String(ec2ArnOf(fmt.Sprint("placement-group/pg", i))), Strategy: types.PlacementStrategyPartition, PartitionCount: aws.Int32(3), State: state, Tags: named(i)})
			}
			return &ec2.DescribePlacementGroupsOutput{PlacementGroups: all}, nil
		},
		"DescribeCapacityReservations": func(in any) (any, error) {
			var all []types.CapacityReservation
			for i := range 7 {
				all = append(all, types.CapacityReservation{CapacityReservationId: aws.String(fmt.Sprint("cr-0", i)), InstanceType: aws.String("m5.large"),
					State: types.CapacityReservationStateActive, TotalInstanceCount: aws.Int32(4), AvailableInstanceCount: aws.Int32(int32(i % 4)), CreateDate: &ec2Since,
					InstancePlatform: types.CapacityReservationInstancePlatformLinuxUnix, EndDateType: types.EndDateTypeUnlimited, Tags: named(i),
					PlacementGroupArn: aws.String(ec2ArnOf("placement-group/pg1"))})
			}
			in0 := in.(*ec2.DescribeCapacityReservationsInput)
			page, next := pageOf(t, all, in0.NextToken, in0.MaxResults)
			return &ec2.DescribeCapacityReservationsOutput{CapacityReservations: page, NextToken: next}, nil
		},
		"DescribeIpams": func(in any) (any, error) {
			var all []types.Ipam
			for i := range 7 {
				id := fmt.Sprint("ipam-0", i)
				all = append(all, types.Ipam{IpamId: aws.String(id), IpamArn: aws.String("arn:aws:ec2::" + collecttest.MotoAccount + ":ipam/" + id), Tier: types.IpamTierAdvanced,
					State: types.IpamStateCreateComplete, OperatingRegions: []types.IpamOperatingRegion{{RegionName: aws.String("eu-west-1")}, {RegionName: aws.String("us-east-1")}}, Tags: named(i)})
			}
			in0 := in.(*ec2.DescribeIpamsInput)
			page, next := pageOf(t, all, in0.NextToken, in0.MaxResults)
			return &ec2.DescribeIpamsOutput{Ipams: page, NextToken: next}, nil
		},
		"DescribeIpamScopes": func(in any) (any, error) {
			var all []types.IpamScope
			for i := range 7 {
				id := fmt.Sprint("ipam-scope-0", i)
				all = append(all, types.IpamScope{IpamScopeId: aws.String(id), IpamScopeArn: aws.String("arn:aws:ec2::" + collecttest.MotoAccount + ":ipam-scope/" + id),
					IpamArn: aws.String("arn:aws:ec2::" + collecttest.MotoAccount + ":ipam/ipam-00"), IpamScopeType: types.IpamScopeTypePrivate, IsDefault: aws.Bool(i == 0), Tags: named(i)})
			}
			in0 := in.(*ec2.DescribeIpamScopesInput)
			page, next := pageOf(t, all, in0.NextToken, in0.MaxResults)
			return &ec2.DescribeIpamScopesOutput{IpamScopes: page, NextToken: next}, nil
		},
		"DescribeIpamPools": func(in any) (any, error) {
			var all []types.IpamPool
			for i := range 7 {
				id := fmt.Sprint("ipam-pool-0", i)
				p := types.IpamPool{IpamPoolId: aws.String(id), IpamPoolArn: aws.String("arn:aws:ec2::" + collecttest.MotoAccount + ":ipam-pool/" + id),
					IpamScopeArn: aws.String("arn:aws:ec2::" + collecttest.MotoAccount + ":ipam-scope/ipam-scope-00"), AddressFamily: types.AddressFamilyIpv4,
					Locale: aws.String("eu-west-1"), PoolDepth: aws.Int32(1), Tags: named(i)}
				if i > 0 {
					p.SourceIpamPoolId, p.PoolDepth = aws.String("ipam-pool-00"), aws.Int32(2)
				}
				all = append(all, p)
			}
			in0 := in.(*ec2.DescribeIpamPoolsInput)
			page, next := pageOf(t, all, in0.NextToken, in0.MaxResults)
			return &ec2.DescribeIpamPoolsOutput{IpamPools: page, NextToken: next}, nil
		},
		"DescribeClientVpnEndpoints": func(in any) (any, error) {
			var all []types.ClientVpnEndpoint
			for i := range 7 {
				code := types.ClientVpnEndpointStatusCodeAvailable
				if i == 6 {
					code = types.ClientVpnEndpointStatusCodeDeleted
				}
				all = append(all, types.ClientVpnEndpoint{ClientVpnEndpointId: aws.String(fmt.Sprint("cvpn-endpoint-0", i)), Status: &types.ClientVpnEndpointStatus{Code: code},
					ClientCidrBlock: aws.String("172.16.0.0/22"), VpcId: aws.String("vpc-1"), SecurityGroupIds: []string{"sg-1"}, SplitTunnel: aws.Bool(true),
					ServerCertificateArn: aws.String("arn:aws:acm:eu-west-1:" + collecttest.MotoAccount + ":certificate/c-1"), CreationTime: aws.String("2026-04-04 10:00:00"),
					AuthenticationOptions: []types.ClientVpnAuthentication{{Type: types.ClientVpnAuthenticationTypeCertificateAuthentication}},
					ConnectionLogOptions:  &types.ConnectionLogResponseOptions{Enabled: aws.Bool(true), CloudwatchLogGroup: aws.String("vpn-logs")}, Tags: named(i)})
			}
			in0 := in.(*ec2.DescribeClientVpnEndpointsInput)
			page, next := pageOf(t, all, in0.NextToken, in0.MaxResults)
			return &ec2.DescribeClientVpnEndpointsOutput{ClientVpnEndpoints: page, NextToken: next}, nil
		},
		"DescribeInstanceConnectEndpoints": func(in any) (any, error) {
			var all []types.Ec2InstanceConnectEndpoint
			for i := range 7 {
				id := fmt.Sprint("eice-0", i)
				all = append(all, types.Ec2InstanceConnectEndpoint{InstanceConnectEndpointId: aws.String(id), InstanceConnectEndpointArn: aws.String(ec2ArnOf("instance-connect-endpoint/" + id)),
					State: types.Ec2InstanceConnectEndpointStateCreateComplete, SubnetId: aws.String("subnet-1"), VpcId: aws.String("vpc-1"), SecurityGroupIds: []string{"sg-1"},
					PreserveClientIp: aws.Bool(true), CreatedAt: &ec2Since, Tags: named(i)})
			}
			in0 := in.(*ec2.DescribeInstanceConnectEndpointsInput)
			page, next := pageOf(t, all, in0.NextToken, in0.MaxResults)
			return &ec2.DescribeInstanceConnectEndpointsOutput{InstanceConnectEndpoints: page, NextToken: next}, nil
		},
		"DescribeNetworkInsightsPaths": func(in any) (any, error) {
			var all []types.NetworkInsightsPath
			for i := range 7 {
				id := fmt.Sprint("nip-0", i)
				all = append(all, types.NetworkInsightsPath{NetworkInsightsPathId: aws.String(id), NetworkInsightsPathArn: aws.String(ec2ArnOf("network-insights-path/" + id)),
					Source: aws.String("igw-1"), Destination: aws.String("i-1"), DestinationPort: aws.Int32(22), Protocol: types.ProtocolTcp, CreatedDate: &ec2Since, Tags: named(i)})
			}
			in0 := in.(*ec2.DescribeNetworkInsightsPathsInput)
			page, next := pageOf(t, all, in0.NextToken, in0.MaxResults)
			return &ec2.DescribeNetworkInsightsPathsOutput{NetworkInsightsPaths: page, NextToken: next}, nil
		},
	}
}

func TestEc2NetworkServices(t *testing.T) {
	collecttest.Require(t)
	canned := networkServices(t)
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Canned(canned)})
	cases := []struct {
		typ, op, id, arn string
		want             int
		details          map[string]any
		edges            []string
	}{
		{"placement-group", "DescribePlacementGroups", "pg3", ec2ArnOf("placement-group/pg3"), 6,
			map[string]any{"group_id": "pg-03", "strategy": "partition", "partition_count": 3, "state": "available"}, nil},
		{"capacity-reservation", "DescribeCapacityReservations", "cr-03", ec2ArnOf("capacity-reservation/cr-03"), 7,
			map[string]any{"instance_type": "m5.large", "state": "active", "total_instance_count": 4, "available_instance_count": 3, "platform": "Linux/UNIX", "end_date_type": "unlimited"},
			[]string{"cr-03 -in-placement-group-> ec2/placement-group:pg1"}},
		{"ipam", "DescribeIpams", "ipam-03", "arn:aws:ec2::" + collecttest.MotoAccount + ":ipam/ipam-03", 7,
			map[string]any{"tier": "advanced", "state": "create-complete", "operating_regions": []string{"eu-west-1", "us-east-1"}}, nil},
		{"ipam-scope", "DescribeIpamScopes", "ipam-scope-03", "arn:aws:ec2::" + collecttest.MotoAccount + ":ipam-scope/ipam-scope-03", 7,
			map[string]any{"scope_type": "private", "is_default": false}, []string{"ipam-scope-03 -in-> ec2/ipam:ipam-00"}},
		{"ipam-pool", "DescribeIpamPools", "ipam-pool-03", "arn:aws:ec2::" + collecttest.MotoAccount + ":ipam-pool/ipam-pool-03", 7,
			map[string]any{"address_family": "ipv4", "locale": "eu-west-1", "pool_depth": 2, "source_pool_id": "ipam-pool-00"},
			[]string{"ipam-pool-03 -in-> ec2/ipam-scope:ipam-scope-00", "ipam-pool-03 -in-> ec2/ipam-pool:ipam-pool-00"}},
		{"client-vpn-endpoint", "DescribeClientVpnEndpoints", "cvpn-endpoint-03", ec2ArnOf("client-vpn-endpoint/cvpn-endpoint-03"), 6,
			map[string]any{"state": "available", "client_cidr_block": "172.16.0.0/22", "split_tunnel": true, "connection_logging": true, "authentication_types": []string{"certificate-authentication"}},
			[]string{"cvpn-endpoint-03 -in-vpc-> ec2/vpc:vpc-1", "cvpn-endpoint-03 -uses-security-group-> ec2/security-group:sg-1",
				"cvpn-endpoint-03 -uses-certificate-> acm/certificate:c-1", "cvpn-endpoint-03 -logs-to-> logs/log-group:vpn-logs"}},
		{"instance-connect-endpoint", "DescribeInstanceConnectEndpoints", "eice-03", ec2ArnOf("instance-connect-endpoint/eice-03"), 7,
			map[string]any{"state": "create-complete", "subnet_id": "subnet-1", "preserve_client_ip": true, "security_group_ids": []string{"sg-1"}},
			[]string{"eice-03 -in-subnet-> ec2/subnet:subnet-1", "eice-03 -uses-security-group-> ec2/security-group:sg-1"}},
		{"network-insights-path", "DescribeNetworkInsightsPaths", "nip-03", ec2ArnOf("network-insights-path/nip-03"), 7,
			map[string]any{"source": "igw-1", "destination": "i-1", "destination_port": 22, "protocol": "tcp"}, nil},
	}
	for _, c := range cases {
		got := ec2Run(t, cfg, c.typ, "eu-west-1")
		collecttest.AssertNoWarnings(t, got)
		if len(got.Resources) != c.want {
			t.Errorf("%s: %d resources, want %d", c.typ, len(got.Resources), c.want)
		}
		r := got.ByID()[c.id]
		ec2WantDetails(t, r, c.details)
		name := "n3"
		if c.typ == "placement-group" {
			name = c.id // instances name their group: the name is the id
		}
		if r.Name != name || r.Tags["Name"] != "n3" || r.ARN != c.arn {
			t.Errorf("%s identity fields wrong: %q %v %q", c.typ, r.Name, r.Tags, r.ARN)
		}
		if c.typ == "client-vpn-endpoint" || c.typ == "instance-connect-endpoint" || c.typ == "network-insights-path" || c.typ == "capacity-reservation" {
			if r.CreatedAt != "2026-04-04T10:00:00Z" {
				t.Errorf("%s created_at %q", c.typ, r.CreatedAt)
			}
		}
		collecttest.HasEdges(t, got, c.edges...)

		denied := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){c.op: collecttest.Denied(c.op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, c.typ, "eu-west-1"))
	}
}

func TestEc2VPCEndpointServices(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	n := testvpc.New(t, cfg, "10.12.0.0/16", "svc", testvpc.Subnet{CIDR: "10.12.1.0/24"})
	lb, err := elb.NewFromConfig(cfg).CreateLoadBalancer(ctx, &elb.CreateLoadBalancerInput{Name: aws.String("svc-nlb"), Type: elbtypes.LoadBalancerTypeEnumNetwork,
		Subnets: n.Subnets, Scheme: elbtypes.LoadBalancerSchemeEnumInternal})
	check(t, err)
	nlb := aws.ToString(lb.LoadBalancers[0].LoadBalancerArn)
	var ids []string
	for i := range 7 {
		out, err := api.CreateVpcEndpointServiceConfiguration(ctx, &ec2.CreateVpcEndpointServiceConfigurationInput{NetworkLoadBalancerArns: []string{nlb},
			AcceptanceRequired: aws.Bool(i == 0), TagSpecifications: tagSpec(types.ResourceTypeVpcEndpointService, ec2Tag("Name", fmt.Sprint("svc", i)))})
		check(t, err)
		ids = append(ids, aws.ToString(out.ServiceConfiguration.ServiceId))
	}
	got := ec2Run(t, cfg, "vpc-endpoint-service", "eu-west-1")
	if len(got.Resources) != 7 {
		t.Fatalf("%d endpoint services, want 7 over pages", len(got.Resources))
	}
	s := got.ByID()[ids[0]]
	ec2WantDetails(t, s, map[string]any{"acceptance_required": true, "load_balancer_arns": []string{nlb}, "service_type": "Interface"})
	if s.Name != "svc0" || s.ARN != ec2ArnOf("vpc-endpoint-service/"+ids[0]) || s.Details["service_name"] == "" {
		t.Errorf("identity fields wrong: %+v", s)
	}
	collecttest.HasEdges(t, got, ids[0]+" -routes-to-> elbv2/load-balancer:svc-nlb")
	denied := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("DescribeVpcEndpointServiceConfigurations")})
	collecttest.AssertDenied(t, collecttest.Run(t, denied, collector.Service, "vpc-endpoint-service", "eu-west-1"))
}
