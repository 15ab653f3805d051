// Package athena collects Athena workgroups, data catalogs, saved queries,
// prepared statements and capacity reservations.
package athena

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/athena"
	"github.com/aws/aws-sdk-go-v2/service/athena/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Athena collector.
var Service = &collect.Service{
	Name:        "athena",
	Description: "Athena workgroups, data catalogs, saved queries, prepared statements and capacity reservations",
	Types: []collect.Type{
		{Name: "workgroup", Description: "Athena workgroup (id = name), with where and how query results are stored", Fields: workgroupFields.Declared(), Tags: collect.TagsPerResource, Collect: workgroups, DetailCalls: 2},
		{Name: "data-catalog", Description: "Athena data catalog (id = name); the built-in AwsDataCatalog is skipped", Fields: catalogFields.Declared(), Tags: collect.TagsPerResource, Collect: dataCatalogs, DetailCalls: 1},
		{Name: "named-query", Description: "Athena saved query (id = named query id; no ARN); the SQL text is not stored", Fields: namedQueryFields.Declared(),
			Tags: collect.NotTaggable, Collect: namedQueries, DetailCalls: 1},
		{Name: "prepared-statement", Description: "Athena prepared statement (id = workgroup/name; no ARN)", Fields: preparedStatementFields.Declared(),
			Tags: collect.NotTaggable, Collect: preparedStatements},
		{Name: "capacity-reservation", Description: "Athena provisioned capacity reservation (id = name), billed per DPU hour", Fields: capacityReservationFields.Declared(),
			Tags: collect.TagsPerResource, Collect: capacityReservations, DetailCalls: 1},
	},
	Calls: "ListWorkGroups once for workgroup, named-query and prepared-statement; workgroup: per workgroup GetWorkGroup, ListTagsForResource. " +
		"data-catalog: ListDataCatalogs + per catalog ListTagsForResource. " +
		"named-query: per workgroup ListNamedQueries + per query GetNamedQuery. prepared-statement: per workgroup ListPreparedStatements. " +
		"capacity-reservation: ListCapacityReservations + per reservation ListTagsForResource",
	Relations: []collect.Relation{
		{From: "workgroup", Kind: "results-in", To: "s3/bucket"},
		{From: "workgroup", Kind: "encrypted-with", To: "kms/key"},
		{From: "named-query", Kind: "in-workgroup", To: "athena/workgroup"},
		{From: "prepared-statement", Kind: "in-workgroup", To: "athena/workgroup"},
	},
}

// builtinCatalog is the Glue Data Catalog every account has in Athena.
const builtinCatalog = "AwsDataCatalog"

func results(w *types.WorkGroup) types.ResultConfiguration {
	if w.Configuration == nil || w.Configuration.ResultConfiguration == nil {
		return types.ResultConfiguration{}
	}
	return *w.Configuration.ResultConfiguration
}

func resultsEncryption(w *types.WorkGroup) types.EncryptionConfiguration {
	if e := results(w).EncryptionConfiguration; e != nil {
		return *e
	}
	return types.EncryptionConfiguration{}
}

func configuration(w *types.WorkGroup) types.WorkGroupConfiguration {
	if w.Configuration == nil {
		return types.WorkGroupConfiguration{}
	}
	return *w.Configuration
}

var workgroupFields = collect.Fields[*types.WorkGroup]{
	collect.Enum("state", "ENABLED or DISABLED", func(w *types.WorkGroup) types.WorkGroupState { return w.State }),
	collect.Text("description", "workgroup description", func(w *types.WorkGroup) *string { return w.Description }),
	collect.Computed("output_location", model.Text, "where query results are written (s3://...); empty when each query says", func(w *types.WorkGroup) any { return aws.ToString(results(w).OutputLocation) }),
	collect.Enum("results_encryption", "encryption of query results: SSE_S3, SSE_KMS or CSE_KMS; empty when not encrypted by the workgroup", func(w *types.WorkGroup) types.EncryptionOption { return resultsEncryption(w).EncryptionOption }),
	collect.Computed("results_kms_key", model.Text, "KMS key of SSE_KMS or CSE_KMS results", func(w *types.WorkGroup) any { return aws.ToString(resultsEncryption(w).KmsKey) }),
	collect.Computed("enforce_configuration", model.Boolean, "the workgroup's settings override the client's (results location, encryption)", func(w *types.WorkGroup) any {
		return aws.ToBool(configuration(w).EnforceWorkGroupConfiguration)
	}),
	collect.Computed("publish_cloudwatch_metrics", model.Boolean, "query metrics are published to CloudWatch", func(w *types.WorkGroup) any {
		return aws.ToBool(configuration(w).PublishCloudWatchMetricsEnabled)
	}),
	collect.Computed("bytes_scanned_cutoff", model.Integer, "per-query data-scanned limit in bytes; 0 when unlimited", func(w *types.WorkGroup) any {
		return aws.ToInt64(configuration(w).BytesScannedCutoffPerQuery)
	}),
}

