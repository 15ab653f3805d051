// Package elbv2 collects Elastic Load Balancing v2 load balancers
// (application, network, gateway), their listeners and rules, target
// groups and trust stores.
package elbv2

import (
	"context"
	"github.com/aws/aws-sdk-go-v2/aws"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	"strings"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the ELBv2 collector.
var Service = &collect.Service{
	Name:        "elbv2",
	Description: "Application, network and gateway load balancers and their target groups",
	Types: []collect.Type{
		{Name: "load-balancer", Description: "application, network or gateway load balancer", Fields: lbFields.Declared(), Tags: collect.TagsPerResource, Collect: loadBalancers, DetailCalls: 2},
		{Name: "target-group", Description: "load balancer target group and its registered targets", Fields: tgFields.Declared(), Tags: collect.TagsPerResource, Collect: targetGroups, DetailCalls: 1},
		{Name: "listener", Description: "listener of a load balancer (id = load balancer name/listener id)", Fields: listenerFields.Declared(), Tags: collect.TagsPerResource, Collect: listeners},
		{Name: "listener-rule", Description: "rule of a listener, the default rule included (id = load balancer name/listener id/rule id)", Fields: ruleFields.Declared(), Tags: collect.TagsPerResource, Collect: listenerRules, DetailCalls: 1},
		{Name: "trust-store", Description: "trust store of CA certificates for mutual TLS (id = name)", Fields: trustStoreFields.Declared(), Tags: collect.TagsPerResource, Collect: trustStores},
	},
	Calls: "DescribeLoadBalancers and per LB DescribeListeners once for the load-balancer, listener and listener-rule types; load-balancer: DescribeTags per 20 + per LB DescribeLoadBalancerAttributes. target-group: DescribeTargetGroups + DescribeTags per 20 + per group DescribeTargetHealth. listener: DescribeTags per 20. listener-rule: per listener DescribeRules + DescribeTags per 20. trust-store: DescribeTrustStores + DescribeTags per 20",
	Relations: []collect.Relation{
		{From: "load-balancer", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "load-balancer", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "load-balancer", Kind: "routes-to", To: "elbv2/target-group"},
		{From: "load-balancer", Kind: "uses-certificate", To: "acm/certificate"},
		{From: "load-balancer", Kind: "uses-security-group", To: "ec2/security-group"},
		{From: "listener", Kind: "in", To: "elbv2/load-balancer"},
		{From: "listener", Kind: "routes-to", To: "elbv2/target-group"},
		{From: "listener", Kind: "uses-certificate", To: "acm/certificate"},
		{From: "listener", Kind: "uses-trust-store", To: "elbv2/trust-store"},
		{From: "listener-rule", Kind: "in", To: "elbv2/listener"},
		{From: "listener-rule", Kind: "routes-to", To: "elbv2/target-group"},
		{From: "target-group", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "target-group", Kind: "targets", To: "ec2/instance"},
		{From: "target-group", Kind: "targets", To: "elbv2/load-balancer"},
		{From: "target-group", Kind: "targets", To: "lambda/function"},
	},
}

// tagBatch is how many ARNs DescribeTags accepts per call.
const tagBatch = 20

func client(t *collect.Task) *elb.Client { return elb.NewFromConfig(t.Config) }

// nameFromARN is the name inside an ELBv2 ARN, whose resource part is
// loadbalancer/app/NAME/ID or targetgroup/NAME/ID.
func nameFromARN(arn string) string {
	parts := strings.Split(arn, "/")
	if len(parts) < 3 {
		return ""
	}
	return parts[len(parts)-2]
}

// loadBalancer is a described load balancer with its listeners (nil when
// DescribeListeners failed) and its deletion protection attribute (nil
// when DescribeLoadBalancerAttributes failed or did not report it).
type loadBalancer struct {
	types.LoadBalancer
	listeners          []listener
	deletionProtection *bool
}

func hasState(lb loadBalancer) bool     { return lb.State != nil }
func hasListeners(lb loadBalancer) bool { return lb.listeners != nil }

var lbFields = collect.Fields[loadBalancer]{
	collect.Enum("type", "application, network or gateway", func(lb loadBalancer) types.LoadBalancerTypeEnum { return lb.Type }),
	collect.Enum("scheme", "internet-facing or internal", func(lb loadBalancer) types.LoadBalancerSchemeEnum { return lb.Scheme }),
	collect.When(hasState, collect.Enum("state", "active, provisioning, failed, ...", func(lb loadBalancer) types.LoadBalancerStateEnum { return lb.State.Code })),
	collect.Text("dns_name", "public DNS name", func(lb loadBalancer) *string { return lb.DNSName }),
	collect.Text("vpc_id", "VPC of the load balancer", func(lb loadBalancer) *string { return lb.VpcId }),
	collect.Computed("availability_zones", model.JSON, "availability zones it is enabled in", func(lb loadBalancer) any {
		zones := []string{}
		for _, z := range lb.AvailabilityZones {
			zones = append(zones, aws.ToString(z.ZoneName))
		}
		return zones
	}),
	collect.Computed("subnet_ids", model.JSON, "subnets it is attached to", func(lb loadBalancer) any {
		subnets := []string{}
		for _, z := range lb.AvailabilityZones {
			if s := aws.ToString(z.SubnetId); s != "" {
				subnets = append(subnets, s)
			}
		}
		return subnets
	}),
	collect.Computed("security_group_ids", model.JSON, "security groups (application and some network load balancers)", func(lb loadBalancer) any {
		return append([]string{}, lb.SecurityGroups...)
	}),
	collect.Enum("ip_address_type", "ipv4, dualstack, ...", func(lb loadBalancer) types.IpAddressType { return lb.IpAddressType }),
	collect.When(hasListeners, collect.Computed("listeners", model.JSON, "listeners: [{port, protocol, certificate_arns, default_actions}]", func(lb loadBalancer) any {
		return lb.listeners
	})),
	collect.Computed("deletion_protection", model.Boolean, "deletion protection enabled", func(lb loadBalancer) any {
		if lb.deletionProtection == nil {
			return nil
		}
		return *lb.deletionProtection
	}),
}

// listener is one entry of a load balancer's listeners field.
type listener struct {
	Port            int32    `json:"port"`
	Protocol        string   `json:"protocol"`
	CertificateARNs []string `json:"certificate_arns"`
	DefaultActions  []string `json:"default_actions"` // action types: forward, redirect, ...
}

// listedLoadBalancers are the region's load balancers, listed once for the
// load-balancer, listener and listener-rule types.
func listedLoadBalancers(ctx context.Context, t *collect.Task, api *elb.Client) ([]types.LoadBalancer, error) {
	p := elb.NewDescribeLoadBalancersPaginator(api, &elb.DescribeLoadBalancersInput{PageSize: t.PageSize(400)})
	return collect.ReuseItems(ctx, t, "DescribeLoadBalancers", p, func(page *elb.DescribeLoadBalancersOutput) []types.LoadBalancer {
		return page.LoadBalancers
	})
}

// loadBalancers describes the listed load balancers; a failed listing fails
// the collection after those of the pages it did read are emitted.
func loadBalancers(ctx context.Context, t *collect.Task) error {
	api := client(t)
	all, err := listedLoadBalancers(ctx, t, api)
	tags := tagsByARN(ctx, t, api, collect.IDs(all, func(lb types.LoadBalancer) *string { return lb.LoadBalancerArn }))
	collect.ForEach(ctx, all, func(ctx context.Context, raw types.LoadBalancer) {
		key := t.Key("load-balancer", aws.ToString(raw.LoadBalancerName))
		lb := loadBalancer{LoadBalancer: raw}
		if ls, err := describeListeners(ctx, t, api, lb.LoadBalancerArn); err != nil {
			t.Warn("DescribeListeners", err)
		} else {
			lb.listeners = relateListeners(t, key, ls)
		}
		attrs, err := api.DescribeLoadBalancerAttributes(ctx, &elb.DescribeLoadBalancerAttributesInput{LoadBalancerArn: lb.LoadBalancerArn})
		if err != nil {
			t.Warn("DescribeLoadBalancerAttributes", err)
		} else {
			lb.deletionProtection = deletionProtection(attrs.Attributes)
		}
		emitLoadBalancer(t, key, lb, tags[aws.ToString(lb.LoadBalancerArn)])
	})
	return err
}

// describeListeners are the listeners of the load balancer lbARN, listed
// once for the load-balancer, listener and listener-rule types.
func describeListeners(ctx context.Context, t *collect.Task, api *elb.Client, lbARN *string) ([]types.Listener, error) {
	p := elb.NewDescribeListenersPaginator(api, &elb.DescribeListenersInput{LoadBalancerArn: lbARN, PageSize: t.PageSize(400)})
	return collect.ReuseItems(ctx, t, "DescribeListeners/"+aws.ToString(lbARN), p, func(page *elb.DescribeListenersOutput) []types.Listener {
		return page.Listeners
	})
}

// relateListeners summarises the listeners and relates the load balancer to
// the target groups its default actions forward to and to its ACM certificates.
func relateListeners(t *collect.Task, key model.Key, ls []types.Listener) []listener {
	out := []listener{}
	for _, l := range ls {
		sum := listener{Port: aws.ToInt32(l.Port), Protocol: string(l.Protocol), CertificateARNs: certificateARNs(l.Certificates)}
		relateCertificates(t, key, l.Certificates)
		sum.DefaultActions = actionTypes(l.DefaultActions)
		relateActions(t, key, l.DefaultActions)
		out = append(out, sum)
	}
	return out
}

// deletionProtection is the deletion_protection.enabled attribute, nil
// when not among attrs.
func deletionProtection(attrs []types.LoadBalancerAttribute) *bool {
	var on *bool
	for _, a := range attrs {
		if aws.ToString(a.Key) == "deletion_protection.enabled" {
			on = aws.Bool(aws.ToString(a.Value) == "true")
		}
	}
	return on
}

func emitLoadBalancer(t *collect.Task, key model.Key, lb loadBalancer, tags map[string]string) {
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(lb.LoadBalancerArn),
		Name:      key.ID,
		CreatedAt: model.Time(lb.CreatedTime),
		Tags:      tags,
		Details:   lbFields.Details(lb),
	})
	t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(lb.VpcId)))
	for _, z := range lb.AvailabilityZones {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", aws.ToString(z.SubnetId)))
	}
	for _, sg := range lb.SecurityGroups {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
}

