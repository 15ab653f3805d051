package cli

import (
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53resolver"

	"github.com/awsmap/awsmap/internal/awsx"
)

// networkGaps answer, empty, the networking listings moto 5.2.1 does not
// serve, by SDK service id and operation, so the scan of the moto estate
// stays complete for their types.
var networkGaps = map[string]func() any{
	"EC2/DescribePlacementGroups":                       func() any { return &ec2.DescribePlacementGroupsOutput{} },
	"EC2/DescribeCapacityReservations":                  func() any { return &ec2.DescribeCapacityReservationsOutput{} },
	"EC2/DescribeIpams":                                 func() any { return &ec2.DescribeIpamsOutput{} },
	"EC2/DescribeIpamScopes":                            func() any { return &ec2.DescribeIpamScopesOutput{} },
	"EC2/DescribeIpamPools":                             func() any { return &ec2.DescribeIpamPoolsOutput{} },
	"EC2/DescribeClientVpnEndpoints":                    func() any { return &ec2.DescribeClientVpnEndpointsOutput{} },
	"EC2/DescribeInstanceConnectEndpoints":              func() any { return &ec2.DescribeInstanceConnectEndpointsOutput{} },
	"EC2/DescribeNetworkInsightsPaths":                  func() any { return &ec2.DescribeNetworkInsightsPathsOutput{} },
	"Elastic Load Balancing v2/DescribeTrustStores":     func() any { return &elb.DescribeTrustStoresOutput{} },
	"Route 53/ListTrafficPolicies":                      func() any { return &route53.ListTrafficPoliciesOutput{} },
	"Route 53/ListCidrCollections":                      func() any { return &route53.ListCidrCollectionsOutput{} },
	"Route53Resolver/ListFirewallRuleGroups":            func() any { return &route53resolver.ListFirewallRuleGroupsOutput{} },
	"Route53Resolver/ListFirewallDomainLists":           func() any { return &route53resolver.ListFirewallDomainListsOutput{} },
	"Route53Resolver/ListFirewallRuleGroupAssociations": func() any { return &route53resolver.ListFirewallRuleGroupAssociationsOutput{} },
}

// networkGap is the answer to req when moto lacks its operation.
func networkGap(req awsx.Request) (any, bool) {
	if answer, ok := networkGaps[req.Service+"/"+req.Operation]; ok {
		return answer(), true
	}
	return nil, false
}
