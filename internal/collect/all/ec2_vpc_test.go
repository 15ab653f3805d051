package all_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/model"
)

// network is a fresh VPC with one subnet, next to moto's default VPC.
type ec2Network struct {
	api                     *ec2.Client
	vpc, subnet, defaultVPC string
}

func newNetwork(t *testing.T, cfg aws.Config, cidr, subnetCIDR string) ec2Network {
	t.Helper()
	ctx := context.Background()
	api := ec2.NewFromConfig(cfg)
	vpc, err := api.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String(cidr),
		TagSpecifications: tagSpec(types.ResourceTypeVpc, ec2Tag("Name", "main"))})
	check(t, err)
	subnet, err := api.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: vpc.Vpc.VpcId, CidrBlock: aws.String(subnetCIDR),
		AvailabilityZone: aws.String("eu-west-1a"), TagSpecifications: tagSpec(types.ResourceTypeSubnet, ec2Tag("Name", "app"))})
	check(t, err)
	def, err := api.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{Filters: []types.Filter{{Name: aws.String("is-default"), Values: []string{"true"}}}})
	check(t, err)
	if len(def.Vpcs) != 1 {
		t.Fatalf("moto should have one default VPC, has %d", len(def.Vpcs))
	}
	return ec2Network{api: api, vpc: aws.ToString(vpc.Vpc.VpcId), subnet: aws.ToString(subnet.Subnet.SubnetId), defaultVPC: aws.ToString(def.Vpcs[0].VpcId)}
}

func ec2ArnOf(resource string) string {
	return "arn:aws:ec2:eu-west-1:" + collecttest.MotoAccount + ":" + resource
}

func TestEc2VPCs(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, "eu-west-1", nil)
	n := newNetwork(t, cfg, "10.4.0.0/16", "10.4.1.0/24")
	_, err := n.api.AssociateVpcCidrBlock(context.Background(), &ec2.AssociateVpcCidrBlockInput{VpcId: aws.String(n.vpc), CidrBlock: aws.String("10.5.0.0/16")})
	check(t, err)

	got := ec2Run(t, cfg, "vpc", "eu-west-1")
	if len(got.Resources) != 2 {
		t.Errorf("want the default VPC and one more, got %d", len(got.Resources))
	}
	v := got.ByID()[n.vpc]
	ec2WantDetails(t, v, map[string]any{
		"cidr_block": "10.4.0.0/16", "cidr_blocks": []string{"10.4.0.0/16", "10.5.0.0/16"}, "state": "available", "instance_tenancy": "default",
	})
	if v.Name != "main" || v.IsDefault || v.ARN != ec2ArnOf("vpc/"+n.vpc) || v.Details["dhcp_options_id"] == "" {
		t.Errorf("identity fields wrong: %q %v %q %v", v.Name, v.IsDefault, v.ARN, v.Details)
	}
	if !got.ByID()[n.defaultVPC].IsDefault {
		t.Error("default VPC not flagged is_default")
	}
}

func TestEc2Subnets(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, "eu-west-1", nil)
	n := newNetwork(t, cfg, "10.4.0.0/16", "10.4.1.0/24")
	_, err := n.api.ModifySubnetAttribute(context.Background(), &ec2.ModifySubnetAttributeInput{SubnetId: aws.String(n.subnet),
		MapPublicIpOnLaunch: &types.AttributeBooleanValue{Value: aws.Bool(true)}})
	check(t, err)

	got := ec2Run(t, cfg, "subnet", "eu-west-1")
	s := got.ByID()[n.subnet]
	ec2WantDetails(t, s, map[string]any{
		"vpc_id": n.vpc, "availability_zone": "eu-west-1a", "cidr_block": "10.4.1.0/24", "available_ips": 251, "map_public_ip_on_launch": true,
	})
	if s.Name != "app" || s.IsDefault || s.ARN != ec2ArnOf("subnet/"+n.subnet) {
		t.Errorf("identity fields wrong: %q %v %q", s.Name, s.IsDefault, s.ARN)
	}
	defaults := 0
	for _, r := range got.Resources {
		if r.IsDefault != (r.Details["vpc_id"] == n.defaultVPC) {
			t.Errorf("subnet %s of %v: is_default = %v", r.ID, r.Details["vpc_id"], r.IsDefault)
		}
		if r.IsDefault {
			defaults++
		}
	}
	if defaults == 0 {
		t.Error("no default subnets")
	}
	collecttest.HasEdges(t, got, n.subnet+" -in-vpc-> ec2/vpc:"+n.vpc)
}

