// Package databrew collects Glue DataBrew datasets, recipes, jobs,
// projects and data quality rulesets.
package databrew

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/databrew"
	"github.com/aws/aws-sdk-go-v2/service/databrew/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the DataBrew collector.
var Service = &collect.Service{
	Name:        "databrew",
	Description: "Glue DataBrew datasets, recipes, jobs, projects and rulesets",
	Types: []collect.Type{
		{Name: "dataset", Description: "DataBrew dataset (id = name): where the data is read from", Fields: datasetFields.Declared(), Tags: collect.TagsListed, Collect: datasets},
		{Name: "recipe", Description: "DataBrew recipe, latest working version (id = name)", Fields: recipeFields.Declared(), Tags: collect.TagsListed, Collect: recipes},
		{Name: "job", Description: "DataBrew profile or recipe job (id = name): role, encryption of outputs, logging", Fields: jobFields.Declared(), Tags: collect.TagsListed, Collect: jobs},
		{Name: "project", Description: "DataBrew interactive project (id = name)", Fields: projectFields.Declared(), Tags: collect.TagsListed, Collect: projects},
		{Name: "ruleset", Description: "DataBrew data quality ruleset (id = name)", Fields: rulesetFields.Declared(), Tags: collect.TagsListed, Collect: rulesets},
	},
	Calls: "dataset: ListDatasets. recipe: ListRecipes. job: ListJobs. project: ListProjects. ruleset: ListRulesets (each returns the tags)",
	Relations: []collect.Relation{
		{From: "dataset", Kind: "reads-from", To: "s3/bucket"},
		{From: "dataset", Kind: "reads-from", To: "glue/table"},
		{From: "job", Kind: "assumes-role", To: "iam/role"},
		{From: "job", Kind: "encrypted-with", To: "kms/key"},
		{From: "job", Kind: "reads-from", To: "databrew/dataset"},
		{From: "job", Kind: "runs", To: "databrew/recipe"},
		{From: "job", Kind: "writes-to", To: "s3/bucket"},
		{From: "project", Kind: "assumes-role", To: "iam/role"},
		{From: "project", Kind: "reads-from", To: "databrew/dataset"},
		{From: "project", Kind: "edits", To: "databrew/recipe"},
		{From: "ruleset", Kind: "checks", To: "databrew/dataset"},
	},
}

// collectAll pages through one DataBrew listing and emits the resource
// emit makes of each item (recording its relationships): every list call
// returns the tags, so no detail call is needed.
func collectAll[Out, T any](ctx context.Context, p collect.Pager[databrew.Options, Out], items func(*Out) []T, emit func(T) *model.Resource, t *collect.Task) error {
	return collect.EachPage(ctx, p, func(page *Out) error {
		for _, it := range items(page) {
			t.Emit(emit(it))
		}
		return nil
	})
}

func input(d types.Dataset) types.Input {
	if d.Input == nil {
		return types.Input{}
	}
	return *d.Input
}

var datasetFields = collect.Fields[types.Dataset]{
	collect.Enum("source", "S3, DATA-CATALOG or DATABASE", func(d types.Dataset) types.Source { return d.Source }),
	collect.Enum("format", "CSV, JSON, PARQUET, EXCEL or ORC", func(d types.Dataset) types.InputFormat { return d.Format }),
	collect.Computed("s3_location", model.Text, "s3://bucket/key of an S3 dataset", func(d types.Dataset) any {
		if s := input(d).S3InputDefinition; s != nil {
			return "s3://" + aws.ToString(s.Bucket) + "/" + aws.ToString(s.Key)
		}
		return ""
	}),
	collect.Computed("glue_table", model.Text, "database/table of a Data Catalog dataset", func(d types.Dataset) any {
		if c := input(d).DataCatalogInputDefinition; c != nil {
			return aws.ToString(c.DatabaseName) + "/" + aws.ToString(c.TableName)
		}
		return ""
	}),
	collect.Timestamp("last_modified", "last change", func(d types.Dataset) *time.Time { return d.LastModifiedDate }),
}

