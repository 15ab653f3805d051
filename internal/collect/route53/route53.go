// Package route53 collects Route 53 hosted zones, health checks, query
// logging configurations, traffic policies and CIDR collections.
package route53

import (
	"context"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Route 53 collector.
var Service = &collect.Service{
	Name:        "route53",
	Description: "Route 53 DNS hosted zones, health checks, query logging, traffic policies and CIDR collections",
	Scope:       collect.Global,
	Types: []collect.Type{
		{Name: "hosted-zone", Description: "public or private hosted zone (id = zone id, e.g. Z123..., without /hostedzone/)", Fields: hostedZoneFields.Declared(), Tags: collect.TagsPerResource, Collect: hostedZones},
		{Name: "health-check", Description: "health check of an endpoint, other checks or an alarm (name = Name tag, else what it checks)", Fields: healthCheckFields.Declared(), Tags: collect.TagsPerResource, Collect: healthChecks},
		{Name: "query-logging-config", Description: "DNS query logging of a public hosted zone to CloudWatch Logs (name = zone id)", Fields: queryLoggingFields.Declared(), Tags: collect.NotTaggable, Collect: queryLoggingConfigs},
		{Name: "traffic-policy", Description: "traffic policy (latest version summarised)", Fields: trafficPolicyFields.Declared(), Tags: collect.NotTaggable, Collect: trafficPolicies},
		{Name: "cidr-collection", Description: "CIDR collection for IP-based routing", Fields: cidrCollectionFields.Declared(), Tags: collect.NotTaggable, Collect: cidrCollections},
	},
	Calls: "hosted-zone: ListHostedZones + ListTagsForResources per 10 + GetHostedZone per private zone. health-check: ListHealthChecks + ListTagsForResources per 10. query-logging-config, traffic-policy, cidr-collection: 1 paged list call",
	Relations: []collect.Relation{
		{From: "hosted-zone", Kind: "associated-with", To: "ec2/vpc"},
		{From: "health-check", Kind: "combines", To: "route53/health-check"},
		{From: "health-check", Kind: "follows", To: "cloudwatch/alarm"},
		{From: "query-logging-config", Kind: "logs", To: "route53/hosted-zone"},
		{From: "query-logging-config", Kind: "logs-to", To: "logs/log-group"},
	},
}

// tagBatch is the most ids ListTagsForResources accepts.
const tagBatch = 10

// hostedZone is a listed zone with, for a private zone, the VPCs
// GetHostedZone associates it with (nil when not read).
type hostedZone struct {
	types.HostedZone
	vpcs []zoneVPC
}

func hasConfig(z *hostedZone) bool        { return z.Config != nil }
func hasVPCs(z *hostedZone) bool          { return z.vpcs != nil }
func hasLinkedService(z *hostedZone) bool { return z.LinkedService != nil }

var hostedZoneFields = collect.Fields[*hostedZone]{
	collect.When(hasConfig, collect.Computed("private_zone", model.Boolean, "private zone, resolvable only from associated VPCs", func(z *hostedZone) any {
		return z.Config.PrivateZone
	})),
	collect.Int("record_count", "number of record sets", func(z *hostedZone) *int64 { return z.ResourceRecordSetCount }),
	collect.When(hasConfig, collect.Text("comment", "zone comment", func(z *hostedZone) *string { return z.Config.Comment })),
	collect.When(hasVPCs, collect.Computed("vpcs", model.JSON, "private zones: associated VPCs (vpc_id, region)", func(z *hostedZone) any { return z.vpcs })),
	collect.When(hasLinkedService, collect.Text("linked_service", "service principal managing the zone (e.g. Cloud Map), if any", func(z *hostedZone) *string {
		return z.LinkedService.ServicePrincipal
	})),
}

// zoneVPC is one VPC a private zone is associated with.
type zoneVPC struct {
	VPCID  string `json:"vpc_id"`
	Region string `json:"region"`
}

func hostedZones(ctx context.Context, t *collect.Task) error {
	api := route53.NewFromConfig(t.Config)
	p := route53.NewListHostedZonesPaginator(api, &route53.ListHostedZonesInput{MaxItems: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *route53.ListHostedZonesOutput) error {
		rs := make(map[string]*model.Resource, len(page.HostedZones))
		zones := make(map[string]*hostedZone, len(page.HostedZones))
		var ids, private []string
		for _, z := range page.HostedZones {
			r := zoneResource(t, z)
			rs[r.ID] = r
			zones[r.ID] = &hostedZone{HostedZone: z}
			ids = append(ids, r.ID)
			if z.Config != nil && z.Config.PrivateZone {
				private = append(private, r.ID)
			}
		}
		addTags(ctx, t, api, types.TagResourceTypeHostedzone, rs, ids)
		addVPCs(ctx, t, api, rs, zones, private)
		for _, id := range ids {
			rs[id].Details = hostedZoneFields.Details(zones[id])
			t.Emit(rs[id])
		}
		return nil
	})
}

// zoneResource is the resource of z, its details read once its VPCs are.
func zoneResource(t *collect.Task, z types.HostedZone) *model.Resource {
	id := strings.TrimPrefix(aws.ToString(z.Id), "/hostedzone/")
	return &model.Resource{
		Key:  t.Key("hosted-zone", id),
		ARN:  collect.AccountlessARN(t, "route53", "", "hostedzone/"+id),
		Name: aws.ToString(z.Name),
	}
}

// addTags fills the tags of the resources (zones or health checks, as typ
// says), ten per call, batches concurrently.
func addTags(ctx context.Context, t *collect.Task, api *route53.Client, typ types.TagResourceType, rs map[string]*model.Resource, ids []string) {
	var batches [][]string
	for len(ids) > tagBatch {
		batches = append(batches, ids[:tagBatch])
		ids = ids[tagBatch:]
	}
	if len(ids) > 0 {
		batches = append(batches, ids)
	}
	var mu sync.Mutex
	collect.ForEach(ctx, batches, func(ctx context.Context, batch []string) {
		out, err := api.ListTagsForResources(ctx, &route53.ListTagsForResourcesInput{ResourceType: typ, ResourceIds: batch})
		if err != nil {
			t.Warn("ListTagsForResources", err)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		for _, set := range out.ResourceTagSets {
			if r := rs[aws.ToString(set.ResourceId)]; r != nil {
				r.Tags = collect.TagMap(set.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
			}
		}
	})
}

// addVPCs fills the associated VPCs of private zones (one GetHostedZone
// each, concurrently) and relates the zones to them, in the VPC's region.
func addVPCs(ctx context.Context, t *collect.Task, api *route53.Client, rs map[string]*model.Resource, zones map[string]*hostedZone, private []string) {
	collect.ForEach(ctx, private, func(ctx context.Context, id string) {
		out, err := api.GetHostedZone(ctx, &route53.GetHostedZoneInput{Id: aws.String(id)})
		if err != nil {
			t.Warn("GetHostedZone", err)
			return
		}
		r, z := rs[id], zones[id] // each goroutine owns a distinct zone
		vpcs := make([]zoneVPC, 0, len(out.VPCs))
		for _, v := range out.VPCs {
			zv := zoneVPC{VPCID: aws.ToString(v.VPCId), Region: string(v.VPCRegion)}
			vpcs = append(vpcs, zv)
			t.Relate(r.Key, "associated-with", model.Key{Account: t.Account, Region: zv.Region, Service: "ec2", Type: "vpc", ID: zv.VPCID})
		}
		z.vpcs = vpcs
	})
}
