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
		{Name: "load-balancer", Description: "application, network or gateway load balancer", Fields: lbFields, Tags: collect.TagsPerResource, Collect: loadBalancers, DetailCalls: 2},
		{Name: "target-group", Description: "load balancer target group and its registered targets", Fields: tgFields, Tags: collect.TagsPerResource, Collect: targetGroups, DetailCalls: 1},
		{Name: "listener", Description: "listener of a load balancer (id = load balancer name/listener id)", Fields: listenerFields.Declared(), Tags: collect.TagsPerResource, Collect: listeners},
		{Name: "listener-rule", Description: "rule of a listener, the default rule included (id = load balancer name/listener id/rule id)", Fields: ruleFields.Declared(), Tags: collect.TagsPerResource, Collect: listenerRules, DetailCalls: 1},
		{Name: "trust-store", Description: "trust store of CA certificates for mutual TLS (id = name)", Fields: trustStoreFields.Declared(), Tags: collect.TagsPerResource, Collect: trustStores},
	},
	Calls: "load-balancer: DescribeLoadBalancers + DescribeTags per 20 + per LB DescribeListeners, DescribeLoadBalancerAttributes. target-group: DescribeTargetGroups + DescribeTags per 20 + per group DescribeTargetHealth. listener: DescribeLoadBalancers + per LB DescribeListeners + DescribeTags per 20. listener-rule: as listener, + per listener DescribeRules + DescribeTags per 20. trust-store: DescribeTrustStores + DescribeTags per 20",
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

var lbFields = []model.Field{
	{Name: "type", Type: "text", Description: "application, network or gateway", Values: collect.Values(types.LoadBalancerTypeEnum("").Values())},
	{Name: "scheme", Type: "text", Description: "internet-facing or internal", Values: collect.Values(types.LoadBalancerSchemeEnum("").Values())},
	{Name: "state", Type: "text", Description: "active, provisioning, failed, ..."},
	{Name: "dns_name", Type: "text", Description: "public DNS name"},
	{Name: "vpc_id", Type: "text", Description: "VPC of the load balancer"},
	{Name: "availability_zones", Type: "json", Description: "availability zones it is enabled in"},
	{Name: "subnet_ids", Type: "json", Description: "subnets it is attached to"},
	{Name: "security_group_ids", Type: "json", Description: "security groups (application and some network load balancers)"},
	{Name: "ip_address_type", Type: "text", Description: "ipv4, dualstack, ..."},
	{Name: "listeners", Type: "json", Description: "listeners: [{port, protocol, certificate_arns, default_actions}]"},
	{Name: "deletion_protection", Type: "boolean", Description: "deletion protection enabled"},
}

// listener is one entry of a load balancer's listeners field.
type listener struct {
	Port            int32    `json:"port"`
	Protocol        string   `json:"protocol"`
	CertificateARNs []string `json:"certificate_arns"`
	DefaultActions  []string `json:"default_actions"` // action types: forward, redirect, ...
}

func loadBalancers(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := elb.NewDescribeLoadBalancersPaginator(api, &elb.DescribeLoadBalancersInput{PageSize: t.PageSize(400)})
	return collect.EachPage(ctx, p, func(page *elb.DescribeLoadBalancersOutput) error {
		all := page.LoadBalancers
		arns := make([]string, 0, len(all))
		for _, lb := range all {
			arns = append(arns, aws.ToString(lb.LoadBalancerArn))
		}
		tags := tagsByARN(ctx, t, api, arns)
		collect.ForEach(ctx, all, func(ctx context.Context, lb types.LoadBalancer) {
			key := t.Key("load-balancer", aws.ToString(lb.LoadBalancerName))
			d := lbDetails(lb)
			if ls, err := describeListeners(ctx, t, api, lb.LoadBalancerArn); err != nil {
				t.Warn("DescribeListeners", err)
			} else {
				d["listeners"] = relateListeners(t, key, ls)
			}
			attrs, err := api.DescribeLoadBalancerAttributes(ctx, &elb.DescribeLoadBalancerAttributesInput{LoadBalancerArn: lb.LoadBalancerArn})
			if err != nil {
				t.Warn("DescribeLoadBalancerAttributes", err)
			} else {
				for _, a := range attrs.Attributes {
					if aws.ToString(a.Key) == "deletion_protection.enabled" {
						d["deletion_protection"] = aws.ToString(a.Value) == "true"
					}
				}
			}
			emitLoadBalancer(t, key, lb, d, tags[aws.ToString(lb.LoadBalancerArn)])
		})
		return nil
	})
}

