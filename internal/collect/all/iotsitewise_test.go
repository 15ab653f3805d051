package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iotsitewise"
	"github.com/aws/aws-sdk-go-v2/service/iotsitewise/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/iotsitewise"
)

var iotsitewisePaged = collecttest.Paged{Cap: 2}

var (
	iotsitewiseCreated = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
)

func iotsitewiseArn(kind, id string) string {
	return "arn:aws:iotsitewise:" + region + ":" + account + ":" + kind + "/" + id
}

// three lists three items over two pages, made by item from ids PREFIX0..2
// (PARENT-PREFIXn under a parent): every listing answers so.
func iotsitewiseThree[T any](token *string, prefix string, item func(id string) T) ([]T, *string) {
	var all []T
	for n := range 3 {
		all = append(all, item(fmt.Sprint(prefix, n)))
	}
	return collecttest.Page(all, token, 2)
}

// canned answers IoT SiteWise (moto has none of it): three of each, every
// child kind three per parent; every resource is tagged with its ARN.
var iotsitewiseCanned = map[string]func(any) (any, error){
	"ListPortals": func(in any) (any, error) {
		page, next := iotsitewiseThree(in.(*iotsitewise.ListPortalsInput).NextToken, "portal", func(id string) types.PortalSummary {
			return types.PortalSummary{Id: aws.String(id), Name: aws.String("name-" + id), StartUrl: aws.String("https://" + id + ".app.iotsitewise.aws"),
				Status: &types.PortalStatus{State: "ACTIVE"}, PortalType: "SITEWISE_PORTAL_V1", RoleArn: aws.String("arn:aws:iam::" + account + ":role/sitewise"),
				CreationDate: &iotsitewiseCreated, LastUpdateDate: &iotsitewiseCreated}
		})
		return &iotsitewise.ListPortalsOutput{PortalSummaries: page, NextToken: next}, nil
	},
	"ListProjects": func(in any) (any, error) {
		i := in.(*iotsitewise.ListProjectsInput)
		page, next := iotsitewiseThree(i.NextToken, *i.PortalId+"-project", func(id string) types.ProjectSummary {
			return types.ProjectSummary{Id: aws.String(id), Name: aws.String("name-" + id), Description: aws.String("line 1"), CreationDate: &iotsitewiseCreated}
		})
		return &iotsitewise.ListProjectsOutput{ProjectSummaries: page, NextToken: next}, nil
	},
	"ListDashboards": func(in any) (any, error) {
		i := in.(*iotsitewise.ListDashboardsInput)
		page, next := iotsitewiseThree(i.NextToken, *i.ProjectId+"-dashboard", func(id string) types.DashboardSummary {
			return types.DashboardSummary{Id: aws.String(id), Name: aws.String("name-" + id), CreationDate: &iotsitewiseCreated, LastUpdateDate: &iotsitewiseCreated}
		})
		return &iotsitewise.ListDashboardsOutput{DashboardSummaries: page, NextToken: next}, nil
	},
	"ListAssetModels": func(in any) (any, error) {
		page, next := iotsitewiseThree(in.(*iotsitewise.ListAssetModelsInput).NextToken, "model", func(id string) types.AssetModelSummary {
			return types.AssetModelSummary{Id: aws.String(id), Arn: aws.String(iotsitewiseArn("asset-model", id)), Name: aws.String("name-" + id), CreationDate: &iotsitewiseCreated,
				Status: &types.AssetModelStatus{State: "ACTIVE"}, AssetModelType: "ASSET_MODEL", Version: aws.String("2")}
		})
		return &iotsitewise.ListAssetModelsOutput{AssetModelSummaries: page, NextToken: next}, nil
	},
	"ListAssets": func(in any) (any, error) {
		i := in.(*iotsitewise.ListAssetsInput)
		if i.AssetModelId == nil || i.Filter != "ALL" {
			return nil, fmt.Errorf("ListAssets lists every asset only by model: %+v", i)
		}
		page, next := iotsitewiseThree(i.NextToken, *i.AssetModelId+"-asset", func(id string) types.AssetSummary {
			return types.AssetSummary{Id: aws.String(id), Arn: aws.String(iotsitewiseArn("asset", id)), Name: aws.String("name-" + id), AssetModelId: i.AssetModelId,
				CreationDate: &iotsitewiseCreated, Status: &types.AssetStatus{State: "FAILED"}, Hierarchies: []types.AssetHierarchy{{Name: aws.String("lines")}}}
		})
		return &iotsitewise.ListAssetsOutput{AssetSummaries: page, NextToken: next}, nil
	},
	"ListGateways": func(in any) (any, error) {
		page, next := iotsitewiseThree(in.(*iotsitewise.ListGatewaysInput).NextToken, "gateway", func(id string) types.GatewaySummary {
			return types.GatewaySummary{GatewayId: aws.String(id), GatewayName: aws.String("name-" + id), CreationDate: &iotsitewiseCreated, GatewayVersion: aws.String("3"),
				GatewayPlatform:            &types.GatewayPlatform{GreengrassV2: &types.GreengrassV2{CoreDeviceThingName: aws.String("core-" + id)}},
				GatewayCapabilitySummaries: []types.GatewayCapabilitySummary{{CapabilityNamespace: aws.String("iotsitewise:opcuacollector:3"), CapabilitySyncStatus: "IN_SYNC"}}}
		})
		return &iotsitewise.ListGatewaysOutput{GatewaySummaries: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &iotsitewise.ListTagsForResourceOutput{Tags: map[string]string{"arn": aws.ToString(in.(*iotsitewise.ListTagsForResourceInput).ResourceArn)}}, nil
	},
}

func TestIotsitewiseSiteWise(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(iotsitewiseCanned)})
	for typ, want := range map[string]struct {
		count    int
		id, edge string
		fields   map[string]any
	}{
		"portal": {3, "portal1", "portal1 -assumes-role-> iam/role:sitewise",
			map[string]any{"state": "ACTIVE", "portal_type": "SITEWISE_PORTAL_V1", "start_url": "https://portal1.app.iotsitewise.aws"}},
		"project":     {9, "portal2-project0", "portal2-project0 -in-> iotsitewise/portal:portal2", map[string]any{"description": "line 1"}},
		"dashboard":   {27, "portal0-project2-dashboard1", "portal0-project2-dashboard1 -in-> iotsitewise/project:portal0-project2", map[string]any{"updated": "2026-02-01T00:00:00Z"}},
		"asset-model": {3, "model2", "", map[string]any{"state": "ACTIVE", "asset_model_type": "ASSET_MODEL", "version": "2"}},
		"asset": {9, "model1-asset2", "model1-asset2 -instance-of-> iotsitewise/asset-model:model1",
			map[string]any{"state": "FAILED", "asset_model_id": "model1", "hierarchies": []string{"lines"}}},
		"gateway": {3, "gateway0", "gateway0 -runs-on-> iot/thing:core-gateway0",
			map[string]any{"platform": "GreengrassV2", "device": "core-gateway0", "capabilities": map[string]string{"iotsitewise:opcuacollector:3": "IN_SYNC"}}},
	} {
		got := iotsitewisePaged.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil || len(got.Resources) != want.count {
			t.Fatalf("%s: %v, %d", typ, got.Err, len(got.Resources))
		}
		collecttest.AssertNoWarnings(t, got)
		r := got.ByID()[want.id]
		if r == nil || r.ARN != iotsitewiseArn(typ, want.id) || r.Tags["arn"] != r.ARN || r.Name != "name-"+want.id || r.CreatedAt != "2026-02-01T00:00:00Z" {
			t.Fatalf("%s: %+v", typ, r)
		}
		for k, v := range want.fields {
			if fmt.Sprint(r.Details[k]) != fmt.Sprint(v) {
				t.Errorf("%s %s: %s = %v, want %v", typ, want.id, k, r.Details[k], v)
			}
		}
		if want.edge != "" {
			collecttest.HasEdges(t, got, want.edge)
		}
	}
}

func TestIotsitewiseDenied(t *testing.T) {
	collecttest.Require(t)
	deny := func(ops ...string) awsx.Options {
		return awsx.Options{Responder: collecttest.Chain(collecttest.Deny(ops...), collecttest.Canned(iotsitewiseCanned))}
	}
	for typ, op := range map[string]string{"portal": "ListPortals", "project": "ListPortals", "dashboard": "ListPortals",
		"asset-model": "ListAssetModels", "asset": "ListAssetModels", "gateway": "ListGateways"} {
		collecttest.AssertDenied(t, iotsitewisePaged.Run(t, collecttest.ConfigWith(t, region, deny(op)), collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, deny("ListDashboards", "ListAssets", "ListTagsForResource"))
	for typ, warnings := range map[string]int{"dashboard": 9, "asset": 3, "gateway": 3} {
		got := iotsitewisePaged.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil || len(got.Task.Warnings()) != warnings {
			t.Errorf("%s: want %d warnings: %v, %v", typ, warnings, got.Err, got.Task.Warnings())
		}
	}
}
