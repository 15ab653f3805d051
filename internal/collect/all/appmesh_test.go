package all_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/appmesh"
	"github.com/aws/aws-sdk-go-v2/service/appmesh/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/appmesh"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var appmeshPaged = collecttest.Paged{Cap: 2}

var (
	appmeshCreated = time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
)

func meshARN(mesh, rest string) *string {
	return aws.String("arn:aws:appmesh:" + region + ":" + account + ":mesh/" + mesh + rest)
}

// children lists three refs named prefix0..2 over two pages: every listing
// below a mesh, router or gateway answers so.
func children[R any](token *string, prefix string, ref func(name string) R) ([]R, *string) {
	var all []R
	for n := range 3 {
		all = append(all, ref(fmt.Sprint(prefix, n)))
	}
	return collecttest.Page(all, token, 2)
}

// canned answers App Mesh: moto 5.2.1 answers its timestamps as strings,
// which the SDK cannot read. Meshes shop and lab (lab shared by account
// 999999999999), each holding three of everything; every resource is
// tagged with its ARN.
var appmeshCanned = map[string]func(any) (any, error){
	"ListMeshes": func(in any) (any, error) {
		all := []types.MeshRef{
			{MeshName: aws.String("shop"), Arn: meshARN("shop", ""), MeshOwner: aws.String(account), ResourceOwner: aws.String(account), Version: aws.Int64(3),
				CreatedAt: &appmeshCreated, LastUpdatedAt: &appmeshCreated},
			{MeshName: aws.String("lab"), Arn: aws.String("arn:aws:appmesh:" + region + ":999999999999:mesh/lab"), MeshOwner: aws.String("999999999999"),
				ResourceOwner: aws.String("999999999999"), CreatedAt: &appmeshCreated},
		}
		page, next := collecttest.Page(all, in.(*appmesh.ListMeshesInput).NextToken, 1)
		return &appmesh.ListMeshesOutput{Meshes: page, NextToken: next}, nil
	},
	"DescribeMesh": func(in any) (any, error) {
		return &appmesh.DescribeMeshOutput{Mesh: &types.MeshData{MeshName: in.(*appmesh.DescribeMeshInput).MeshName,
			Spec:   &types.MeshSpec{EgressFilter: &types.EgressFilter{Type: "DROP_ALL"}, ServiceDiscovery: &types.MeshServiceDiscovery{IpPreference: "IPv4_ONLY"}},
			Status: &types.MeshStatus{Status: "ACTIVE"}}}, nil
	},
	"ListVirtualNodes": func(in any) (any, error) {
		i := in.(*appmesh.ListVirtualNodesInput)
		page, next := children(i.NextToken, "node", func(name string) types.VirtualNodeRef {
			return types.VirtualNodeRef{MeshName: i.MeshName, VirtualNodeName: &name, Arn: meshARN(*i.MeshName, "/virtualNode/"+name), MeshOwner: i.MeshOwner,
				ResourceOwner: aws.String(account), Version: aws.Int64(2), CreatedAt: &appmeshCreated, LastUpdatedAt: &appmeshCreated}
		})
		return &appmesh.ListVirtualNodesOutput{VirtualNodes: page, NextToken: next}, nil
	},
	"ListVirtualServices": func(in any) (any, error) {
		i := in.(*appmesh.ListVirtualServicesInput)
		page, next := children(i.NextToken, "svc", func(name string) types.VirtualServiceRef {
			name += ".local"
			return types.VirtualServiceRef{MeshName: i.MeshName, VirtualServiceName: &name, Arn: meshARN(*i.MeshName, "/virtualService/"+name), CreatedAt: &appmeshCreated}
		})
		return &appmesh.ListVirtualServicesOutput{VirtualServices: page, NextToken: next}, nil
	},
	"ListVirtualRouters": func(in any) (any, error) {
		i := in.(*appmesh.ListVirtualRoutersInput)
		page, next := children(i.NextToken, "router", func(name string) types.VirtualRouterRef {
			return types.VirtualRouterRef{MeshName: i.MeshName, VirtualRouterName: &name, Arn: meshARN(*i.MeshName, "/virtualRouter/"+name), CreatedAt: &appmeshCreated}
		})
		return &appmesh.ListVirtualRoutersOutput{VirtualRouters: page, NextToken: next}, nil
	},
	"ListRoutes": func(in any) (any, error) {
		i := in.(*appmesh.ListRoutesInput)
		page, next := children(i.NextToken, "route", func(name string) types.RouteRef {
			return types.RouteRef{MeshName: i.MeshName, VirtualRouterName: i.VirtualRouterName, RouteName: &name,
				Arn: meshARN(*i.MeshName, "/virtualRouter/"+*i.VirtualRouterName+"/route/"+name), CreatedAt: &appmeshCreated}
		})
		return &appmesh.ListRoutesOutput{Routes: page, NextToken: next}, nil
	},
	"ListVirtualGateways": func(in any) (any, error) {
		i := in.(*appmesh.ListVirtualGatewaysInput)
		page, next := children(i.NextToken, "gw", func(name string) types.VirtualGatewayRef {
			return types.VirtualGatewayRef{MeshName: i.MeshName, VirtualGatewayName: &name, Arn: meshARN(*i.MeshName, "/virtualGateway/"+name), CreatedAt: &appmeshCreated}
		})
		return &appmesh.ListVirtualGatewaysOutput{VirtualGateways: page, NextToken: next}, nil
	},
	"ListGatewayRoutes": func(in any) (any, error) {
		i := in.(*appmesh.ListGatewayRoutesInput)
		page, next := children(i.NextToken, "gr", func(name string) types.GatewayRouteRef {
			return types.GatewayRouteRef{MeshName: i.MeshName, VirtualGatewayName: i.VirtualGatewayName, GatewayRouteName: &name,
				Arn: meshARN(*i.MeshName, "/virtualGateway/"+*i.VirtualGatewayName+"/gatewayRoute/"+name), CreatedAt: &appmeshCreated}
		})
		return &appmesh.ListGatewayRoutesOutput{GatewayRoutes: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		i := in.(*appmesh.ListTagsForResourceInput)
		all := []types.TagRef{{Key: aws.String("arn"), Value: i.ResourceArn}, {Key: aws.String("team"), Value: aws.String("mesh")}}
		page, next := collecttest.Page(all, i.NextToken, 1)
		return &appmesh.ListTagsForResourceOutput{Tags: page, NextToken: next}, nil
	},
}

func config(deny ...string) awsx.Options {
	return awsx.Options{Responder: collecttest.Chain(collecttest.Deny(deny...), collecttest.Canned(appmeshCanned))}
}

func TestAppmesh(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, config())
	for typ, want := range map[string]struct {
		count int
		id    string
		arn   string
		edge  string
	}{
		"mesh":            {2, "shop", "", ""},
		"virtual-node":    {6, "lab/node2", "/virtualNode/node2", "lab/node2 -in-> appmesh/mesh:lab"},
		"virtual-service": {6, "shop/svc1.local", "/virtualService/svc1.local", "shop/svc1.local -in-> appmesh/mesh:shop"},
		"virtual-router":  {6, "shop/router0", "/virtualRouter/router0", "shop/router0 -in-> appmesh/mesh:shop"},
		"route":           {18, "lab/router2/route1", "/virtualRouter/router2/route/route1", "lab/router2/route1 -in-> appmesh/virtual-router:lab/router2"},
		"virtual-gateway": {6, "lab/gw0", "/virtualGateway/gw0", "lab/gw0 -in-> appmesh/mesh:lab"},
		"gateway-route":   {18, "shop/gw1/gr2", "/virtualGateway/gw1/gatewayRoute/gr2", "shop/gw1/gr2 -in-> appmesh/virtual-gateway:shop/gw1"},
	} {
		got := appmeshPaged.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil || len(got.Resources) != want.count {
			t.Fatalf("%s: %v, %d", typ, got.Err, len(got.Resources))
		}
		collecttest.AssertNoWarnings(t, got)
		r := got.ByID()[want.id]
		mesh, _, _ := strings.Cut(want.id, "/")
		if r == nil || r.ARN != *meshARN(mesh, want.arn) || r.Tags["arn"] != r.ARN || r.Tags["team"] != "mesh" || r.CreatedAt != "2026-05-01T00:00:00Z" {
			t.Fatalf("%s: %+v", typ, r)
		}
		if want.edge != "" {
			collecttest.HasEdges(t, got, want.edge)
		}
	}

	got := appmeshPaged.Run(t, cfg, collector.Service, "mesh", region)
	shop, lab := got.ByID()["shop"], got.ByID()["lab"]
	if shop.Details["egress_filter"] != "DROP_ALL" || shop.Details["status"] != "ACTIVE" || shop.Details["ip_preference"] != "IPv4_ONLY" ||
		shop.Details["version"] != int64(3) || shop.Details["mesh_owner"] != account || shop.Details["updated"] != "2026-05-01T00:00:00Z" {
		t.Errorf("mesh shop: %v", shop.Details)
	}
	if lab.Details["mesh_owner"] != "999999999999" || lab.ARN != "arn:aws:appmesh:"+region+":999999999999:mesh/lab" {
		t.Errorf("shared mesh lab: %+v", lab)
	}
	node := appmeshPaged.Run(t, cfg, collector.Service, "virtual-node", region).ByID()["lab/node2"]
	if node.Details["mesh_owner"] != "999999999999" || node.Details["resource_owner"] != account || node.Details["version"] != int64(2) {
		t.Errorf("virtual node in a shared mesh: %v", node.Details)
	}
}

