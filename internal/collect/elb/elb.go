// Package elb collects Classic Load Balancers.
package elb

import (
	"context"
	"github.com/aws/aws-sdk-go-v2/aws"
	classic "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing"
	"github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing/types"
	"strings"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Classic Load Balancer collector.
var Service = &collect.Service{
	Name:        "elb",
	Description: "Classic Load Balancers",
	Types: []collect.Type{
		{Name: "load-balancer", Description: "Classic Load Balancer", Fields: lbFields.Declared(), Tags: collect.TagsPerResource, Collect: loadBalancers},
	},
	Calls: "load-balancer: DescribeLoadBalancers + DescribeTags per 20",
	Relations: []collect.Relation{
		{From: "load-balancer", Kind: "targets", To: "ec2/instance"},
		{From: "load-balancer", Kind: "in-subnet", To: "ec2/subnet"},
		{From: "load-balancer", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "load-balancer", Kind: "uses-certificate", To: "acm/certificate"},
		{From: "load-balancer", Kind: "uses-security-group", To: "ec2/security-group"},
	},
}

// tagBatch is how many names DescribeTags accepts per call.
const tagBatch = 20

var lbFields = collect.Fields[types.LoadBalancerDescription]{
	collect.Text("scheme", "internet-facing or internal", func(lb types.LoadBalancerDescription) *string { return lb.Scheme }),
	collect.Text("dns_name", "public DNS name", func(lb types.LoadBalancerDescription) *string { return lb.DNSName }),
	collect.Text("vpc_id", "VPC of the load balancer (empty for EC2-Classic)", func(lb types.LoadBalancerDescription) *string { return lb.VPCId }),
	collect.Computed("availability_zones", model.JSON, "availability zones it is enabled in", func(lb types.LoadBalancerDescription) any {
		return append([]string{}, lb.AvailabilityZones...)
	}),
	collect.Computed("subnet_ids", model.JSON, "subnets it is attached to", func(lb types.LoadBalancerDescription) any { return append([]string{}, lb.Subnets...) }),
	collect.Computed("security_group_ids", model.JSON, "security groups of the load balancer", func(lb types.LoadBalancerDescription) any {
		return append([]string{}, lb.SecurityGroups...)
	}),
	collect.Computed("instances", model.JSON, "ids of the registered instances", func(lb types.LoadBalancerDescription) any { return instanceIDs(lb) }),
	collect.Computed("instance_count", model.Integer, "number of registered instances", func(lb types.LoadBalancerDescription) any { return len(lb.Instances) }),
	collect.Computed("listeners", model.JSON, "listeners: [{protocol, port, instance_protocol, instance_port, certificate_arn}]", func(lb types.LoadBalancerDescription) any {
		return listeners(lb)
	}),
	collect.Computed("health_check_target", model.Text, "health check target, e.g. HTTP:80/health", func(lb types.LoadBalancerDescription) any {
		if lb.HealthCheck == nil {
			return nil
		}
		return aws.ToString(lb.HealthCheck.Target)
	}),
}

// listener is one entry of the listeners field.
type listener struct {
	Protocol         string `json:"protocol"`
	Port             int32  `json:"port"`
	InstanceProtocol string `json:"instance_protocol"`
	InstancePort     int32  `json:"instance_port"`
	CertificateARN   string `json:"certificate_arn,omitempty"`
}

func loadBalancers(ctx context.Context, t *collect.Task) error {
	api := classic.NewFromConfig(t.Config)
	p := classic.NewDescribeLoadBalancersPaginator(api, &classic.DescribeLoadBalancersInput{PageSize: t.PageSize(400)})
	return collect.EachPage(ctx, p, func(page *classic.DescribeLoadBalancersOutput) error {
		all := page.LoadBalancerDescriptions
		names := make([]string, 0, len(all))
		for _, lb := range all {
			names = append(names, aws.ToString(lb.LoadBalancerName))
		}
		tags := tagsByName(ctx, t, api, names)
		for _, lb := range all {
			emit(t, lb, tags[aws.ToString(lb.LoadBalancerName)])
		}
		return nil
	})
}

// tagsByName fetches the tags of the named load balancers, tagBatch names
// per DescribeTags call. A failed batch is a warning: its load balancers are
// emitted without tags.
func tagsByName(ctx context.Context, t *collect.Task, api *classic.Client, names []string) map[string]map[string]string {
	return collect.TagBatches(ctx, t, "DescribeTags", names, tagBatch, func(ctx context.Context, batch []string) (map[string]map[string]string, error) {
		res, err := api.DescribeTags(ctx, &classic.DescribeTagsInput{LoadBalancerNames: batch})
		if err != nil {
			return nil, err
		}
		out := map[string]map[string]string{}
		for _, d := range res.TagDescriptions {
			out[aws.ToString(d.LoadBalancerName)] = collect.TagMap(d.Tags, func(t types.Tag) (*string, *string) { return t.Key, t.Value })
		}
		return out, nil
	})
}

func emit(t *collect.Task, lb types.LoadBalancerDescription, tags map[string]string) {
	name := aws.ToString(lb.LoadBalancerName)
	key := t.Key("load-balancer", name)
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       collect.ARN(t, "elasticloadbalancing", "", "loadbalancer/"+name),
		Name:      name,
		CreatedAt: model.Time(lb.CreatedTime),
		Tags:      tags,
		Details:   lbFields.Details(lb),
	})
	for _, in := range instanceIDs(lb) {
		t.Relate(key, "targets", t.Ref("ec2", "instance", in))
	}
	for _, sg := range lb.SecurityGroups {
		t.Relate(key, "uses-security-group", t.Ref("ec2", "security-group", sg))
	}
	for _, s := range lb.Subnets {
		t.Relate(key, "in-subnet", t.Ref("ec2", "subnet", s))
	}
	t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(lb.VPCId)))
	for _, l := range listeners(lb) {
		// Listeners may also use IAM server certificates, which are not ACM resources.
		if strings.Contains(l.CertificateARN, ":acm:") {
			t.Relate(key, "uses-certificate", t.Ref("acm", "certificate", collect.ARNResourceName(l.CertificateARN)))
		}
	}
}

// instanceIDs are the ids of the instances registered with lb.
func instanceIDs(lb types.LoadBalancerDescription) []string {
	instances := []string{}
	for _, in := range lb.Instances {
		instances = append(instances, aws.ToString(in.InstanceId))
	}
	return instances
}

// listeners are the listeners of lb.
func listeners(lb types.LoadBalancerDescription) []listener {
	out := []listener{}
	for _, ld := range lb.ListenerDescriptions {
		if l := ld.Listener; l != nil {
			out = append(out, listener{
				Protocol: aws.ToString(l.Protocol), Port: l.LoadBalancerPort,
				InstanceProtocol: aws.ToString(l.InstanceProtocol), InstancePort: aws.ToInt32(l.InstancePort),
				CertificateARN: aws.ToString(l.SSLCertificateId),
			})
		}
	}
	return out
}
