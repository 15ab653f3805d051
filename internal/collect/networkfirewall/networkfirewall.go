// Package networkfirewall collects AWS Network Firewall firewalls (with
// their logging), firewall policies and rule groups.
package networkfirewall

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	nfw "github.com/aws/aws-sdk-go-v2/service/networkfirewall"
	"github.com/aws/aws-sdk-go-v2/service/networkfirewall/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Network Firewall collector.
var Service = &collect.Service{
	Name:        "network-firewall",
	Description: "AWS Network Firewall firewalls, firewall policies and rule groups",
	Types: []collect.Type{
		{Name: "firewall", Description: "Network Firewall firewall (id = name), with where it logs", Fields: firewallFields.Declared(), Tags: collect.TagsListed, Collect: firewalls, DetailCalls: 2},
		{Name: "firewall-policy", Description: "firewall policy (id = name)", Fields: policyFields.Declared(), Tags: collect.TagsListed, Collect: policies, DetailCalls: 1},
		{Name: "rule-group", Description: "stateless or stateful rule group of the account (id = name/type)", Fields: ruleGroupFields.Declared(), Tags: collect.TagsListed, Collect: ruleGroups, DetailCalls: 1},
	},
	Calls: "firewall: ListFirewalls (paged) + per firewall DescribeFirewall, DescribeLoggingConfiguration. firewall-policy, rule-group: ListFirewallPolicies, ListRuleGroups (paged) + per item DescribeFirewallPolicy, DescribeRuleGroup",
	Relations: []collect.Relation{
		{From: "firewall", Kind: "encrypted-with", To: "kms/key"},
		{From: "firewall", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "firewall", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "firewall", Kind: "logs-to", To: "logs/log-group"},
		{From: "firewall", Kind: "logs-to", To: "s3/bucket"},
		{From: "firewall", Kind: "uses-policy", To: "network-firewall/firewall-policy"},
		{From: "firewall-policy", Kind: "encrypted-with", To: "kms/key"},
		{From: "rule-group", Kind: "encrypted-with", To: "kms/key"},
	},
}

