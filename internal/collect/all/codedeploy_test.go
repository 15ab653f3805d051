package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codedeploy"
	"github.com/aws/aws-sdk-go-v2/service/codedeploy/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/codedeploy"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var (
	codedeployCreated = time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
)

func codedeployArnOf(resource string) string {
	return "arn:aws:codedeploy:" + region + ":" + account + ":" + resource
}

// canned answers CodeDeploy (moto writes times the SDK cannot read and
// lacks the batch and configuration calls): applications web0..web2 over
// two pages, each with groups prod and test; configurations over two pages;
// every resource is tagged with its ARN.
var codedeployCanned = map[string]func(any) (any, error){
	"ListApplications": func(in any) (any, error) {
		page, next := collecttest.Page([]string{"web0", "web1", "web2"}, in.(*codedeploy.ListApplicationsInput).NextToken, 2)
		return &codedeploy.ListApplicationsOutput{Applications: page, NextToken: next}, nil
	},
	"BatchGetApplications": func(in any) (any, error) {
		out := &codedeploy.BatchGetApplicationsOutput{}
		for _, name := range in.(*codedeploy.BatchGetApplicationsInput).ApplicationNames {
			out.ApplicationsInfo = append(out.ApplicationsInfo, types.ApplicationInfo{ApplicationName: aws.String(name), ComputePlatform: types.ComputePlatformServer, CreateTime: &codedeployCreated})
		}
		return out, nil
	},
	"ListDeploymentGroups": func(in any) (any, error) {
		page, next := collecttest.Page([]string{"prod", "test"}, in.(*codedeploy.ListDeploymentGroupsInput).NextToken, 1)
		return &codedeploy.ListDeploymentGroupsOutput{DeploymentGroups: page, NextToken: next}, nil
	},
	"BatchGetDeploymentGroups": func(in any) (any, error) {
		in2 := in.(*codedeploy.BatchGetDeploymentGroupsInput)
		out := &codedeploy.BatchGetDeploymentGroupsOutput{}
		for _, name := range in2.DeploymentGroupNames {
			g := types.DeploymentGroupInfo{ApplicationName: in2.ApplicationName, DeploymentGroupName: aws.String(name), ComputePlatform: types.ComputePlatformServer,
				DeploymentConfigName: aws.String("CodeDeployDefault.OneAtATime"), ServiceRoleArn: aws.String("arn:aws:iam::" + account + ":role/codedeploy"),
				DeploymentStyle: &types.DeploymentStyle{DeploymentType: types.DeploymentTypeInPlace}}
			if name == "prod" {
				g.DeploymentConfigName = aws.String("half")
				g.AutoRollbackConfiguration = &types.AutoRollbackConfiguration{Enabled: true}
				g.AlarmConfiguration = &types.AlarmConfiguration{Enabled: true, Alarms: []types.Alarm{{Name: aws.String("web-5xx")}}}
				g.AutoScalingGroups = []types.AutoScalingGroup{{Name: aws.String("web-asg")}}
				g.LastAttemptedDeployment = &types.LastDeploymentInfo{Status: types.DeploymentStatusSucceeded}
			}
			out.DeploymentGroupsInfo = append(out.DeploymentGroupsInfo, g)
		}
		return out, nil
	},
	"ListDeploymentConfigs": func(in any) (any, error) {
		page, next := collecttest.Page([]string{"CodeDeployDefault.OneAtATime", "CodeDeployDefault.AllAtOnce", "half", "canary"},
			in.(*codedeploy.ListDeploymentConfigsInput).NextToken, 2)
		return &codedeploy.ListDeploymentConfigsOutput{DeploymentConfigsList: page, NextToken: next}, nil
	},
	"GetDeploymentConfig": func(in any) (any, error) {
		name := in.(*codedeploy.GetDeploymentConfigInput).DeploymentConfigName
		c := &types.DeploymentConfigInfo{DeploymentConfigName: name, CreateTime: &codedeployCreated, ComputePlatform: types.ComputePlatformServer,
			MinimumHealthyHosts: &types.MinimumHealthyHosts{Type: types.MinimumHealthyHostsTypeFleetPercent, Value: 50}}
		if aws.ToString(name) == "canary" {
			c = &types.DeploymentConfigInfo{DeploymentConfigName: name, ComputePlatform: types.ComputePlatformLambda,
				TrafficRoutingConfig: &types.TrafficRoutingConfig{Type: types.TrafficRoutingTypeTimeBasedCanary}}
		}
		return &codedeploy.GetDeploymentConfigOutput{DeploymentConfigInfo: c}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		return &codedeploy.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: in.(*codedeploy.ListTagsForResourceInput).ResourceArn}}}, nil
	},
}

