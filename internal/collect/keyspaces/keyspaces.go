// Package keyspaces collects Amazon Keyspaces (for Apache Cassandra)
// keyspaces and tables; the system keyspaces every account has are
// skipped.
package keyspaces

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/keyspaces"
	"github.com/aws/aws-sdk-go-v2/service/keyspaces/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Amazon Keyspaces collector.
var Service = &collect.Service{
	Name:        "keyspaces",
	Description: "Amazon Keyspaces (Cassandra) keyspaces and tables",
	Types: []collect.Type{
		{Name: "keyspace", Description: "keyspace (id = name); system keyspaces skipped", Fields: keyspaceFields.Declared(), Tags: collect.TagsPerResource, Collect: keyspaceList, DetailCalls: 1},
		{Name: "table", Description: "table (id = keyspace/table): encryption, point-in-time recovery, capacity mode", Fields: tableFields.Declared(),
			Tags: collect.TagsPerResource, Collect: tables, DetailCalls: 2},
	},
	Calls: "ListKeyspaces once for all types; keyspace: per keyspace ListTagsForResource. table: per keyspace ListTables + per table GetTable, ListTagsForResource",
	Relations: []collect.Relation{
		{From: "table", Kind: "in-keyspace", To: "keyspaces/keyspace"},
		{From: "table", Kind: "encrypted-with", To: "kms/key"},
	},
}

// system keyspaces are AWS's: system, system_schema, system_schema_mcs, ...
func system(name string) bool { return name == "system" || strings.HasPrefix(name, "system_") }

// tags pages through a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *keyspaces.Client, arn *string) map[string]string {
	out := map[string]string{}
	p := keyspaces.NewListTagsForResourcePaginator(api, &keyspaces.ListTagsForResourceInput{ResourceArn: arn})
	t.Warn("ListTagsForResource", collect.EachPage(ctx, p, func(page *keyspaces.ListTagsForResourceOutput) error {
		for _, tg := range page.Tags {
			out[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
		}
		return nil
	}))
	return out
}

// eachKeyspace runs fn on every keyspace but the system ones,
// concurrently; the keyspaces are listed once for both types.
func eachKeyspace(ctx context.Context, t *collect.Task, api *keyspaces.Client, fn func(ctx context.Context, k types.KeyspaceSummary)) error {
	p := keyspaces.NewListKeyspacesPaginator(api, &keyspaces.ListKeyspacesInput{MaxResults: t.PageSize(1000)})
	list, err := collect.ReuseItems(ctx, t, "ListKeyspaces", p, func(page *keyspaces.ListKeyspacesOutput) []types.KeyspaceSummary { return page.Keyspaces })
	collect.ForEach(ctx, list, func(ctx context.Context, k types.KeyspaceSummary) {
		if !system(aws.ToString(k.KeyspaceName)) {
			fn(ctx, k)
		}
	})
	return err
}

var keyspaceFields = collect.Fields[types.KeyspaceSummary]{
	collect.Enum("replication_strategy", "SINGLE_REGION or MULTI_REGION", func(k types.KeyspaceSummary) types.Rs { return k.ReplicationStrategy }),
	collect.Computed("replication_regions", model.JSON, "regions of a multi-region keyspace", func(k types.KeyspaceSummary) any { return append([]string{}, k.ReplicationRegions...) }),
}

func keyspaceList(ctx context.Context, t *collect.Task) error {
	api := keyspaces.NewFromConfig(t.Config)
	return eachKeyspace(ctx, t, api, func(ctx context.Context, k types.KeyspaceSummary) {
		name := aws.ToString(k.KeyspaceName)
		t.Emit(&model.Resource{Key: t.Key("keyspace", name), ARN: aws.ToString(k.ResourceArn), Name: name, Tags: tags(ctx, t, api, k.ResourceArn),
			Details: keyspaceFields.Details(k)})
	})
}

func encryption(d *keyspaces.GetTableOutput) types.EncryptionSpecification {
	if d.EncryptionSpecification == nil {
		return types.EncryptionSpecification{}
	}
	return *d.EncryptionSpecification
}

func capacity(d *keyspaces.GetTableOutput) types.CapacitySpecificationSummary {
	if d.CapacitySpecification == nil {
		return types.CapacitySpecificationSummary{}
	}
	return *d.CapacitySpecification
}