// targetGroup is a described target group with its registered targets,
// nil when DescribeTargetHealth failed.
type targetGroup struct {
	types.TargetGroup
	targets []target
}

func hasTargets(tg targetGroup) bool { return tg.targets != nil }

// countHealth is a getter counting the targets whose health is state.
func countHealth(state types.TargetHealthStateEnum) func(targetGroup) any {
	return func(tg targetGroup) any {
		n := 0
		for _, tt := range tg.targets {
			if types.TargetHealthStateEnum(tt.Health) == state {
				n++
			}
		}
		return n
	}
}

var tgFields = collect.Fields[targetGroup]{
	collect.Enum("protocol", "HTTP, HTTPS, TCP, UDP, TLS, GENEVE, ...", func(tg targetGroup) types.ProtocolEnum { return tg.Protocol }),
	collect.Computed("port", model.Integer, "port targets receive traffic on", func(tg targetGroup) any { return aws.ToInt32(tg.Port) }),
	collect.Enum("target_type", "instance, ip, lambda or alb", func(tg targetGroup) types.TargetTypeEnum { return tg.TargetType }),
	collect.Text("vpc_id", "VPC of the targets", func(tg targetGroup) *string { return tg.VpcId }),
	collect.Text("health_check_path", "HTTP(S) health check path", func(tg targetGroup) *string { return tg.HealthCheckPath }),
	collect.Computed("load_balancer_arns", model.JSON, "load balancers routing to this group", func(tg targetGroup) any {
		return append([]string{}, tg.LoadBalancerArns...)
	}),
	collect.When(hasTargets, collect.Computed("targets", model.JSON, "registered targets: [{id, port, health}]", func(tg targetGroup) any { return tg.targets })),
	collect.When(hasTargets, collect.Computed("healthy_count", model.Integer, "targets whose health is healthy", countHealth(types.TargetHealthStateEnumHealthy))),
	collect.When(hasTargets, collect.Computed("unhealthy_count", model.Integer, "targets whose health is unhealthy", countHealth(types.TargetHealthStateEnumUnhealthy))),
	collect.When(hasTargets, collect.Computed("target_count", model.Integer, "registered targets", func(tg targetGroup) any { return len(tg.targets) })),
}

