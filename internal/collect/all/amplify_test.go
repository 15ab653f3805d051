package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/amplify"
	"github.com/aws/aws-sdk-go-v2/service/amplify/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/amplify"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var (
	amplifyCreated = time.Date(2026, 4, 4, 0, 0, 0, 0, time.UTC)
)

// canned answers Amplify (moto has none of it): three apps over two pages,
// each with branches main and dev over two pages; variable values and
// credentials are set so the test can check they are not stored.
var amplifyCanned = map[string]func(any) (any, error){
	"ListApps": func(in any) (any, error) {
		var all []types.App
		for i := range 3 {
			id := fmt.Sprint("d", i)
			all = append(all, types.App{AppId: aws.String(id), Name: aws.String(fmt.Sprint("site", i)), AppArn: aws.String("arn:aws:amplify:" + region + ":" + account + ":apps/" + id),
				CreateTime: &amplifyCreated, Platform: types.PlatformWeb, Repository: aws.String("https://github.com/acme/site"), EnableBasicAuth: aws.Bool(i == 1),
				BasicAuthCredentials: aws.String("c2VjcmV0"), EnvironmentVariables: map[string]string{"API_KEY": "secret-value", "STAGE": "prod"},
				IamServiceRoleArn: aws.String("arn:aws:iam::" + account + ":role/amplify"), ProductionBranch: &types.ProductionBranch{BranchName: aws.String("main")},
				Tags: map[string]string{"n": fmt.Sprint(i)}})
		}
		page, next := collecttest.Page(all, in.(*amplify.ListAppsInput).NextToken, 2)
		return &amplify.ListAppsOutput{Apps: page, NextToken: next}, nil
	},
	"ListBranches": func(in any) (any, error) {
		app := aws.ToString(in.(*amplify.ListBranchesInput).AppId)
		var all []types.Branch
		for _, name := range []string{"main", "dev"} {
			all = append(all, types.Branch{BranchName: aws.String(name), BranchArn: aws.String("arn:aws:amplify:" + region + ":" + account + ":apps/" + app + "/branches/" + name),
				CreateTime: &amplifyCreated, Stage: types.StageProduction, EnableAutoBuild: aws.Bool(true), BasicAuthCredentials: aws.String("c2VjcmV0"),
				EnvironmentVariables: map[string]string{"TOKEN": "secret-value"}, Tags: map[string]string{"branch": name}})
		}
		page, next := collecttest.Page(all, in.(*amplify.ListBranchesInput).NextToken, 1)
		return &amplify.ListBranchesOutput{Branches: page, NextToken: next}, nil
	},
}

func noSecrets(t *testing.T, got collecttest.Result) {
	t.Helper()
	for _, r := range got.Resources {
		for k, v := range r.Details {
			if s := fmt.Sprint(v); s == "secret-value" || s == "c2VjcmV0" || fmt.Sprint(v) == "map[API_KEY:secret-value STAGE:prod]" {
				t.Errorf("%s: a secret is stored in %s", r.ID, k)
			}
		}
	}
}

func TestAmplify(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(amplifyCanned)})
	got := collecttest.Run(t, cfg, collector.Service, "app", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("apps: %v, %d", got.Err, len(got.Resources))
	}
	noSecrets(t, got)
	a := got.ByID()["d0"]
	if a.Name != "site0" || a.Tags["n"] != "0" || a.CreatedAt != "2026-04-04T00:00:00Z" || a.Details["basic_auth"] != false || a.Details["platform"] != "WEB" ||
		fmt.Sprint(a.Details["environment_variable_names"]) != "[API_KEY STAGE]" || a.Details["production_branch"] != "main" {
		t.Errorf("app: %+v", a)
	}
	if got.ByID()["d1"].Details["basic_auth"] != true {
		t.Errorf("d1 is password protected: %v", got.ByID()["d1"].Details)
	}
	collecttest.HasEdges(t, got, "d0 -assumes-role-> iam/role:amplify")

	got = collecttest.Run(t, cfg, collector.Service, "branch", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("branches: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	noSecrets(t, got)
	b := got.ByID()["d2/dev"]
	if b == nil || b.Tags["branch"] != "dev" || b.Details["stage"] != "PRODUCTION" || b.Details["auto_build"] != true ||
		fmt.Sprint(b.Details["environment_variable_names"]) != "[TOKEN]" {
		t.Fatalf("branch: %+v", b)
	}
	collecttest.HasEdges(t, got, "d2/dev -in-> amplify/app:d2")
}

func TestAmplifyDenied(t *testing.T) {
	collecttest.Require(t)
	for _, typ := range []string{"app", "branch"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){"ListApps": collecttest.Denied("ListApps")})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListApps": amplifyCanned["ListApps"], "ListBranches": collecttest.Denied("ListBranches")})})
	got := collecttest.Run(t, cfg, collector.Service, "branch", region)
	if got.Err != nil || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want a warning per app: %v, %d", got.Err, len(got.Task.Warnings()))
	}
}
