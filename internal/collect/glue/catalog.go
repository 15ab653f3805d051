package glue

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glue"
	"github.com/aws/aws-sdk-go-v2/service/glue/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var databaseFields = collect.Fields[types.Database]{
	collect.Text("description", "database description", func(d types.Database) *string { return d.Description }),
	collect.Text("location_uri", "default location of the database's tables (s3://...)", func(d types.Database) *string { return d.LocationUri }),
	collect.Computed("target_database", model.Text, "database this one links to (a resource link to a shared catalog), if any", func(d types.Database) any {
		if d.TargetDatabase == nil {
			return nil
		}
		return aws.ToString(d.TargetDatabase.CatalogId) + ":" + aws.ToString(d.TargetDatabase.DatabaseName)
	}),
	collect.Timestamp("created", "creation time", func(d types.Database) *time.Time { return d.CreateTime }),
}

var tableFields = collect.Fields[types.Table]{
	collect.Text("database", "database holding the table", func(tb types.Table) *string { return tb.DatabaseName }),
	collect.Text("table_type", "EXTERNAL_TABLE, VIRTUAL_VIEW, GOVERNED, ...", func(tb types.Table) *string { return tb.TableType }),
	collect.Computed("location", model.Text, "where the table's data lives (s3://...)", func(tb types.Table) any {
		if tb.StorageDescriptor == nil {
			return ""
		}
		return aws.ToString(tb.StorageDescriptor.Location)
	}),
	collect.Computed("classification", model.Text, "data format a crawler classified (csv, parquet, json, ...), if any", func(tb types.Table) any { return tb.Parameters["classification"] }),
	collect.Computed("partition_keys", model.Integer, "number of partition keys", func(tb types.Table) any { return int64(len(tb.PartitionKeys)) }),
	collect.Text("owner", "table owner", func(tb types.Table) *string { return tb.Owner }),
	collect.Computed("registered_with_lake_formation", model.Boolean, "access is governed by Lake Formation", func(tb types.Table) any { return tb.IsRegisteredWithLakeFormation }),
	collect.Timestamp("updated", "last update of the table definition", func(tb types.Table) *time.Time { return tb.UpdateTime }),
	collect.Timestamp("last_access", "last access (Athena, Redshift Spectrum...), when Glue records it", func(tb types.Table) *time.Time { return tb.LastAccessTime }),
}

// listedDatabases are the databases of the account's catalog, listed once
// for the database and table types.
func listedDatabases(ctx context.Context, t *collect.Task, api *glue.Client) ([]types.Database, error) {
	p := glue.NewGetDatabasesPaginator(api, &glue.GetDatabasesInput{MaxResults: t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "GetDatabases", p, func(page *glue.GetDatabasesOutput) []types.Database { return page.DatabaseList })
}

// databases emits the listed databases with their tags; a failed listing
// fails the collection after those of the pages it did read.
func databases(ctx context.Context, t *collect.Task) error {
	api := client(t)
	dbs, err := listedDatabases(ctx, t, api)
	rs := make([]*model.Resource, 0, len(dbs))
	for _, d := range dbs {
		name := aws.ToString(d.Name)
		rs = append(rs, &model.Resource{Key: t.Key("database", name), Name: name, ARN: arn(t, "database", name),
			CreatedAt: model.Time(d.CreateTime), Details: databaseFields.Details(d)})
	}
	emitTagged(ctx, t, api, rs)
	return err
}

// tables lists the tables of every database, the databases concurrently.
// A database whose tables cannot be listed is a warning: the others' tables
// are still emitted, and the collection is partial.
func tables(ctx context.Context, t *collect.Task) error {
	api := client(t)
	dbs, err := listedDatabases(ctx, t, api)
	if err != nil {
		return err
	}
	collect.ForEach(ctx, dbs, func(ctx context.Context, d types.Database) {
		db := aws.ToString(d.Name)
		p := glue.NewGetTablesPaginator(api, &glue.GetTablesInput{DatabaseName: aws.String(db), MaxResults: t.PageSize(100)})
		t.Warn("GetTables", collect.EachPage(ctx, p, func(page *glue.GetTablesOutput) error {
			for _, tb := range page.TableList {
				emitTable(t, db, tb)
			}
			return nil
		}))
	})
	return nil
}

func emitTable(t *collect.Task, db string, tb types.Table) {
	name := aws.ToString(tb.Name)
	key := t.Key("table", db+"/"+name)
	t.Emit(&model.Resource{Key: key, Name: name, ARN: arn(t, "table", db+"/"+name),
		CreatedAt: model.Time(tb.CreateTime), Details: tableFields.Details(tb)})
	t.Relate(key, "in-database", t.Key("database", db))
}
