package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	nfw "github.com/aws/aws-sdk-go-v2/service/networkfirewall"
	"github.com/aws/aws-sdk-go-v2/service/networkfirewall/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/networkfirewall"
)

var networkfirewallPaged = collecttest.Paged{Cap: 2}

var networkfirewallArn = "arn:aws:network-firewall:eu-west-1:" + collecttest.MotoAccount + ":"

func networkfirewallRun(t *testing.T, cfg aws.Config, typ string) collecttest.Result {
	t.Helper()
	got := networkfirewallPaged.Run(t, cfg, collector.Service, typ, region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	return got
}

func TestNetworkfirewallFirewalls(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := nfw.NewFromConfig(cfg)
	n := testvpc.New(t, cfg, "10.50.0.0/16", "fw", testvpc.Subnet{CIDR: "10.50.1.0/24"})
	// Two firewalls, one page: moto 5.2.1 sends the next page's token as
	// "nextToken", which the SDK does not read.
	for i := range 2 {
		_, err := api.CreateFirewall(ctx, &nfw.CreateFirewallInput{FirewallName: aws.String(fmt.Sprint("edge", i)), FirewallPolicyArn: aws.String(networkfirewallArn + "firewall-policy/strict"),
			VpcId: aws.String(n.VPC), SubnetMappings: []types.SubnetMapping{{SubnetId: aws.String(n.Subnets[0])}}, DeleteProtection: true,
			Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("sec")}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := api.UpdateLoggingConfiguration(ctx, &nfw.UpdateLoggingConfigurationInput{FirewallName: aws.String("edge1"),
		LoggingConfiguration: &types.LoggingConfiguration{LogDestinationConfigs: []types.LogDestinationConfig{{LogType: types.LogTypeAlert,
			LogDestinationType: types.LogDestinationTypeCloudwatchLogs, LogDestination: map[string]string{"logGroup": "/fw/alerts"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	got := networkfirewallRun(t, cfg, "firewall")
	collecttest.AssertNoWarnings(t, got)
	f := got.ByID()["edge1"]
	if len(got.Resources) != 2 || f == nil {
		t.Fatalf("want 2 firewalls, got %d", len(got.Resources))
	}
	if f.Details["vpc_id"] != n.VPC || f.Details["delete_protection"] != true || fmt.Sprint(f.Details["log_types"]) != "[ALERT]" ||
		f.Tags["team"] != "sec" || f.ARN != networkfirewallArn+"firewall/edge1" {
		t.Errorf("edge1: %+v", f)
	}
	if fmt.Sprint(got.ByID()["edge0"].Details["log_types"]) != "[]" {
		t.Errorf("edge0 logs nothing: %v", got.ByID()["edge0"].Details["log_types"])
	}
	collecttest.HasEdges(t, got, "edge1 -in-vpc-> ec2/vpc:"+n.VPC, "edge1 -in-subnet-> ec2/subnet:"+n.Subnets[0],
		"edge1 -uses-policy-> network-firewall/firewall-policy:strict", "edge1 -logs-to-> logs/log-group:/fw/alerts")

	// A denied logging read keeps the firewall, its logging unknown.
	got = networkfirewallRun(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeLoggingConfiguration")}), "firewall")
	if _, known := got.ByID()["edge1"].Details["log_types"]; known || len(got.Task.Warnings()) != 2 {
		t.Errorf("want unknown logging and 2 warnings: %v %v", got.ByID()["edge1"].Details, got.Task.Warnings())
	}
}

// policiesAndGroups cans the policy and rule group APIs moto 5.2.1 lacks.
var policiesAndGroups = collecttest.Canned(map[string]func(any) (any, error){
	"ListFirewallPolicies": func(any) (any, error) {
		return &nfw.ListFirewallPoliciesOutput{FirewallPolicies: []types.FirewallPolicyMetadata{{Name: aws.String("strict"), Arn: aws.String(networkfirewallArn + "firewall-policy/strict")}}}, nil
	},
	"DescribeFirewallPolicy": func(any) (any, error) {
		return &nfw.DescribeFirewallPolicyOutput{FirewallPolicyResponse: &types.FirewallPolicyResponse{FirewallPolicyName: aws.String("strict"),
			FirewallPolicyStatus: types.ResourceStatusActive, NumberOfAssociations: aws.Int32(0), ConsumedStatefulRuleCapacity: aws.Int32(120),
			EncryptionConfiguration: &types.EncryptionConfiguration{Type: types.EncryptionTypeCustomerKms, KeyId: aws.String("arn:aws:kms:eu-west-1:" + collecttest.MotoAccount + ":key/k1")},
			Tags:                    []types.Tag{{Key: aws.String("team"), Value: aws.String("sec")}}}}, nil
	},
	"ListRuleGroups": func(any) (any, error) {
		return &nfw.ListRuleGroupsOutput{RuleGroups: []types.RuleGroupMetadata{{Name: aws.String("block"), Arn: aws.String(networkfirewallArn + "stateful-rulegroup/block")},
			{Name: aws.String("block"), Arn: aws.String(networkfirewallArn + "stateless-rulegroup/block")}}}, nil
	},
	"DescribeRuleGroup": func(in any) (any, error) {
		a := aws.ToString(in.(*nfw.DescribeRuleGroupInput).RuleGroupArn)
		kind := types.RuleGroupTypeStateful
		if a == networkfirewallArn+"stateless-rulegroup/block" {
			kind = types.RuleGroupTypeStateless
		}
		return &nfw.DescribeRuleGroupOutput{RuleGroupResponse: &types.RuleGroupResponse{RuleGroupName: aws.String("block"), RuleGroupArn: aws.String(a), Type: kind,
			Capacity: aws.Int32(100), ConsumedCapacity: aws.Int32(7), RuleGroupStatus: types.ResourceStatusActive, NumberOfAssociations: aws.Int32(1)}}, nil
	},
})

func TestNetworkfirewallPoliciesAndRuleGroups(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: policiesAndGroups})
	got := networkfirewallRun(t, cfg, "firewall-policy")
	p := got.ByID()["strict"]
	if p == nil || p.Details["associations"] != int64(0) || p.Details["stateful_capacity_used"] != int64(120) || p.Details["status"] != "ACTIVE" ||
		p.Tags["team"] != "sec" || p.ARN != networkfirewallArn+"firewall-policy/strict" {
		t.Fatalf("policy: %+v", got.Resources)
	}
	collecttest.HasEdges(t, got, "strict -encrypted-with-> kms/key:k1")

	got = networkfirewallRun(t, cfg, "rule-group")
	if len(got.Resources) != 2 {
		t.Fatalf("want the stateful and the stateless group, got %d", len(got.Resources))
	}
	g := got.ByID()["block/STATELESS"]
	if g == nil || g.Details["rule_group_type"] != "STATELESS" || g.Details["capacity"] != int64(100) || g.Details["consumed_capacity"] != int64(7) {
		t.Errorf("rule group: %+v", g)
	}
}

func TestNetworkfirewallDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"firewall": "ListFirewalls", "firewall-policy": "ListFirewallPolicies", "rule-group": "ListRuleGroups"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny(op), policiesAndGroups)})
		collecttest.AssertDenied(t, networkfirewallPaged.Run(t, cfg, collector.Service, typ, region))
	}
	got := networkfirewallPaged.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny("DescribeRuleGroup"), policiesAndGroups)}),
		collector.Service, "rule-group", region)
	if got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 2 {
		t.Errorf("want the groups kept with warnings: %v %d %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}
