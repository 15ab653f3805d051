package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

func TestEc2ElasticIPs(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	instance := launch(t, api)
	used, err := api.AllocateAddress(ctx, &ec2.AllocateAddressInput{Domain: types.DomainTypeVpc,
		TagSpecifications: tagSpec(types.ResourceTypeElasticIp, ec2Tag("Name", "web-ip"))})
	check(t, err)
	idle, err := api.AllocateAddress(ctx, &ec2.AllocateAddressInput{Domain: types.DomainTypeVpc})
	check(t, err)
	assoc, err := api.AssociateAddress(ctx, &ec2.AssociateAddressInput{AllocationId: used.AllocationId, InstanceId: aws.String(instance)})
	check(t, err)

	got := ec2Run(t, cfg, "elastic-ip", "eu-west-1")
	if len(got.Resources) != 2 {
		t.Errorf("want 2 addresses, got %d", len(got.Resources))
	}
	id := aws.ToString(used.AllocationId)
	e := got.ByID()[id]
	ec2WantDetails(t, e, map[string]any{
		"public_ip": aws.ToString(used.PublicIp), "domain": "vpc", "instance_id": instance,
		"association_id": aws.ToString(assoc.AssociationId),
	})
	if e.Name != "web-ip" || e.ARN != "arn:aws:ec2:eu-west-1:"+collecttest.MotoAccount+":elastic-ip/"+id {
		t.Errorf("identity fields wrong: %q %q", e.Name, e.ARN)
	}
	ec2WantDetails(t, got.ByID()[aws.ToString(idle.AllocationId)], map[string]any{"instance_id": "", "association_id": ""})
	eni := e.Details["network_interface_id"].(string)
	collecttest.HasEdges(t, got, id+" -associated-with-> ec2/instance:"+instance, id+" -associated-with-> ec2/network-interface:"+eni)
	if eni == "" {
		t.Error("associated address has no network interface")
	}
}

func TestEc2SecurityGroups(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	vpc, err := api.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.2.0.0/16")})
	check(t, err)
	vpcID := aws.ToString(vpc.Vpc.VpcId)
	newGroup := func(name string) string {
		g, err := api.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: aws.String(name), Description: aws.String(name + " tier"),
			VpcId: vpc.Vpc.VpcId, TagSpecifications: tagSpec(types.ResourceTypeSecurityGroup, ec2Tag("Tier", name))})
		check(t, err)
		return aws.ToString(g.GroupId)
	}
	lb, app := newGroup("lb"), newGroup("app")
	_, err = api.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: aws.String(lb), IpPermissions: []types.IpPermission{
		{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(443), ToPort: aws.Int32(443),
			IpRanges: []types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}}, Ipv6Ranges: []types.Ipv6Range{{CidrIpv6: aws.String("::/0")}}},
		{IpProtocol: aws.String("-1"), IpRanges: []types.IpRange{{CidrIp: aws.String("10.0.0.0/8")}}},
	}})
	check(t, err)
	_, err = api.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: aws.String(app), IpPermissions: []types.IpPermission{
		{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(8080), ToPort: aws.Int32(8081), UserIdGroupPairs: []types.UserIdGroupPair{{GroupId: aws.String(lb)}}},
	}})
	check(t, err)

	got := ec2Run(t, cfg, "security-group", "eu-west-1")
	byID := got.ByID()
	if len(byID) != 4 {
		t.Errorf("want 4 groups (default of the default VPC and the new VPC, lb, app), got %d", len(byID))
	}
	g := byID[lb]
	ec2WantDetails(t, g, map[string]any{
		"group_name": "lb", "description": "lb tier", "vpc_id": vpcID, "open_to_world": true,
		"open_ports_to_world": []string{"tcp:443-443"},
		"ingress_rules": []map[string]any{
			{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidrs": []string{"0.0.0.0/0"}, "ipv6_cidrs": []string{"::/0"}, "prefix_list_ids": []string{}, "referenced_group_ids": []string{}},
			{"protocol": "all", "from_port": nil, "to_port": nil, "cidrs": []string{"10.0.0.0/8"}, "ipv6_cidrs": []string{}, "prefix_list_ids": []string{}, "referenced_group_ids": []string{}},
		},
		"egress_rules": []map[string]any{
			{"protocol": "all", "from_port": nil, "to_port": nil, "cidrs": []string{"0.0.0.0/0"}, "ipv6_cidrs": []string{}, "prefix_list_ids": []string{}, "referenced_group_ids": []string{}},
		},
	})
	if g.Name != "lb" || g.IsDefault || g.Tags["Tier"] != "lb" || g.ARN != "arn:aws:ec2:eu-west-1:"+collecttest.MotoAccount+":security-group/"+lb {
		t.Errorf("identity fields wrong: %q %v %v %q", g.Name, g.IsDefault, g.Tags, g.ARN)
	}
	ec2WantDetails(t, byID[app], map[string]any{"open_to_world": false, "open_ports_to_world": []string{}})
	defaults := 0
	for _, r := range got.Resources {
		if r.IsDefault != (r.Name == "default") {
			t.Errorf("%s (%s) is_default = %v", r.ID, r.Name, r.IsDefault)
		}
		if r.IsDefault {
			defaults++
		}
	}
	if defaults != 2 {
		t.Errorf("want 2 default groups, got %d", defaults)
	}
	collecttest.HasEdges(t, got, app+" -references-security-group-> ec2/security-group:"+lb, lb+" -in-vpc-> ec2/vpc:"+vpcID)
}