var tableFields = collect.Fields[*keyspaces.GetTableOutput]{
	collect.Text("keyspace", "keyspace of the table", func(d *keyspaces.GetTableOutput) *string { return d.KeyspaceName }),
	collect.Enum("status", "ACTIVE, CREATING, UPDATING, DELETING, RESTORING, INACCESSIBLE_ENCRYPTION_CREDENTIALS, ...", func(d *keyspaces.GetTableOutput) types.TableStatus {
		return d.Status
	}),
	collect.Computed("encryption_type", model.Text, "AWS_OWNED_KMS_KEY or CUSTOMER_MANAGED_KMS_KEY", func(d *keyspaces.GetTableOutput) any { return string(encryption(d).Type) }),
	collect.Computed("kms_key_id", model.Text, "customer managed KMS key", func(d *keyspaces.GetTableOutput) any { return aws.ToString(encryption(d).KmsKeyIdentifier) }),
	collect.Computed("point_in_time_recovery", model.Boolean, "continuous backups (point-in-time recovery) are on", func(d *keyspaces.GetTableOutput) any {
		return d.PointInTimeRecovery != nil && d.PointInTimeRecovery.Status == types.PointInTimeRecoveryStatusEnabled
	}),
	collect.Computed("throughput_mode", model.Text, "PAY_PER_REQUEST or PROVISIONED", func(d *keyspaces.GetTableOutput) any { return string(capacity(d).ThroughputMode) }),
	collect.Computed("read_capacity_units", model.Integer, "provisioned reads per second", func(d *keyspaces.GetTableOutput) any { return aws.ToInt64(capacity(d).ReadCapacityUnits) }),
	collect.Computed("write_capacity_units", model.Integer, "provisioned writes per second", func(d *keyspaces.GetTableOutput) any { return aws.ToInt64(capacity(d).WriteCapacityUnits) }),
	collect.Computed("ttl_enabled", model.Boolean, "rows can expire (TTL)", func(d *keyspaces.GetTableOutput) any {
		return d.Ttl != nil && d.Ttl.Status == types.TimeToLiveStatusEnabled
	}),
	collect.Int("default_ttl_seconds", "default time to live of rows (0 = none)", func(d *keyspaces.GetTableOutput) *int32 { return d.DefaultTimeToLive }),
}

// tables: ListTables answers per keyspace; a keyspace whose tables cannot
// be listed fails the collection once the others are stored.
func tables(ctx context.Context, t *collect.Task) error {
	api := keyspaces.NewFromConfig(t.Config)
	var listErr collect.FirstErr
	err := eachKeyspace(ctx, t, api, func(ctx context.Context, k types.KeyspaceSummary) {
		p := keyspaces.NewListTablesPaginator(api, &keyspaces.ListTablesInput{KeyspaceName: k.KeyspaceName, MaxResults: t.PageSize(1000)})
		listErr.Keep(collect.EachItem(ctx, p, func(page *keyspaces.ListTablesOutput) []types.TableSummary { return page.Tables },
			func(ctx context.Context, s types.TableSummary) { emitTable(ctx, t, api, s) }))
	})
	if err != nil {
		return err
	}
	return listErr.Err()
}

func emitTable(ctx context.Context, t *collect.Task, api *keyspaces.Client, s types.TableSummary) {
	keyspace, name := aws.ToString(s.KeyspaceName), aws.ToString(s.TableName)
	key := t.Key("table", keyspace+"/"+name)
	r := &model.Resource{Key: key, ARN: aws.ToString(s.ResourceArn), Name: name, Tags: tags(ctx, t, api, s.ResourceArn)}
	d, err := api.GetTable(ctx, &keyspaces.GetTableInput{KeyspaceName: s.KeyspaceName, TableName: s.TableName})
	t.Warn("GetTable", err)
	if err == nil {
		r.Details, r.CreatedAt = tableFields.Details(d), model.Time(d.CreationTimestamp)
		t.Relate(key, "encrypted-with", t.KMSKey(aws.ToString(encryption(d).KmsKeyIdentifier)))
	}
	t.Emit(r)
	t.Relate(key, "in-keyspace", t.Key("keyspace", keyspace))
}