func tags(ts []types.Tag) map[string]string {
	return collect.TagMap(ts, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

// kmsKey is the customer managed key of an encryption configuration, ""
// for AWS owned keys.
func kmsKey(e *types.EncryptionConfiguration) string {
	if e == nil || e.Type != types.EncryptionTypeCustomerKms {
		return ""
	}
	return aws.ToString(e.KeyId)
}

// firewall is a described firewall with its status and logging (nil
// logging: the read failed).
type firewall struct {
	types.Firewall
	status  *types.FirewallStatus
	logging []types.LogDestinationConfig
	logRead bool
}

func hasLogging(f firewall) bool { return f.logRead }

var firewallFields = collect.Fields[firewall]{
	collect.Text("vpc_id", "VPC of the firewall", func(f firewall) *string { return f.VpcId }),
	collect.Text("policy_arn", "firewall policy", func(f firewall) *string { return f.FirewallPolicyArn }),
	collect.Computed("status", model.Text, "PROVISIONING, READY or DELETING", func(f firewall) any {
		if f.status == nil {
			return ""
		}
		return string(f.status.Status)
	}),
	collect.Computed("subnets", model.JSON, "subnets of the firewall endpoints", func(f firewall) any {
		out := []string{}
		for _, m := range f.SubnetMappings {
			out = append(out, aws.ToString(m.SubnetId))
		}
		return out
	}),
	collect.Computed("delete_protection", model.Boolean, "the firewall cannot be deleted", func(f firewall) any { return f.DeleteProtection }),
	collect.Computed("kms_key", model.Text, "customer managed KMS key; empty for an AWS owned key", func(f firewall) any { return kmsKey(f.EncryptionConfiguration) }),
	collect.When(hasLogging, collect.Computed("log_types", model.JSON, "logs sent: ALERT, FLOW, TLS; empty list when none; absent when the logging read failed", func(f firewall) any {
		out := []string{}
		for _, d := range f.logging {
			out = append(out, string(d.LogType))
		}
		return out
	})),
	collect.When(hasLogging, collect.Computed("log_destinations", model.JSON, "where each log type goes: {type, destination_type, destination}", func(f firewall) any {
		out := []map[string]string{}
		for _, d := range f.logging {
			out = append(out, map[string]string{"type": string(d.LogType), "destination_type": string(d.LogDestinationType), "destination": destination(d)})
		}
		return out
	})),
}

// destination is the log group, bucket or delivery stream a log goes to.
func destination(d types.LogDestinationConfig) string {
	for _, k := range []string{"logGroup", "bucketName", "deliveryStream"} {
		if v := d.LogDestination[k]; v != "" {
			return v
		}
	}
	return ""
}

// firewalls: a failed DescribeFirewall or DescribeLoggingConfiguration is a
// warning; the firewall is kept with what was read.
func firewalls(ctx context.Context, t *collect.Task) error {
	api := nfw.NewFromConfig(t.Config)
	p := nfw.NewListFirewallsPaginator(api, &nfw.ListFirewallsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *nfw.ListFirewallsOutput) []types.FirewallMetadata { return page.Firewalls },
		func(ctx context.Context, m types.FirewallMetadata) {
			f := firewall{Firewall: types.Firewall{FirewallName: m.FirewallName, FirewallArn: m.FirewallArn}}
			if out, err := api.DescribeFirewall(ctx, &nfw.DescribeFirewallInput{FirewallArn: m.FirewallArn}); err != nil {
				t.Warn("DescribeFirewall", err)
			} else if out.Firewall != nil {
				f.Firewall, f.status = *out.Firewall, out.FirewallStatus
			}
			if out, err := api.DescribeLoggingConfiguration(ctx, &nfw.DescribeLoggingConfigurationInput{FirewallArn: m.FirewallArn}); err != nil {
				t.Warn("DescribeLoggingConfiguration", err)
			} else {
				f.logRead = true
				if out.LoggingConfiguration != nil {
					f.logging = out.LoggingConfiguration.LogDestinationConfigs
				}
			}
			name := aws.ToString(m.FirewallName)
			key := t.Key("firewall", name)
			t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(m.FirewallArn), Tags: tags(f.Tags), Details: firewallFields.Details(f)})
			t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(f.VpcId)))
			for _, s := range f.SubnetMappings {
				t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", aws.ToString(s.SubnetId)))
			}
			t.Relate(key, "uses-policy", t.Key("firewall-policy", collect.ARNResourceName(aws.ToString(f.FirewallPolicyArn))))
			t.Relate(key, "encrypted-with", t.KMSKey(kmsKey(f.EncryptionConfiguration)))
			for _, d := range f.logging {
				switch d.LogDestinationType {
				case types.LogDestinationTypeCloudwatchLogs:
					t.Relate(key, "logs-to", t.Ref("logs", "log-group", destination(d)))
				case types.LogDestinationTypeS3:
					t.RelateByName(key, "logs-to", "s3", "bucket", destination(d), t.Region)
				}
			}
		})
}

var policyFields = collect.Fields[*types.FirewallPolicyResponse]{
	collect.Enum("status", "ACTIVE, DELETING or ERROR", func(p *types.FirewallPolicyResponse) types.ResourceStatus { return p.FirewallPolicyStatus }),
	collect.Text("description", "description", func(p *types.FirewallPolicyResponse) *string { return p.Description }),
	collect.Int("associations", "firewalls using the policy (0: unused)", func(p *types.FirewallPolicyResponse) *int32 { return p.NumberOfAssociations }),
	collect.Int("stateless_capacity_used", "stateless rule capacity consumed", func(p *types.FirewallPolicyResponse) *int32 { return p.ConsumedStatelessRuleCapacity }),
	collect.Int("stateful_capacity_used", "stateful rule capacity consumed", func(p *types.FirewallPolicyResponse) *int32 { return p.ConsumedStatefulRuleCapacity }),
	collect.Computed("kms_key", model.Text, "customer managed KMS key; empty for an AWS owned key", func(p *types.FirewallPolicyResponse) any { return kmsKey(p.EncryptionConfiguration) }),
	collect.Timestamp("modified_at", "last change", func(p *types.FirewallPolicyResponse) *time.Time { return p.LastModifiedTime }),
}

