// Package appmesh collects AWS App Mesh meshes and what they hold: virtual
// nodes, services, routers and gateways, and their routes.
package appmesh

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/appmesh"
	"github.com/aws/aws-sdk-go-v2/service/appmesh/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the App Mesh collector.
var Service = &collect.Service{
	Name:        "appmesh",
	Description: "App Mesh meshes, virtual nodes, services, routers, gateways and routes",
	Types: []collect.Type{
		{Name: "mesh", Description: "service mesh (id = mesh name), with its egress filter; meshes shared by other accounts included",
			Fields: meshFields.Declared(), Tags: collect.TagsPerResource, Collect: meshes, DetailCalls: 2},
		{Name: "virtual-node", Description: "virtual node: a service's task group or deployment in a mesh (id = MESH/NODE)",
			Fields: refFields.Declared(), Tags: collect.TagsPerResource, Collect: virtualNodes, DetailCalls: 1},
		{Name: "virtual-service", Description: "virtual service served by a node or router (id = MESH/SERVICE)",
			Fields: refFields.Declared(), Tags: collect.TagsPerResource, Collect: virtualServices, DetailCalls: 1},
		{Name: "virtual-router", Description: "virtual router of a mesh (id = MESH/ROUTER)",
			Fields: refFields.Declared(), Tags: collect.TagsPerResource, Collect: virtualRouters, DetailCalls: 1},
		{Name: "route", Description: "route of a virtual router (id = MESH/ROUTER/ROUTE)",
			Fields: refFields.Declared(), Tags: collect.TagsPerResource, Collect: routes, DetailCalls: 1},
		{Name: "virtual-gateway", Description: "virtual gateway letting traffic into a mesh (id = MESH/GATEWAY)",
			Fields: refFields.Declared(), Tags: collect.TagsPerResource, Collect: virtualGateways, DetailCalls: 1},
		{Name: "gateway-route", Description: "route of a virtual gateway (id = MESH/GATEWAY/ROUTE)",
			Fields: refFields.Declared(), Tags: collect.TagsPerResource, Collect: gatewayRoutes, DetailCalls: 1},
	},
	Calls: "ListMeshes once for all types; mesh: per mesh DescribeMesh and ListTagsForResource. " +
		"virtual-node, virtual-service, virtual-router, virtual-gateway: per mesh ListVirtualNodes (ListVirtualServices, " +
		"ListVirtualRouters, ListVirtualGateways) + per resource ListTagsForResource. route: per mesh ListVirtualRouters (once for " +
		"virtual-router and route) + per router ListRoutes + per route ListTagsForResource. gateway-route: per mesh ListVirtualGateways " +
		"(once for virtual-gateway and gateway-route) + per gateway ListGatewayRoutes + per route ListTagsForResource",
	Relations: []collect.Relation{
		{From: "virtual-node", Kind: "in", To: "appmesh/mesh"},
		{From: "virtual-service", Kind: "in", To: "appmesh/mesh"},
		{From: "virtual-router", Kind: "in", To: "appmesh/mesh"},
		{From: "virtual-gateway", Kind: "in", To: "appmesh/mesh"},
		{From: "route", Kind: "in", To: "appmesh/virtual-router"},
		{From: "gateway-route", Kind: "in", To: "appmesh/virtual-gateway"},
	},
}

func client(t *collect.Task) *appmesh.Client { return appmesh.NewFromConfig(t.Config) }

// ref is what every App Mesh listing says of a resource, whatever its kind.
type ref struct {
	arn, id, name    string
	parent           model.Key // the mesh, router or gateway it belongs to; zero for a mesh
	meshOwner, owner *string
	version          *int64
	created, updated *time.Time
}

// ownerFields are the fields every type reads from its ref.
func ownerFields[T any](get func(T) ref) collect.Fields[T] {
	return collect.Fields[T]{
		collect.Text("mesh_owner", "account owning the mesh; another account's when the mesh is shared with this one", func(v T) *string { return get(v).meshOwner }),
		collect.Text("resource_owner", "account owning the resource", func(v T) *string { return get(v).owner }),
		collect.Int("version", "version of the resource's spec, raised at each update", func(v T) *int64 { return get(v).version }),
		collect.Timestamp("updated", "last change", func(v T) *time.Time { return get(v).updated }),
	}
}