func TestEc2RouteTables(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	n := newNetwork(t, cfg, "10.6.0.0/16", "10.6.1.0/24")
	igw, err := n.api.CreateInternetGateway(ctx, &ec2.CreateInternetGatewayInput{})
	check(t, err)
	igwID := aws.ToString(igw.InternetGateway.InternetGatewayId)
	_, err = n.api.AttachInternetGateway(ctx, &ec2.AttachInternetGatewayInput{InternetGatewayId: aws.String(igwID), VpcId: aws.String(n.vpc)})
	check(t, err)
	rt, err := n.api.CreateRouteTable(ctx, &ec2.CreateRouteTableInput{VpcId: aws.String(n.vpc),
		TagSpecifications: tagSpec(types.ResourceTypeRouteTable, ec2Tag("Name", "public"))})
	check(t, err)
	rtID := aws.ToString(rt.RouteTable.RouteTableId)
	_, err = n.api.CreateRoute(ctx, &ec2.CreateRouteInput{RouteTableId: aws.String(rtID), DestinationCidrBlock: aws.String("0.0.0.0/0"), GatewayId: aws.String(igwID)})
	check(t, err)
	_, err = n.api.AssociateRouteTable(ctx, &ec2.AssociateRouteTableInput{RouteTableId: aws.String(rtID), SubnetId: aws.String(n.subnet)})
	check(t, err)

	got := ec2Run(t, cfg, "route-table", "eu-west-1")
	if len(got.Resources) != 3 {
		t.Errorf("want 3 route tables (2 main, 1 custom), got %d", len(got.Resources))
	}
	r := got.ByID()[rtID]
	ec2WantDetails(t, r, map[string]any{
		"vpc_id": n.vpc, "main": false, "associated_subnet_ids": []string{n.subnet},
		"routes": []map[string]any{
			{"destination": "10.6.0.0/16", "target": "local", "state": "active"},
			{"destination": "0.0.0.0/0", "target": igwID, "state": "active"},
		},
	})
	if r.Name != "public" || r.IsDefault || r.ARN != ec2ArnOf("route-table/"+rtID) {
		t.Errorf("identity fields wrong: %q %v %q", r.Name, r.IsDefault, r.ARN)
	}
	for _, res := range got.Resources {
		want := res.Details["vpc_id"] == n.defaultVPC && res.Details["main"] == true
		if res.IsDefault != want {
			t.Errorf("route table %s: is_default = %v, want %v", res.ID, res.IsDefault, want)
		}
	}
	collecttest.HasEdges(t, got, rtID+" -in-vpc-> ec2/vpc:"+n.vpc, rtID+" -associated-with-> ec2/subnet:"+n.subnet)
}

func TestEc2InternetGateways(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	n := newNetwork(t, cfg, "10.6.0.0/16", "10.6.1.0/24")
	attach := func(vpc string) string {
		igw, err := n.api.CreateInternetGateway(ctx, &ec2.CreateInternetGatewayInput{
			TagSpecifications: tagSpec(types.ResourceTypeInternetGateway, ec2Tag("Name", "igw-"+vpc))})
		check(t, err)
		_, err = n.api.AttachInternetGateway(ctx, &ec2.AttachInternetGatewayInput{InternetGatewayId: igw.InternetGateway.InternetGatewayId, VpcId: aws.String(vpc)})
		check(t, err)
		return aws.ToString(igw.InternetGateway.InternetGatewayId)
	}
	def, own := attach(n.defaultVPC), attach(n.vpc)

	got := ec2Run(t, cfg, "internet-gateway", "eu-west-1")
	g := got.ByID()[own]
	ec2WantDetails(t, g, map[string]any{"attached_vpc_ids": []string{n.vpc}})
	if g.IsDefault || g.Name != "igw-"+n.vpc || g.ARN != ec2ArnOf("internet-gateway/"+own) {
		t.Errorf("identity fields wrong: %v %q %q", g.IsDefault, g.Name, g.ARN)
	}
	if d := got.ByID()[def]; d == nil || !d.IsDefault {
		t.Errorf("gateway of the default VPC not flagged is_default: %v", d)
	}
	collecttest.HasEdges(t, got, own+" -attached-to-> ec2/vpc:"+n.vpc, def+" -attached-to-> ec2/vpc:"+n.defaultVPC)
}

