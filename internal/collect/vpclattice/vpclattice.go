// Package vpclattice collects Amazon VPC Lattice service networks,
// services and target groups.
package vpclattice

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/vpclattice"
	"github.com/aws/aws-sdk-go-v2/service/vpclattice/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the VPC Lattice collector.
var Service = &collect.Service{
	Name:        "vpc-lattice",
	Description: "Amazon VPC Lattice service networks, services and target groups",
	Types: []collect.Type{
		{Name: "service-network", Description: "VPC Lattice service network (id = sn-...)", Fields: networkFields.Declared(), Tags: collect.TagsPerResource, Collect: serviceNetworks, DetailCalls: 2},
		{Name: "service", Description: "VPC Lattice service (id = svc-...)", Fields: serviceFields.Declared(), Tags: collect.TagsPerResource, Collect: services, DetailCalls: 2},
		{Name: "target-group", Description: "VPC Lattice target group (id = tg-...)", Fields: targetGroupFields.Declared(), Tags: collect.TagsPerResource, Collect: targetGroups, DetailCalls: 1},
	},
	Calls: "service-network, service: ListServiceNetworks, ListServices (paged) + per resource GetServiceNetwork / GetService (auth type), ListTagsForResource. target-group: ListTargetGroups (paged) + per group ListTagsForResource",
	Relations: []collect.Relation{
		{From: "service", Kind: "uses-certificate", To: "acm/certificate"},
		{From: "target-group", Kind: "in-vpc", To: "ec2/vpc"},
		{From: "target-group", Kind: "serves", To: "vpc-lattice/service"},
	},
}

// tags reads a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *vpclattice.Client, arn *string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &vpclattice.ListTagsForResourceInput{ResourceArn: arn})
	if err != nil {
		t.Warn("ListTagsForResource", err)
		return nil
	}
	return out.Tags
}

var networkFields = collect.Fields[*vpclattice.GetServiceNetworkOutput]{
	collect.Enum("auth_type", "NONE (any client in an associated VPC) or AWS_IAM (auth policy); empty when the read failed", func(n *vpclattice.GetServiceNetworkOutput) types.AuthType { return n.AuthType }),
	collect.Int("associated_services", "services associated with the network", func(n *vpclattice.GetServiceNetworkOutput) *int64 { return n.NumberOfAssociatedServices }),
	collect.Int("associated_vpcs", "VPCs associated with the network", func(n *vpclattice.GetServiceNetworkOutput) *int64 { return n.NumberOfAssociatedVPCs }),
	collect.Timestamp("updated_at", "last update", func(n *vpclattice.GetServiceNetworkOutput) *time.Time { return n.LastUpdatedAt }),
}

func serviceNetworks(ctx context.Context, t *collect.Task) error {
	api := vpclattice.NewFromConfig(t.Config)
	p := vpclattice.NewListServiceNetworksPaginator(api, &vpclattice.ListServiceNetworksInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *vpclattice.ListServiceNetworksOutput) []types.ServiceNetworkSummary { return page.Items },
		func(ctx context.Context, s types.ServiceNetworkSummary) {
			n, err := api.GetServiceNetwork(ctx, &vpclattice.GetServiceNetworkInput{ServiceNetworkIdentifier: s.Id})
			if err != nil {
				t.Warn("GetServiceNetwork", err)
				n = &vpclattice.GetServiceNetworkOutput{NumberOfAssociatedServices: s.NumberOfAssociatedServices, NumberOfAssociatedVPCs: s.NumberOfAssociatedVPCs,
					LastUpdatedAt: s.LastUpdatedAt}
			}
			t.Emit(&model.Resource{Key: t.Key("service-network", aws.ToString(s.Id)), Name: aws.ToString(s.Name), ARN: aws.ToString(s.Arn),
				CreatedAt: model.Time(s.CreatedAt), Tags: tags(ctx, t, api, s.Arn), Details: networkFields.Details(n)})
		})
}