func describeListeners(ctx context.Context, t *collect.Task, api *elb.Client, lbARN *string) ([]types.Listener, error) {
	var out []types.Listener
	p := elb.NewDescribeListenersPaginator(api, &elb.DescribeListenersInput{LoadBalancerArn: lbARN, PageSize: t.PageSize(400)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, page.Listeners...)
	}
	return out, nil
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

func lbDetails(lb types.LoadBalancer) map[string]any {
	zones, subnets := []string{}, []string{}
	for _, z := range lb.AvailabilityZones {
		zones = append(zones, aws.ToString(z.ZoneName))
		if s := aws.ToString(z.SubnetId); s != "" {
			subnets = append(subnets, s)
		}
	}
	d := map[string]any{
		"type":               string(lb.Type),
		"scheme":             string(lb.Scheme),
		"dns_name":           aws.ToString(lb.DNSName),
		"vpc_id":             aws.ToString(lb.VpcId),
		"availability_zones": zones,
		"subnet_ids":         subnets,
		"security_group_ids": append([]string{}, lb.SecurityGroups...),
		"ip_address_type":    string(lb.IpAddressType),
	}
	if lb.State != nil {
		d["state"] = string(lb.State.Code)
	}
	return d
}

func emitLoadBalancer(t *collect.Task, key model.Key, lb types.LoadBalancer, d map[string]any, tags map[string]string) {
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       aws.ToString(lb.LoadBalancerArn),
		Name:      key.ID,
		CreatedAt: model.Time(lb.CreatedTime),
		Tags:      tags,
		Details:   d,
	})
	t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(lb.VpcId)))
	for _, z := range lb.AvailabilityZones {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", aws.ToString(z.SubnetId)))
	}
	for _, sg := range lb.SecurityGroups {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
}

var tgFields = []model.Field{
	{Name: "protocol", Type: "text", Description: "HTTP, HTTPS, TCP, UDP, TLS, GENEVE, ..."},
	{Name: "port", Type: "integer", Description: "port targets receive traffic on"},
	{Name: "target_type", Type: "text", Description: "instance, ip, lambda or alb"},
	{Name: "vpc_id", Type: "text", Description: "VPC of the targets"},
	{Name: "health_check_path", Type: "text", Description: "HTTP(S) health check path"},
	{Name: "load_balancer_arns", Type: "json", Description: "load balancers routing to this group"},
	{Name: "targets", Type: "json", Description: "registered targets: [{id, port, health}]"},
	{Name: "healthy_count", Type: "integer", Description: "targets whose health is healthy"},
	{Name: "unhealthy_count", Type: "integer", Description: "targets whose health is unhealthy"},
	{Name: "target_count", Type: "integer", Description: "registered targets"},
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
		arns := make([]string, 0, len(all))
		for _, tg := range all {
			arns = append(arns, aws.ToString(tg.TargetGroupArn))
		}
		tags := tagsByARN(ctx, t, api, arns)
		collect.ForEach(ctx, all, func(ctx context.Context, tg types.TargetGroup) {
			key := t.Key("target-group", aws.ToString(tg.TargetGroupName))
			d := map[string]any{
				"protocol":           string(tg.Protocol),
				"port":               aws.ToInt32(tg.Port),
				"target_type":        string(tg.TargetType),
				"vpc_id":             aws.ToString(tg.VpcId),
				"health_check_path":  aws.ToString(tg.HealthCheckPath),
				"load_balancer_arns": append([]string{}, tg.LoadBalancerArns...),
			}
			health, err := api.DescribeTargetHealth(ctx, &elb.DescribeTargetHealthInput{TargetGroupArn: tg.TargetGroupArn})
			if err != nil {
				t.Warn("DescribeTargetHealth", err)
			} else {
				addTargets(t, key, tg.TargetType, health.TargetHealthDescriptions, d)
			}
			t.Emit(&model.Resource{
				Key:     key,
				ARN:     aws.ToString(tg.TargetGroupArn),
				Name:    key.ID,
				Tags:    tags[aws.ToString(tg.TargetGroupArn)],
				Details: d,
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

// addTargets fills the targets fields and relates the group to the targets
// that are resources (instances, Lambda functions, ALBs); IP targets are
// only listed.
func addTargets(t *collect.Task, key model.Key, typ types.TargetTypeEnum, hs []types.TargetHealthDescription, d map[string]any) {
	targets := []target{}
	healthy, unhealthy := 0, 0
	for _, h := range hs {
		var tg target
		if h.Target != nil {
			tg.ID, tg.Port = aws.ToString(h.Target.Id), aws.ToInt32(h.Target.Port)
		}
		if h.TargetHealth != nil {
			tg.Health = string(h.TargetHealth.State)
		}
		switch types.TargetHealthStateEnum(tg.Health) {
		case types.TargetHealthStateEnumHealthy:
			healthy++
		case types.TargetHealthStateEnumUnhealthy:
			unhealthy++
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
	d["targets"] = targets
	d["healthy_count"] = healthy
	d["unhealthy_count"] = unhealthy
	d["target_count"] = len(targets)
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