func TestEc2NATGateways(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	n := newNetwork(t, cfg, "10.7.0.0/16", "10.7.1.0/24")
	newNAT := func() (string, string) {
		eip, err := n.api.AllocateAddress(ctx, &ec2.AllocateAddressInput{Domain: types.DomainTypeVpc})
		check(t, err)
		nat, err := n.api.CreateNatGateway(ctx, &ec2.CreateNatGatewayInput{SubnetId: aws.String(n.subnet), AllocationId: eip.AllocationId,
			TagSpecifications: tagSpec(types.ResourceTypeNatgateway, ec2Tag("Name", "egress"))})
		check(t, err)
		return aws.ToString(nat.NatGateway.NatGatewayId), aws.ToString(eip.PublicIp)
	}
	live, ip := newNAT()
	gone, _ := newNAT()
	_, err := n.api.DeleteNatGateway(ctx, &ec2.DeleteNatGatewayInput{NatGatewayId: aws.String(gone)})
	check(t, err)

	got := ec2Run(t, cfg, "nat-gateway", "eu-west-1")
	if _, ok := got.ByID()[gone]; ok || len(got.Resources) != 1 {
		t.Errorf("want only the live NAT gateway, got %v", got.ByID())
	}
	g := got.ByID()[live]
	ec2WantDetails(t, g, map[string]any{"state": "available", "subnet_id": n.subnet, "vpc_id": n.vpc, "public_ips": []string{ip}})
	if len(g.Details["private_ips"].([]string)) != 1 || g.Name != "egress" || g.CreatedAt == "" || g.ARN != ec2ArnOf("natgateway/"+live) {
		t.Errorf("identity fields wrong: %q %q %q %v", g.Name, g.CreatedAt, g.ARN, g.Details)
	}
	collecttest.HasEdges(t, got, live+" -in-subnet-> ec2/subnet:"+n.subnet)
}

func TestEc2NetworkACLs(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	n := newNetwork(t, cfg, "10.8.0.0/16", "10.8.1.0/24")
	acl, err := n.api.CreateNetworkAcl(ctx, &ec2.CreateNetworkAclInput{VpcId: aws.String(n.vpc),
		TagSpecifications: tagSpec(types.ResourceTypeNetworkAcl, ec2Tag("Name", "strict"))})
	check(t, err)
	id := aws.ToString(acl.NetworkAcl.NetworkAclId)
	_, err = n.api.CreateNetworkAclEntry(ctx, &ec2.CreateNetworkAclEntryInput{NetworkAclId: aws.String(id), RuleNumber: aws.Int32(100),
		Protocol: aws.String("6"), RuleAction: types.RuleActionAllow, Egress: aws.Bool(false), CidrBlock: aws.String("10.0.0.0/8"),
		PortRange: &types.PortRange{From: aws.Int32(22), To: aws.Int32(22)}})
	check(t, err)

	got := ec2Run(t, cfg, "network-acl", "eu-west-1")
	a := got.ByID()[id]
	ec2WantDetails(t, a, map[string]any{
		"vpc_id": n.vpc, "associated_subnet_ids": []string{},
		"entries": []map[string]any{{"rule_number": 100, "egress": false, "protocol": "6", "action": "allow", "cidr": "10.0.0.0/8", "from_port": 22, "to_port": 22}},
	})
	if a.IsDefault || a.Name != "strict" || a.ARN != ec2ArnOf("network-acl/"+id) {
		t.Errorf("identity fields wrong: %v %q %q", a.IsDefault, a.Name, a.ARN)
	}
	var defaultOfVPC *model.Resource
	for _, r := range got.Resources {
		if r.IsDefault && r.Details["vpc_id"] == n.vpc {
			defaultOfVPC = r
		}
	}
	ec2WantDetails(t, defaultOfVPC, map[string]any{"associated_subnet_ids": []string{n.subnet}})
	if asJSON(t, defaultOfVPC.Details["entries"]) == "[]" || !strings.Contains(asJSON(t, defaultOfVPC.Details["entries"]), `"protocol":"all"`) {
		t.Errorf("default ACL entries not normalised: %s", asJSON(t, defaultOfVPC.Details["entries"]))
	}
	collecttest.HasEdges(t, got, id+" -in-vpc-> ec2/vpc:"+n.vpc)
}

