// Package amplify collects Amplify Hosting apps and their branches.
// Environment variable values and basic-auth credentials are never stored.
package amplify

import (
	"context"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/amplify"
	"github.com/aws/aws-sdk-go-v2/service/amplify/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Amplify collector.
var Service = &collect.Service{
	Name:        "amplify",
	Description: "Amplify Hosting apps and branches",
	Types: []collect.Type{
		{Name: "app", Description: "Amplify app (id = app id), with its repository and access protection; variable values and credentials are never stored",
			Fields: appFields.Declared(), Tags: collect.TagsListed, Collect: apps},
		{Name: "branch", Description: "branch of an app deployed as an environment (id = APP_ID/BRANCH)", Fields: branchFields.Declared(),
			Tags: collect.TagsListed, Collect: branches, DetailCalls: 1},
	},
	Calls: "ListApps (tags included) once for both types; branch: per app ListBranches",
	Relations: []collect.Relation{
		{From: "app", Kind: "assumes-role", To: "iam/role"},
		{From: "branch", Kind: "in", To: "amplify/app"},
	},
}

// variableNames lists environment variable names, never their values.
func variableNames(vars map[string]string) []string {
	names := []string{}
	for name := range vars {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

var appFields = collect.Fields[types.App]{
	collect.Enum("platform", "WEB, WEB_DYNAMIC or WEB_COMPUTE", func(a types.App) types.Platform { return a.Platform }),
	collect.Text("repository", "Git repository the app builds", func(a types.App) *string { return a.Repository }),
	collect.Text("default_domain", "amplifyapp.com domain of the app", func(a types.App) *string { return a.DefaultDomain }),
	collect.Bool("basic_auth", "branches ask for a password; false: public unless a branch sets it", func(a types.App) *bool { return a.EnableBasicAuth }),
	collect.Bool("auto_build", "branches build on every push", func(a types.App) *bool { return a.EnableBranchAutoBuild }),
	collect.Text("service_role_arn", "role Amplify builds and deploys with", func(a types.App) *string { return a.IamServiceRoleArn }),
	collect.Computed("environment_variable_names", model.JSON, "names of the app's environment variables (values are never stored)", func(a types.App) any {
		return variableNames(a.EnvironmentVariables)
	}),
	collect.Computed("production_branch", model.Text, "branch served as production", func(a types.App) any {
		if a.ProductionBranch == nil {
			return ""
		}
		return aws.ToString(a.ProductionBranch.BranchName)
	}),
	collect.Computed("waf_status", model.Text, "AWS WAF protection of the app; empty when none", func(a types.App) any {
		if a.WafConfiguration == nil {
			return ""
		}
		return string(a.WafConfiguration.WafStatus)
	}),
	collect.Timestamp("updated", "last change", func(a types.App) *time.Time { return a.UpdateTime }),
}

// appList are the region's apps, listed once for the app and branch types.
func appList(ctx context.Context, t *collect.Task, api *amplify.Client) ([]types.App, error) {
	p := amplify.NewListAppsPaginator(api, &amplify.ListAppsInput{MaxResults: *t.PageSize(100)})
	return collect.ReuseItems(ctx, t, "ListApps", p, func(page *amplify.ListAppsOutput) []types.App { return page.Apps })
}

func apps(ctx context.Context, t *collect.Task) error {
	list, err := appList(ctx, t, amplify.NewFromConfig(t.Config))
	for _, a := range list {
		id := aws.ToString(a.AppId)
		key := t.Key("app", id)
		t.Emit(&model.Resource{Key: key, Name: aws.ToString(a.Name), ARN: aws.ToString(a.AppArn), CreatedAt: model.Time(a.CreateTime), Tags: a.Tags,
			Details: appFields.Details(a)})
		if role := aws.ToString(a.IamServiceRoleArn); role != "" {
			t.Relate(key, "assumes-role", t.Role(role))
		}
	}
	return err
}

var branchFields = collect.Fields[types.Branch]{
	collect.Enum("stage", "PRODUCTION, BETA, DEVELOPMENT, EXPERIMENTAL or PULL_REQUEST", func(b types.Branch) types.Stage { return b.Stage }),
	collect.Text("framework", "framework detected, e.g. Next.js - SSR", func(b types.Branch) *string { return b.Framework }),
	collect.Bool("basic_auth", "the branch asks for a password", func(b types.Branch) *bool { return b.EnableBasicAuth }),
	collect.Bool("auto_build", "builds on every push", func(b types.Branch) *bool { return b.EnableAutoBuild }),
	collect.Bool("pull_request_preview", "pull requests get preview deployments", func(b types.Branch) *bool { return b.EnablePullRequestPreview }),
	collect.Computed("custom_domains", model.JSON, "custom domains serving the branch", func(b types.Branch) any { return append([]string{}, b.CustomDomains...) }),
	collect.Computed("environment_variable_names", model.JSON, "names of the branch's environment variables (values are never stored)", func(b types.Branch) any {
		return variableNames(b.EnvironmentVariables)
	}),
	collect.Timestamp("updated", "last change", func(b types.Branch) *time.Time { return b.UpdateTime }),
}

func branches(ctx context.Context, t *collect.Task) error {
	api := amplify.NewFromConfig(t.Config)
	list, err := appList(ctx, t, api)
	collect.ForEach(ctx, list, func(ctx context.Context, a types.App) {
		app := aws.ToString(a.AppId)
		p := amplify.NewListBranchesPaginator(api, &amplify.ListBranchesInput{AppId: a.AppId, MaxResults: *t.PageSize(50)})
		t.Warn("ListBranches", collect.EachPage(ctx, p, func(page *amplify.ListBranchesOutput) error {
			for _, b := range page.Branches {
				name := aws.ToString(b.BranchName)
				key := t.Key("branch", app+"/"+name)
				t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(b.BranchArn), CreatedAt: model.Time(b.CreateTime), Tags: b.Tags,
					Details: branchFields.Details(b)})
				t.Relate(key, "in", t.Key("app", app))
			}
			return nil
		}))
	})
	return err
}
