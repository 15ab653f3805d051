// Package iotsitewise collects AWS IoT SiteWise portals, their projects and
// dashboards, asset models and their assets, and edge gateways.
package iotsitewise

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iotsitewise"
	"github.com/aws/aws-sdk-go-v2/service/iotsitewise/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the IoT SiteWise collector.
var Service = &collect.Service{
	Name:        "iotsitewise",
	Description: "IoT SiteWise portals, projects, dashboards, asset models, assets and gateways",
	Types: []collect.Type{
		{Name: "portal", Description: "SiteWise Monitor portal (id = portal id), with its URL and the role it runs with",
			Fields: portalFields.Declared(), Tags: collect.TagsPerResource, Collect: portals, DetailCalls: 1},
		{Name: "project", Description: "project of a portal (id = project id)",
			Fields: summaryFields.Declared(), Tags: collect.TagsPerResource, Collect: projects, DetailCalls: 2},
		{Name: "dashboard", Description: "dashboard of a project (id = dashboard id)",
			Fields: summaryFields.Declared(), Tags: collect.TagsPerResource, Collect: dashboards, DetailCalls: 3},
		{Name: "asset-model", Description: "asset model (id = asset model id)",
			Fields: assetModelFields.Declared(), Tags: collect.TagsPerResource, Collect: assetModels, DetailCalls: 1},
		{Name: "asset", Description: "asset built from an asset model (id = asset id)",
			Fields: assetFields.Declared(), Tags: collect.TagsPerResource, Collect: assets, DetailCalls: 2},
		{Name: "gateway", Description: "SiteWise Edge gateway (id = gateway id), with the device it runs on",
			Fields: gatewayFields.Declared(), Tags: collect.TagsPerResource, Collect: gateways, DetailCalls: 1},
	},
	Calls: "ListPortals once for portal, project and dashboard, and per portal ListProjects once for project and dashboard; " +
		"ListAssetModels once for asset-model and asset. portal: per portal ListTagsForResource. " +
		"project: per project ListTagsForResource. dashboard: per project ListDashboards + per dashboard ListTagsForResource. " +
		"asset-model: per model ListTagsForResource. asset: per model ListAssets + per asset ListTagsForResource. " +
		"gateway: ListGateways + per gateway ListTagsForResource",
	Relations: []collect.Relation{
		{From: "portal", Kind: "assumes-role", To: "iam/role"},
		{From: "project", Kind: "in", To: "iotsitewise/portal"},
		{From: "dashboard", Kind: "in", To: "iotsitewise/project"},
		{From: "asset", Kind: "instance-of", To: "iotsitewise/asset-model"},
		{From: "gateway", Kind: "runs-on", To: "iot/thing"},
	},
}

func client(t *collect.Task) *iotsitewise.Client { return iotsitewise.NewFromConfig(t.Config) }

// emit emits r of the task's type with its tags: SiteWise lists no tags, so
// they are read per resource (a failed read is a warning).
func emit(ctx context.Context, t *collect.Task, api *iotsitewise.Client, r *model.Resource) {
	out, err := api.ListTagsForResource(ctx, &iotsitewise.ListTagsForResourceInput{ResourceArn: &r.ARN})
	if t.Warn("ListTagsForResource", err); err == nil {
		r.Tags = out.Tags
	}
	t.Emit(r)
}

// resource is the resource of the task's type with id and name; the
// listings of portals, projects, dashboards and gateways return no ARN,
// and AWS builds it from the id (arn:aws:iotsitewise:REGION:ACCOUNT:portal/ID).
func resource(t *collect.Task, id, name string, created *time.Time, details map[string]any) *model.Resource {
	return &model.Resource{Key: t.Key(t.Type, id), Name: name, ARN: collect.ARN(t, "iotsitewise", "", t.Type+"/"+id), CreatedAt: model.Time(created),
		Details: details}
}

var portalFields = collect.Fields[types.PortalSummary]{
	collect.Enum("state", "CREATING, PENDING, UPDATING, DELETING, ACTIVE or FAILED", func(p types.PortalSummary) types.PortalState {
		if p.Status == nil {
			return ""
		}
		return p.Status.State
	}),
	collect.Text("start_url", "URL users sign in to the portal at", func(p types.PortalSummary) *string { return p.StartUrl }),
	collect.Enum("portal_type", "SITEWISE_PORTAL_V1 or SITEWISE_PORTAL_V2", func(p types.PortalSummary) types.PortalType { return p.PortalType }),
	collect.Text("role_arn", "role the portal uses to read SiteWise data for its users", func(p types.PortalSummary) *string { return p.RoleArn }),
	collect.Text("description", "description given at creation", func(p types.PortalSummary) *string { return p.Description }),
	collect.Timestamp("updated", "last change", func(p types.PortalSummary) *time.Time { return p.LastUpdateDate }),
}

// portalList are the region's portals, listed once for the portal, project
// and dashboard types.
func portalList(ctx context.Context, t *collect.Task, api *iotsitewise.Client) ([]types.PortalSummary, error) {
	p := iotsitewise.NewListPortalsPaginator(api, &iotsitewise.ListPortalsInput{MaxResults: t.PageSize(250)})
	return collect.ReuseItems(ctx, t, "ListPortals", p, func(o *iotsitewise.ListPortalsOutput) []types.PortalSummary { return o.PortalSummaries })
}

