package all_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	nm "github.com/aws/aws-sdk-go-v2/service/networkmanager"
	"github.com/aws/aws-sdk-go-v2/service/networkmanager/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/networkmanager"
	"github.com/awsmap/awsmap/internal/model"
)

var networkmanagerPaged = collecttest.Paged{Cap: 2}

func networkmanagerName(n string) []types.Tag {
	return []types.Tag{{Key: aws.String("Name"), Value: aws.String(n)}}
}

// estate cans the whole API: moto 5.2.1 sends timestamps as strings the
// SDK cannot read. Three global networks (one being deleted), a core
// network, and in gn-2 a site with a device and a link; pages of PageCap.
func networkmanagerEstate() awsx.Responder {
	created := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	arn := func(kind, id string) *string {
		return aws.String("arn:aws:networkmanager::" + collecttest.MotoAccount + ":" + kind + "/" + id)
	}
	var networks []types.GlobalNetwork
	for i := range 3 {
		id := fmt.Sprint("global-network-", i)
		state := types.GlobalNetworkStateAvailable
		if i == 0 {
			state = types.GlobalNetworkStateDeleting
		}
		networks = append(networks, types.GlobalNetwork{GlobalNetworkId: aws.String(id), GlobalNetworkArn: arn("global-network", id), State: state,
			Description: aws.String("corp"), CreatedAt: &created, Tags: networkmanagerName(fmt.Sprint("corp", i))})
	}
	gn := aws.String("global-network-2")
	site := aws.String("site-1")
	only := func(id *string, in *string) bool { return aws.ToString(in) == aws.ToString(id) }
	return collecttest.Canned(map[string]func(any) (any, error){
		"DescribeGlobalNetworks": func(in any) (any, error) {
			i := in.(*nm.DescribeGlobalNetworksInput)
			start := 0
			if i.NextToken != nil {
				fmt.Sscan(*i.NextToken, &start)
			}
			end := min(start+int(networkmanagerPaged.Cap), len(networks))
			out := &nm.DescribeGlobalNetworksOutput{GlobalNetworks: networks[start:end]}
			if end < len(networks) {
				out.NextToken = aws.String(fmt.Sprint(end))
			}
			return out, nil
		},
		"ListCoreNetworks": func(any) (any, error) {
			return &nm.ListCoreNetworksOutput{CoreNetworks: []types.CoreNetworkSummary{{CoreNetworkId: aws.String("core-network-1"), CoreNetworkArn: arn("core-network", "core-network-1"),
				GlobalNetworkId: gn, State: types.CoreNetworkStateAvailable, OwnerAccountId: aws.String(collecttest.MotoAccount), Tags: networkmanagerName("wan")}}}, nil
		},
		"GetSites": func(in any) (any, error) {
			out := &nm.GetSitesOutput{}
			if only(gn, in.(*nm.GetSitesInput).GlobalNetworkId) {
				out.Sites = []types.Site{{SiteId: site, SiteArn: arn("site", "site-1"), GlobalNetworkId: gn, State: types.SiteStateAvailable,
					Location: &types.Location{Address: aws.String("1 Main St")}, CreatedAt: &created, Tags: networkmanagerName("hq")}}
			}
			return out, nil
		},
		"GetDevices": func(in any) (any, error) {
			out := &nm.GetDevicesOutput{}
			if only(gn, in.(*nm.GetDevicesInput).GlobalNetworkId) {
				out.Devices = []types.Device{{DeviceId: aws.String("device-1"), DeviceArn: arn("device", "device-1"), GlobalNetworkId: gn, SiteId: site,
					Vendor: aws.String("cisco"), Model: aws.String("isr"), Type: aws.String("router"), State: types.DeviceStateAvailable, Tags: networkmanagerName("edge")}}
			}
			return out, nil
		},
		"GetLinks": func(in any) (any, error) {
			out := &nm.GetLinksOutput{}
			if only(gn, in.(*nm.GetLinksInput).GlobalNetworkId) {
				out.Links = []types.Link{{LinkId: aws.String("link-1"), LinkArn: arn("link", "link-1"), GlobalNetworkId: gn, SiteId: site, Provider: aws.String("isp"),
					Type: aws.String("broadband"), Bandwidth: &types.Bandwidth{DownloadSpeed: aws.Int32(500), UploadSpeed: aws.Int32(50)}, State: types.LinkStateAvailable}}
			}
			return out, nil
		},
	})
}

func TestNetworkmanager(t *testing.T) {
	collecttest.Setup(t)
	var mu sync.Mutex
	regions := map[string]bool{}
	record := awsx.ResponderFunc(func(_ context.Context, req awsx.Request) (any, error) {
		mu.Lock()
		defer mu.Unlock()
		regions[req.Region] = true
		return nil, awsx.ErrPassThrough
	})
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Chain(record, networkmanagerEstate())})
	run := func(typ string, n int) collecttest.Result {
		got := networkmanagerPaged.Run(t, cfg, collector.Service, typ, model.GlobalRegion)
		if got.Err != nil {
			t.Fatal(got.Err)
		}
		if len(got.Resources) != n {
			t.Fatalf("%s: want %d, got %d", typ, n, len(got.Resources))
		}
		return got
	}
	gn := "global-network-2"
	got := run("global-network", 2)
	g := got.ByID()[gn]
	if g.Name != "corp2" || g.Details["description"] != "corp" || g.Details["state"] != "AVAILABLE" || g.Region != model.GlobalRegion ||
		g.ARN != "arn:aws:networkmanager::"+collecttest.MotoAccount+":global-network/"+gn || g.CreatedAt != "2026-02-01T00:00:00Z" {
		t.Errorf("global network: %+v", g)
	}
	got = run("core-network", 1)
	if c := got.ByID()["core-network-1"]; c.Name != "wan" || c.Details["global_network_id"] != gn {
		t.Errorf("core network: %+v", c)
	}
	collecttest.HasEdges(t, got, "core-network-1 -member-of-> networkmanager/global-network:"+gn)
	got = run("site", 1)
	if s := got.ByID()["site-1"]; s.Name != "hq" || s.Details["address"] != "1 Main St" {
		t.Errorf("site: %+v", s)
	}
	collecttest.HasEdges(t, got, "site-1 -member-of-> networkmanager/global-network:"+gn)
	got = run("device", 1)
	if d := got.ByID()["device-1"]; d.Name != "edge" || d.Details["vendor"] != "cisco" || d.Details["device_type"] != "router" {
		t.Errorf("device: %+v", d)
	}
	collecttest.HasEdges(t, got, "device-1 -at-site-> networkmanager/site:site-1")
	got = run("link", 1)
	if l := got.ByID()["link-1"]; l.Details["download_mbps"] != int64(500) || l.Details["provider"] != "isp" || l.Details["link_type"] != "broadband" {
		t.Errorf("link: %+v", l)
	}
	collecttest.HasEdges(t, got, "link-1 -at-site-> networkmanager/site:site-1")
	if len(regions) != 1 || !regions["us-west-2"] {
		t.Errorf("calls went to %v, want the API's home region us-west-2 only", regions)
	}
}

func TestNetworkmanagerDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"global-network": "DescribeGlobalNetworks", "core-network": "ListCoreNetworks", "site": "GetSites",
		"device": "GetDevices", "link": "GetLinks"} {
		cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Chain(collecttest.Deny(op), networkmanagerEstate())})
		collecttest.AssertDenied(t, networkmanagerPaged.Run(t, cfg, collector.Service, typ, model.GlobalRegion))
	}
}
