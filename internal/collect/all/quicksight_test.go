package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/quicksight"
	"github.com/awsmap/awsmap/internal/model"
)

var quicksightPaged = collecttest.Paged{Cap: 2}

var (
	quicksightCreated = aws.Time(time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC))
)

func quicksightArn(kind, id string) *string {
	return aws.String("arn:aws:quicksight:eu-west-1:" + account + ":" + kind + "/" + id)
}

// answers can the analysis listings (moto sends their times as strings,
// which the SDK refuses), each in two pages, and their tags.
func quicksightAnswers() map[string]func(any) (any, error) {
	next := aws.String("2")
	return map[string]func(any) (any, error){
		"ListDataSources": func(in any) (any, error) {
			if in.(*quicksight.ListDataSourcesInput).NextToken == nil {
				return &quicksight.ListDataSourcesOutput{NextToken: next, DataSources: []types.DataSource{{DataSourceId: aws.String("warehouse"), Name: aws.String("Warehouse"),
					Arn: quicksightArn("datasource", "warehouse"), Type: types.DataSourceTypeRedshift, Status: types.ResourceStatusCreationSuccessful, CreatedTime: quicksightCreated,
					SslProperties: &types.SslProperties{DisableSsl: true}, SecretArn: aws.String("arn:aws:secretsmanager:eu-west-1:" + account + ":secret:qs/warehouse-AbCdEf"),
					VpcConnectionProperties: &types.VpcConnectionProperties{VpcConnectionArn: aws.String("arn:aws:quicksight:eu-west-1:" + account + ":vpcConnection/vpc-1")}}}}, nil
			}
			return &quicksight.ListDataSourcesOutput{DataSources: []types.DataSource{{DataSourceId: aws.String("lake"), Name: aws.String("Lake"), Type: types.DataSourceTypeAthena,
				Arn: quicksightArn("datasource", "lake")}}}, nil
		},
		"ListDataSets": func(in any) (any, error) {
			if in.(*quicksight.ListDataSetsInput).NextToken == nil {
				return &quicksight.ListDataSetsOutput{NextToken: next, DataSetSummaries: []types.DataSetSummary{{DataSetId: aws.String("sales"), Name: aws.String("Sales"),
					Arn: quicksightArn("dataset", "sales"), ImportMode: types.DataSetImportModeSpice, CreatedTime: quicksightCreated, RowLevelPermissionTagConfigurationApplied: true}}}, nil
			}
			return &quicksight.ListDataSetsOutput{DataSetSummaries: []types.DataSetSummary{{DataSetId: aws.String("raw"), Arn: quicksightArn("dataset", "raw"),
				ImportMode: types.DataSetImportModeDirectQuery}}}, nil
		},
		"ListDashboards": func(in any) (any, error) {
			if in.(*quicksight.ListDashboardsInput).NextToken == nil {
				return &quicksight.ListDashboardsOutput{NextToken: next, DashboardSummaryList: []types.DashboardSummary{{DashboardId: aws.String("kpi"), Name: aws.String("KPIs"),
					Arn: quicksightArn("dashboard", "kpi"), PublishedVersionNumber: aws.Int64(4), CreatedTime: quicksightCreated}}}, nil
			}
			return &quicksight.ListDashboardsOutput{DashboardSummaryList: []types.DashboardSummary{{DashboardId: aws.String("ops"), Arn: quicksightArn("dashboard", "ops")}}}, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			return &quicksight.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: in.(*quicksight.ListTagsForResourceInput).ResourceArn}}}, nil
		},
	}
}