// moto ignores MaxResults for security groups, so pages are served canned.
func TestEc2SecurityGroupsPaged(t *testing.T) {
	collecttest.Setup(t)
	var all []types.SecurityGroup
	for i := range 7 {
		all = append(all, types.SecurityGroup{GroupId: aws.String(fmt.Sprintf("sg-%02d", i)), GroupName: aws.String(fmt.Sprintf("g%d", i)),
			IpPermissions: []types.IpPermission{{IpProtocol: aws.String("udp"), FromPort: aws.Int32(53), ToPort: aws.Int32(53),
				IpRanges: []types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}}}}})
	}
	calls := 0
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeSecurityGroups": func(in any) (any, error) {
			calls++
			req := in.(*ec2.DescribeSecurityGroupsInput)
			page, next := pageOf(t, all, req.NextToken, req.MaxResults)
			return &ec2.DescribeSecurityGroupsOutput{SecurityGroups: page, NextToken: next}, nil
		},
	})})
	got := ec2Run(t, cfg, "security-group", "eu-west-1")
	if len(got.ByID()) != 7 || calls != 2 {
		t.Errorf("want 7 groups over 2 pages, got %d over %d", len(got.ByID()), calls)
	}
	ec2WantDetails(t, got.ByID()["sg-06"], map[string]any{"open_ports_to_world": []string{"udp:53-53"}})
}

func TestEc2NetworkInterfaces(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	vpc, err := api.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.3.0.0/16")})
	check(t, err)
	subnet, err := api.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: vpc.Vpc.VpcId, CidrBlock: aws.String("10.3.1.0/24"), AvailabilityZone: aws.String("eu-west-1a")})
	check(t, err)
	sg, err := api.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: aws.String("eni"), Description: aws.String("eni"), VpcId: vpc.Vpc.VpcId})
	check(t, err)
	eni, err := api.CreateNetworkInterface(ctx, &ec2.CreateNetworkInterfaceInput{SubnetId: subnet.Subnet.SubnetId,
		Description: aws.String("extra nic"), Groups: []string{aws.ToString(sg.GroupId)}, PrivateIpAddress: aws.String("10.3.1.10"),
		TagSpecifications: tagSpec(types.ResourceTypeNetworkInterface, ec2Tag("Name", "extra"))})
	check(t, err)
	id := aws.ToString(eni.NetworkInterface.NetworkInterfaceId)
	instance := launch(t, api)
	_, err = api.AttachNetworkInterface(ctx, &ec2.AttachNetworkInterfaceInput{NetworkInterfaceId: aws.String(id), InstanceId: aws.String(instance), DeviceIndex: aws.Int32(1)})
	check(t, err)

	got := ec2Run(t, cfg, "network-interface", "eu-west-1")
	n := got.ByID()[id]
	ec2WantDetails(t, n, map[string]any{
		"status": "in-use", "subnet_id": aws.ToString(subnet.Subnet.SubnetId), "vpc_id": aws.ToString(vpc.Vpc.VpcId),
		"private_ip": "10.3.1.10", "attached_instance_id": instance, "description": "extra nic", "requester_managed": false,
		"security_group_ids": []string{aws.ToString(sg.GroupId)},
	})
	if n.Name != "extra" || n.ARN != "arn:aws:ec2:eu-west-1:"+collecttest.MotoAccount+":network-interface/"+id {
		t.Errorf("identity fields wrong: %q %q", n.Name, n.ARN)
	}
	collecttest.HasEdges(t, got,
		id+" -in-subnet-> ec2/subnet:"+aws.ToString(subnet.Subnet.SubnetId),
		id+" -uses-security-group-> ec2/security-group:"+aws.ToString(sg.GroupId),
		id+" -attached-to-> ec2/instance:"+instance)
}