func datasets(ctx context.Context, t *collect.Task) error {
	p := databrew.NewListDatasetsPaginator(databrew.NewFromConfig(t.Config), &databrew.ListDatasetsInput{MaxResults: t.PageSize(100)})
	return collectAll(ctx, p, func(o *databrew.ListDatasetsOutput) []types.Dataset { return o.Datasets }, func(d types.Dataset) *model.Resource {
		name := aws.ToString(d.Name)
		r := &model.Resource{Key: t.Key("dataset", name), Name: name, ARN: aws.ToString(d.ResourceArn), CreatedAt: model.Time(d.CreateDate), Tags: d.Tags, Details: datasetFields.Details(d)}
		if s := input(d).S3InputDefinition; s != nil {
			t.RelateByName(r.Key, "reads-from", "s3", "bucket", aws.ToString(s.Bucket), t.Region)
		}
		if c := input(d).DataCatalogInputDefinition; c != nil {
			t.Relate(r.Key, "reads-from", t.Ref("glue", "table", aws.ToString(c.DatabaseName)+"/"+aws.ToString(c.TableName)))
		}
		return r
	}, t)
}

var recipeFields = collect.Fields[types.Recipe]{
	collect.Text("description", "recipe description", func(r types.Recipe) *string { return r.Description }),
	collect.Text("version", "recipe version (LATEST_WORKING, or the published number)", func(r types.Recipe) *string { return r.RecipeVersion }),
	collect.Computed("step_count", model.Integer, "number of transformation steps", func(r types.Recipe) any { return int64(len(r.Steps)) }),
	collect.Text("project", "project the recipe belongs to, if any", func(r types.Recipe) *string { return r.ProjectName }),
	collect.Timestamp("published", "when the recipe was last published", func(r types.Recipe) *time.Time { return r.PublishedDate }),
}

func recipes(ctx context.Context, t *collect.Task) error {
	p := databrew.NewListRecipesPaginator(databrew.NewFromConfig(t.Config), &databrew.ListRecipesInput{MaxResults: t.PageSize(100)})
	return collectAll(ctx, p, func(o *databrew.ListRecipesOutput) []types.Recipe { return o.Recipes }, func(rc types.Recipe) *model.Resource {
		name := aws.ToString(rc.Name)
		return &model.Resource{Key: t.Key("recipe", name), Name: name, ARN: aws.ToString(rc.ResourceArn), CreatedAt: model.Time(rc.CreateDate), Tags: rc.Tags, Details: recipeFields.Details(rc)}
	}, t)
}

var jobFields = collect.Fields[types.Job]{
	collect.Enum("job_type", "PROFILE or RECIPE", func(j types.Job) types.JobType { return j.Type }),
	collect.Text("role_arn", "IAM role the job runs as", func(j types.Job) *string { return j.RoleArn }),
	collect.Enum("encryption_mode", "encryption of the job's output: SSE-KMS or SSE-S3; empty: none set", func(j types.Job) types.EncryptionMode { return j.EncryptionMode }),
	collect.Text("encryption_key_arn", "KMS key of SSE-KMS output", func(j types.Job) *string { return j.EncryptionKeyArn }),
	collect.Enum("log_subscription", "ENABLE or DISABLE: CloudWatch logging of runs", func(j types.Job) types.LogSubscription { return j.LogSubscription }),
	collect.Text("dataset", "dataset the job reads", func(j types.Job) *string { return j.DatasetName }),
	collect.Computed("max_capacity", model.Integer, "maximum nodes per run", func(j types.Job) any { return int64(j.MaxCapacity) }),
	collect.Computed("timeout_minutes", model.Integer, "run timeout in minutes; 0: the default 48 hours", func(j types.Job) any { return int64(j.Timeout) }),
}