func portals(ctx context.Context, t *collect.Task) error {
	api := client(t)
	list, err := portalList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, p types.PortalSummary) {
		r := resource(t, aws.ToString(p.Id), aws.ToString(p.Name), p.CreationDate, portalFields.Details(p))
		emit(ctx, t, api, r)
		if role := aws.ToString(p.RoleArn); role != "" {
			t.Relate(r.Key, "assumes-role", t.Role(role))
		}
	})
	return err
}

// summary is what the listings of projects and dashboards say of one.
type summary struct {
	id, name, description *string
	created, updated      *time.Time
}

var summaryFields = collect.Fields[summary]{
	collect.Text("description", "description given at creation", func(s summary) *string { return s.description }),
	collect.Timestamp("updated", "last change", func(s summary) *time.Time { return s.updated }),
}

// emitSummary emits s, in parent.
func emitSummary(ctx context.Context, t *collect.Task, api *iotsitewise.Client, s summary, parent model.Key) {
	r := resource(t, aws.ToString(s.id), aws.ToString(s.name), s.created, summaryFields.Details(s))
	emit(ctx, t, api, r)
	t.Relate(r.Key, "in", parent)
}

// eachProject runs fn on every project of every portal; each portal's
// projects are listed once for the project and dashboard types, and a
// failed listing of them is a warning.
func eachProject(ctx context.Context, t *collect.Task, api *iotsitewise.Client, fn func(ctx context.Context, portal string, p types.ProjectSummary)) error {
	list, err := portalList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, portal types.PortalSummary) {
		p := iotsitewise.NewListProjectsPaginator(api, &iotsitewise.ListProjectsInput{PortalId: portal.Id, MaxResults: t.PageSize(250)})
		projects, err := collect.ReuseItems(ctx, t, "ListProjects/"+aws.ToString(portal.Id), p,
			func(o *iotsitewise.ListProjectsOutput) []types.ProjectSummary { return o.ProjectSummaries })
		collect.ForEach(ctx, projects, func(ctx context.Context, project types.ProjectSummary) { fn(ctx, aws.ToString(portal.Id), project) })
		t.Warn("ListProjects", err)
	})
	return err
}

func projects(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return eachProject(ctx, t, api, func(ctx context.Context, portal string, p types.ProjectSummary) {
		emitSummary(ctx, t, api, summary{id: p.Id, name: p.Name, description: p.Description, created: p.CreationDate, updated: p.LastUpdateDate},
			t.Key("portal", portal))
	})
}

func dashboards(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return eachProject(ctx, t, api, func(ctx context.Context, _ string, project types.ProjectSummary) {
		p := iotsitewise.NewListDashboardsPaginator(api, &iotsitewise.ListDashboardsInput{ProjectId: project.Id, MaxResults: t.PageSize(250)})
		t.Warn("ListDashboards", collect.EachItem(ctx, p, func(o *iotsitewise.ListDashboardsOutput) []types.DashboardSummary { return o.DashboardSummaries },
			func(ctx context.Context, d types.DashboardSummary) {
				emitSummary(ctx, t, api, summary{id: d.Id, name: d.Name, description: d.Description, created: d.CreationDate, updated: d.LastUpdateDate},
					t.Key("project", aws.ToString(project.Id)))
			}))
	})
}

var assetModelFields = collect.Fields[types.AssetModelSummary]{
	collect.Enum("state", "CREATING, ACTIVE, UPDATING, PROPAGATING, DELETING or FAILED", func(m types.AssetModelSummary) types.AssetModelState {
		if m.Status == nil {
			return ""
		}
		return m.Status.State
	}),
	collect.Enum("asset_model_type", "ASSET_MODEL, COMPONENT_MODEL or INTERFACE", func(m types.AssetModelSummary) types.AssetModelType { return m.AssetModelType }),
	collect.Text("external_id", "id the model is known by outside SiteWise, if given", func(m types.AssetModelSummary) *string { return m.ExternalId }),
	collect.Text("version", "active version of the model", func(m types.AssetModelSummary) *string { return m.Version }),
	collect.Text("description", "description given at creation", func(m types.AssetModelSummary) *string { return m.Description }),
	collect.Timestamp("updated", "last change", func(m types.AssetModelSummary) *time.Time { return m.LastUpdateDate }),
}

// assetModelList are the region's asset models, listed once for the
// asset-model and asset types.
func assetModelList(ctx context.Context, t *collect.Task, api *iotsitewise.Client) ([]types.AssetModelSummary, error) {
	p := iotsitewise.NewListAssetModelsPaginator(api, &iotsitewise.ListAssetModelsInput{MaxResults: t.PageSize(250)})
	return collect.ReuseItems(ctx, t, "ListAssetModels", p, func(o *iotsitewise.ListAssetModelsOutput) []types.AssetModelSummary {
		return o.AssetModelSummaries
	})
}