var refFields = ownerFields(func(r ref) ref { return r })

// emit emits one listed resource of the task's type with its tags (a
// failed tag read is a warning) and its edge to its parent.
func emit(ctx context.Context, t *collect.Task, api *appmesh.Client, r ref, details map[string]any) {
	key := t.Key(t.Type, r.id)
	res := &model.Resource{Key: key, Name: r.name, ARN: r.arn, CreatedAt: model.Time(r.created), Tags: map[string]string{}, Details: details}
	p := appmesh.NewListTagsForResourcePaginator(api, &appmesh.ListTagsForResourceInput{ResourceArn: &r.arn, Limit: t.PageSize(50)})
	t.Warn("ListTagsForResource", collect.EachPage(ctx, p, func(page *appmesh.ListTagsForResourceOutput) error {
		for _, tag := range page.Tags {
			res.Tags[aws.ToString(tag.Key)] = aws.ToString(tag.Value)
		}
		return nil
	}))
	t.Emit(res)
	t.Relate(key, "in", r.parent)
}

// emitEach pages through one listing of refs and emits each ref, concurrently.
func emitEach[Out, R any](ctx context.Context, t *collect.Task, api *appmesh.Client, p collect.Pager[appmesh.Options, Out], items func(*Out) []R, toRef func(R) ref) error {
	return collect.EachItem(ctx, p, items, func(ctx context.Context, item R) { emitRef(ctx, t, api, toRef(item)) })
}

// emitAll emits the refs of items, concurrently.
func emitAll[R any](ctx context.Context, t *collect.Task, api *appmesh.Client, items []R, toRef func(R) ref) {
	collect.ForEach(ctx, items, func(ctx context.Context, item R) { emitRef(ctx, t, api, toRef(item)) })
}

// emitRef emits a resource of a type whose fields are its ref's.
func emitRef(ctx context.Context, t *collect.Task, api *appmesh.Client, r ref) {
	emit(ctx, t, api, r, refFields.Details(r))
}