func TestCodedeploy(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(codedeployCanned)})
	run := func(typ string, n int) collecttest.Result {
		t.Helper()
		got := collecttest.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil || len(got.Resources) != n {
			t.Fatalf("%s: %v, %d", typ, got.Err, len(got.Resources))
		}
		collecttest.AssertNoWarnings(t, got)
		return got
	}
	a := run("application", 3).ByID()["web2"]
	if a.ARN != codedeployArnOf("application:web2") || a.Tags["arn"] != a.ARN || a.CreatedAt != "2026-09-01T00:00:00Z" || a.Details["compute_platform"] != "Server" {
		t.Errorf("application: %+v", a)
	}

	got := run("deployment-group", 6)
	g := got.ByID()["web1/prod"]
	want := map[string]any{"application": "web1", "deployment_config": "half", "deployment_type": "IN_PLACE", "auto_rollback": true, "last_deployment_status": "Succeeded"}
	for k, v := range want {
		if g.Details[k] != v {
			t.Errorf("group details[%s] = %v, want %v", k, g.Details[k], v)
		}
	}
	if g.ARN != codedeployArnOf("deploymentgroup:web1/prod") || g.Tags["arn"] != g.ARN || fmt.Sprint(g.Details["alarms"]) != "[web-5xx]" ||
		fmt.Sprint(g.Details["autoscaling_groups"]) != "[web-asg]" || got.ByID()["web1/test"].Details["auto_rollback"] != false {
		t.Errorf("group: %+v", g)
	}
	collecttest.HasEdges(t, got, "web1/prod -in-> codedeploy/application:web1", "web1/prod -assumes-role-> iam/role:codedeploy",
		"web1/prod -uses-config-> codedeploy/deployment-config:half", "web1/prod -deploys-to-> autoscaling/group:web-asg", "web1/prod -monitors-> cloudwatch/alarm:web-5xx")
	for _, e := range got.Edges() {
		if e == "web1/test -uses-config-> codedeploy/deployment-config:CodeDeployDefault.OneAtATime" {
			t.Errorf("AWS's configurations are not the account's: %s", e)
		}
	}

	got = run("deployment-config", 2)
	if c := got.ByID()["half"]; c.ARN != codedeployArnOf("deploymentconfig:half") || c.Details["minimum_healthy_hosts"] != "FLEET_PERCENT:50" || c.CreatedAt != "2026-09-01T00:00:00Z" {
		t.Errorf("half: %+v", c)
	}
	if c := got.ByID()["canary"]; c.Details["traffic_routing"] != "TimeBasedCanary" || c.Details["compute_platform"] != "Lambda" {
		t.Errorf("canary: %+v", c)
	}
}

func TestCodedeployDenied(t *testing.T) {
	collecttest.Require(t)
	for typ, op := range map[string]string{"application": "ListApplications", "deployment-group": "ListApplications", "deployment-config": "ListDeploymentConfigs"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	for typ, op := range map[string]string{"application": "BatchGetApplications", "deployment-group": "BatchGetDeploymentGroups", "deployment-config": "GetDeploymentConfig"} {
		answers := map[string]func(any) (any, error){}
		for k, v := range codedeployCanned {
			answers[k] = v
		}
		answers[op] = collecttest.Denied(op)
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(answers)})
		got := collecttest.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil || len(got.Task.Warnings()) == 0 {
			t.Errorf("%s: a denied %s is a warning: %v, %d", typ, op, got.Err, len(got.Task.Warnings()))
		}
	}
}