func TestQuicksightAnalysisResources(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(quicksightAnswers())})
	run := func(typ string) collecttest.Result {
		t.Helper()
		got := quicksightPaged.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil || len(got.Resources) != 2 {
			t.Fatalf("%s: %v, %d", typ, got.Err, len(got.Resources))
		}
		collecttest.AssertNoWarnings(t, got)
		for _, r := range got.Resources {
			if r.Tags["arn"] != r.ARN {
				t.Errorf("%s tags %v", r.ID, r.Tags)
			}
		}
		return got
	}
	want := func(r *model.Resource, details map[string]any) {
		t.Helper()
		for k, v := range details {
			if r.Details[k] != v {
				t.Errorf("%s details[%s] = %v, want %v", r.ID, k, r.Details[k], v)
			}
		}
	}
	ds := run("data-source")
	w := ds.ByID()["warehouse"]
	want(w, map[string]any{"source_type": "REDSHIFT", "ssl_disabled": true, "uses_secret": true, "status": "CREATION_SUCCESSFUL"})
	if w.Name != "Warehouse" || w.CreatedAt != "2026-03-09T00:00:00Z" {
		t.Errorf("warehouse: %s %q", w.Name, w.CreatedAt)
	}
	want(ds.ByID()["lake"], map[string]any{"ssl_disabled": false, "uses_secret": false})
	collecttest.HasEdges(t, ds, "warehouse -uses-secret-> secretsmanager/secret:qs/warehouse")

	sets := run("dataset")
	want(sets.ByID()["sales"], map[string]any{"import_mode": "SPICE", "row_level_security": true, "column_level_security": false})
	want(sets.ByID()["raw"], map[string]any{"import_mode": "DIRECT_QUERY", "row_level_security": false})

	want(run("dashboard").ByID()["kpi"], map[string]any{"published_version": int64(4)})
}

func TestQuicksightUsersAndGroups(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := quicksight.NewFromConfig(cfg)
	for i, role := range []types.UserRole{types.UserRoleAdmin, types.UserRoleAuthor, types.UserRoleReader} {
		if _, err := api.RegisterUser(ctx, &quicksight.RegisterUserInput{AwsAccountId: aws.String(account), Namespace: aws.String("default"),
			UserName: aws.String(fmt.Sprintf("user%d", i)), Email: aws.String("a@example.com"), IdentityType: types.IdentityTypeQuicksight, UserRole: role}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 3 {
		if _, err := api.CreateGroup(ctx, &quicksight.CreateGroupInput{AwsAccountId: aws.String(account), Namespace: aws.String("default"),
			GroupName: aws.String(fmt.Sprintf("team%d", i)), Description: aws.String("analysts")}); err != nil {
			t.Fatal(err)
		}
	}
	us := quicksightPaged.Run(t, cfg, collector.Service, "user", region)
	if us.Err != nil || len(us.Resources) != 3 {
		t.Fatalf("users: %v, %d", us.Err, len(us.Resources))
	}
	if u := us.ByID()["user0"]; u.Details["role"] != "ADMIN" || u.Details["identity_type"] != "QUICKSIGHT" || u.ARN == "" {
		t.Errorf("user0: %s %v", u.ARN, u.Details)
	}
	gs := quicksightPaged.Run(t, cfg, collector.Service, "group", region)
	if gs.Err != nil || len(gs.Resources) != 3 || gs.ByID()["team2"].Details["description"] != "analysts" {
		t.Fatalf("groups: %v, %d", gs.Err, len(gs.Resources))
	}
}

// An account without QuickSight is not enabled; users asked for outside
// the identity region are unsupported; a denied listing fails.
func TestQuicksightNotEnabledAndDenied(t *testing.T) {
	collecttest.Setup(t)
	fail := func(code, msg string) func(any) (any, error) {
		return func(any) (any, error) { return nil, &smithy.GenericAPIError{Code: code, Message: msg} }
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListDataSources": fail("ResourceNotFoundException", "Account 123456789012 is not signed up with QuickSight."),
		"ListUsers":       fail("AccessDeniedException", "Operation is being called from endpoint eu-west-1, but your identity region is us-east-1."),
		"ListDashboards":  collecttest.Denied("ListDashboards"),
	})})
	got := quicksightPaged.Run(t, cfg, collector.Service, "data-source", region)
	if awsx.Classify(got.Err) != awsx.Unsupported || awsx.ErrorCode(got.Err) != model.CodeNotEnabled {
		t.Errorf("not signed up: %v (%s)", got.Err, awsx.ErrorCode(got.Err))
	}
	if got := quicksightPaged.Run(t, cfg, collector.Service, "user", region); awsx.Classify(got.Err) != awsx.Unsupported {
		t.Errorf("outside the identity region: %v", got.Err)
	}
	collecttest.AssertDenied(t, quicksightPaged.Run(t, cfg, collector.Service, "dashboard", region))
}
