// Package outposts collects AWS Outposts: the outposts (racks and
// servers) an account owns or has been shared, and the sites they stand at.
package outposts

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/outposts"
	"github.com/aws/aws-sdk-go-v2/service/outposts/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Outposts collector.
var Service = &collect.Service{
	Name:        "outposts",
	Description: "AWS Outposts outposts and sites",
	Types: []collect.Type{
		{Name: "outpost", Description: "Outposts rack or server (id = op-...), owned or shared with the account", Fields: outpostFields.Declared(),
			Tags: collect.TagsListed, Collect: outpostList},
		{Name: "site", Description: "physical site where outposts are installed (id = os-...); the street address is not stored", Fields: siteFields.Declared(),
			Tags: collect.TagsListed, Collect: sites},
	},
	Calls: "outpost: ListOutposts (tags included). site: ListSites (tags included)",
	Relations: []collect.Relation{
		{From: "outpost", Kind: "at-site", To: "outposts/site"},
	},
}

var outpostFields = collect.Fields[types.Outpost]{
	collect.Text("status", "life cycle status: ACTIVE, PENDING, RETIRED...", func(o types.Outpost) *string { return o.LifeCycleStatus }),
	collect.Enum("hardware_type", "RACK or SERVER", func(o types.Outpost) types.SupportedHardwareType { return o.SupportedHardwareType }),
	collect.Text("availability_zone", "availability zone the outpost extends", func(o types.Outpost) *string { return o.AvailabilityZone }),
	collect.Text("site_id", "site the outpost stands at", func(o types.Outpost) *string { return o.SiteId }),
	collect.Text("owner_id", "account that owns the outpost (another one when shared)", func(o types.Outpost) *string { return o.OwnerId }),
	collect.Enum("generation", "hardware generation", func(o types.Outpost) types.OutpostGeneration { return o.Generation }),
	collect.Text("description", "description", func(o types.Outpost) *string { return o.Description }),
}

func outpostList(ctx context.Context, t *collect.Task) error {
	p := outposts.NewListOutpostsPaginator(outposts.NewFromConfig(t.Config), &outposts.ListOutpostsInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *outposts.ListOutpostsOutput) error {
		for _, o := range page.Outposts {
			key := t.Key("outpost", aws.ToString(o.OutpostId))
			t.Emit(&model.Resource{Key: key, Name: aws.ToString(o.Name), ARN: aws.ToString(o.OutpostArn), Tags: o.Tags, Details: outpostFields.Details(o)})
			t.Relate(key, "at-site", t.Key("site", aws.ToString(o.SiteId)))
		}
		return nil
	})
}

var siteFields = collect.Fields[types.Site]{
	collect.Text("city", "city of the operating address", func(s types.Site) *string { return s.OperatingAddressCity }),
	collect.Text("state_or_region", "state or region of the operating address", func(s types.Site) *string { return s.OperatingAddressStateOrRegion }),
	collect.Text("country_code", "ISO country code of the operating address", func(s types.Site) *string { return s.OperatingAddressCountryCode }),
	collect.Text("account_id", "account that owns the site", func(s types.Site) *string { return s.AccountId }),
	collect.Text("description", "description", func(s types.Site) *string { return s.Description }),
	collect.Computed("power_draw_kva", model.Text, "power the site provides per rack", func(s types.Site) any {
		if s.RackPhysicalProperties == nil {
			return ""
		}
		return string(s.RackPhysicalProperties.PowerDrawKva)
	}),
	collect.Computed("uplink_gbps", model.Text, "speed of the rack's uplinks to the network", func(s types.Site) any {
		if s.RackPhysicalProperties == nil {
			return ""
		}
		return string(s.RackPhysicalProperties.UplinkGbps)
	}),
}

func sites(ctx context.Context, t *collect.Task) error {
	p := outposts.NewListSitesPaginator(outposts.NewFromConfig(t.Config), &outposts.ListSitesInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *outposts.ListSitesOutput) error {
		for _, s := range page.Sites {
			t.Emit(&model.Resource{Key: t.Key("site", aws.ToString(s.SiteId)), Name: aws.ToString(s.Name), ARN: aws.ToString(s.SiteArn), Tags: s.Tags,
				Details: siteFields.Details(s)})
		}
		return nil
	})
}
