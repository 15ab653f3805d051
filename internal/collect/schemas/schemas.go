// Package schemas collects EventBridge Schema Registry registries,
// schemas and discoverers.
package schemas

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/schemas"
	"github.com/aws/aws-sdk-go-v2/service/schemas/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the EventBridge Schema Registry collector.
var Service = &collect.Service{
	Name:        "schemas",
	Description: "EventBridge Schema Registry registries, schemas and discoverers",
	Types: []collect.Type{
		{Name: "registry", Description: "schema registry of the account (id = name; no details beyond its tags); AWS's own registries are skipped",
			Tags: collect.TagsListed, Collect: registries},
		{Name: "schema", Description: "schema in one of the account's registries (id = registry/schema)", Fields: schemaFields.Declared(),
			Tags: collect.TagsListed, Collect: schemaList},
		{Name: "discoverer", Description: "schema discoverer inferring schemas from a bus's events (id = discoverer id)", Fields: discovererFields.Declared(),
			Tags: collect.TagsListed, Collect: discoverers},
	},
	Calls: "ListRegistries (LOCAL) once for registry and schema; schema: per registry ListSchemas. discoverer: ListDiscoverers (each returns the tags)",
	Relations: []collect.Relation{
		{From: "schema", Kind: "in-registry", To: "schemas/registry"},
		{From: "discoverer", Kind: "discovers", To: "events/bus"},
	},
}

// localScope lists the account's own registries, not AWS's (aws.events...).
const localScope = "LOCAL"

// registryList are the account's own registries, listed once for the
// registry and schema types.
func registryList(ctx context.Context, t *collect.Task, api *schemas.Client) ([]types.RegistrySummary, error) {
	p := schemas.NewListRegistriesPaginator(api, &schemas.ListRegistriesInput{Scope: aws.String(localScope), Limit: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "ListRegistries", p, func(page *schemas.ListRegistriesOutput) []types.RegistrySummary { return page.Registries })
}

func registries(ctx context.Context, t *collect.Task) error {
	rs, err := registryList(ctx, t, schemas.NewFromConfig(t.Config))
	for _, r := range rs {
		name := aws.ToString(r.RegistryName)
		t.Emit(&model.Resource{Key: t.Key("registry", name), Name: name, ARN: aws.ToString(r.RegistryArn), Tags: r.Tags})
	}
	return err
}

var schemaFields = collect.Fields[types.SchemaSummary]{
	collect.Int("version_count", "number of schema versions", func(s types.SchemaSummary) *int64 { return s.VersionCount }),
	collect.Timestamp("last_modified", "last change", func(s types.SchemaSummary) *time.Time { return s.LastModified }),
}

func schemaList(ctx context.Context, t *collect.Task) error {
	api := schemas.NewFromConfig(t.Config)
	rs, err := registryList(ctx, t, api)
	for _, r := range rs {
		registry := aws.ToString(r.RegistryName)
		p := schemas.NewListSchemasPaginator(api, &schemas.ListSchemasInput{RegistryName: r.RegistryName, Limit: t.PageSize(100)})
		if err := collect.EachPage(ctx, p, func(page *schemas.ListSchemasOutput) error {
			for _, s := range page.Schemas {
				name := aws.ToString(s.SchemaName)
				res := &model.Resource{Key: t.Key("schema", registry+"/"+name), Name: name, ARN: aws.ToString(s.SchemaArn), Tags: s.Tags, Details: schemaFields.Details(s)}
				t.Relate(res.Key, "in-registry", t.Key("registry", registry))
				t.Emit(res)
			}
			return nil
		}); err != nil {
			return err
		}
	}
	return err
}

var discovererFields = collect.Fields[types.DiscovererSummary]{
	collect.Enum("state", "STARTED or STOPPED", func(d types.DiscovererSummary) types.DiscovererState { return d.State }),
	collect.Text("source_arn", "ARN of the event bus whose events are read", func(d types.DiscovererSummary) *string { return d.SourceArn }),
	collect.Bool("cross_account", "events from other accounts are read too", func(d types.DiscovererSummary) *bool { return d.CrossAccount }),
}

func discoverers(ctx context.Context, t *collect.Task) error {
	p := schemas.NewListDiscoverersPaginator(schemas.NewFromConfig(t.Config), &schemas.ListDiscoverersInput{Limit: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *schemas.ListDiscoverersOutput) error {
		for _, d := range page.Discoverers {
			id := aws.ToString(d.DiscovererId)
			r := &model.Resource{Key: t.Key("discoverer", id), Name: id, ARN: aws.ToString(d.DiscovererArn), Tags: d.Tags, Details: discovererFields.Details(d)}
			t.Relate(r.Key, "discovers", t.Ref("events", "bus", collect.ARNResourceName(aws.ToString(d.SourceArn))))
			t.Emit(r)
		}
		return nil
	})
}
