// Package networkmanager collects AWS Network Manager (Cloud WAN) global
// networks, core networks, and the sites, devices and links of on-premises
// networks registered in them.
package networkmanager

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	nm "github.com/aws/aws-sdk-go-v2/service/networkmanager"
	"github.com/aws/aws-sdk-go-v2/service/networkmanager/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Network Manager collector.
var Service = &collect.Service{
	Name:        "networkmanager",
	Description: "AWS Network Manager (Cloud WAN) global networks, core networks, sites, devices and links",
	Scope:       collect.Global,
	Types: []collect.Type{
		{Name: "global-network", Description: "global network (id = global-network-...; deleted ones skipped)", Fields: globalNetworkFields.Declared(), Tags: collect.TagsListed, Collect: globalNetworks},
		{Name: "core-network", Description: "Cloud WAN core network (id = core-network-...; deleted ones skipped)", Fields: coreNetworkFields.Declared(), Tags: collect.TagsListed, Collect: coreNetworks},
		{Name: "site", Description: "site of a global network (id = site-...)", Fields: siteFields.Declared(), Tags: collect.TagsListed, Collect: sites},
		{Name: "device", Description: "device registered at a site (id = device-...)", Fields: deviceFields.Declared(), Tags: collect.TagsListed, Collect: devices},
		{Name: "link", Description: "network link of a site, e.g. a broadband line (id = link-...)", Fields: linkFields.Declared(), Tags: collect.TagsListed, Collect: links},
	},
	Calls: "DescribeGlobalNetworks (paged) once for global-network, site, device and link; core-network: ListCoreNetworks (paged). " +
		"site, device, link: per global network GetSites, GetDevices, GetLinks (paged). Every call goes to the API's home region (us-west-2 in the aws partition)",
	Relations: []collect.Relation{
		{From: "core-network", Kind: "member-of", To: "networkmanager/global-network"},
		{From: "device", Kind: "at-site", To: "networkmanager/site"},
		{From: "device", Kind: "member-of", To: "networkmanager/global-network"},
		{From: "link", Kind: "at-site", To: "networkmanager/site"},
		{From: "link", Kind: "member-of", To: "networkmanager/global-network"},
		{From: "site", Kind: "member-of", To: "networkmanager/global-network"},
	},
}

// apiRegion is where the Network Manager API of region's partition lives.
var apiRegion = map[string]string{"aws": "us-west-2", "aws-us-gov": "us-gov-west-1"}

func client(t *collect.Task) *nm.Client {
	return nm.NewFromConfig(t.Config, func(o *nm.Options) {
		if r, ok := apiRegion[awsx.Partition(o.Region)]; ok {
			o.Region = r
		}
	})
}