func TestAppmeshDenied(t *testing.T) {
	collecttest.Require(t)
	for _, typ := range []string{"mesh", "virtual-node", "virtual-service", "virtual-router", "route", "virtual-gateway", "gateway-route"} {
		cfg := collecttest.ConfigWith(t, region, config("ListMeshes"))
		collecttest.AssertDenied(t, appmeshPaged.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, config("ListVirtualNodes", "ListRoutes", "ListTagsForResource", "DescribeMesh"))
	got := appmeshPaged.Run(t, cfg, collector.Service, "virtual-node", region)
	if got.Err != nil || len(got.Task.Warnings()) != 2 {
		t.Fatalf("a denied listing in a mesh is a warning per mesh: %v, %v", got.Err, got.Task.Warnings())
	}
	got = appmeshPaged.Run(t, cfg, collector.Service, "route", region)
	if got.Err != nil || len(got.Task.Warnings()) != 6 {
		t.Fatalf("a denied listing of routes is a warning per router: %v, %v", got.Err, got.Task.Warnings())
	}
	got = appmeshPaged.Run(t, cfg, collector.Service, "mesh", region)
	if got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 4 {
		t.Fatalf("meshes are kept when their details are denied: %v, %d, %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
	if _, known := got.ByID()["shop"].Details["egress_filter"]; known || len(got.ByID()["shop"].Tags) != 0 {
		t.Errorf("a mesh not described has no egress filter nor tags: %+v", got.ByID()["shop"])
	}
}
