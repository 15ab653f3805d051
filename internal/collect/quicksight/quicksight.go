// Package quicksight collects QuickSight data sources, datasets,
// dashboards, users and groups.
package quicksight

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the QuickSight collector.
var Service = &collect.Service{
	Name:        "quicksight",
	Description: "QuickSight data sources, datasets, dashboards, users and groups",
	Types: []collect.Type{
		{Name: "data-source", Description: "QuickSight data source (id = data source id): engine, SSL, VPC connection, stored credentials",
			Fields: dataSourceFields.Declared(), Tags: collect.TagsPerResource, Collect: dataSources, DetailCalls: 1},
		{Name: "dataset", Description: "QuickSight dataset (id = dataset id): SPICE or direct query, row and column level security",
			Fields: dataSetFields.Declared(), Tags: collect.TagsPerResource, Collect: dataSets, DetailCalls: 1},
		{Name: "dashboard", Description: "QuickSight dashboard (id = dashboard id)", Fields: dashboardFields.Declared(), Tags: collect.TagsPerResource, Collect: dashboards, DetailCalls: 1},
		{Name: "user", Description: "QuickSight user of the default namespace (id = user name); listed in the account's identity region only",
			Fields: userFields.Declared(), Tags: collect.NotTaggable, Collect: users},
		{Name: "group", Description: "QuickSight group of the default namespace (id = group name); listed in the account's identity region only",
			Fields: groupFields.Declared(), Tags: collect.NotTaggable, Collect: groups},
	},
	Calls: "data-source: ListDataSources. dataset: ListDataSets. dashboard: ListDashboards (each + per resource ListTagsForResource). " +
		"user: ListUsers. group: ListGroups. An account not signed up for QuickSight is recorded not enabled",
	Relations: []collect.Relation{
		{From: "data-source", Kind: "uses-secret", To: "secretsmanager/secret"},
	},
}

// namespace is the namespace users and groups are listed in.
const namespace = "default"

// notEnabled turns the answer of an account that never signed up for
// QuickSight into a not-enabled collection, and the answer of a region
// that is not the account's identity region (users and groups live there
// only) into an unsupported one.
func notEnabled(t *collect.Task, err error) error {
	var api smithy.APIError
	if !errors.As(err, &api) {
		return err
	}
	switch {
	case api.ErrorCode() == "ResourceNotFoundException" && strings.Contains(api.ErrorMessage(), "not signed up"):
		return awsx.NotEnabled(awsx.Operation(err), "QuickSight", t.Region)
	case strings.Contains(api.ErrorMessage(), "identity region"):
		return &awsx.NotApplicableError{Reason: "QuickSight users and groups are listed in the account's identity region, not " + t.Region, Operation: awsx.Operation(err)}
	}
	return err
}

// tagsOf reads a resource's tags; a failure is a warning (tags unknown).
func tagsOf(ctx context.Context, t *collect.Task, api *quicksight.Client, arn *string) map[string]string {
	out, err := api.ListTagsForResource(ctx, &quicksight.ListTagsForResourceInput{ResourceArn: arn})
	t.Warn("ListTagsForResource", err)
	if err != nil {
		return nil
	}
	return collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
}

// each pages through a listing and runs fn on every item concurrently;
// the listing's failure goes through notEnabled.
func each[Out, T any](ctx context.Context, t *collect.Task, p collect.Pager[quicksight.Options, Out], items func(*Out) []T, fn func(context.Context, T)) error {
	return notEnabled(t, collect.EachItem(ctx, p, items, fn))
}

var dataSourceFields = collect.Fields[types.DataSource]{
	collect.Enum("source_type", "engine: ATHENA, REDSHIFT, RDS, AURORA_POSTGRESQL, S3, SNOWFLAKE, ...", func(d types.DataSource) types.DataSourceType { return d.Type }),
	collect.Enum("status", "CREATION_SUCCESSFUL, UPDATE_FAILED, ...", func(d types.DataSource) types.ResourceStatus { return d.Status }),
	collect.Computed("ssl_disabled", model.Boolean, "SSL to the database is turned off", func(d types.DataSource) any { return d.SslProperties != nil && d.SslProperties.DisableSsl }),
	collect.Computed("vpc_connection_arn", model.Text, "VPC connection used to reach a private database", func(d types.DataSource) any {
		if d.VpcConnectionProperties == nil {
			return ""
		}
		return aws.ToString(d.VpcConnectionProperties.VpcConnectionArn)
	}),
	collect.Computed("uses_secret", model.Boolean, "credentials come from a Secrets Manager secret (the secret is not read)", func(d types.DataSource) any {
		return aws.ToString(d.SecretArn) != ""
	}),
	collect.Timestamp("last_updated", "last change", func(d types.DataSource) *time.Time { return d.LastUpdatedTime }),
}

func dataSources(ctx context.Context, t *collect.Task) error {
	api := quicksight.NewFromConfig(t.Config)
	p := quicksight.NewListDataSourcesPaginator(api, &quicksight.ListDataSourcesInput{AwsAccountId: aws.String(t.Account), MaxResults: t.PageSize(100)})
	return each(ctx, t, p, func(o *quicksight.ListDataSourcesOutput) []types.DataSource { return o.DataSources }, func(ctx context.Context, d types.DataSource) {
		id := aws.ToString(d.DataSourceId)
		r := &model.Resource{Key: t.Key("data-source", id), Name: aws.ToString(d.Name), ARN: aws.ToString(d.Arn), CreatedAt: model.Time(d.CreatedTime),
			Details: dataSourceFields.Details(d), Tags: tagsOf(ctx, t, api, d.Arn)}
		t.Relate(r.Key, "uses-secret", t.Ref("secretsmanager", "secret", collect.SecretName(aws.ToString(d.SecretArn))))
		t.Emit(r)
	})
}