func tags(ts []types.Tag) map[string]string {
	return collect.TagMap(ts, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

var globalNetworkFields = collect.Fields[types.GlobalNetwork]{
	collect.Enum("state", "PENDING, AVAILABLE, DELETING or UPDATING", func(g types.GlobalNetwork) types.GlobalNetworkState { return g.State }),
	collect.Text("description", "description", func(g types.GlobalNetwork) *string { return g.Description }),
}

// eachGlobalNetwork runs fn on every global network not being deleted,
// stopping at fn's first error; the global networks are listed once for
// the global-network, site, device and link types.
func eachGlobalNetwork(ctx context.Context, t *collect.Task, api *nm.Client, fn func(g types.GlobalNetwork) error) error {
	p := nm.NewDescribeGlobalNetworksPaginator(api, &nm.DescribeGlobalNetworksInput{MaxResults: t.PageSize(500)})
	list, err := collect.ReuseItems(ctx, t, "DescribeGlobalNetworks", p, func(page *nm.DescribeGlobalNetworksOutput) []types.GlobalNetwork { return page.GlobalNetworks })
	for _, g := range list {
		if g.State == types.GlobalNetworkStateDeleting {
			continue
		}
		if err := fn(g); err != nil {
			return err
		}
	}
	return err
}

func globalNetworks(ctx context.Context, t *collect.Task) error {
	return eachGlobalNetwork(ctx, t, client(t), func(g types.GlobalNetwork) error {
		t.Emit(&model.Resource{Key: t.Key("global-network", aws.ToString(g.GlobalNetworkId)), Name: nameTag(g.Tags), ARN: aws.ToString(g.GlobalNetworkArn),
			CreatedAt: model.Time(g.CreatedAt), Tags: tags(g.Tags), Details: globalNetworkFields.Details(g)})
		return nil
	})
}

// nameTag is the Name tag, the display name the console shows.
func nameTag(ts []types.Tag) string { return tags(ts)["Name"] }

var coreNetworkFields = collect.Fields[types.CoreNetworkSummary]{
	collect.Enum("state", "CREATING, UPDATING, AVAILABLE or DELETING", func(c types.CoreNetworkSummary) types.CoreNetworkState { return c.State }),
	collect.Text("global_network_id", "global network of the core network", func(c types.CoreNetworkSummary) *string { return c.GlobalNetworkId }),
	collect.Text("owner_account_id", "owning account", func(c types.CoreNetworkSummary) *string { return c.OwnerAccountId }),
	collect.Text("description", "description", func(c types.CoreNetworkSummary) *string { return c.Description }),
}

func coreNetworks(ctx context.Context, t *collect.Task) error {
	p := nm.NewListCoreNetworksPaginator(client(t), &nm.ListCoreNetworksInput{MaxResults: t.PageSize(500)})
	return collect.EachPage(ctx, p, func(page *nm.ListCoreNetworksOutput) error {
		for _, c := range page.CoreNetworks {
			if c.State == types.CoreNetworkStateDeleting {
				continue
			}
			key := t.Key("core-network", aws.ToString(c.CoreNetworkId))
			t.Emit(&model.Resource{Key: key, Name: nameTag(c.Tags), ARN: aws.ToString(c.CoreNetworkArn), Tags: tags(c.Tags), Details: coreNetworkFields.Details(c)})
			t.Relate(key, "member-of", t.Key("global-network", aws.ToString(c.GlobalNetworkId)))
		}
		return nil
	})
}

// location is a site's or device's address, "" when not given.
func location(l *types.Location) string {
	if l == nil {
		return ""
	}
	return aws.ToString(l.Address)
}

var siteFields = collect.Fields[types.Site]{
	collect.Enum("state", "PENDING, AVAILABLE, DELETING or UPDATING", func(s types.Site) types.SiteState { return s.State }),
	collect.Text("global_network_id", "global network of the site", func(s types.Site) *string { return s.GlobalNetworkId }),
	collect.Text("description", "description", func(s types.Site) *string { return s.Description }),
	collect.Computed("address", model.Text, "physical address", func(s types.Site) any { return location(s.Location) }),
}

func sites(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return eachGlobalNetwork(ctx, t, api, func(g types.GlobalNetwork) error {
		p := nm.NewGetSitesPaginator(api, &nm.GetSitesInput{GlobalNetworkId: g.GlobalNetworkId, MaxResults: t.PageSize(500)})
		return collect.EachPage(ctx, p, func(page *nm.GetSitesOutput) error {
			for _, s := range page.Sites {
				key := t.Key("site", aws.ToString(s.SiteId))
				t.Emit(&model.Resource{Key: key, Name: nameTag(s.Tags), ARN: aws.ToString(s.SiteArn), CreatedAt: model.Time(s.CreatedAt), Tags: tags(s.Tags), Details: siteFields.Details(s)})
				t.Relate(key, "member-of", t.Key("global-network", aws.ToString(g.GlobalNetworkId)))
			}
			return nil
		})
	})
}

var deviceFields = collect.Fields[types.Device]{
	collect.Enum("state", "PENDING, AVAILABLE, DELETING or UPDATING", func(d types.Device) types.DeviceState { return d.State }),
	collect.Text("global_network_id", "global network of the device", func(d types.Device) *string { return d.GlobalNetworkId }),
	collect.Text("site_id", "site of the device", func(d types.Device) *string { return d.SiteId }),
	collect.Text("device_type", "type of the device", func(d types.Device) *string { return d.Type }),
	collect.Text("vendor", "vendor", func(d types.Device) *string { return d.Vendor }),
	collect.Text("model", "model", func(d types.Device) *string { return d.Model }),
	collect.Computed("address", model.Text, "physical address", func(d types.Device) any { return location(d.Location) }),
}

func devices(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return eachGlobalNetwork(ctx, t, api, func(g types.GlobalNetwork) error {
		p := nm.NewGetDevicesPaginator(api, &nm.GetDevicesInput{GlobalNetworkId: g.GlobalNetworkId, MaxResults: t.PageSize(500)})
		return collect.EachPage(ctx, p, func(page *nm.GetDevicesOutput) error {
			for _, d := range page.Devices {
				key := t.Key("device", aws.ToString(d.DeviceId))
				t.Emit(&model.Resource{Key: key, Name: nameTag(d.Tags), ARN: aws.ToString(d.DeviceArn), CreatedAt: model.Time(d.CreatedAt), Tags: tags(d.Tags), Details: deviceFields.Details(d)})
				t.Relate(key, "member-of", t.Key("global-network", aws.ToString(g.GlobalNetworkId)))
				t.Relate(key, "at-site", t.Key("site", aws.ToString(d.SiteId)))
			}
			return nil
		})
	})
}

// bandwidth is a link's bandwidth, zero when not given.
func bandwidth(l types.Link) types.Bandwidth {
	if l.Bandwidth == nil {
		return types.Bandwidth{}
	}
	return *l.Bandwidth
}

var linkFields = collect.Fields[types.Link]{
	collect.Enum("state", "PENDING, AVAILABLE, DELETING or UPDATING", func(l types.Link) types.LinkState { return l.State }),
	collect.Text("global_network_id", "global network of the link", func(l types.Link) *string { return l.GlobalNetworkId }),
	collect.Text("site_id", "site of the link", func(l types.Link) *string { return l.SiteId }),
	collect.Text("provider", "service provider", func(l types.Link) *string { return l.Provider }),
	collect.Text("link_type", "type of the link (broadband, MPLS, ...)", func(l types.Link) *string { return l.Type }),
	collect.Computed("download_mbps", model.Integer, "download speed, Mbps", func(l types.Link) any { return int64(aws.ToInt32(bandwidth(l).DownloadSpeed)) }),
	collect.Computed("upload_mbps", model.Integer, "upload speed, Mbps", func(l types.Link) any { return int64(aws.ToInt32(bandwidth(l).UploadSpeed)) }),
}

func links(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return eachGlobalNetwork(ctx, t, api, func(g types.GlobalNetwork) error {
		p := nm.NewGetLinksPaginator(api, &nm.GetLinksInput{GlobalNetworkId: g.GlobalNetworkId, MaxResults: t.PageSize(500)})
		return collect.EachPage(ctx, p, func(page *nm.GetLinksOutput) error {
			for _, l := range page.Links {
				key := t.Key("link", aws.ToString(l.LinkId))
				t.Emit(&model.Resource{Key: key, Name: nameTag(l.Tags), ARN: aws.ToString(l.LinkArn), CreatedAt: model.Time(l.CreatedAt), Tags: tags(l.Tags), Details: linkFields.Details(l)})
				t.Relate(key, "member-of", t.Key("global-network", aws.ToString(g.GlobalNetworkId)))
				t.Relate(key, "at-site", t.Key("site", aws.ToString(l.SiteId)))
			}
			return nil
		})
	})
}