var serviceFields = collect.Fields[*vpclattice.GetServiceOutput]{
	collect.Enum("status", "ACTIVE, CREATE_IN_PROGRESS, DELETE_IN_PROGRESS, ...", func(s *vpclattice.GetServiceOutput) types.ServiceStatus { return s.Status }),
	collect.Enum("auth_type", "NONE or AWS_IAM; empty when the read failed", func(s *vpclattice.GetServiceOutput) types.AuthType { return s.AuthType }),
	collect.Text("custom_domain_name", "custom domain of the service", func(s *vpclattice.GetServiceOutput) *string { return s.CustomDomainName }),
	collect.Computed("dns_name", model.Text, "DNS name Lattice gives the service", func(s *vpclattice.GetServiceOutput) any {
		if s.DnsEntry == nil {
			return ""
		}
		return aws.ToString(s.DnsEntry.DomainName)
	}),
	collect.Text("certificate_arn", "ACM certificate of the custom domain", func(s *vpclattice.GetServiceOutput) *string { return s.CertificateArn }),
	collect.Timestamp("updated_at", "last update", func(s *vpclattice.GetServiceOutput) *time.Time { return s.LastUpdatedAt }),
}

func services(ctx context.Context, t *collect.Task) error {
	api := vpclattice.NewFromConfig(t.Config)
	p := vpclattice.NewListServicesPaginator(api, &vpclattice.ListServicesInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *vpclattice.ListServicesOutput) []types.ServiceSummary { return page.Items },
		func(ctx context.Context, s types.ServiceSummary) {
			svc, err := api.GetService(ctx, &vpclattice.GetServiceInput{ServiceIdentifier: s.Id})
			if err != nil {
				t.Warn("GetService", err)
				svc = &vpclattice.GetServiceOutput{Status: s.Status, CustomDomainName: s.CustomDomainName, DnsEntry: s.DnsEntry, LastUpdatedAt: s.LastUpdatedAt}
			}
			key := t.Key("service", aws.ToString(s.Id))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(s.Name), ARN: aws.ToString(s.Arn),
				CreatedAt: model.Time(s.CreatedAt), Tags: tags(ctx, t, api, s.Arn), Details: serviceFields.Details(svc)})
			t.Relate(key, "uses-certificate", t.Ref("acm", "certificate", collect.ARNResourceName(aws.ToString(svc.CertificateArn))))
		})
}

var targetGroupFields = collect.Fields[types.TargetGroupSummary]{
	collect.Enum("target_type", "IP, LAMBDA, INSTANCE or ALB", func(g types.TargetGroupSummary) types.TargetGroupType { return g.Type }),
	collect.Enum("status", "ACTIVE, CREATE_IN_PROGRESS, ...", func(g types.TargetGroupSummary) types.TargetGroupStatus { return g.Status }),
	collect.Enum("protocol", "HTTP, HTTPS or TCP", func(g types.TargetGroupSummary) types.TargetGroupProtocol { return g.Protocol }),
	collect.Int("port", "port targets listen on", func(g types.TargetGroupSummary) *int32 { return g.Port }),
	collect.Text("vpc_id", "VPC of the targets", func(g types.TargetGroupSummary) *string { return g.VpcIdentifier }),
	collect.Computed("service_arns", model.JSON, "services routing to the group", func(g types.TargetGroupSummary) any { return append([]string{}, g.ServiceArns...) }),
}

func targetGroups(ctx context.Context, t *collect.Task) error {
	api := vpclattice.NewFromConfig(t.Config)
	p := vpclattice.NewListTargetGroupsPaginator(api, &vpclattice.ListTargetGroupsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *vpclattice.ListTargetGroupsOutput) []types.TargetGroupSummary { return page.Items },
		func(ctx context.Context, g types.TargetGroupSummary) {
			key := t.Key("target-group", aws.ToString(g.Id))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(g.Name), ARN: aws.ToString(g.Arn),
				CreatedAt: model.Time(g.CreatedAt), Tags: tags(ctx, t, api, g.Arn), Details: targetGroupFields.Details(g)})
			t.Relate(key, "in-vpc", t.Ref("ec2", "vpc", aws.ToString(g.VpcIdentifier)))
			for _, arn := range g.ServiceArns {
				t.Relate(key, "serves", t.Key("service", collect.ARNResourceName(arn)))
			}
		})
}