func jobs(ctx context.Context, t *collect.Task) error {
	p := databrew.NewListJobsPaginator(databrew.NewFromConfig(t.Config), &databrew.ListJobsInput{MaxResults: t.PageSize(100)})
	return collectAll(ctx, p, func(o *databrew.ListJobsOutput) []types.Job { return o.Jobs }, func(j types.Job) *model.Resource {
		name := aws.ToString(j.Name)
		r := &model.Resource{Key: t.Key("job", name), Name: name, ARN: aws.ToString(j.ResourceArn), CreatedAt: model.Time(j.CreateDate), Tags: j.Tags, Details: jobFields.Details(j)}
		t.Relate(r.Key, "assumes-role", t.Role(aws.ToString(j.RoleArn)))
		t.Relate(r.Key, "encrypted-with", t.KMSKey(aws.ToString(j.EncryptionKeyArn)))
		t.Relate(r.Key, "reads-from", t.Key("dataset", aws.ToString(j.DatasetName)))
		if j.RecipeReference != nil {
			t.Relate(r.Key, "runs", t.Key("recipe", aws.ToString(j.RecipeReference.Name)))
		}
		for _, o := range j.Outputs {
			if o.Location != nil {
				t.RelateByName(r.Key, "writes-to", "s3", "bucket", aws.ToString(o.Location.Bucket), t.Region)
			}
		}
		return r
	}, t)
}

var projectFields = collect.Fields[types.Project]{
	collect.Text("dataset", "dataset the project works on", func(p types.Project) *string { return p.DatasetName }),
	collect.Text("recipe", "recipe the project edits", func(p types.Project) *string { return p.RecipeName }),
	collect.Text("role_arn", "IAM role of the project's sessions", func(p types.Project) *string { return p.RoleArn }),
	collect.Timestamp("last_opened", "when the project was last opened", func(p types.Project) *time.Time { return p.OpenDate }),
}

func projects(ctx context.Context, t *collect.Task) error {
	p := databrew.NewListProjectsPaginator(databrew.NewFromConfig(t.Config), &databrew.ListProjectsInput{MaxResults: t.PageSize(100)})
	return collectAll(ctx, p, func(o *databrew.ListProjectsOutput) []types.Project { return o.Projects }, func(pr types.Project) *model.Resource {
		name := aws.ToString(pr.Name)
		r := &model.Resource{Key: t.Key("project", name), Name: name, ARN: aws.ToString(pr.ResourceArn), CreatedAt: model.Time(pr.CreateDate), Tags: pr.Tags, Details: projectFields.Details(pr)}
		t.Relate(r.Key, "assumes-role", t.Role(aws.ToString(pr.RoleArn)))
		t.Relate(r.Key, "reads-from", t.Key("dataset", aws.ToString(pr.DatasetName)))
		t.Relate(r.Key, "edits", t.Key("recipe", aws.ToString(pr.RecipeName)))
		return r
	}, t)
}

var rulesetFields = collect.Fields[types.RulesetItem]{
	collect.Text("target_arn", "ARN of the dataset the rules check", func(r types.RulesetItem) *string { return r.TargetArn }),
	collect.Computed("rule_count", model.Integer, "number of rules", func(r types.RulesetItem) any { return int64(r.RuleCount) }),
	collect.Text("description", "ruleset description", func(r types.RulesetItem) *string { return r.Description }),
}

func rulesets(ctx context.Context, t *collect.Task) error {
	p := databrew.NewListRulesetsPaginator(databrew.NewFromConfig(t.Config), &databrew.ListRulesetsInput{MaxResults: t.PageSize(100)})
	return collectAll(ctx, p, func(o *databrew.ListRulesetsOutput) []types.RulesetItem { return o.Rulesets }, func(rs types.RulesetItem) *model.Resource {
		name := aws.ToString(rs.Name)
		r := &model.Resource{Key: t.Key("ruleset", name), Name: name, ARN: aws.ToString(rs.ResourceArn), CreatedAt: model.Time(rs.CreateDate), Tags: rs.Tags, Details: rulesetFields.Details(rs)}
		t.Relate(r.Key, "checks", t.Key("dataset", collect.ARNResourceName(aws.ToString(rs.TargetArn))))
		return r
	}, t)
}
