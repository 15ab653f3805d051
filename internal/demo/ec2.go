package demo

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
)

// EC2 describe APIs return up to 1000 items a page (route tables 100,
// launch templates 200).
const ec2Page = 1000

func init() {
	register("EC2", map[string]handler{
		"DescribeVpcs":                      ec2Vpcs,
		"DescribeSubnets":                   ec2Subnets,
		"DescribeRouteTables":               ec2RouteTables,
		"DescribeInternetGateways":          ec2IGWs,
		"DescribeNatGateways":               ec2NATs,
		"DescribeNetworkAcls":               ec2NACLs,
		"DescribeDhcpOptions":               ec2DHCP,
		"DescribeVpcEndpoints":              ec2Endpoints,
		"DescribeVpcPeeringConnections":     ec2Peerings,
		"DescribeTransitGateways":           ec2TGWs,
		"DescribeTransitGatewayAttachments": ec2TGWAttachments,
		"DescribeCustomerGateways":          ec2CustomerGateways,
		"DescribeFlowLogs":                  ec2FlowLogs,
		"DescribeSecurityGroups":            ec2SGs,
		"DescribeKeyPairs":                  ec2KeyPairs,
		"DescribeLaunchTemplates":           ec2LaunchTemplates,
		"DescribeInstances":                 ec2Instances,
		"DescribeNetworkInterfaces":         ec2ENIs,
		"DescribeVolumes":                   ec2Volumes,
		"DescribeSnapshots":                 ec2Snapshots,
		"DescribeSnapshotAttribute":         ec2SnapshotAttribute,
		"DescribeImages":                    ec2Images,
		"DescribeAddresses":                 ec2Addresses,
		"DescribeRegions":                   ec2Regions,
	})
}

// salt makes ids of one (account, region, kind) distinct from all others.
func (v *View) salt(acct int, region, kind string) uint64 {
	return mix(v.e.seed ^ mix(uint64(acct)+0x51) ^ hashString(region) ^ mix(hashString(kind)))
}

// eid is the EC2-style id of item i: prefix-0 + 16 hex digits.
func (v *View) eid(acct int, region, kind, prefix string, i int) string {
	return prefix + "-" + encodeID(v.salt(acct, region, kind), i)
}

func (c *call) n(kind string) int { return c.v.e.base[countKey{c.acct, c.region, kind}] }

func (c *call) id(kind, prefix string, i int) string {
	return c.v.eid(c.acct, c.region, kind, prefix, i)
}

func (c *call) owner() *string { return aws.String(Accounts[c.acct].ID) }

func (c *call) az(i int) string { return c.region + string(rune('a'+i%3)) }