// target is one entry of a target group's targets field.
type target struct {
	ID     string `json:"id"`
	Port   int32  `json:"port"`
	Health string `json:"health"`
}

func targetGroups(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := elb.NewDescribeTargetGroupsPaginator(api, &elb.DescribeTargetGroupsInput{PageSize: t.PageSize(400)})
	return collect.EachPage(ctx, p, func(page *elb.DescribeTargetGroupsOutput) error {
		all := page.TargetGroups
		tags := tagsByARN(ctx, t, api, collect.IDs(all, func(tg types.TargetGroup) *string { return tg.TargetGroupArn }))
		collect.ForEach(ctx, all, func(ctx context.Context, raw types.TargetGroup) {
			key := t.Key("target-group", aws.ToString(raw.TargetGroupName))
			tg := targetGroup{TargetGroup: raw}
			health, err := api.DescribeTargetHealth(ctx, &elb.DescribeTargetHealthInput{TargetGroupArn: tg.TargetGroupArn})
			if err != nil {
				t.Warn("DescribeTargetHealth", err)
			} else {
				tg.targets = relateTargets(t, key, tg.TargetType, health.TargetHealthDescriptions)
			}
			t.Emit(&model.Resource{
				Key:     key,
				ARN:     aws.ToString(tg.TargetGroupArn),
				Name:    key.ID,
				Tags:    tags[aws.ToString(tg.TargetGroupArn)],
				Details: tgFields.Details(tg),
			})
			t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(tg.VpcId)))
			// Also covers load balancers that reach the group through listener
			// rules rather than default actions.
			for _, lb := range tg.LoadBalancerArns {
				t.Relate(t.Key("load-balancer", nameFromARN(lb)), "routes-to", key)
			}
		})
		return nil
	})
}