func TestEc2VPCEndpoints(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	n := newNetwork(t, cfg, "10.9.0.0/16", "10.9.1.0/24")
	rt, err := n.api.CreateRouteTable(ctx, &ec2.CreateRouteTableInput{VpcId: aws.String(n.vpc)})
	check(t, err)
	rtID := aws.ToString(rt.RouteTable.RouteTableId)
	gw, err := n.api.CreateVpcEndpoint(ctx, &ec2.CreateVpcEndpointInput{VpcId: aws.String(n.vpc), ServiceName: aws.String("com.amazonaws.eu-west-1.s3"),
		VpcEndpointType: types.VpcEndpointTypeGateway, RouteTableIds: []string{rtID},
		PolicyDocument:    aws.String(`{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}`),
		TagSpecifications: tagSpec(types.ResourceTypeVpcEndpoint, ec2Tag("Name", "s3"))})
	check(t, err)
	gwID := aws.ToString(gw.VpcEndpoint.VpcEndpointId)
	ifc, err := n.api.CreateVpcEndpoint(ctx, &ec2.CreateVpcEndpointInput{VpcId: aws.String(n.vpc), ServiceName: aws.String("com.amazonaws.eu-west-1.sqs"),
		VpcEndpointType: types.VpcEndpointTypeInterface, SubnetIds: []string{n.subnet}})
	check(t, err)

	got := ec2Run(t, cfg, "vpc-endpoint", "eu-west-1")
	e := got.ByID()[gwID]
	ec2WantDetails(t, e, map[string]any{
		"vpc_id": n.vpc, "service_name": "com.amazonaws.eu-west-1.s3", "vpc_endpoint_type": "Gateway",
		"policy_present": true, "route_table_ids": []string{rtID}, "subnet_ids": []string{},
	})
	if e.Name != "s3" || e.CreatedAt == "" || e.ARN != ec2ArnOf("vpc-endpoint/"+gwID) {
		t.Errorf("identity fields wrong: %q %q %q", e.Name, e.CreatedAt, e.ARN)
	}
	ec2WantDetails(t, got.ByID()[aws.ToString(ifc.VpcEndpoint.VpcEndpointId)], map[string]any{"vpc_endpoint_type": "Interface", "subnet_ids": []string{n.subnet}})
	collecttest.HasEdges(t, got, gwID+" -in-vpc-> ec2/vpc:"+n.vpc)
}

func TestEc2VPCPeeringConnections(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, "eu-west-1", nil)
	n := newNetwork(t, cfg, "10.10.0.0/16", "10.10.1.0/24")
	pc, err := n.api.CreateVpcPeeringConnection(context.Background(), &ec2.CreateVpcPeeringConnectionInput{VpcId: aws.String(n.vpc), PeerVpcId: aws.String(n.defaultVPC),
		TagSpecifications: tagSpec(types.ResourceTypeVpcPeeringConnection, ec2Tag("Name", "to-default"))})
	check(t, err)
	id := aws.ToString(pc.VpcPeeringConnection.VpcPeeringConnectionId)

	got := ec2Run(t, cfg, "vpc-peering-connection", "eu-west-1")
	p := got.ByID()[id]
	ec2WantDetails(t, p, map[string]any{
		"status":           "pending-acceptance",
		"requester_vpc_id": n.vpc, "requester_account_id": collecttest.MotoAccount, "requester_region": "eu-west-1",
		"accepter_vpc_id": n.defaultVPC, "accepter_account_id": collecttest.MotoAccount, "accepter_region": "eu-west-1",
	})
	if p.Name != "to-default" || p.ARN != ec2ArnOf("vpc-peering-connection/"+id) || p.Details["status"] == "" {
		t.Errorf("identity fields wrong: %q %q %v", p.Name, p.ARN, p.Details)
	}
}