// meshList are the region's meshes, listed once for all seven types.
func meshList(ctx context.Context, t *collect.Task, api *appmesh.Client) ([]types.MeshRef, error) {
	p := appmesh.NewListMeshesPaginator(api, &appmesh.ListMeshesInput{Limit: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "ListMeshes", p, func(page *appmesh.ListMeshesOutput) []types.MeshRef { return page.Meshes })
}

// inMesh is the key part naming a mesh in a shared listing of its
// resources: a mesh shared by another account may have the name of one
// of this account's.
func inMesh(m types.MeshRef) string {
	return aws.ToString(m.MeshOwner) + "/" + aws.ToString(m.MeshName)
}

// inEachMesh runs list on every mesh, concurrently; a failed listing in
// one mesh is a warning under operation.
func inEachMesh(ctx context.Context, t *collect.Task, api *appmesh.Client, operation string, list func(ctx context.Context, m types.MeshRef) error) error {
	all, err := meshList(ctx, t, api)
	collect.ForEach(ctx, all, func(ctx context.Context, m types.MeshRef) { t.Warn(operation, list(ctx, m)) })
	return err
}

// mesh is a listed mesh with its DescribeMesh answer (nil when that failed).
type mesh struct {
	ref
	data *types.MeshData
}

func hasStatus(m mesh) bool           { return m.data != nil && m.data.Status != nil }
func hasSpec(m mesh) bool             { return m.data != nil && m.data.Spec != nil }
func hasEgressFilter(m mesh) bool     { return hasSpec(m) && m.data.Spec.EgressFilter != nil }
func hasServiceDiscovery(m mesh) bool { return hasSpec(m) && m.data.Spec.ServiceDiscovery != nil }

var meshFields = append(ownerFields(func(m mesh) ref { return m.ref }),
	collect.When(hasStatus, collect.Enum("status", "ACTIVE, INACTIVE or DELETED", func(m mesh) types.MeshStatusCode { return m.data.Status.Status })),
	collect.When(hasEgressFilter, collect.Enum("egress_filter", "ALLOW_ALL: nodes may reach any address outside the mesh; DROP_ALL: only the mesh's services",
		func(m mesh) types.EgressFilterType { return m.data.Spec.EgressFilter.Type })),
	collect.When(hasServiceDiscovery, collect.Enum("ip_preference", "IP version preference of the mesh's service discovery",
		func(m mesh) types.IpPreference { return m.data.Spec.ServiceDiscovery.IpPreference })),
)

func meshRef(m types.MeshRef) ref {
	name := aws.ToString(m.MeshName)
	return ref{arn: aws.ToString(m.Arn), id: name, name: name, meshOwner: m.MeshOwner, owner: m.ResourceOwner, version: m.Version,
		created: m.CreatedAt, updated: m.LastUpdatedAt}
}

func meshes(ctx context.Context, t *collect.Task) error {
	api := client(t)
	all, err := meshList(ctx, t, api)
	collect.ForEach(ctx, all, func(ctx context.Context, m types.MeshRef) {
		item := mesh{ref: meshRef(m)}
		out, err := api.DescribeMesh(ctx, &appmesh.DescribeMeshInput{MeshName: m.MeshName, MeshOwner: m.MeshOwner})
		if t.Warn("DescribeMesh", err); err == nil {
			item.data = out.Mesh
		}
		emit(ctx, t, api, item.ref, meshFields.Details(item))
	})
	return err
}

// child is the ref of a resource named name in the mesh, router or gateway
// of type parentType and id parentID.
func child(t *collect.Task, parentType, parentID string, name, arn, meshOwner, owner *string, version *int64, created, updated *time.Time) ref {
	return ref{arn: aws.ToString(arn), id: parentID + "/" + aws.ToString(name), name: aws.ToString(name), parent: t.Key(parentType, parentID),
		meshOwner: meshOwner, owner: owner, version: version, created: created, updated: updated}
}

func virtualNodes(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return inEachMesh(ctx, t, api, "ListVirtualNodes", func(ctx context.Context, m types.MeshRef) error {
		p := appmesh.NewListVirtualNodesPaginator(api, &appmesh.ListVirtualNodesInput{MeshName: m.MeshName, MeshOwner: m.MeshOwner, Limit: t.PageSize(100)})
		return emitEach(ctx, t, api, p, func(o *appmesh.ListVirtualNodesOutput) []types.VirtualNodeRef { return o.VirtualNodes }, func(n types.VirtualNodeRef) ref {
			return child(t, "mesh", aws.ToString(n.MeshName), n.VirtualNodeName, n.Arn, n.MeshOwner, n.ResourceOwner, n.Version, n.CreatedAt, n.LastUpdatedAt)
		})
	})
}

func virtualServices(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return inEachMesh(ctx, t, api, "ListVirtualServices", func(ctx context.Context, m types.MeshRef) error {
		p := appmesh.NewListVirtualServicesPaginator(api, &appmesh.ListVirtualServicesInput{MeshName: m.MeshName, MeshOwner: m.MeshOwner, Limit: t.PageSize(100)})
		return emitEach(ctx, t, api, p, func(o *appmesh.ListVirtualServicesOutput) []types.VirtualServiceRef { return o.VirtualServices }, func(s types.VirtualServiceRef) ref {
			return child(t, "mesh", aws.ToString(s.MeshName), s.VirtualServiceName, s.Arn, s.MeshOwner, s.ResourceOwner, s.Version, s.CreatedAt, s.LastUpdatedAt)
		})
	})
}

// routersIn are the mesh's virtual routers, listed once for the
// virtual-router and route types.
func routersIn(ctx context.Context, t *collect.Task, api *appmesh.Client, m types.MeshRef) ([]types.VirtualRouterRef, error) {
	p := appmesh.NewListVirtualRoutersPaginator(api, &appmesh.ListVirtualRoutersInput{MeshName: m.MeshName, MeshOwner: m.MeshOwner, Limit: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "ListVirtualRouters/"+inMesh(m), p, func(o *appmesh.ListVirtualRoutersOutput) []types.VirtualRouterRef { return o.VirtualRouters })
}

func virtualRouters(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return inEachMesh(ctx, t, api, "ListVirtualRouters", func(ctx context.Context, m types.MeshRef) error {
		routers, err := routersIn(ctx, t, api, m)
		emitAll(ctx, t, api, routers, func(r types.VirtualRouterRef) ref {
			return child(t, "mesh", aws.ToString(r.MeshName), r.VirtualRouterName, r.Arn, r.MeshOwner, r.ResourceOwner, r.Version, r.CreatedAt, r.LastUpdatedAt)
		})
		return err
	})
}

func routes(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return inEachMesh(ctx, t, api, "ListVirtualRouters", func(ctx context.Context, m types.MeshRef) error {
		routers, err := routersIn(ctx, t, api, m)
		collect.ForEach(ctx, routers, func(ctx context.Context, vr types.VirtualRouterRef) {
			p := appmesh.NewListRoutesPaginator(api, &appmesh.ListRoutesInput{MeshName: vr.MeshName, MeshOwner: vr.MeshOwner, VirtualRouterName: vr.VirtualRouterName,
				Limit: t.PageSize(100)})
			t.Warn("ListRoutes", emitEach(ctx, t, api, p, func(o *appmesh.ListRoutesOutput) []types.RouteRef { return o.Routes }, func(r types.RouteRef) ref {
				return child(t, "virtual-router", aws.ToString(r.MeshName)+"/"+aws.ToString(r.VirtualRouterName), r.RouteName, r.Arn, r.MeshOwner,
					r.ResourceOwner, r.Version, r.CreatedAt, r.LastUpdatedAt)
			}))
		})
		return err
	})
}

// gatewaysIn are the mesh's virtual gateways, listed once for the
// virtual-gateway and gateway-route types.
func gatewaysIn(ctx context.Context, t *collect.Task, api *appmesh.Client, m types.MeshRef) ([]types.VirtualGatewayRef, error) {
	p := appmesh.NewListVirtualGatewaysPaginator(api, &appmesh.ListVirtualGatewaysInput{MeshName: m.MeshName, MeshOwner: m.MeshOwner, Limit: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "ListVirtualGateways/"+inMesh(m), p, func(o *appmesh.ListVirtualGatewaysOutput) []types.VirtualGatewayRef { return o.VirtualGateways })
}

func virtualGateways(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return inEachMesh(ctx, t, api, "ListVirtualGateways", func(ctx context.Context, m types.MeshRef) error {
		gateways, err := gatewaysIn(ctx, t, api, m)
		emitAll(ctx, t, api, gateways, func(g types.VirtualGatewayRef) ref {
			return child(t, "mesh", aws.ToString(g.MeshName), g.VirtualGatewayName, g.Arn, g.MeshOwner, g.ResourceOwner, g.Version, g.CreatedAt, g.LastUpdatedAt)
		})
		return err
	})
}

func gatewayRoutes(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return inEachMesh(ctx, t, api, "ListVirtualGateways", func(ctx context.Context, m types.MeshRef) error {
		gateways, err := gatewaysIn(ctx, t, api, m)
		collect.ForEach(ctx, gateways, func(ctx context.Context, g types.VirtualGatewayRef) {
			p := appmesh.NewListGatewayRoutesPaginator(api, &appmesh.ListGatewayRoutesInput{MeshName: g.MeshName, MeshOwner: g.MeshOwner,
				VirtualGatewayName: g.VirtualGatewayName, Limit: t.PageSize(100)})
			t.Warn("ListGatewayRoutes", emitEach(ctx, t, api, p, func(o *appmesh.ListGatewayRoutesOutput) []types.GatewayRouteRef { return o.GatewayRoutes },
				func(r types.GatewayRouteRef) ref {
					return child(t, "virtual-gateway", aws.ToString(r.MeshName)+"/"+aws.ToString(r.VirtualGatewayName), r.GatewayRouteName, r.Arn,
						r.MeshOwner, r.ResourceOwner, r.Version, r.CreatedAt, r.LastUpdatedAt)
				}))
		})
		return err
	})
}
