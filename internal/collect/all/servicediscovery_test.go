package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sd "github.com/aws/aws-sdk-go-v2/service/servicediscovery"
	"github.com/aws/aws-sdk-go-v2/service/servicediscovery/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/servicediscovery"
)

var servicediscoveryPaged = collecttest.Paged{Cap: 2}

func servicediscoveryRun(t *testing.T, typ string) collecttest.Result {
	t.Helper()
	got := servicediscoveryPaged.Run(t, collecttest.Config(t, region, nil), collector.Service, typ, region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	return got
}

func TestServicediscoveryCloudMap(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := sd.NewFromConfig(cfg)
	n := testvpc.New(t, cfg, "10.30.0.0/16", "cloudmap")
	for i := range 2 {
		_, err := api.CreateHttpNamespace(ctx, &sd.CreateHttpNamespaceInput{Name: aws.String(fmt.Sprint("api", i)), Description: aws.String("apis"),
			Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("platform")}}})
		check(t, err)
	}
	_, err := api.CreatePrivateDnsNamespace(ctx, &sd.CreatePrivateDnsNamespaceInput{Name: aws.String("internal.example"), Vpc: aws.String(n.VPC)})
	check(t, err)

	got := servicediscoveryRun(t, "namespace")
	if len(got.Resources) != 3 {
		t.Fatalf("want 3 namespaces over pages, got %d", len(got.Resources))
	}
	var dns, http string
	for _, r := range got.Resources {
		switch r.Name {
		case "internal.example":
			dns = r.ID
		case "api1":
			http = r.ID
		}
	}
	h, d := got.ByID()[http], got.ByID()[dns]
	if h == nil || d == nil {
		t.Fatalf("namespaces missing: %v", got.Resources)
	}
	if h.Details["namespace_type"] != "HTTP" || h.Details["description"] != "apis" || h.Tags["team"] != "platform" || h.ARN == "" || h.CreatedAt == "" {
		t.Errorf("http namespace: %+v", h)
	}
	zone, _ := d.Details["hosted_zone_id"].(string)
	if d.Details["namespace_type"] != "DNS_PRIVATE" || zone == "" {
		t.Fatalf("dns namespace: %+v", d)
	}
	collecttest.HasEdges(t, got, dns+" -uses-zone-> route53/hosted-zone:"+zone)

	for i := range 3 {
		_, err := api.CreateService(ctx, &sd.CreateServiceInput{Name: aws.String(fmt.Sprint("orders", i)), NamespaceId: aws.String(dns),
			DnsConfig:               &types.DnsConfig{RoutingPolicy: types.RoutingPolicyMultivalue, DnsRecords: []types.DnsRecord{{Type: types.RecordTypeA, TTL: aws.Int64(60)}}},
			HealthCheckCustomConfig: &types.HealthCheckCustomConfig{}, Tags: []types.Tag{{Key: aws.String("app"), Value: aws.String("orders")}}})
		check(t, err)
	}
	got = servicediscoveryRun(t, "service")
	if len(got.Resources) != 3 {
		t.Fatalf("want 3 services, got %d", len(got.Resources))
	}
	s := got.Resources[0]
	if s.Details["namespace_id"] != dns || s.Details["routing_policy"] != "MULTIVALUE" || s.Details["health_check"] != "custom" || s.Tags["app"] != "orders" {
		t.Errorf("service: %+v", s)
	}
	collecttest.HasEdges(t, got, s.ID+" -member-of-> servicediscovery/namespace:"+dns)
}

func TestServicediscoveryDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"namespace": "ListNamespaces", "service": "ListServices"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, servicediscoveryPaged.Run(t, cfg, collector.Service, typ, region))
	}
	// A denied GetService keeps the service, its namespace unknown.
	ctx := context.Background()
	api := sd.NewFromConfig(collecttest.Config(t, region, nil))
	_, err := api.CreateService(ctx, &sd.CreateServiceInput{Name: aws.String("orders"), NamespaceId: aws.String("ns-1")})
	check(t, err)
	got := servicediscoveryPaged.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetService")}), collector.Service, "service", region)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 || got.Resources[0].Details["namespace_id"] != "" {
		t.Errorf("want the service and a warning: %v %v %v", got.Err, got.Resources, got.Task.Warnings())
	}
}