// workgroupList are the region's workgroups, listed once for the
// workgroup, named-query and prepared-statement types.
func workgroupList(ctx context.Context, t *collect.Task, api *athena.Client) ([]types.WorkGroupSummary, error) {
	p := athena.NewListWorkGroupsPaginator(api, &athena.ListWorkGroupsInput{MaxResults: t.PageSize(50)})
	return collect.ReuseItems(ctx, t, "ListWorkGroups", p, func(page *athena.ListWorkGroupsOutput) []types.WorkGroupSummary { return page.WorkGroups })
}

func workgroups(ctx context.Context, t *collect.Task) error {
	api := athena.NewFromConfig(t.Config)
	list, err := workgroupList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, s types.WorkGroupSummary) { emitWorkgroup(ctx, t, api, s) })
	return err
}

// emitWorkgroup reads and emits one workgroup; a failed read leaves its
// details unknown and the collection partial.
func emitWorkgroup(ctx context.Context, t *collect.Task, api *athena.Client, s types.WorkGroupSummary) {
	name := aws.ToString(s.Name)
	key := t.Key("workgroup", name)
	r := &model.Resource{Key: key, Name: name, ARN: collect.ARN(t, "athena", "", "workgroup/"+name), CreatedAt: model.Time(s.CreationTime)}
	out, err := api.GetWorkGroup(ctx, &athena.GetWorkGroupInput{WorkGroup: s.Name})
	if err != nil {
		t.Warn("GetWorkGroup", err)
	} else if w := out.WorkGroup; w != nil {
		r.Details = workgroupFields.Details(w)
		t.RelateByName(key, "results-in", "s3", "bucket", collect.S3URIBucket(aws.ToString(results(w).OutputLocation)), t.Region)
		t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(resultsEncryption(w).KmsKey)))
	}
	r.Tags = tags(ctx, t, api, r.ARN)
	t.Emit(r)
}

var catalogFields = collect.Fields[types.DataCatalogSummary]{
	collect.Enum("catalog_type", "LAMBDA, GLUE, HIVE or FEDERATED", func(c types.DataCatalogSummary) types.DataCatalogType { return c.Type }),
	collect.Enum("status", "CREATE_COMPLETE, CREATE_FAILED, ... (federated catalogs)", func(c types.DataCatalogSummary) types.DataCatalogStatus { return c.Status }),
}

func dataCatalogs(ctx context.Context, t *collect.Task) error {
	api := athena.NewFromConfig(t.Config)
	p := athena.NewListDataCatalogsPaginator(api, &athena.ListDataCatalogsInput{MaxResults: t.PageSize(50)})
	return collect.EachItem(ctx, p, func(page *athena.ListDataCatalogsOutput) []types.DataCatalogSummary { return page.DataCatalogsSummary },
		func(ctx context.Context, c types.DataCatalogSummary) {
			name := aws.ToString(c.CatalogName)
			if name == builtinCatalog {
				return
			}
			arn := collect.ARN(t, "athena", "", "datacatalog/"+name)
			t.Emit(&model.Resource{Key: t.Key("data-catalog", name), Name: name, ARN: arn, Details: catalogFields.Details(c), Tags: tags(ctx, t, api, arn)})
		})
}

// tags pages through a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *athena.Client, arn string) map[string]string {
	out := map[string]string{}
	p := athena.NewListTagsForResourcePaginator(api, &athena.ListTagsForResourceInput{ResourceARN: aws.String(arn)})
	t.Warn("ListTagsForResource", collect.EachPage(ctx, p, func(page *athena.ListTagsForResourceOutput) error {
		for _, tg := range page.Tags {
			out[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
		}
		return nil
	}))
	return out
}