var dataSetFields = collect.Fields[types.DataSetSummary]{
	collect.Enum("import_mode", "SPICE (copied in, billed per GB) or DIRECT_QUERY", func(d types.DataSetSummary) types.DataSetImportMode { return d.ImportMode }),
	collect.Computed("row_level_security", model.Boolean, "a row-level permission dataset or tags restrict rows", func(d types.DataSetSummary) any {
		return d.RowLevelPermissionDataSet != nil || len(d.RowLevelPermissionDataSetMap) > 0 || d.RowLevelPermissionTagConfigurationApplied
	}),
	collect.Computed("column_level_security", model.Boolean, "column-level permission rules apply", func(d types.DataSetSummary) any { return d.ColumnLevelPermissionRulesApplied }),
	collect.Timestamp("last_updated", "last change", func(d types.DataSetSummary) *time.Time { return d.LastUpdatedTime }),
}

func dataSets(ctx context.Context, t *collect.Task) error {
	api := quicksight.NewFromConfig(t.Config)
	p := quicksight.NewListDataSetsPaginator(api, &quicksight.ListDataSetsInput{AwsAccountId: aws.String(t.Account), MaxResults: t.PageSize(100)})
	return each(ctx, t, p, func(o *quicksight.ListDataSetsOutput) []types.DataSetSummary { return o.DataSetSummaries }, func(ctx context.Context, d types.DataSetSummary) {
		id := aws.ToString(d.DataSetId)
		t.Emit(&model.Resource{Key: t.Key("dataset", id), Name: aws.ToString(d.Name), ARN: aws.ToString(d.Arn), CreatedAt: model.Time(d.CreatedTime),
			Details: dataSetFields.Details(d), Tags: tagsOf(ctx, t, api, d.Arn)})
	})
}

var dashboardFields = collect.Fields[types.DashboardSummary]{
	collect.Int("published_version", "version shown to readers", func(d types.DashboardSummary) *int64 { return d.PublishedVersionNumber }),
	collect.Timestamp("last_published", "when a version was last published", func(d types.DashboardSummary) *time.Time { return d.LastPublishedTime }),
	collect.Timestamp("last_updated", "last change", func(d types.DashboardSummary) *time.Time { return d.LastUpdatedTime }),
}

func dashboards(ctx context.Context, t *collect.Task) error {
	api := quicksight.NewFromConfig(t.Config)
	p := quicksight.NewListDashboardsPaginator(api, &quicksight.ListDashboardsInput{AwsAccountId: aws.String(t.Account), MaxResults: t.PageSize(100)})
	return each(ctx, t, p, func(o *quicksight.ListDashboardsOutput) []types.DashboardSummary { return o.DashboardSummaryList }, func(ctx context.Context, d types.DashboardSummary) {
		id := aws.ToString(d.DashboardId)
		t.Emit(&model.Resource{Key: t.Key("dashboard", id), Name: aws.ToString(d.Name), ARN: aws.ToString(d.Arn), CreatedAt: model.Time(d.CreatedTime),
			Details: dashboardFields.Details(d), Tags: tagsOf(ctx, t, api, d.Arn)})
	})
}

var userFields = collect.Fields[types.User]{
	collect.Enum("role", "ADMIN, AUTHOR, READER, ADMIN_PRO, AUTHOR_PRO or READER_PRO (priced per role)", func(u types.User) types.UserRole { return u.Role }),
	collect.Enum("identity_type", "IAM, QUICKSIGHT or IAM_IDENTITY_CENTER", func(u types.User) types.IdentityType { return u.IdentityType }),
	collect.Computed("active", model.Boolean, "the user has signed in at least once", func(u types.User) any { return u.Active }),
	collect.Text("custom_permissions", "custom permissions profile restricting the user", func(u types.User) *string { return u.CustomPermissionsName }),
}

func users(ctx context.Context, t *collect.Task) error {
	p := quicksight.NewListUsersPaginator(quicksight.NewFromConfig(t.Config), &quicksight.ListUsersInput{AwsAccountId: aws.String(t.Account),
		Namespace: aws.String(namespace), MaxResults: t.PageSize(100)})
	return notEnabled(t, collect.EachPage(ctx, p, func(page *quicksight.ListUsersOutput) error {
		for _, u := range page.UserList {
			name := aws.ToString(u.UserName)
			t.Emit(&model.Resource{Key: t.Key("user", name), Name: name, ARN: aws.ToString(u.Arn), Details: userFields.Details(u)})
		}
		return nil
	}))
}

var groupFields = collect.Fields[types.Group]{
	collect.Text("description", "group description", func(g types.Group) *string { return g.Description }),
}

func groups(ctx context.Context, t *collect.Task) error {
	p := quicksight.NewListGroupsPaginator(quicksight.NewFromConfig(t.Config), &quicksight.ListGroupsInput{AwsAccountId: aws.String(t.Account),
		Namespace: aws.String(namespace), MaxResults: t.PageSize(100)})
	return notEnabled(t, collect.EachPage(ctx, p, func(page *quicksight.ListGroupsOutput) error {
		for _, g := range page.GroupList {
			name := aws.ToString(g.GroupName)
			t.Emit(&model.Resource{Key: t.Key("group", name), Name: name, ARN: aws.ToString(g.Arn), Details: groupFields.Details(g)})
		}
		return nil
	}))
}