// relateTargets lists the registered targets and relates the group to
// those that are resources (instances, Lambda functions, ALBs); IP targets
// are only listed.
func relateTargets(t *collect.Task, key model.Key, typ types.TargetTypeEnum, hs []types.TargetHealthDescription) []target {
	targets := []target{}
	for _, h := range hs {
		var tg target
		if h.Target != nil {
			tg.ID, tg.Port = aws.ToString(h.Target.Id), aws.ToInt32(h.Target.Port)
		}
		if h.TargetHealth != nil {
			tg.Health = string(h.TargetHealth.State)
		}
		targets = append(targets, tg)
		switch typ {
		case types.TargetTypeEnumInstance:
			t.Relate(key, "targets", t.Ref("ec2", "instance", tg.ID))
		case types.TargetTypeEnumLambda:
			t.Relate(key, "targets", t.Ref("lambda", "function", collect.FunctionName(tg.ID)))
		case types.TargetTypeEnumAlb:
			t.Relate(key, "targets", t.Key("load-balancer", nameFromARN(tg.ID)))
		}
	}
	return targets
}

// tagsByARN fetches the tags of arns, tagBatch ARNs per DescribeTags call.
// A failed batch is a warning: its resources are emitted without tags.
func tagsByARN(ctx context.Context, t *collect.Task, api *elb.Client, arns []string) map[string]map[string]string {
	return collect.TagBatches(ctx, t, "DescribeTags", arns, tagBatch, func(ctx context.Context, batch []string) (map[string]map[string]string, error) {
		res, err := api.DescribeTags(ctx, &elb.DescribeTagsInput{ResourceArns: batch})
		if err != nil {
			return nil, err
		}
		out := map[string]map[string]string{}
		for _, d := range res.TagDescriptions {
			out[aws.ToString(d.ResourceArn)] = collect.TagMap(d.Tags, func(t types.Tag) (*string, *string) { return t.Key, t.Value })
		}
		return out, nil
	})
}
