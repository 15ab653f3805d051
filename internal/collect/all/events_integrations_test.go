package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/events"
)

// integrations makes two archives of the default bus (one kept 30 days),
// three connections and an API destination on the first.
func integrations(t *testing.T, api *eventbridge.Client) {
	t.Helper()
	ctx := context.Background()
	bus := "arn:aws:events:eu-west-1:" + collecttest.MotoAccount + ":event-bus/default"
	for i, days := range []int32{30, 0} {
		if _, err := api.CreateArchive(ctx, &eventbridge.CreateArchiveInput{ArchiveName: aws.String(fmt.Sprintf("audit%d", i)),
			EventSourceArn: aws.String(bus), RetentionDays: aws.Int32(days)}); err != nil {
			t.Fatal(err)
		}
	}
	var first *string
	for i := range 3 {
		out, err := api.CreateConnection(ctx, &eventbridge.CreateConnectionInput{Name: aws.String(fmt.Sprintf("crm%d", i)), AuthorizationType: types.ConnectionAuthorizationTypeApiKey,
			AuthParameters: &types.CreateConnectionAuthRequestParameters{ApiKeyAuthParameters: &types.CreateConnectionApiKeyAuthRequestParameters{
				ApiKeyName: aws.String("x-api-key"), ApiKeyValue: aws.String("not-stored")}}})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = out.ConnectionArn
		}
	}
	if _, err := api.CreateApiDestination(ctx, &eventbridge.CreateApiDestinationInput{Name: aws.String("crm-hook"), ConnectionArn: first,
		InvocationEndpoint: aws.String("https://crm.example.com/hook"), HttpMethod: types.ApiDestinationHttpMethodPost, InvocationRateLimitPerSecond: aws.Int32(20)}); err != nil {
		t.Fatal(err)
	}
}

func TestEventsIntegrations(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	integrations(t, eventbridge.NewFromConfig(cfg))
	run := func(typ string, n int) collecttest.Result {
		t.Helper()
		got := collecttest.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil || len(got.Resources) != n {
			t.Fatalf("%s: %v, %d resources, want %d", typ, got.Err, len(got.Resources), n)
		}
		return got
	}
	ar := run("archive", 2)
	a := ar.ByID()["audit0"]
	if a.ARN != "arn:aws:events:eu-west-1:"+collecttest.MotoAccount+":archive/audit0" || a.Details["retention_days"] != int64(30) ||
		a.Details["state"] != "ENABLED" || a.CreatedAt == "" {
		t.Errorf("audit0: %s %q %v", a.ARN, a.CreatedAt, a.Details)
	}
	collecttest.HasEdges(t, ar, "audit1 -archives-> events/bus:default")

	cs := run("connection", 3)
	c := cs.ByID()["crm1"]
	if c.Details["authorization_type"] != "API_KEY" || c.Details["state"] != "AUTHORIZED" || c.ARN == "" {
		t.Errorf("crm1: %s %v", c.ARN, c.Details)
	}
	for _, r := range cs.Resources {
		for k, v := range r.Details {
			if v == "not-stored" {
				t.Errorf("%s stores the API key in %s", r.ID, k)
			}
		}
	}

	// moto lists API destinations without their rate limit.
	ds := run("api-destination", 1)
	d := ds.ByID()["crm-hook"]
	for k, v := range map[string]any{"invocation_endpoint": "https://crm.example.com/hook", "http_method": "POST", "state": "ACTIVE"} {
		if d.Details[k] != v {
			t.Errorf("crm-hook details[%s] = %v, want %v", k, d.Details[k], v)
		}
	}
	collecttest.HasEdges(t, ds, "crm-hook -uses-connection-> events/connection:crm0")
}

// Moto has no global endpoints: ListEndpoints is canned, over two pages.
func TestEventsEndpoints(t *testing.T) {
	collecttest.Setup(t)
	bus := func(region string) types.EndpointEventBus {
		return types.EndpointEventBus{EventBusArn: aws.String("arn:aws:events:" + region + ":" + collecttest.MotoAccount + ":event-bus/orders")}
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListEndpoints": func(in any) (any, error) {
			if in.(*eventbridge.ListEndpointsInput).NextToken == nil {
				return &eventbridge.ListEndpointsOutput{NextToken: aws.String("2"), Endpoints: []types.Endpoint{{Name: aws.String("orders-global"),
					Arn: aws.String("arn:aws:events:eu-west-1:" + collecttest.MotoAccount + ":endpoint/orders-global"), State: types.EndpointStateActive,
					EventBuses: []types.EndpointEventBus{bus("eu-west-1"), bus("eu-central-1")}, ReplicationConfig: &types.ReplicationConfig{State: types.ReplicationStateEnabled},
					RoleArn: aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":role/replicate"), CreationTime: aws.Time(time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC))}}}, nil
			}
			return &eventbridge.ListEndpointsOutput{Endpoints: []types.Endpoint{{Name: aws.String("other"), State: types.EndpointStateCreating}}}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "endpoint", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("endpoints: %v, %d", got.Err, len(got.Resources))
	}
	e := got.ByID()["orders-global"]
	if e.Details["replication"] != true || e.Details["state"] != "ACTIVE" || e.CreatedAt != "2026-01-05T00:00:00Z" {
		t.Errorf("orders-global: %q %v", e.CreatedAt, e.Details)
	}
	collecttest.HasEdges(t, got, "orders-global -routes-to-> events/bus:orders", "orders-global -assumes-role-> iam/role:replicate")
	regions := map[string]bool{}
	for _, rel := range got.Relationships {
		if rel.Kind == "routes-to" {
			regions[rel.To.Region] = true
		}
	}
	if !regions["eu-west-1"] || !regions["eu-central-1"] {
		t.Errorf("bus edges in regions %v, want both", regions)
	}
}

func TestEventsIntegrationsDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"archive": "ListArchives", "connection": "ListConnections", "api-destination": "ListApiDestinations", "endpoint": "ListEndpoints"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
