// Package servicediscovery collects AWS Cloud Map namespaces and services.
package servicediscovery

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	sd "github.com/aws/aws-sdk-go-v2/service/servicediscovery"
	"github.com/aws/aws-sdk-go-v2/service/servicediscovery/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Cloud Map collector.
var Service = &collect.Service{
	Name:        "servicediscovery",
	Description: "AWS Cloud Map namespaces and services",
	Types: []collect.Type{
		{Name: "namespace", Description: "Cloud Map namespace: HTTP, private DNS or public DNS (id = namespace id)", Fields: namespaceFields.Declared(), Tags: collect.TagsPerResource, Collect: namespaces, DetailCalls: 1},
		{Name: "service", Description: "Cloud Map service (id = service id)", Fields: serviceFields.Declared(), Tags: collect.TagsPerResource, Collect: services, DetailCalls: 2},
	},
	Calls: "namespace: ListNamespaces (paged) + per namespace ListTagsForResource. service: ListServices (paged) + per service GetService (its namespace), ListTagsForResource",
	Relations: []collect.Relation{
		{From: "namespace", Kind: "uses-zone", To: "route53/hosted-zone"},
		{From: "service", Kind: "member-of", To: "servicediscovery/namespace"},
	},
}

// tags reads a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *sd.Client, arn *string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &sd.ListTagsForResourceInput{ResourceARN: arn})
	if err != nil {
		t.Warn("ListTagsForResource", err)
		return nil
	}
	return collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

// hostedZone is the Route 53 zone of a DNS namespace, "" for HTTP ones.
func hostedZone(n types.NamespaceSummary) string {
	if n.Properties == nil || n.Properties.DnsProperties == nil {
		return ""
	}
	return aws.ToString(n.Properties.DnsProperties.HostedZoneId)
}

var namespaceFields = collect.Fields[types.NamespaceSummary]{
	collect.Enum("namespace_type", "HTTP, DNS_PRIVATE or DNS_PUBLIC", func(n types.NamespaceSummary) types.NamespaceType { return n.Type }),
	collect.Text("description", "description", func(n types.NamespaceSummary) *string { return n.Description }),
	collect.Int("service_count", "services in the namespace", func(n types.NamespaceSummary) *int32 { return n.ServiceCount }),
	collect.Computed("hosted_zone_id", model.Text, "Route 53 hosted zone of a DNS namespace", func(n types.NamespaceSummary) any { return hostedZone(n) }),
	collect.Computed("http_name", model.Text, "name used to discover instances through the API", func(n types.NamespaceSummary) any {
		if n.Properties == nil || n.Properties.HttpProperties == nil {
			return ""
		}
		return aws.ToString(n.Properties.HttpProperties.HttpName)
	}),
	collect.Text("resource_owner", "owning account (another account when shared)", func(n types.NamespaceSummary) *string { return n.ResourceOwner }),
}

func namespaces(ctx context.Context, t *collect.Task) error {
	api := sd.NewFromConfig(t.Config)
	p := sd.NewListNamespacesPaginator(api, &sd.ListNamespacesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sd.ListNamespacesOutput) []types.NamespaceSummary { return page.Namespaces },
		func(ctx context.Context, n types.NamespaceSummary) {
			key := t.Key("namespace", aws.ToString(n.Id))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(n.Name), ARN: aws.ToString(n.Arn), CreatedAt: model.Time(n.CreateDate),
				Tags: tags(ctx, t, api, n.Arn), Details: namespaceFields.Details(n)})
			t.Relate(key, "uses-zone", t.GlobalRef("route53", "hosted-zone", hostedZone(n)))
		})
}

// service is a listed service with the namespace GetService says it is
// in (ListServices does not say it).
type service struct {
	types.ServiceSummary
	namespace string
}

var serviceFields = collect.Fields[service]{
	collect.Enum("service_type", "HTTP, DNS_HTTP or DNS", func(s service) types.ServiceType { return s.Type }),
	collect.Text("description", "description", func(s service) *string { return s.Description }),
	collect.Int("instance_count", "registered instances", func(s service) *int32 { return s.InstanceCount }),
	collect.Computed("namespace_id", model.Text, "namespace of the service", func(s service) any { return s.namespace }),
	collect.Computed("routing_policy", model.Text, "MULTIVALUE or WEIGHTED (DNS services)", func(s service) any {
		if s.DnsConfig == nil {
			return ""
		}
		return string(s.DnsConfig.RoutingPolicy)
	}),
	collect.Computed("health_check", model.Text, "Route 53 health check type (HTTP, HTTPS, TCP), custom, or empty when none", func(s service) any {
		switch {
		case s.HealthCheckConfig != nil:
			return string(s.HealthCheckConfig.Type)
		case s.HealthCheckCustomConfig != nil:
			return "custom"
		}
		return ""
	}),
}

// services: each service is read with GetService for its namespace; a
// failed read leaves the namespace unknown, as a warning.
func services(ctx context.Context, t *collect.Task) error {
	api := sd.NewFromConfig(t.Config)
	p := sd.NewListServicesPaginator(api, &sd.ListServicesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *sd.ListServicesOutput) []types.ServiceSummary { return page.Services },
		func(ctx context.Context, s types.ServiceSummary) {
			svc := service{ServiceSummary: s}
			if out, err := api.GetService(ctx, &sd.GetServiceInput{Id: s.Id}); err != nil {
				t.Warn("GetService", err)
			} else if out.Service != nil {
				svc.namespace = aws.ToString(out.Service.NamespaceId)
			}
			key := t.Key("service", aws.ToString(s.Id))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.Name), ARN: aws.ToString(s.Arn), CreatedAt: model.Time(s.CreateDate),
				Tags: tags(ctx, t, api, s.Arn), Details: serviceFields.Details(svc)})
			t.Relate(key, "member-of", t.Key("namespace", svc.namespace))
		})
}