func assetModels(ctx context.Context, t *collect.Task) error {
	api := client(t)
	list, err := assetModelList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, m types.AssetModelSummary) {
		emit(ctx, t, api, &model.Resource{Key: t.Key("asset-model", aws.ToString(m.Id)), Name: aws.ToString(m.Name), ARN: aws.ToString(m.Arn),
			CreatedAt: model.Time(m.CreationDate), Details: assetModelFields.Details(m)})
	})
	return err
}

var assetFields = collect.Fields[types.AssetSummary]{
	collect.Enum("state", "CREATING, ACTIVE, UPDATING, DELETING or FAILED", func(a types.AssetSummary) types.AssetState {
		if a.Status == nil {
			return ""
		}
		return a.Status.State
	}),
	collect.Text("asset_model_id", "asset model the asset is built from", func(a types.AssetSummary) *string { return a.AssetModelId }),
	collect.Computed("hierarchies", model.JSON, "names of the hierarchies child assets can be attached under", func(a types.AssetSummary) any {
		names := []string{}
		for _, h := range a.Hierarchies {
			names = append(names, aws.ToString(h.Name))
		}
		return names
	}),
	collect.Text("external_id", "id the asset is known by outside SiteWise, if given", func(a types.AssetSummary) *string { return a.ExternalId }),
	collect.Text("description", "description given at creation", func(a types.AssetSummary) *string { return a.Description }),
	collect.Timestamp("updated", "last change", func(a types.AssetSummary) *time.Time { return a.LastUpdateDate }),
}

// assets lists the assets of each asset model: ListAssets lists every
// asset only by model (without one it lists the top-level assets alone).
func assets(ctx context.Context, t *collect.Task) error {
	api := client(t)
	models, err := assetModelList(ctx, t, api)
	collect.ForEach(ctx, models, func(ctx context.Context, m types.AssetModelSummary) {
		p := iotsitewise.NewListAssetsPaginator(api, &iotsitewise.ListAssetsInput{AssetModelId: m.Id, Filter: "ALL", MaxResults: t.PageSize(250)})
		t.Warn("ListAssets", collect.EachItem(ctx, p, func(o *iotsitewise.ListAssetsOutput) []types.AssetSummary { return o.AssetSummaries },
			func(ctx context.Context, a types.AssetSummary) {
				key := t.Key("asset", aws.ToString(a.Id))
				emit(ctx, t, api, &model.Resource{Key: key, Name: aws.ToString(a.Name), ARN: aws.ToString(a.Arn), CreatedAt: model.Time(a.CreationDate),
					Details: assetFields.Details(a)})
				t.Relate(key, "instance-of", t.Key("asset-model", aws.ToString(a.AssetModelId)))
			}))
	})
	return err
}

// device is the IoT thing a gateway runs on, if the platform names one.
func device(g types.GatewaySummary) string {
	switch p := g.GatewayPlatform; {
	case p == nil:
		return ""
	case p.GreengrassV2 != nil:
		return aws.ToString(p.GreengrassV2.CoreDeviceThingName)
	case p.SiemensIE != nil:
		return aws.ToString(p.SiemensIE.IotCoreThingName)
	}
	return ""
}

var gatewayFields = collect.Fields[types.GatewaySummary]{
	collect.Computed("platform", model.Text, "GreengrassV2, SiemensIE or Greengrass (V1, end of life)", func(g types.GatewaySummary) any {
		switch p := g.GatewayPlatform; {
		case p == nil:
			return ""
		case p.GreengrassV2 != nil:
			return "GreengrassV2"
		case p.SiemensIE != nil:
			return "SiemensIE"
		case p.Greengrass != nil:
			return "Greengrass"
		}
		return ""
	}),
	collect.Computed("device", model.Text, "IoT thing name of the device the gateway runs on", func(g types.GatewaySummary) any { return device(g) }),
	collect.Text("gateway_version", "version of the gateway software", func(g types.GatewaySummary) *string { return g.GatewayVersion }),
	collect.Computed("capabilities", model.JSON, "namespaces of the gateway's capabilities and their sync status", func(g types.GatewaySummary) any {
		caps := map[string]string{}
		for _, c := range g.GatewayCapabilitySummaries {
			caps[aws.ToString(c.CapabilityNamespace)] = string(c.CapabilitySyncStatus)
		}
		return caps
	}),
	collect.Timestamp("updated", "last change", func(g types.GatewaySummary) *time.Time { return g.LastUpdateDate }),
}

func gateways(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := iotsitewise.NewListGatewaysPaginator(api, &iotsitewise.ListGatewaysInput{MaxResults: t.PageSize(250)})
	return collect.EachItem(ctx, p, func(o *iotsitewise.ListGatewaysOutput) []types.GatewaySummary { return o.GatewaySummaries },
		func(ctx context.Context, g types.GatewaySummary) {
			r := resource(t, aws.ToString(g.GatewayId), aws.ToString(g.GatewayName), g.CreationDate, gatewayFields.Details(g))
			emit(ctx, t, api, r)
			t.Relate(r.Key, "runs-on", t.Ref("iot", "thing", device(g)))
		})
}
