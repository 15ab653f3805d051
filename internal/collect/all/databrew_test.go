package all_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/databrew"
	"github.com/aws/aws-sdk-go-v2/service/databrew/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/databrew"
)

var databrewPaged = collecttest.Paged{Cap: 2}

var (
	databrewCreated = aws.Time(time.Date(2026, 2, 14, 9, 0, 0, 0, time.UTC))
)

func databrewArn(kind, name string) *string {
	return aws.String("arn:aws:databrew:eu-west-1:" + account + ":" + kind + "/" + name)
}

// twoPages answers the first call (no token) with first and a token, the
// second with second.
func twoPages[T any](token *string, first, second T) T {
	if token == nil {
		return first
	}
	return second
}

// answers can DataBrew: moto sends its dates as strings, which the SDK
// refuses. Every listing has two pages.
func databrewAnswers() map[string]func(any) (any, error) {
	next := aws.String("2")
	return map[string]func(any) (any, error){
		"ListDatasets": func(in any) (any, error) {
			return twoPages(in.(*databrew.ListDatasetsInput).NextToken,
				&databrew.ListDatasetsOutput{NextToken: next, Datasets: []types.Dataset{{Name: aws.String("orders"), ResourceArn: databrewArn("dataset", "orders"), CreateDate: databrewCreated,
					Source: types.SourceS3, Format: types.InputFormatCsv, Tags: map[string]string{"team": "bi"},
					Input: &types.Input{S3InputDefinition: &types.S3Location{Bucket: aws.String("raw-data"), Key: aws.String("orders/")}}}}},
				&databrew.ListDatasetsOutput{Datasets: []types.Dataset{{Name: aws.String("customers"), Source: types.SourceDatacatalog,
					Input: &types.Input{DataCatalogInputDefinition: &types.DataCatalogInputDefinition{DatabaseName: aws.String("crm"), TableName: aws.String("customers")}}}}}), nil
		},
		"ListRecipes": func(in any) (any, error) {
			return twoPages(in.(*databrew.ListRecipesInput).NextToken,
				&databrew.ListRecipesOutput{NextToken: next, Recipes: []types.Recipe{{Name: aws.String("clean"), ResourceArn: databrewArn("recipe", "clean"), RecipeVersion: aws.String("1.0"),
					Steps: []types.RecipeStep{{}, {}, {}}, Tags: map[string]string{"team": "bi"}}}},
				&databrew.ListRecipesOutput{Recipes: []types.Recipe{{Name: aws.String("dedupe")}}}), nil
		},
		"ListJobs": func(in any) (any, error) {
			return twoPages(in.(*databrew.ListJobsInput).NextToken,
				&databrew.ListJobsOutput{NextToken: next, Jobs: []types.Job{{Name: aws.String("nightly"), ResourceArn: databrewArn("job", "nightly"), Type: types.JobTypeRecipe,
					RoleArn: aws.String("arn:aws:iam::" + account + ":role/brew"), EncryptionMode: types.EncryptionModeSsekms,
					EncryptionKeyArn: aws.String("arn:aws:kms:eu-west-1:" + account + ":key/k-1"), LogSubscription: types.LogSubscriptionEnable, DatasetName: aws.String("orders"),
					RecipeReference: &types.RecipeReference{Name: aws.String("clean")}, MaxCapacity: 5,
					Outputs: []types.Output{{Location: &types.S3Location{Bucket: aws.String("clean-data")}}}}}},
				&databrew.ListJobsOutput{Jobs: []types.Job{{Name: aws.String("profile"), Type: types.JobTypeProfile, LogSubscription: types.LogSubscriptionDisable}}}), nil
		},
		"ListProjects": func(in any) (any, error) {
			return twoPages(in.(*databrew.ListProjectsInput).NextToken,
				&databrew.ListProjectsOutput{NextToken: next, Projects: []types.Project{{Name: aws.String("explore"), ResourceArn: databrewArn("project", "explore"),
					DatasetName: aws.String("orders"), RecipeName: aws.String("clean"), RoleArn: aws.String("arn:aws:iam::" + account + ":role/brew")}}},
				&databrew.ListProjectsOutput{Projects: []types.Project{{Name: aws.String("scratch")}}}), nil
		},
		"ListRulesets": func(in any) (any, error) {
			return twoPages(in.(*databrew.ListRulesetsInput).NextToken,
				&databrew.ListRulesetsOutput{NextToken: next, Rulesets: []types.RulesetItem{{Name: aws.String("orders-quality"), ResourceArn: databrewArn("ruleset", "orders-quality"),
					TargetArn: databrewArn("dataset", "orders"), RuleCount: 4}}},
				&databrew.ListRulesetsOutput{Rulesets: []types.RulesetItem{{Name: aws.String("empty")}}}), nil
		},
	}
}