func policies(ctx context.Context, t *collect.Task) error {
	api := nfw.NewFromConfig(t.Config)
	p := nfw.NewListFirewallPoliciesPaginator(api, &nfw.ListFirewallPoliciesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *nfw.ListFirewallPoliciesOutput) []types.FirewallPolicyMetadata {
		return page.FirewallPolicies
	},
		func(ctx context.Context, m types.FirewallPolicyMetadata) {
			name := aws.ToString(m.Name)
			key := t.Key("firewall-policy", name)
			r := &model.Resource{Key: key, Name: name, ARN: aws.ToString(m.Arn)}
			out, err := api.DescribeFirewallPolicy(ctx, &nfw.DescribeFirewallPolicyInput{FirewallPolicyArn: m.Arn})
			if err != nil || out.FirewallPolicyResponse == nil {
				t.Warn("DescribeFirewallPolicy", err)
				t.Emit(r)
				return
			}
			resp := out.FirewallPolicyResponse
			r.Tags, r.Details = tags(resp.Tags), policyFields.Details(resp)
			t.Emit(r)
			t.Relate(key, "encrypted-with", t.KMSKey(kmsKey(resp.EncryptionConfiguration)))
		})
}

var ruleGroupFields = collect.Fields[*types.RuleGroupResponse]{
	collect.Enum("rule_group_type", "STATELESS or STATEFUL", func(g *types.RuleGroupResponse) types.RuleGroupType { return g.Type }),
	collect.Enum("status", "ACTIVE, DELETING or ERROR", func(g *types.RuleGroupResponse) types.ResourceStatus { return g.RuleGroupStatus }),
	collect.Text("description", "description", func(g *types.RuleGroupResponse) *string { return g.Description }),
	collect.Int("capacity", "rule capacity reserved", func(g *types.RuleGroupResponse) *int32 { return g.Capacity }),
	collect.Int("consumed_capacity", "rule capacity used", func(g *types.RuleGroupResponse) *int32 { return g.ConsumedCapacity }),
	collect.Int("associations", "policies using the group (0: unused)", func(g *types.RuleGroupResponse) *int32 { return g.NumberOfAssociations }),
	collect.Computed("kms_key", model.Text, "customer managed KMS key; empty for an AWS owned key", func(g *types.RuleGroupResponse) any { return kmsKey(g.EncryptionConfiguration) }),
	collect.Timestamp("modified_at", "last change", func(g *types.RuleGroupResponse) *time.Time { return g.LastModifiedTime }),
}

// ruleGroups: names are unique per type, so the id is name/type; the type
// is read from the ARN (stateless-rulegroup/NAME or stateful-rulegroup/NAME).
func ruleGroups(ctx context.Context, t *collect.Task) error {
	api := nfw.NewFromConfig(t.Config)
	p := nfw.NewListRuleGroupsPaginator(api, &nfw.ListRuleGroupsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *nfw.ListRuleGroupsOutput) []types.RuleGroupMetadata { return page.RuleGroups },
		func(ctx context.Context, m types.RuleGroupMetadata) {
			name := aws.ToString(m.Name)
			kind := "STATEFUL"
			if strings.Contains(aws.ToString(m.Arn), ":stateless-rulegroup/") {
				kind = "STATELESS"
			}
			key := t.Key("rule-group", name+"/"+kind)
			r := &model.Resource{Key: key, Name: name, ARN: aws.ToString(m.Arn)}
			out, err := api.DescribeRuleGroup(ctx, &nfw.DescribeRuleGroupInput{RuleGroupArn: m.Arn})
			if err != nil || out.RuleGroupResponse == nil {
				t.Warn("DescribeRuleGroup", err)
				t.Emit(r)
				return
			}
			resp := out.RuleGroupResponse
			r.Tags, r.Details = tags(resp.Tags), ruleGroupFields.Details(resp)
			t.Emit(r)
			t.Relate(key, "encrypted-with", t.KMSKey(kmsKey(resp.EncryptionConfiguration)))
		})
}
