package all_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/schemas"
	"github.com/aws/aws-sdk-go-v2/service/schemas/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/schemas"
)

var schemasPaged = collecttest.Paged{Cap: 2}

func schemasArn(kind, id string) *string {
	return aws.String("arn:aws:schemas:eu-west-1:" + collecttest.MotoAccount + ":" + kind + "/" + id)
}

// answers can the Schema Registry, which moto lacks: two local registries
// (asking for any other scope is an error), two schemas in "orders" over
// two pages, none in "clicks", and a discoverer on the default bus.
func schemasAnswers(t *testing.T) map[string]func(any) (any, error) {
	return map[string]func(any) (any, error){
		"ListRegistries": func(in any) (any, error) {
			if aws.ToString(in.(*schemas.ListRegistriesInput).Scope) != "LOCAL" {
				t.Errorf("registries listed with scope %v", in.(*schemas.ListRegistriesInput).Scope)
			}
			return &schemas.ListRegistriesOutput{Registries: []types.RegistrySummary{
				{RegistryName: aws.String("orders"), RegistryArn: schemasArn("registry", "orders"), Tags: map[string]string{"team": "shop"}},
				{RegistryName: aws.String("clicks"), RegistryArn: schemasArn("registry", "clicks")}}}, nil
		},
		"ListSchemas": func(in any) (any, error) {
			i := in.(*schemas.ListSchemasInput)
			switch {
			case aws.ToString(i.RegistryName) != "orders":
				return &schemas.ListSchemasOutput{}, nil
			case i.NextToken == nil:
				return &schemas.ListSchemasOutput{NextToken: aws.String("2"), Schemas: []types.SchemaSummary{{SchemaName: aws.String("OrderPlaced"),
					SchemaArn: schemasArn("schema", "orders/OrderPlaced"), VersionCount: aws.Int64(3), LastModified: aws.Time(time.Date(2026, 4, 4, 0, 0, 0, 0, time.UTC))}}}, nil
			}
			return &schemas.ListSchemasOutput{Schemas: []types.SchemaSummary{{SchemaName: aws.String("OrderShipped"), SchemaArn: schemasArn("schema", "orders/OrderShipped")}}}, nil
		},
		"ListDiscoverers": func(any) (any, error) {
			return &schemas.ListDiscoverersOutput{Discoverers: []types.DiscovererSummary{{DiscovererId: aws.String("d-1"), DiscovererArn: schemasArn("discoverer", "d-1"),
				SourceArn: aws.String("arn:aws:events:eu-west-1:" + collecttest.MotoAccount + ":event-bus/default"), State: types.DiscovererStateStarted,
				CrossAccount: aws.Bool(true)}}}, nil
		},
	}
}

func TestSchemas(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(schemasAnswers(t))})
	rg := schemasPaged.Run(t, cfg, collector.Service, "registry", region)
	if rg.Err != nil || len(rg.Resources) != 2 || rg.ByID()["orders"].Tags["team"] != "shop" {
		t.Fatalf("registries: %v, %d", rg.Err, len(rg.Resources))
	}
	sc := schemasPaged.Run(t, cfg, collector.Service, "schema", region)
	if sc.Err != nil || len(sc.Resources) != 2 {
		t.Fatalf("schemas: %v, %d", sc.Err, len(sc.Resources))
	}
	s := sc.ByID()["orders/OrderPlaced"]
	if s.Name != "OrderPlaced" || s.Details["version_count"] != int64(3) || s.Details["last_modified"] != "2026-04-04T00:00:00Z" || s.ARN != *schemasArn("schema", "orders/OrderPlaced") {
		t.Errorf("OrderPlaced: %+v", s)
	}
	collecttest.HasEdges(t, sc, "orders/OrderShipped -in-registry-> schemas/registry:orders")
	ds := schemasPaged.Run(t, cfg, collector.Service, "discoverer", region)
	if ds.Err != nil || len(ds.Resources) != 1 || ds.ByID()["d-1"].Details["state"] != "STARTED" || ds.ByID()["d-1"].Details["cross_account"] != true {
		t.Fatalf("discoverers: %v, %v", ds.Err, ds.Resources)
	}
	collecttest.HasEdges(t, ds, "d-1 -discovers-> events/bus:default")

	for typ, op := range map[string]string{"registry": "ListRegistries", "schema": "ListSchemas", "discoverer": "ListDiscoverers"} {
		denied := schemasAnswers(t)
		denied[op] = collecttest.Denied(op)
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(denied)})
		collecttest.AssertDenied(t, schemasPaged.Run(t, cfg, collector.Service, typ, region))
	}
}
