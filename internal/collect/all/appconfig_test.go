package all_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/appconfig"
	"github.com/aws/aws-sdk-go-v2/service/appconfig/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/appconfig"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

func appconfigArnOf(resource string) string {
	return "arn:aws:appconfig:" + region + ":" + account + ":" + resource
}

// canned answers AppConfig's listings (moto lists none of them but
// profiles, and no environments at all) over two pages: applications a0..a2,
// each with environments prod and test and profiles flags and settings; every
// resource is tagged with its ARN.
var appconfigCanned = map[string]func(any) (any, error){
	"ListApplications": func(in any) (any, error) {
		var all []types.Application
		for i := range 3 {
			all = append(all, types.Application{Id: aws.String(fmt.Sprint("a", i)), Name: aws.String(fmt.Sprint("app", i)), Description: aws.String("checkout")})
		}
		page, next := collecttest.Page(all, in.(*appconfig.ListApplicationsInput).NextToken, 2)
		return &appconfig.ListApplicationsOutput{Items: page, NextToken: next}, nil
	},
	"ListEnvironments": func(in any) (any, error) {
		app := in.(*appconfig.ListEnvironmentsInput).ApplicationId
		all := []types.Environment{{ApplicationId: app, Id: aws.String("prod"), Name: aws.String("Production"), State: types.EnvironmentStateReadyForDeployment,
			Monitors: []types.Monitor{{AlarmArn: aws.String("arn:aws:cloudwatch:" + region + ":" + account + ":alarm:checkout-5xx")}}},
			{ApplicationId: app, Id: aws.String("test"), Name: aws.String("Test"), State: types.EnvironmentStateRolledBack}}
		page, next := collecttest.Page(all, in.(*appconfig.ListEnvironmentsInput).NextToken, 1)
		return &appconfig.ListEnvironmentsOutput{Items: page, NextToken: next}, nil
	},
	"ListConfigurationProfiles": func(in any) (any, error) {
		app := in.(*appconfig.ListConfigurationProfilesInput).ApplicationId
		all := []types.ConfigurationProfileSummary{{ApplicationId: app, Id: aws.String("flags"), Name: aws.String("flags"), Type: aws.String("AWS.AppConfig.FeatureFlags"),
			LocationUri: aws.String("hosted")},
			{ApplicationId: app, Id: aws.String("settings"), Name: aws.String("settings"), Type: aws.String("AWS.Freeform"), LocationUri: aws.String("s3://config-bucket/app/settings.json"),
				ValidatorTypes: []types.ValidatorType{types.ValidatorTypeJsonSchema}}}
		page, next := collecttest.Page(all, in.(*appconfig.ListConfigurationProfilesInput).NextToken, 1)
		return &appconfig.ListConfigurationProfilesOutput{Items: page, NextToken: next}, nil
	},
	"ListDeploymentStrategies": func(in any) (any, error) {
		all := []types.DeploymentStrategy{{Id: aws.String("AppConfig.AllAtOnce"), Name: aws.String("AppConfig.AllAtOnce")},
			{Id: aws.String("s-1"), Name: aws.String("slow"), DeploymentDurationInMinutes: 60, FinalBakeTimeInMinutes: 30, GrowthType: types.GrowthTypeLinear,
				GrowthFactor: aws.Float32(10), ReplicateTo: types.ReplicateToNone},
			{Id: aws.String("s-2"), Name: aws.String("fast")}}
		page, next := collecttest.Page(all, in.(*appconfig.ListDeploymentStrategiesInput).NextToken, 2)
		return &appconfig.ListDeploymentStrategiesOutput{Items: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &appconfig.ListTagsForResourceOutput{Tags: map[string]string{"arn": aws.ToString(in.(*appconfig.ListTagsForResourceInput).ResourceArn)}}, nil
	},
}

func TestAppconfig(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(appconfigCanned)})
	run := func(typ string, n int) collecttest.Result {
		t.Helper()
		got := collecttest.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil || len(got.Resources) != n {
			t.Fatalf("%s: %v, %d", typ, got.Err, len(got.Resources))
		}
		collecttest.AssertNoWarnings(t, got)
		for _, r := range got.Resources {
			if r.Tags["arn"] != r.ARN {
				t.Errorf("%s %s: tags %v", typ, r.ARN, r.Tags)
			}
		}
		return got
	}
	if a := run("application", 3).ByID()["a2"]; a.Name != "app2" || a.ARN != appconfigArnOf("application/a2") || a.Details["description"] != "checkout" {
		t.Errorf("application: %+v", a)
	}

	got := run("environment", 6)
	e := got.ByID()["a1/prod"]
	if e.Name != "Production" || e.ARN != appconfigArnOf("application/a1/environment/prod") || e.Details["state"] != "READY_FOR_DEPLOYMENT" ||
		fmt.Sprint(e.Details["alarm_arns"]) != "[arn:aws:cloudwatch:"+region+":"+account+":alarm:checkout-5xx]" {
		t.Errorf("environment: %+v", e)
	}
	if n := len(got.ByID()["a1/test"].Details["alarm_arns"].([]string)); n != 0 {
		t.Errorf("test environment alarms: %d", n)
	}
	collecttest.HasEdges(t, got, "a1/prod -in-> appconfig/application:a1", "a1/prod -monitors-> cloudwatch/alarm:checkout-5xx")

	got = run("configuration-profile", 6)
	p := got.ByID()["a0/settings"]
	if p.ARN != appconfigArnOf("application/a0/configurationprofile/settings") || p.Details["profile_type"] != "AWS.Freeform" ||
		fmt.Sprint(p.Details["validators"]) != "[JSON_SCHEMA]" || p.Details["location_uri"] != "s3://config-bucket/app/settings.json" {
		t.Errorf("profile: %+v", p)
	}
	collecttest.HasEdges(t, got, "a0/settings -in-> appconfig/application:a0", "a0/settings -reads-> s3/bucket:config-bucket")

	got = run("deployment-strategy", 2)
	s := got.ByID()["s-1"]
	if s.ARN != appconfigArnOf("deploymentstrategy/s-1") || s.Details["duration_minutes"] != int64(60) || s.Details["growth_factor"] != 10.0 || s.Details["growth_type"] != "LINEAR" {
		t.Errorf("strategy: %+v", s)
	}
}

func TestAppconfigDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"application": "ListApplications", "environment": "ListApplications", "configuration-profile": "ListApplications",
		"deployment-strategy": "ListDeploymentStrategies"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	answers := map[string]func(any) (any, error){"ListEnvironments": collecttest.Denied("ListEnvironments")}
	answers["ListApplications"] = appconfigCanned["ListApplications"]
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(answers)})
	got := collecttest.Run(t, cfg, collector.Service, "environment", region)
	if got.Err != nil || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want a warning per application: %v, %d", got.Err, len(got.Task.Warnings()))
	}
}