func TestEc2TransitGateways(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	n := newNetwork(t, cfg, "10.11.0.0/16", "10.11.1.0/24")
	tgw, err := n.api.CreateTransitGateway(ctx, &ec2.CreateTransitGatewayInput{Description: aws.String("hub"),
		Options:           &types.TransitGatewayRequestOptions{AmazonSideAsn: aws.Int64(64513)},
		TagSpecifications: tagSpec(types.ResourceTypeTransitGateway, ec2Tag("Name", "hub"))})
	check(t, err)
	tgwID := aws.ToString(tgw.TransitGateway.TransitGatewayId)
	att, err := n.api.CreateTransitGatewayVpcAttachment(ctx, &ec2.CreateTransitGatewayVpcAttachmentInput{TransitGatewayId: aws.String(tgwID),
		VpcId: aws.String(n.vpc), SubnetIds: []string{n.subnet}, TagSpecifications: tagSpec(types.ResourceTypeTransitGatewayAttachment, ec2Tag("Name", "main"))})
	check(t, err)
	attID := aws.ToString(att.TransitGatewayVpcAttachment.TransitGatewayAttachmentId)

	got := ec2Run(t, cfg, "transit-gateway", "eu-west-1")
	g := got.ByID()[tgwID]
	ec2WantDetails(t, g, map[string]any{"state": "available", "owner_id": collecttest.MotoAccount, "asn": 64513, "description": "hub"})
	if len(got.Resources) != 1 || g.Name != "hub" || g.CreatedAt == "" || g.ARN != ec2ArnOf("transit-gateway/"+tgwID) {
		t.Errorf("identity fields wrong: %q %q %q", g.Name, g.CreatedAt, g.ARN)
	}

	got = ec2Run(t, cfg, "transit-gateway-attachment", "eu-west-1")
	a := got.ByID()[attID]
	ec2WantDetails(t, a, map[string]any{"resource_type": "vpc", "resource_id": n.vpc, "transit_gateway_id": tgwID})
	// moto does not return attachment tags, so no Name check.
	if a.Details["state"] == "" || a.ARN != ec2ArnOf("transit-gateway-attachment/"+attID) {
		t.Errorf("identity fields wrong: %q %q %v", a.Name, a.ARN, a.Details)
	}
	collecttest.HasEdges(t, got, attID+" -attached-to-tgw-> ec2/transit-gateway:"+tgwID, attID+" -attached-to-> ec2/vpc:"+n.vpc)
}

func TestEc2DHCPOptions(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	n := newNetwork(t, cfg, "10.12.0.0/16", "10.12.1.0/24")
	opts, err := n.api.CreateDhcpOptions(ctx, &ec2.CreateDhcpOptionsInput{
		DhcpConfigurations: []types.NewDhcpConfiguration{
			{Key: aws.String("domain-name"), Values: []string{"corp.example"}},
			{Key: aws.String("domain-name-servers"), Values: []string{"10.0.0.2", "10.0.0.3"}},
		},
	})
	check(t, err)
	id := aws.ToString(opts.DhcpOptions.DhcpOptionsId)
	_, err = n.api.CreateTags(ctx, &ec2.CreateTagsInput{Resources: []string{id}, Tags: []types.Tag{ec2Tag("Name", "corp")}})
	check(t, err)
	_, err = n.api.AssociateDhcpOptions(ctx, &ec2.AssociateDhcpOptionsInput{DhcpOptionsId: aws.String(id), VpcId: aws.String(n.vpc)})
	check(t, err)
	// moto's default VPC starts without an options set: give it one.
	def, err := n.api.CreateDhcpOptions(ctx, &ec2.CreateDhcpOptionsInput{
		DhcpConfigurations: []types.NewDhcpConfiguration{{Key: aws.String("domain-name-servers"), Values: []string{"AmazonProvidedDNS"}}}})
	check(t, err)
	defaultOpts := aws.ToString(def.DhcpOptions.DhcpOptionsId)
	_, err = n.api.AssociateDhcpOptions(ctx, &ec2.AssociateDhcpOptionsInput{DhcpOptionsId: aws.String(defaultOpts), VpcId: aws.String(n.defaultVPC)})
	check(t, err)

	got := ec2Run(t, cfg, "dhcp-options", "eu-west-1")
	o := got.ByID()[id]
	ec2WantDetails(t, o, map[string]any{"configurations": map[string][]string{
		"domain-name": {"corp.example"}, "domain-name-servers": {"10.0.0.2", "10.0.0.3"},
	}})
	if o.IsDefault || o.Name != "corp" || o.ARN != ec2ArnOf("dhcp-options/"+id) {
		t.Errorf("identity fields wrong: %v %q %q", o.IsDefault, o.Name, o.ARN)
	}
	if d := got.ByID()[defaultOpts]; d == nil || !d.IsDefault {
		t.Errorf("DHCP options %s of the default VPC not flagged is_default: %v", defaultOpts, got.ByID())
	}
}