func TestEc2KeyPairs(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, "eu-west-1", nil)
	kp, err := ec2.NewFromConfig(cfg).CreateKeyPair(context.Background(), &ec2.CreateKeyPairInput{KeyName: aws.String("deploy"),
		KeyType: types.KeyTypeEd25519, TagSpecifications: tagSpec(types.ResourceTypeKeyPair, ec2Tag("Team", "ops"))})
	check(t, err)
	got := ec2Run(t, cfg, "key-pair", "eu-west-1")
	k := got.ByID()["deploy"]
	ec2WantDetails(t, k, map[string]any{"key_pair_id": aws.ToString(kp.KeyPairId), "fingerprint": aws.ToString(kp.KeyFingerprint), "key_type": "ed25519"})
	if len(got.Resources) != 1 || k.Name != "deploy" || k.Tags["Team"] != "ops" || k.CreatedAt == "" ||
		k.ARN != "arn:aws:ec2:eu-west-1:"+collecttest.MotoAccount+":key-pair/deploy" {
		t.Errorf("identity fields wrong: %q %v %q %q", k.Name, k.Tags, k.CreatedAt, k.ARN)
	}
}

func TestEc2LaunchTemplates(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := ec2.NewFromConfig(cfg)
	// moto cuts DescribeLaunchTemplates at MaxResults without a NextToken,
	// so stay within one page.
	var ids []string
	for i := range 3 {
		lt, err := api.CreateLaunchTemplate(ctx, &ec2.CreateLaunchTemplateInput{LaunchTemplateName: aws.String(fmt.Sprintf("web-%d", i)),
			LaunchTemplateData: &types.RequestLaunchTemplateData{InstanceType: types.InstanceTypeT3Micro},
			TagSpecifications:  tagSpec(types.ResourceTypeLaunchTemplate, ec2Tag("App", "web"))})
		check(t, err)
		ids = append(ids, aws.ToString(lt.LaunchTemplate.LaunchTemplateId))
	}
	_, err := api.CreateLaunchTemplateVersion(ctx, &ec2.CreateLaunchTemplateVersionInput{LaunchTemplateId: aws.String(ids[0]),
		LaunchTemplateData: &types.RequestLaunchTemplateData{InstanceType: types.InstanceTypeT3Small}})
	check(t, err)

	got := ec2Run(t, cfg, "launch-template", "eu-west-1")
	if len(got.ByID()) != 3 {
		t.Errorf("want 3 launch templates, got %d", len(got.ByID()))
	}
	lt := got.ByID()[ids[0]]
	ec2WantDetails(t, lt, map[string]any{"name": "web-0", "default_version": 1, "latest_version": 2})
	if lt.Name != "web-0" || lt.Tags["App"] != "web" || lt.CreatedAt == "" ||
		lt.ARN != "arn:aws:ec2:eu-west-1:"+collecttest.MotoAccount+":launch-template/"+ids[0] {
		t.Errorf("identity fields wrong: %q %v %q %q", lt.Name, lt.Tags, lt.CreatedAt, lt.ARN)
	}
}