func TestDatabrew(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(databrewAnswers())})
	run := func(typ string) collecttest.Result {
		t.Helper()
		got := databrewPaged.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil || len(got.Resources) != 2 {
			t.Fatalf("%s: %v, %d", typ, got.Err, len(got.Resources))
		}
		return got
	}
	want := func(got collecttest.Result, id string, details map[string]any) {
		t.Helper()
		r := got.ByID()[id]
		for k, v := range details {
			if r.Details[k] != v {
				t.Errorf("%s details[%s] = %v, want %v", id, k, r.Details[k], v)
			}
		}
	}

	ds := run("dataset")
	want(ds, "orders", map[string]any{"source": "S3", "format": "CSV", "s3_location": "s3://raw-data/orders/", "glue_table": ""})
	want(ds, "customers", map[string]any{"source": "DATA-CATALOG", "glue_table": "crm/customers"})
	if o := ds.ByID()["orders"]; o.Tags["team"] != "bi" || o.CreatedAt != "2026-02-14T09:00:00Z" || o.ARN != *databrewArn("dataset", "orders") {
		t.Errorf("orders: %s %v %q", o.ARN, o.Tags, o.CreatedAt)
	}
	collecttest.HasEdges(t, ds, "orders -reads-from-> s3/bucket:raw-data", "customers -reads-from-> glue/table:crm/customers")

	want(run("recipe"), "clean", map[string]any{"version": "1.0", "step_count": int64(3)})

	js := run("job")
	want(js, "nightly", map[string]any{"job_type": "RECIPE", "encryption_mode": "SSE-KMS", "log_subscription": "ENABLE", "dataset": "orders", "max_capacity": int64(5)})
	want(js, "profile", map[string]any{"job_type": "PROFILE", "encryption_mode": "", "log_subscription": "DISABLE"})
	collecttest.HasEdges(t, js, "nightly -assumes-role-> iam/role:brew", "nightly -encrypted-with-> kms/key:k-1", "nightly -reads-from-> databrew/dataset:orders",
		"nightly -runs-> databrew/recipe:clean", "nightly -writes-to-> s3/bucket:clean-data")

	ps := run("project")
	collecttest.HasEdges(t, ps, "explore -reads-from-> databrew/dataset:orders", "explore -edits-> databrew/recipe:clean", "explore -assumes-role-> iam/role:brew")

	rs := run("ruleset")
	want(rs, "orders-quality", map[string]any{"rule_count": int64(4)})
	collecttest.HasEdges(t, rs, "orders-quality -checks-> databrew/dataset:orders")
}

func TestDatabrewDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"dataset": "ListDatasets", "recipe": "ListRecipes", "job": "ListJobs", "project": "ListProjects", "ruleset": "ListRulesets"} {
		denied := databrewAnswers()
		denied[op] = collecttest.Denied(op)
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(denied)})
		collecttest.AssertDenied(t, databrewPaged.Run(t, cfg, collector.Service, typ, region))
	}
}