func TestEc2FlowLogs(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	n := newNetwork(t, cfg, "10.13.0.0/16", "10.13.1.0/24")
	_, err := cloudwatchlogs.NewFromConfig(cfg).CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String("vpc-flows")})
	check(t, err)
	_, err = s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }).CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("flow-archive"),
		CreateBucketConfiguration: &s3types.CreateBucketConfiguration{LocationConstraint: s3types.BucketLocationConstraintEuWest1}})
	check(t, err)
	toLogs, err := n.api.CreateFlowLogs(ctx, &ec2.CreateFlowLogsInput{ResourceIds: []string{n.vpc}, ResourceType: types.FlowLogsResourceTypeVpc,
		TrafficType: types.TrafficTypeReject, LogGroupName: aws.String("vpc-flows"), DeliverLogsPermissionArn: aws.String("arn:aws:iam::123456789012:role/flows"),
		TagSpecifications: tagSpec(types.ResourceTypeVpcFlowLog, ec2Tag("Name", "rejects"))})
	check(t, err)
	toS3, err := n.api.CreateFlowLogs(ctx, &ec2.CreateFlowLogsInput{ResourceIds: []string{n.subnet}, ResourceType: types.FlowLogsResourceTypeSubnet,
		TrafficType: types.TrafficTypeAll, LogDestinationType: types.LogDestinationTypeS3, LogDestination: aws.String("arn:aws:s3:::flow-archive")})
	check(t, err)
	if len(toLogs.FlowLogIds) != 1 || len(toS3.FlowLogIds) != 1 {
		t.Fatalf("flow logs not created: %+v %+v", toLogs.Unsuccessful, toS3.Unsuccessful)
	}
	logsID, s3ID := toLogs.FlowLogIds[0], toS3.FlowLogIds[0]

	got := ec2Run(t, cfg, "flow-log", "eu-west-1")
	f := got.ByID()[logsID]
	ec2WantDetails(t, f, map[string]any{"resource_id": n.vpc, "traffic_type": "REJECT", "log_destination_type": "cloud-watch-logs", "deliver_status": "SUCCESS"})
	if f.Name != "rejects" || f.CreatedAt == "" || f.ARN != ec2ArnOf("vpc-flow-log/"+logsID) {
		t.Errorf("identity fields wrong: %q %q %q", f.Name, f.CreatedAt, f.ARN)
	}
	ec2WantDetails(t, got.ByID()[s3ID], map[string]any{"resource_id": n.subnet, "log_destination_type": "s3", "log_destination": "arn:aws:s3:::flow-archive"})
	collecttest.HasEdges(t, got, logsID+" -logs-to-> logs/log-group:vpc-flows", s3ID+" -logs-to-> s3/bucket:flow-archive")
}

// moto rejects S3 destinations with a key prefix and always returns the log
// group name, so those two forms of the destination are served canned.
func TestEc2FlowLogDestinations(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeFlowLogs": func(any) (any, error) {
			return &ec2.DescribeFlowLogsOutput{FlowLogs: []types.FlowLog{
				{FlowLogId: aws.String("fl-s3"), LogDestinationType: types.LogDestinationTypeS3, LogDestination: aws.String("arn:aws:s3:::archive/vpc/flows/")},
				{FlowLogId: aws.String("fl-cwl"), LogDestinationType: types.LogDestinationTypeCloudWatchLogs,
					LogDestination: aws.String("arn:aws:logs:eu-west-1:123456789012:log-group:/vpc/flows:*")},
			}}, nil
		},
	})})
	got := ec2Run(t, cfg, "flow-log", "eu-west-1")
	collecttest.HasEdges(t, got, "fl-s3 -logs-to-> s3/bucket:archive", "fl-cwl -logs-to-> logs/log-group:/vpc/flows")
}
