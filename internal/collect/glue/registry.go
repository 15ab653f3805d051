package glue

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glue"
	"github.com/aws/aws-sdk-go-v2/service/glue/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var registryFields = collect.Fields[types.RegistryListItem]{
	collect.Enum("status", "AVAILABLE or DELETING", func(r types.RegistryListItem) types.RegistryStatus { return r.Status }),
	collect.Text("description", "registry description", func(r types.RegistryListItem) *string { return r.Description }),
	collect.Computed("updated", model.Timestamp, "last change of the registry", func(r types.RegistryListItem) any { return collect.TimeText(r.UpdatedTime) }),
}

func registries(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := glue.NewListRegistriesPaginator(api, &glue.ListRegistriesInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *glue.ListRegistriesOutput) error {
		rs := make([]*model.Resource, 0, len(page.Registries))
		for _, r := range page.Registries {
			name := aws.ToString(r.RegistryName)
			rs = append(rs, &model.Resource{Key: t.Key("registry", name), Name: name, ARN: aws.ToString(r.RegistryArn),
				CreatedAt: collect.TimeText(r.CreatedTime), Details: registryFields.Details(r)})
		}
		emitTagged(ctx, t, api, rs)
		return nil
	})
}

var schemaFields = collect.Fields[*glue.GetSchemaOutput]{
	collect.Enum("data_format", "AVRO, JSON or PROTOBUF", func(s *glue.GetSchemaOutput) types.DataFormat { return s.DataFormat }),
	collect.Enum("compatibility", "evolution rule for new versions: NONE, DISABLED, BACKWARD, FORWARD, FULL, ...", func(s *glue.GetSchemaOutput) types.Compatibility {
		return s.Compatibility
	}),
	collect.Enum("status", "AVAILABLE, PENDING or DELETING", func(s *glue.GetSchemaOutput) types.SchemaStatus { return s.SchemaStatus }),
	collect.Int("latest_version", "number of the latest schema version", func(s *glue.GetSchemaOutput) *int64 { return s.LatestSchemaVersion }),
	collect.Text("description", "schema description", func(s *glue.GetSchemaOutput) *string { return s.Description }),
}

// schemas lists every schema of every registry; each is read with
// GetSchema (format, compatibility) and GetTags.
func schemas(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := glue.NewListSchemasPaginator(api, &glue.ListSchemasInput{MaxResults: t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *glue.ListSchemasOutput) error {
		rs := make([]*model.Resource, 0, len(page.Schemas))
		for _, s := range page.Schemas {
			registry, name := aws.ToString(s.RegistryName), aws.ToString(s.SchemaName)
			r := &model.Resource{Key: t.Key("schema", registry+"/"+name), Name: name, ARN: aws.ToString(s.SchemaArn), CreatedAt: collect.TimeText(s.CreatedTime)}
			t.Relate(r.Key, "in-registry", t.Key("registry", registry))
			rs = append(rs, r)
		}
		collect.ForEach(ctx, rs, func(ctx context.Context, r *model.Resource) {
			out, err := api.GetSchema(ctx, &glue.GetSchemaInput{SchemaId: &types.SchemaId{SchemaArn: aws.String(r.ARN)}})
			t.Warn("GetSchema", err)
			if err == nil {
				r.Details = schemaFields.Details(out)
			}
		})
		emitTagged(ctx, t, api, rs)
		return nil
	})
}