func (c *call) ec2Tags(kind string, i int, name string) []types.Tag {
	var out []types.Tag
	for _, t := range c.v.tagsOf(c.acct, c.region, kind, i, name) {
		out = append(out, types.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
	}
	return out
}

func (c *call) list(kind string, token *string, asked *int32, realistic int) ([]int, *string) {
	items, next := c.v.page(c.acct, c.region, kind, deref(token), c.pageSize(realistic, asked))
	return items, tok(next)
}

func (c *call) rng(kind string, i int) *rng { return c.v.rng(c.acct, c.region, kind, i, 0) }

// mut is the generator of an item's mutable fields (changes with drift).
func (c *call) mut(kind string, i int) *rng {
	return c.v.rng(c.acct, c.region, kind, i, 1+uint64(c.v.version(c.acct, c.region, kind, i)))
}

func (c *call) alive(kind string, i int) bool { return c.v.exists(c.acct, c.region, kind, i) }

func (c *call) created(kind string, i int) *time.Time {
	t := c.v.created(c.acct, c.region, kind, i)
	return &t
}

// --- VPC family: VPC 0 of every region is the default VPC.

func (c *call) vpcOf(i int) int { return i % max(c.n("ec2.vpc"), 1) }

func (c *call) vpcID(j int) *string { return aws.String(c.id("ec2.vpc", "vpc", j)) }

func (c *call) cidr(vpc int) string {
	if vpc == 0 {
		return "172.31.0.0/16"
	}
	return fmt.Sprintf("10.%d.0.0/16", (vpc*7+regionIndex(c.region)*40+c.acct*13)%250)
}

func (c *call) vpcName(j int) string {
	if j == 0 {
		return ""
	}
	return fmt.Sprintf("%s-vpc-%02d", Accounts[c.acct].Env, j)
}

func ec2Vpcs(c *call) (any, error) {
	in := c.in.(*ec2.DescribeVpcsInput)
	onlyDefault := false
	for _, f := range in.Filters {
		if aws.ToString(f.Name) == "is-default" && len(f.Values) == 1 && f.Values[0] == "true" {
			onlyDefault = true
		}
	}
	var items []int
	var next *string
	if onlyDefault {
		items = []int{0}
	} else {
		items, next = c.list("ec2.vpc", in.NextToken, in.MaxResults, ec2Page)
	}
	out := &ec2.DescribeVpcsOutput{NextToken: next}
	for _, j := range items {
		out.Vpcs = append(out.Vpcs, types.Vpc{
			VpcId: c.vpcID(j), CidrBlock: aws.String(c.cidr(j)), IsDefault: aws.Bool(j == 0), OwnerId: c.owner(),
			State: types.VpcStateAvailable, InstanceTenancy: types.TenancyDefault,
			DhcpOptionsId: aws.String(c.id("ec2.dhcp-options", "dopt", j%max(c.n("ec2.dhcp-options"), 1))),
			Tags:          c.ec2Tags("ec2.vpc", j, c.vpcName(j)),
		})
	}
	return out, nil
}

func (c *call) subnetID(s int) string { return c.id("ec2.subnet", "subnet", s) }

func ec2Subnets(c *call) (any, error) {
	in := c.in.(*ec2.DescribeSubnetsInput)
	items, next := c.list("ec2.subnet", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeSubnetsOutput{NextToken: next}
	for _, s := range items {
		vpc := c.vpcOf(s)
		public := (s/max(c.n("ec2.vpc"), 1))%2 == 0
		name := ""
		if vpc != 0 {
			name = fmt.Sprintf("%s-%s-%s", c.vpcName(vpc), map[bool]string{true: "public", false: "private"}[public], c.az(s))
		}
		out.Subnets = append(out.Subnets, types.Subnet{
			SubnetId: aws.String(c.subnetID(s)), VpcId: c.vpcID(vpc), OwnerId: c.owner(),
			CidrBlock:        aws.String(fmt.Sprintf("%s.%d.0/24", c.cidr(vpc)[:len(c.cidr(vpc))-6], s%250)),
			AvailabilityZone: aws.String(c.az(s)), AvailabilityZoneId: aws.String(fmt.Sprintf("use1-az%d", s%3+1)),
			AvailableIpAddressCount: aws.Int32(int32(200 - c.rng("ec2.subnet", s).intn(150))),
			DefaultForAz:            aws.Bool(vpc == 0), MapPublicIpOnLaunch: aws.Bool(vpc == 0 || public),
			State: types.SubnetStateAvailable, SubnetArn: aws.String(fmt.Sprintf("arn:aws:ec2:%s:%s:subnet/%s", c.region, Accounts[c.acct].ID, c.subnetID(s))),
			Tags: c.ec2Tags("ec2.subnet", s, name),
		})
	}
	return out, nil
}

func ec2RouteTables(c *call) (any, error) {
	in := c.in.(*ec2.DescribeRouteTablesInput)
	items, next := c.list("ec2.route-table", in.NextToken, in.MaxResults, 100)
	out := &ec2.DescribeRouteTablesOutput{NextToken: next}
	nv := max(c.n("ec2.vpc"), 1)
	for _, t := range items {
		vpc := t % nv
		rtID := c.id("ec2.route-table", "rtb", t)
		routes := []types.Route{{DestinationCidrBlock: aws.String(c.cidr(vpc)), GatewayId: aws.String("local"), State: types.RouteStateActive, Origin: types.RouteOriginCreateRouteTable}}
		if t < nv {
			routes = append(routes, types.Route{DestinationCidrBlock: aws.String("0.0.0.0/0"), GatewayId: aws.String(c.id("ec2.internet-gateway", "igw", vpc)), State: types.RouteStateActive, Origin: types.RouteOriginCreateRoute})
		} else if c.n("ec2.nat-gateway") > 0 {
			routes = append(routes, types.Route{DestinationCidrBlock: aws.String("0.0.0.0/0"), NatGatewayId: aws.String(c.id("ec2.nat-gateway", "nat", t%c.n("ec2.nat-gateway"))), State: types.RouteStateActive, Origin: types.RouteOriginCreateRoute})
		}
		assoc := []types.RouteTableAssociation{}
		if t < nv {
			assoc = append(assoc, types.RouteTableAssociation{Main: aws.Bool(true), RouteTableId: aws.String(rtID), RouteTableAssociationId: aws.String(c.id("ec2.route-table", "rtbassoc", t))})
		}
		for s := t; s < c.n("ec2.subnet"); s += c.n("ec2.route-table") {
			assoc = append(assoc, types.RouteTableAssociation{Main: aws.Bool(false), RouteTableId: aws.String(rtID), SubnetId: aws.String(c.subnetID(s)),
				RouteTableAssociationId: aws.String(c.id("ec2.route-table", "rtbassoc", 100000+s))})
		}
		out.RouteTables = append(out.RouteTables, types.RouteTable{RouteTableId: aws.String(rtID), VpcId: c.vpcID(vpc), OwnerId: c.owner(),
			Routes: routes, Associations: assoc, Tags: c.ec2Tags("ec2.route-table", t, "")})
	}
	return out, nil
}

func ec2IGWs(c *call) (any, error) {
	in := c.in.(*ec2.DescribeInternetGatewaysInput)
	items, next := c.list("ec2.internet-gateway", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeInternetGatewaysOutput{NextToken: next}
	for _, g := range items {
		var att []types.InternetGatewayAttachment
		if g < c.n("ec2.vpc") {
			att = []types.InternetGatewayAttachment{{VpcId: c.vpcID(g), State: types.AttachmentStatus("available")}}
		}
		out.InternetGateways = append(out.InternetGateways, types.InternetGateway{InternetGatewayId: aws.String(c.id("ec2.internet-gateway", "igw", g)),
			OwnerId: c.owner(), Attachments: att, Tags: c.ec2Tags("ec2.internet-gateway", g, "")})
	}
	return out, nil
}

func ec2NATs(c *call) (any, error) {
	in := c.in.(*ec2.DescribeNatGatewaysInput)
	items, next := c.list("ec2.nat-gateway", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeNatGatewaysOutput{NextToken: next}
	for _, g := range items {
		s := g % max(c.n("ec2.subnet"), 1)
		out.NatGateways = append(out.NatGateways, types.NatGateway{NatGatewayId: aws.String(c.id("ec2.nat-gateway", "nat", g)),
			SubnetId: aws.String(c.subnetID(s)), VpcId: c.vpcID(c.vpcOf(s)), State: types.NatGatewayStateAvailable,
			ConnectivityType: types.ConnectivityTypePublic, CreateTime: c.created("ec2.nat-gateway", g),
			NatGatewayAddresses: []types.NatGatewayAddress{{AllocationId: aws.String(c.id("ec2.elastic-ip", "eipalloc", 500000+g)), PublicIp: aws.String(c.publicIP(900000 + g)), PrivateIp: aws.String(c.privateIP(s, 5))}},
			Tags:                c.ec2Tags("ec2.nat-gateway", g, "")})
	}
	return out, nil
}

func (c *call) publicIP(i int) string {
	r := c.rng("ip", i)
	return fmt.Sprintf("%d.%d.%d.%d", []int{3, 18, 34, 52, 54}[r.intn(5)], r.intn(256), r.intn(256), 1+r.intn(254))
}

func (c *call) privateIP(subnet, host int) string {
	vpc := c.vpcOf(subnet)
	base := c.cidr(vpc)
	return fmt.Sprintf("%s.%d.%d", base[:len(base)-6], subnet%250, 4+host%250)
}

func ec2NACLs(c *call) (any, error) {
	in := c.in.(*ec2.DescribeNetworkAclsInput)
	items, next := c.list("ec2.network-acl", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeNetworkAclsOutput{NextToken: next}
	for _, a := range items {
		vpc := c.vpcOf(a)
		out.NetworkAcls = append(out.NetworkAcls, types.NetworkAcl{NetworkAclId: aws.String(c.id("ec2.network-acl", "acl", a)), VpcId: c.vpcID(vpc),
			IsDefault: aws.Bool(a < c.n("ec2.vpc")), OwnerId: c.owner(),
			Entries: []types.NetworkAclEntry{
				{RuleNumber: aws.Int32(100), Protocol: aws.String("-1"), RuleAction: types.RuleActionAllow, Egress: aws.Bool(false), CidrBlock: aws.String("0.0.0.0/0")},
				{RuleNumber: aws.Int32(100), Protocol: aws.String("-1"), RuleAction: types.RuleActionAllow, Egress: aws.Bool(true), CidrBlock: aws.String("0.0.0.0/0")},
			},
			Tags: c.ec2Tags("ec2.network-acl", a, "")})
	}
	return out, nil
}

func ec2DHCP(c *call) (any, error) {
	in := c.in.(*ec2.DescribeDhcpOptionsInput)
	items, next := c.list("ec2.dhcp-options", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeDhcpOptionsOutput{NextToken: next}
	for _, d := range items {
		out.DhcpOptions = append(out.DhcpOptions, types.DhcpOptions{DhcpOptionsId: aws.String(c.id("ec2.dhcp-options", "dopt", d)), OwnerId: c.owner(),
			DhcpConfigurations: []types.DhcpConfiguration{
				{Key: aws.String("domain-name"), Values: []types.AttributeValue{{Value: aws.String(c.region + ".compute.internal")}}},
				{Key: aws.String("domain-name-servers"), Values: []types.AttributeValue{{Value: aws.String("AmazonProvidedDNS")}}},
			}, Tags: c.ec2Tags("ec2.dhcp-options", d, "")})
	}
	return out, nil
}

func ec2Endpoints(c *call) (any, error) {
	in := c.in.(*ec2.DescribeVpcEndpointsInput)
	items, next := c.list("ec2.vpc-endpoint", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeVpcEndpointsOutput{NextToken: next}
	svcs := []string{"s3", "dynamodb", "ecr.api", "ecr.dkr", "logs", "ssm", "secretsmanager", "sts", "kms"}
	for _, e := range items {
		r := c.rng("ec2.vpc-endpoint", e)
		svc := svcs[r.intn(len(svcs))]
		vpc := max(1, c.vpcOf(e))
		if c.n("ec2.vpc") == 1 {
			vpc = 0
		}
		typ := types.VpcEndpointTypeInterface
		var subnets []string
		if svc == "s3" || svc == "dynamodb" {
			typ = types.VpcEndpointTypeGateway
		} else {
			subnets = []string{c.subnetID(vpc)}
		}
		out.VpcEndpoints = append(out.VpcEndpoints, types.VpcEndpoint{VpcEndpointId: aws.String(c.id("ec2.vpc-endpoint", "vpce", e)), VpcId: c.vpcID(vpc),
			ServiceName: aws.String("com.amazonaws." + c.region + "." + svc), VpcEndpointType: typ, State: types.StateAvailable, SubnetIds: subnets,
			PrivateDnsEnabled: aws.Bool(typ == types.VpcEndpointTypeInterface), CreationTimestamp: c.created("ec2.vpc-endpoint", e), OwnerId: c.owner(),
			Tags: c.ec2Tags("ec2.vpc-endpoint", e, "")})
	}
	return out, nil
}

func ec2Peerings(c *call) (any, error) {
	in := c.in.(*ec2.DescribeVpcPeeringConnectionsInput)
	items, next := c.list("ec2.vpc-peering-connection", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeVpcPeeringConnectionsOutput{NextToken: next}
	for _, p := range items {
		peer := (c.acct + 1 + p) % len(Accounts)
		out.VpcPeeringConnections = append(out.VpcPeeringConnections, types.VpcPeeringConnection{
			VpcPeeringConnectionId: aws.String(c.id("ec2.vpc-peering-connection", "pcx", p)),
			RequesterVpcInfo:       &types.VpcPeeringConnectionVpcInfo{VpcId: c.vpcID(c.vpcOf(p)), OwnerId: c.owner(), Region: aws.String(c.region), CidrBlock: aws.String(c.cidr(c.vpcOf(p)))},
			AccepterVpcInfo:        &types.VpcPeeringConnectionVpcInfo{VpcId: aws.String(c.v.eid(peer, c.region, "ec2.vpc", "vpc", 1)), OwnerId: aws.String(Accounts[peer].ID), Region: aws.String(c.region)},
			Status:                 &types.VpcPeeringConnectionStateReason{Code: types.VpcPeeringConnectionStateReasonCodeActive},
			Tags:                   c.ec2Tags("ec2.vpc-peering-connection", p, ""),
		})
	}
	return out, nil
}

func ec2TGWs(c *call) (any, error) {
	in := c.in.(*ec2.DescribeTransitGatewaysInput)
	items, next := c.list("ec2.transit-gateway", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeTransitGatewaysOutput{NextToken: next}
	for _, g := range items {
		id := c.id("ec2.transit-gateway", "tgw", g)
		out.TransitGateways = append(out.TransitGateways, types.TransitGateway{TransitGatewayId: aws.String(id), OwnerId: c.owner(), State: types.TransitGatewayStateAvailable,
			TransitGatewayArn: aws.String(fmt.Sprintf("arn:aws:ec2:%s:%s:transit-gateway/%s", c.region, Accounts[c.acct].ID, id)),
			CreationTime:      c.created("ec2.transit-gateway", g), Description: aws.String("hub"), Tags: c.ec2Tags("ec2.transit-gateway", g, "hub")})
	}
	return out, nil
}

func ec2TGWAttachments(c *call) (any, error) {
	in := c.in.(*ec2.DescribeTransitGatewayAttachmentsInput)
	items, next := c.list("ec2.transit-gateway-attachment", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeTransitGatewayAttachmentsOutput{NextToken: next}
	if c.n("ec2.transit-gateway") == 0 {
		return out, nil
	}
	for _, a := range items {
		out.TransitGatewayAttachments = append(out.TransitGatewayAttachments, types.TransitGatewayAttachment{
			TransitGatewayAttachmentId: aws.String(c.id("ec2.transit-gateway-attachment", "tgw-attach", a)),
			TransitGatewayId:           aws.String(c.id("ec2.transit-gateway", "tgw", 0)), TransitGatewayOwnerId: c.owner(),
			ResourceType: types.TransitGatewayAttachmentResourceTypeVpc, ResourceId: c.vpcID(c.vpcOf(a)), ResourceOwnerId: c.owner(),
			State: types.TransitGatewayAttachmentStateAvailable, CreationTime: c.created("ec2.transit-gateway-attachment", a),
			Tags: c.ec2Tags("ec2.transit-gateway-attachment", a, "")})
	}
	return out, nil
}

func ec2FlowLogs(c *call) (any, error) {
	in := c.in.(*ec2.DescribeFlowLogsInput)
	items, next := c.list("ec2.flow-log", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeFlowLogsOutput{NextToken: next}
	for _, f := range items {
		out.FlowLogs = append(out.FlowLogs, types.FlowLog{FlowLogId: aws.String(c.id("ec2.flow-log", "fl", f)), ResourceId: c.vpcID(c.vpcOf(f)),
			TrafficType: types.TrafficTypeAll, LogDestinationType: types.LogDestinationTypeCloudWatchLogs,
			LogGroupName: aws.String("/vpc/flow-logs/" + c.vpcName(c.vpcOf(f))), FlowLogStatus: aws.String("ACTIVE"),
			DeliverLogsStatus: aws.String("SUCCESS"), CreationTime: c.created("ec2.flow-log", f), Tags: c.ec2Tags("ec2.flow-log", f, "")})
	}
	return out, nil
}

// Security groups: group j belongs to VPC j mod nVPC; the first of each VPC
// is its "default" group. About 10% are open to the world on 22, 4% on 3389.
func (c *call) sgID(g int) string { return c.id("ec2.security-group", "sg", g) }

func ec2SGs(c *call) (any, error) {
	in := c.in.(*ec2.DescribeSecurityGroupsInput)
	items, next := c.list("ec2.security-group", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeSecurityGroupsOutput{NextToken: next}
	nv := max(c.n("ec2.vpc"), 1)
	for _, g := range items {
		r := c.mut("ec2.security-group", g)
		vpc := g % nv
		name := "default"
		desc := "default VPC security group"
		var ingress []types.IpPermission
		if g >= nv {
			app := c.rng("ec2.security-group", g).pick(apps)
			name = fmt.Sprintf("%s-%s-sg-%04d", app, Accounts[c.acct].Env, g)
			desc = "security group for " + app
			ingress = append(ingress, types.IpPermission{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(443), ToPort: aws.Int32(443),
				IpRanges: []types.IpRange{{CidrIp: aws.String(c.cidr(vpc))}}})
			if r.chance(0.10) {
				ingress = append(ingress, types.IpPermission{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(22), ToPort: aws.Int32(22),
					IpRanges: []types.IpRange{{CidrIp: aws.String("0.0.0.0/0"), Description: aws.String("ssh from anywhere (temporary)")}}})
			}
			if r.chance(0.04) {
				ingress = append(ingress, types.IpPermission{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(3389), ToPort: aws.Int32(3389),
					IpRanges: []types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}}, Ipv6Ranges: []types.Ipv6Range{{CidrIpv6: aws.String("::/0")}}})
			}
			if r.chance(0.15) {
				ingress = append(ingress, types.IpPermission{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(443), ToPort: aws.Int32(443),
					IpRanges: []types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}}})
			}
		} else {
			ingress = append(ingress, types.IpPermission{IpProtocol: aws.String("-1"),
				UserIdGroupPairs: []types.UserIdGroupPair{{GroupId: aws.String(c.sgID(g)), UserId: c.owner()}}})
		}
		out.SecurityGroups = append(out.SecurityGroups, types.SecurityGroup{GroupId: aws.String(c.sgID(g)), GroupName: aws.String(name),
			Description: aws.String(desc), VpcId: c.vpcID(vpc), OwnerId: c.owner(), IpPermissions: ingress,
			IpPermissionsEgress: []types.IpPermission{{IpProtocol: aws.String("-1"), IpRanges: []types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}}}},
			SecurityGroupArn:    aws.String(fmt.Sprintf("arn:aws:ec2:%s:%s:security-group/%s", c.region, Accounts[c.acct].ID, c.sgID(g))),
			Tags:                c.ec2Tags("ec2.security-group", g, name)})
	}
	return out, nil
}

func (c *call) keyName(k int) string {
	return fmt.Sprintf("%s-%s-%04d", Accounts[c.acct].Env, c.rng("ec2.key-pair", k).pick(apps), k)
}

func ec2KeyPairs(c *call) (any, error) {
	out := &ec2.DescribeKeyPairsOutput{}
	c.v.each(c.acct, c.region, "ec2.key-pair", 0, func(k int) bool {
		out.KeyPairs = append(out.KeyPairs, types.KeyPairInfo{KeyName: aws.String(c.keyName(k)), KeyPairId: aws.String(c.id("ec2.key-pair", "key", k)),
			KeyFingerprint: aws.String(c.rng("ec2.key-pair", k).hex(40)), KeyType: types.KeyTypeRsa, CreateTime: c.created("ec2.key-pair", k),
			Tags: c.ec2Tags("ec2.key-pair", k, "")})
		return true
	})
	return out, nil
}

func ec2LaunchTemplates(c *call) (any, error) {
	in := c.in.(*ec2.DescribeLaunchTemplatesInput)
	items, next := c.list("ec2.launch-template", in.NextToken, in.MaxResults, 200)
	out := &ec2.DescribeLaunchTemplatesOutput{NextToken: next}
	for _, l := range items {
		r := c.rng("ec2.launch-template", l)
		ver := int64(1 + c.v.version(c.acct, c.region, "ec2.launch-template", l) + r.intn(5))
		out.LaunchTemplates = append(out.LaunchTemplates, types.LaunchTemplate{LaunchTemplateId: aws.String(c.id("ec2.launch-template", "lt", l)),
			LaunchTemplateName: aws.String(nameOf(r, "lt", l)), CreateTime: c.created("ec2.launch-template", l),
			CreatedBy: aws.String(fmt.Sprintf("arn:aws:iam::%s:user/terraform", Accounts[c.acct].ID)), DefaultVersionNumber: aws.Int64(ver), LatestVersionNumber: aws.Int64(ver),
			Tags: c.ec2Tags("ec2.launch-template", l, "")})
	}
	return out, nil
}

var instanceTypes = []string{"t3.micro", "t3.small", "t3.medium", "t3.large", "m5.large", "m5.xlarge", "m6i.large", "c5.xlarge", "r5.large", "m7g.large", "c7g.xlarge", "t4g.medium"}

// instance i: subnet, security group and key derive from i; state and type
// from its version (drift stops, starts and resizes instances).
type instanceFacts struct {
	subnet, sg, key, ami int
	state                types.InstanceStateName
	itype                string
	public, windows, arm bool
	name                 string
}

func (c *call) instance(i int) instanceFacts {
	r := c.rng("ec2.instance", i)
	m := c.mut("ec2.instance", i)
	f := instanceFacts{subnet: r.intn(max(c.n("ec2.subnet"), 1))}
	nv := max(c.n("ec2.vpc"), 1)
	vpc := c.vpcOf(f.subnet)
	// A security group of the same VPC.
	groups := max(c.n("ec2.security-group")/nv, 1)
	f.sg = vpc + nv*r.intn(groups)
	if f.sg >= c.n("ec2.security-group") {
		f.sg = vpc
	}
	f.key = r.intn(max(c.n("ec2.key-pair"), 1))
	f.ami = r.intn(max(c.n("ec2.ami"), 1))
	f.public = r.chance(0.45)
	f.windows = r.chance(0.1)
	f.itype = instanceTypes[r.intn(len(instanceTypes))]
	f.arm = f.itype[2] == 'g' || f.itype[3] == 'g'
	f.name = nameOf(r, Accounts[c.acct].Env, i)
	switch x := m.intn(100); {
	case x < 72:
		f.state = types.InstanceStateNameRunning
	case x < 95:
		f.state = types.InstanceStateNameStopped
	case x < 97:
		f.state = types.InstanceStateNamePending
	default:
		f.state = types.InstanceStateNameTerminated
	}
	if m.chance(0.3) {
		f.itype = instanceTypes[m.intn(len(instanceTypes))]
		f.arm = f.itype[2] == 'g' || f.itype[3] == 'g'
	}
	return f
}

func (c *call) instanceID(i int) string { return c.id("ec2.instance", "i", i) }

func (c *call) profileARN(i int) string {
	n := c.v.e.base[countKey{c.acct, global, "iam.instance-profile"}]
	return fmt.Sprintf("arn:aws:iam::%s:instance-profile/%s", Accounts[c.acct].ID, iamName("iam.instance-profile", i%max(n, 1)))
}

func ec2Instances(c *call) (any, error) {
	in := c.in.(*ec2.DescribeInstancesInput)
	items, next := c.list("ec2.instance", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeInstancesOutput{NextToken: next}
	// Reservations of up to 4 instances launched together.
	var res *types.Reservation
	for n, i := range items {
		if n%4 == 0 {
			out.Reservations = append(out.Reservations, types.Reservation{ReservationId: aws.String(c.id("ec2.instance", "r", i)), OwnerId: c.owner()})
			res = &out.Reservations[len(out.Reservations)-1]
		}
		f := c.instance(i)
		id := c.instanceID(i)
		vpc := c.vpcOf(f.subnet)
		inst := types.Instance{
			InstanceId: aws.String(id), InstanceType: types.InstanceType(f.itype), ImageId: aws.String(c.id("ec2.ami", "ami", f.ami)),
			State: &types.InstanceState{Name: f.state}, LaunchTime: c.created("ec2.instance", i),
			Placement: &types.Placement{AvailabilityZone: aws.String(c.az(f.subnet)), Tenancy: types.TenancyDefault},
			SubnetId:  aws.String(c.subnetID(f.subnet)), VpcId: c.vpcID(vpc), PrivateIpAddress: aws.String(c.privateIP(f.subnet, i)),
			SecurityGroups: []types.GroupIdentifier{{GroupId: aws.String(c.sgID(f.sg)), GroupName: aws.String(fmt.Sprintf("sg-%d", f.sg))}},
			KeyName:        aws.String(c.keyName(f.key)), Architecture: types.ArchitectureValuesX8664, RootDeviceType: types.DeviceTypeEbs,
			RootDeviceName: aws.String("/dev/xvda"), EbsOptimized: aws.Bool(true), PlatformDetails: aws.String("Linux/UNIX"),
			Monitoring:      &types.Monitoring{State: types.MonitoringStateDisabled},
			MetadataOptions: &types.InstanceMetadataOptionsResponse{HttpTokens: types.HttpTokensStateOptional},
			Tags:            c.ec2Tags("ec2.instance", i, f.name),
			BlockDeviceMappings: []types.InstanceBlockDeviceMapping{{DeviceName: aws.String("/dev/xvda"),
				Ebs: &types.EbsInstanceBlockDevice{VolumeId: aws.String(c.id("ec2.volume", "vol", i)), Status: types.AttachmentStatusAttached, DeleteOnTermination: aws.Bool(true)}}},
			NetworkInterfaces: []types.InstanceNetworkInterface{{NetworkInterfaceId: aws.String(c.id("ec2.network-interface", "eni", i)), SubnetId: aws.String(c.subnetID(f.subnet)), VpcId: c.vpcID(vpc)}},
		}
		if f.arm {
			inst.Architecture = types.ArchitectureValuesArm64
		}
		if f.windows {
			inst.Platform = types.PlatformValuesWindows
			inst.PlatformDetails = aws.String("Windows")
		}
		if c.rng("ec2.instance", i).chance(0.6) {
			inst.MetadataOptions.HttpTokens = types.HttpTokensStateRequired
		}
		if c.rng("ec2.instance", i+1<<30).chance(0.7) {
			inst.IamInstanceProfile = &types.IamInstanceProfile{Arn: aws.String(c.profileARN(i))}
		}
		if f.public && f.state == types.InstanceStateNameRunning {
			inst.PublicIpAddress = aws.String(c.publicIP(i))
		}
		if f.state == types.InstanceStateNameStopped {
			when := c.created("ec2.instance", i).Add(time.Duration(c.mut("ec2.instance", i).intn(300*24)) * time.Hour)
			if when.After(c.v.e.now) {
				when = c.v.e.now.Add(-48 * time.Hour)
			}
			inst.StateTransitionReason = aws.String("User initiated (" + when.Format("2006-01-02 15:04:05 MST") + ")")
		}
		res.Instances = append(res.Instances, inst)
	}
	return out, nil
}

// ENI e is the primary interface of instance e while that instance lives;
// otherwise (instance gone, or e beyond the instances) it is left available
// about a third of the time, or belongs to a load balancer / Lambda.
func ec2ENIs(c *call) (any, error) {
	in := c.in.(*ec2.DescribeNetworkInterfacesInput)
	items, next := c.list("ec2.network-interface", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeNetworkInterfacesOutput{NextToken: next}
	for _, e := range items {
		r := c.rng("ec2.network-interface", e)
		subnet := r.intn(max(c.n("ec2.subnet"), 1))
		n := types.NetworkInterface{NetworkInterfaceId: aws.String(c.id("ec2.network-interface", "eni", e)), OwnerId: c.owner(),
			InterfaceType: types.NetworkInterfaceTypeInterface, Status: types.NetworkInterfaceStatusInUse, AvailabilityZone: aws.String(c.az(subnet)),
			TagSet: c.ec2Tags("ec2.network-interface", e, "")}
		running := c.instanceRunning(e)
		if e < c.n("ec2.instance") && !running {
			continue // a primary interface is deleted with its instance
		}
		if running {
			f := c.instance(e)
			subnet = f.subnet
			n.Attachment = &types.NetworkInterfaceAttachment{InstanceId: aws.String(c.instanceID(e)), AttachmentId: aws.String(c.id("ec2.network-interface", "eni-attach", e)),
				DeviceIndex: aws.Int32(0), Status: types.AttachmentStatusAttached, DeleteOnTermination: aws.Bool(true)}
			n.Groups = []types.GroupIdentifier{{GroupId: aws.String(c.sgID(f.sg))}}
			n.Description = aws.String("Primary network interface")
		} else if r.chance(0.35) {
			n.Status = types.NetworkInterfaceStatusAvailable
			n.Description = aws.String("left behind by a deleted instance")
		} else {
			n.InterfaceType = types.NetworkInterfaceTypeLambda
			n.RequesterManaged = aws.Bool(true)
			n.Description = aws.String("AWS Lambda VPC ENI")
		}
		n.SubnetId = aws.String(c.subnetID(subnet))
		n.VpcId = c.vpcID(c.vpcOf(subnet))
		n.PrivateIpAddress = aws.String(c.privateIP(subnet, 1000+e))
		out.NetworkInterfaces = append(out.NetworkInterfaces, n)
	}
	return out, nil
}

// Volume v is the root volume of instance v; volumes beyond the instances
// are data volumes attached to a random instance, or unattached (~25%).
// About 18% are unencrypted and 30% still gp2.
func ec2Volumes(c *call) (any, error) {
	in := c.in.(*ec2.DescribeVolumesInput)
	items, next := c.list("ec2.volume", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeVolumesOutput{NextToken: next}
	ni := c.n("ec2.instance")
	for _, v := range items {
		r := c.rng("ec2.volume", v)
		vol := types.Volume{VolumeId: aws.String(c.id("ec2.volume", "vol", v)), Size: aws.Int32(int32([]int{8, 20, 30, 50, 100, 200, 500, 1000}[r.intn(8)])),
			VolumeType: types.VolumeTypeGp3, Encrypted: aws.Bool(!r.chance(0.18)), CreateTime: c.created("ec2.volume", v),
			State: types.VolumeStateAvailable, Tags: c.ec2Tags("ec2.volume", v, "")}
		if r.chance(0.3) {
			vol.VolumeType = types.VolumeTypeGp2
			vol.Iops = aws.Int32(max(100, *vol.Size*3))
		} else {
			vol.Iops, vol.Throughput = aws.Int32(3000), aws.Int32(125)
		}
		if *vol.Encrypted {
			vol.KmsKeyId = aws.String(fmt.Sprintf("arn:aws:kms:%s:%s:key/%s", c.region, Accounts[c.acct].ID, c.uuid("kms", 0)))
		}
		inst := -1
		if v < ni {
			inst = v
		} else if ni > 0 && !r.chance(0.25) {
			inst = r.intn(ni)
		}
		running := inst >= 0 && c.instanceRunning(inst)
		if inst == v && !running {
			continue // a root volume is deleted with its instance
		}
		az := c.az(v)
		if inst >= 0 {
			az = c.az(c.instance(inst).subnet) // a volume never changes zone
		}
		if running {
			vol.State = types.VolumeStateInUse
			dev := "/dev/xvda"
			if inst != v {
				dev = "/dev/xvdf"
			}
			vol.Attachments = []types.VolumeAttachment{{InstanceId: aws.String(c.instanceID(inst)), VolumeId: vol.VolumeId, Device: aws.String(dev),
				State: types.VolumeAttachmentStateAttached, AttachTime: vol.CreateTime, DeleteOnTermination: aws.Bool(inst == v)}}
		}
		vol.AvailabilityZone = aws.String(az)
		if r.chance(0.3) && c.n("ec2.snapshot") > 0 {
			vol.SnapshotId = aws.String(c.id("ec2.snapshot", "snap", r.intn(c.n("ec2.snapshot"))))
		}
		out.Volumes = append(out.Volumes, vol)
	}
	return out, nil
}

// uuid is a deterministic UUID for (kind, i); its last group encodes i.
func (c *call) uuid(kind string, i int) string {
	h := c.v.rng(c.acct, c.region, kind, 0, 0x01d).hex(20)
	return fmt.Sprintf("%s-%s-4%s-a%s-%012x", h[:8], h[8:12], h[13:16], h[17:20], (c.v.salt(c.acct, c.region, kind)+uint64(i))&0xffffffffffff)
}

// uuidIndex decodes uuid's index from an id or an ARN ending with one.
func (c *call) uuidIndex(kind, s string) (int, bool) {
	if len(s) < 12 {
		return 0, false
	}
	x, err := strconv.ParseUint(s[len(s)-12:], 16, 64)
	if err != nil {
		return 0, false
	}
	i := int((x - c.v.salt(c.acct, c.region, kind)) & 0xffffffffffff)
	return i, c.uuid(kind, i) == s[max(0, len(s)-36):]
}

// Snapshots are spread over four years: the old ones are waste. About 2%
// are shared publicly, about 8% with one other account; RestorableByUserIds
// "all" lists only the public ones, as AWS does (pages may then be short).
func ec2Snapshots(c *call) (any, error) {
	in := c.in.(*ec2.DescribeSnapshotsInput)
	onlyPublic := slices.Contains(in.RestorableByUserIds, "all")
	items, next := c.list("ec2.snapshot", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeSnapshotsOutput{NextToken: next}
	for _, s := range items {
		if onlyPublic && !c.snapshotPublic(s) {
			continue
		}
		r := c.rng("ec2.snapshot", s)
		snap := types.Snapshot{SnapshotId: aws.String(c.id("ec2.snapshot", "snap", s)), OwnerId: c.owner(),
			VolumeId: aws.String(c.id("ec2.volume", "vol", r.intn(max(c.n("ec2.volume"), 1)))), VolumeSize: aws.Int32(int32([]int{8, 20, 50, 100, 500}[r.intn(5)])),
			State: types.SnapshotStateCompleted, StartTime: c.created("ec2.snapshot", s), Encrypted: aws.Bool(!r.chance(0.2)),
			Progress: aws.String("100%"), Description: aws.String(fmt.Sprintf("backup %04d", s)), StorageTier: types.StorageTierStandard,
			Tags: c.ec2Tags("ec2.snapshot", s, "")}
		out.Snapshots = append(out.Snapshots, snap)
	}
	return out, nil
}

// snapshotSharing is who snapshot i is shared with: everyone, one account, or nobody.
func (c *call) snapshotSharing(i int) []types.CreateVolumePermission {
	r := c.rng("ec2.snapshot", i+1<<31)
	switch {
	case r.chance(0.02):
		return []types.CreateVolumePermission{{Group: types.PermissionGroupAll}}
	case r.chance(0.08):
		return []types.CreateVolumePermission{{UserId: aws.String(Accounts[(c.acct+1)%len(Accounts)].ID)}}
	}
	return nil
}

func (c *call) snapshotPublic(i int) bool {
	perms := c.snapshotSharing(i)
	return len(perms) > 0 && perms[0].Group == types.PermissionGroupAll
}

func ec2SnapshotAttribute(c *call) (any, error) {
	in := c.in.(*ec2.DescribeSnapshotAttributeInput)
	id := aws.ToString(in.SnapshotId)
	i, ok := decodeID(c.v.salt(c.acct, c.region, "ec2.snapshot"), id[len("snap-"):])
	if !ok || !c.alive("ec2.snapshot", i) {
		return nil, notFound("InvalidSnapshot.NotFound", "The snapshot '"+id+"' does not exist.")
	}
	return &ec2.DescribeSnapshotAttributeOutput{SnapshotId: in.SnapshotId, CreateVolumePermissions: c.snapshotSharing(i)}, nil
}

func ec2Images(c *call) (any, error) {
	in := c.in.(*ec2.DescribeImagesInput)
	items, next := c.list("ec2.ami", in.NextToken, in.MaxResults, ec2Page)
	out := &ec2.DescribeImagesOutput{NextToken: next}
	for _, a := range items {
		r := c.rng("ec2.ami", a)
		name := fmt.Sprintf("%s-golden-%s", r.pick(apps), c.created("ec2.ami", a).Format("20060102"))
		out.Images = append(out.Images, types.Image{ImageId: aws.String(c.id("ec2.ami", "ami", a)), Name: aws.String(name), OwnerId: c.owner(),
			State: types.ImageStateAvailable, Architecture: types.ArchitectureValuesX8664, PlatformDetails: aws.String("Linux/UNIX"),
			CreationDate: aws.String(c.created("ec2.ami", a).Format("2006-01-02T15:04:05.000Z")), Public: aws.Bool(r.chance(0.01)),
			ImageType: types.ImageTypeValuesMachine, RootDeviceType: types.DeviceTypeEbs, VirtualizationType: types.VirtualizationTypeHvm,
			BlockDeviceMappings: []types.BlockDeviceMapping{{DeviceName: aws.String("/dev/xvda"), Ebs: &types.EbsBlockDevice{
				SnapshotId: aws.String(c.id("ec2.snapshot", "snap", r.intn(max(c.n("ec2.snapshot"), 1)))), VolumeSize: aws.Int32(8)}}},
			Tags: c.ec2Tags("ec2.ami", a, name)})
	}
	return out, nil
}

// Elastic IPs: 75% associated with a live instance, the rest idle.
func ec2Addresses(c *call) (any, error) {
	out := &ec2.DescribeAddressesOutput{}
	ni := c.n("ec2.instance")
	c.v.each(c.acct, c.region, "ec2.elastic-ip", 0, func(a int) bool {
		r := c.rng("ec2.elastic-ip", a)
		addr := types.Address{AllocationId: aws.String(c.id("ec2.elastic-ip", "eipalloc", a)), PublicIp: aws.String(c.publicIP(a + 1<<20)),
			Domain: types.DomainTypeVpc, NetworkBorderGroup: aws.String(c.region), Tags: c.ec2Tags("ec2.elastic-ip", a, "")}
		if inst := r.intn(max(ni, 1)); ni > 0 && !r.chance(0.25) && c.alive("ec2.instance", inst) && c.instance(inst).state == types.InstanceStateNameRunning {
			addr.InstanceId = aws.String(c.instanceID(inst))
			addr.NetworkInterfaceId = aws.String(c.id("ec2.network-interface", "eni", inst))
			addr.AssociationId = aws.String(c.id("ec2.elastic-ip", "eipassoc", a))
			addr.PrivateIpAddress = aws.String(c.privateIP(c.instance(inst).subnet, inst))
		}
		out.Addresses = append(out.Addresses, addr)
		return true
	})
	return out, nil
}

func ec2Regions(c *call) (any, error) {
	out := &ec2.DescribeRegionsOutput{}
	for _, r := range Regions {
		out.Regions = append(out.Regions, types.Region{RegionName: aws.String(r), Endpoint: aws.String("ec2." + r + ".amazonaws.com"), OptInStatus: aws.String("opt-in-not-required")})
	}
	return out, nil
}

// --- Customer gateways: the offices' VPN endpoints; a few deleted ones
// are still listed, as AWS does for a while.

func ec2CustomerGateways(c *call) (any, error) {
	out := &ec2.DescribeCustomerGatewaysOutput{}
	c.v.each(c.acct, c.region, "ec2.customer-gateway", 0, func(i int) bool {
		r := c.rng("ec2.customer-gateway", i)
		name := fmt.Sprintf("%s-office-vpn-%02d", []string{"paris", "berlin", "austin", "singapore", "london"}[r.intn(5)], i)
		g := types.CustomerGateway{CustomerGatewayId: aws.String(c.id("ec2.customer-gateway", "cgw", i)), IpAddress: aws.String(c.publicIP(1<<20 + i)),
			BgpAsn: aws.String(fmt.Sprint(65000 + r.intn(500))), Type: aws.String("ipsec.1"), State: aws.String("available"),
			DeviceName: aws.String([]string{"fortigate-100f", "palo-alto-pa-440", "cisco-asa-5506"}[r.intn(3)]), Tags: c.ec2Tags("ec2.customer-gateway", i, name)}
		if c.cgwDeleted(i) {
			g.State = aws.String("deleted")
		}
		out.CustomerGateways = append(out.CustomerGateways, g)
		return true
	})
	return out, nil
}

// cgwDeleted says whether customer gateway i is deleted (still listed).
func (c *call) cgwDeleted(i int) bool { return c.mut("ec2.customer-gateway", i).chance(0.1) }
