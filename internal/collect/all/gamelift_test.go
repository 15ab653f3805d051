package all_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/gamelift"
	"github.com/aws/aws-sdk-go-v2/service/gamelift/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/gamelift"
)

var (
	gameliftCreated = time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
)

func gameliftArn(resource string) *string {
	return aws.String("arn:aws:gamelift:" + region + ":" + account + ":" + resource)
}

// canned answers GameLift (moto has none of it): every listing runs over
// two pages; ListTagsForResource tags each resource with its own ARN.
var gameliftCanned = map[string]func(any) (any, error){
	"DescribeFleetAttributes": func(in any) (any, error) {
		all := []types.FleetAttributes{
			{FleetId: aws.String("fleet-1"), FleetArn: gameliftArn("fleet/fleet-1"), Name: aws.String("prod"), Status: types.FleetStatusActive, ComputeType: types.ComputeTypeEc2,
				FleetType: types.FleetTypeSpot, InstanceType: types.EC2InstanceTypeC5Large, BuildId: aws.String("build-1"), CreationTime: &gameliftCreated,
				InstanceRoleArn: aws.String("arn:aws:iam::" + account + ":role/game"), NewGameSessionProtectionPolicy: types.ProtectionPolicyFullProtection,
				CertificateConfiguration: &types.CertificateConfiguration{CertificateType: types.CertificateTypeGenerated}, StoppedActions: []types.FleetAction{types.FleetActionAutoScaling}},
			{FleetId: aws.String("fleet-2"), FleetArn: gameliftArn("fleet/fleet-2"), Name: aws.String("realtime"), Status: types.FleetStatusActive, ScriptId: aws.String("script-1")},
			{FleetId: aws.String("fleet-3"), FleetArn: gameliftArn("fleet/fleet-3"), Name: aws.String("gone"), Status: types.FleetStatusTerminated},
		}
		page, next := collecttest.Page(all, in.(*gamelift.DescribeFleetAttributesInput).NextToken, 2)
		return &gamelift.DescribeFleetAttributesOutput{FleetAttributes: page, NextToken: next}, nil
	},
	"ListBuilds": func(in any) (any, error) {
		var all []types.Build
		for i := range 3 {
			id := fmt.Sprint("build-", i)
			all = append(all, types.Build{BuildId: aws.String(id), BuildArn: gameliftArn("build/" + id), Name: aws.String("server"), Version: aws.String(fmt.Sprint("1.", i)),
				Status: types.BuildStatusReady, OperatingSystem: types.OperatingSystemAmazonLinux2023, SizeOnDisk: aws.Int64(1 << 30), CreationTime: &gameliftCreated})
		}
		page, next := collecttest.Page(all, in.(*gamelift.ListBuildsInput).NextToken, 2)
		return &gamelift.ListBuildsOutput{Builds: page, NextToken: next}, nil
	},
	"ListScripts": func(in any) (any, error) {
		all := []types.Script{{ScriptId: aws.String("script-1"), ScriptArn: gameliftArn("script/script-1"), Name: aws.String("rt"), NodeJsVersion: aws.String("24.x"), SizeOnDisk: aws.Int64(2048)},
			{ScriptId: aws.String("script-2"), ScriptArn: gameliftArn("script/script-2"), Name: aws.String("rt2")}}
		page, next := collecttest.Page(all, in.(*gamelift.ListScriptsInput).NextToken, 1)
		return &gamelift.ListScriptsOutput{Scripts: page, NextToken: next}, nil
	},
	"ListAliases": func(in any) (any, error) {
		all := []types.Alias{
			{AliasId: aws.String("alias-1"), AliasArn: gameliftArn("alias/alias-1"), Name: aws.String("live"), CreationTime: &gameliftCreated,
				RoutingStrategy: &types.RoutingStrategy{Type: types.RoutingStrategyTypeSimple, FleetId: aws.String("fleet-1")}},
			{AliasId: aws.String("alias-2"), AliasArn: gameliftArn("alias/alias-2"), Name: aws.String("closed"),
				RoutingStrategy: &types.RoutingStrategy{Type: types.RoutingStrategyTypeTerminal, Message: aws.String("maintenance")}},
		}
		page, next := collecttest.Page(all, in.(*gamelift.ListAliasesInput).NextToken, 1)
		return &gamelift.ListAliasesOutput{Aliases: page, NextToken: next}, nil
	},
	"DescribeGameSessionQueues": func(in any) (any, error) {
		all := []types.GameSessionQueue{
			{Name: aws.String("main"), GameSessionQueueArn: gameliftArn("gamesessionqueue/main"), TimeoutInSeconds: aws.Int32(600),
				Destinations:       []types.GameSessionQueueDestination{{DestinationArn: gameliftArn("fleet/fleet-1")}, {DestinationArn: gameliftArn("alias/alias-1")}},
				NotificationTarget: aws.String("arn:aws:sns:" + region + ":" + account + ":placements")},
			{Name: aws.String("backup"), GameSessionQueueArn: gameliftArn("gamesessionqueue/backup")},
		}
		page, next := collecttest.Page(all, in.(*gamelift.DescribeGameSessionQueuesInput).NextToken, 1)
		return &gamelift.DescribeGameSessionQueuesOutput{GameSessionQueues: page, NextToken: next}, nil
	},
	"DescribeMatchmakingConfigurations": func(in any) (any, error) {
		all := []types.MatchmakingConfiguration{
			{Name: aws.String("ranked"), ConfigurationArn: gameliftArn("matchmakingconfiguration/ranked"), FlexMatchMode: types.FlexMatchModeWithQueue,
				BackfillMode: types.BackfillModeAutomatic, RuleSetName: aws.String("elo"), AcceptanceRequired: aws.Bool(true), RequestTimeoutSeconds: aws.Int32(120),
				GameSessionQueueArns: []string{aws.ToString(gameliftArn("gamesessionqueue/main"))}, CreationTime: &gameliftCreated,
				GameProperties: []types.GameProperty{{Key: aws.String("secret"), Value: aws.String("secret-value")}}},
			{Name: aws.String("casual"), ConfigurationArn: gameliftArn("matchmakingconfiguration/casual"), FlexMatchMode: types.FlexMatchModeStandalone},
		}
		page, next := collecttest.Page(all, in.(*gamelift.DescribeMatchmakingConfigurationsInput).NextToken, 1)
		return &gamelift.DescribeMatchmakingConfigurationsOutput{Configurations: page, NextToken: next}, nil
	},
	"ListContainerGroupDefinitions": func(in any) (any, error) {
		input := in.(*gamelift.ListContainerGroupDefinitionsInput)
		if aws.ToInt32(input.Limit) > 10 {
			return nil, fmt.Errorf("limit %d is over 10", aws.ToInt32(input.Limit))
		}
		all := []types.ContainerGroupDefinition{
			{Name: aws.String("server"), ContainerGroupDefinitionArn: gameliftArn("containergroupdefinition/server:3"), Status: types.ContainerGroupDefinitionStatusReady,
				ContainerGroupType: types.ContainerGroupTypeGameServer, VersionNumber: aws.Int32(3), TotalMemoryLimitMebibytes: aws.Int32(4096), TotalVcpuLimit: aws.Float64(2),
				GameServerContainerDefinition: &types.GameServerContainerDefinition{ImageUri: aws.String("123.dkr.ecr/game:1"),
					EnvironmentOverride: []types.ContainerEnvironment{{Name: aws.String("TOKEN"), Value: aws.String("secret-value")}}},
				SupportContainerDefinitions: []types.SupportContainerDefinition{{ImageUri: aws.String("123.dkr.ecr/agent:1")}}, CreationTime: &gameliftCreated},
			{Name: aws.String("daemon"), ContainerGroupDefinitionArn: gameliftArn("containergroupdefinition/daemon:1"), ContainerGroupType: types.ContainerGroupTypePerInstance},
		}
		page, next := collecttest.Page(all, input.NextToken, 1)
		return &gamelift.ListContainerGroupDefinitionsOutput{ContainerGroupDefinitions: page, NextToken: next}, nil
	},
	"ListTagsForResource": func(in any) (any, error) {
		a := in.(*gamelift.ListTagsForResourceInput).ResourceARN
		return &gamelift.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("arn"), Value: a}}}, nil
	},
}

func gameliftRun(t *testing.T, typ string, want int) collecttest.Result {
	t.Helper()
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(gameliftCanned)})
	got := collecttest.Run(t, cfg, collector.Service, typ, region)
	if got.Err != nil || len(got.Resources) != want {
		t.Fatalf("%s: %v, %d resources, want %d", typ, got.Err, len(got.Resources), want)
	}
	collecttest.AssertNoWarnings(t, got)
	for _, r := range got.Resources {
		if r.Tags["arn"] != r.ARN || r.ARN == "" {
			t.Errorf("%s: tags %v, ARN %q", r.ID, r.Tags, r.ARN)
		}
		for k, v := range r.Details {
			if s := fmt.Sprint(v); s == "secret-value" || s == "[secret-value]" {
				t.Errorf("%s: a secret is stored in %s", r.ID, k)
			}
		}
	}
	return got
}

func TestGameliftFleetsAndBuilds(t *testing.T) {
	collecttest.Require(t)
	got := gameliftRun(t, "fleet", 2)
	f := got.ByID()["fleet-1"]
	if f == nil || f.Name != "prod" || f.CreatedAt != "2026-05-01T00:00:00Z" || f.Details["status"] != "ACTIVE" || f.Details["fleet_type"] != "SPOT" ||
		f.Details["instance_type"] != "c5.large" || f.Details["session_protection"] != "FullProtection" || f.Details["tls_certificate"] != true ||
		fmt.Sprint(f.Details["stopped_actions"]) != "[AUTO_SCALING]" {
		t.Fatalf("fleet: %+v", f)
	}
	if got.ByID()["fleet-2"].Details["tls_certificate"] != false {
		t.Errorf("fleet-2 has no certificate: %v", got.ByID()["fleet-2"].Details)
	}
	collecttest.HasEdges(t, got, "fleet-1 -runs-> gamelift/build:build-1", "fleet-1 -assumes-role-> iam/role:game", "fleet-2 -runs-> gamelift/script:script-1")
	if len(got.Edges()) != 3 {
		t.Errorf("edges: %v", got.Edges())
	}

	got = gameliftRun(t, "build", 3)
	if b := got.ByID()["build-2"]; b == nil || b.Details["status"] != "READY" || b.Details["version"] != "1.2" || b.Details["size_bytes"] != int64(1<<30) ||
		b.Details["operating_system"] != "AMAZON_LINUX_2023" {
		t.Fatalf("build: %+v", b)
	}
	got = gameliftRun(t, "script", 2)
	if s := got.ByID()["script-1"]; s == nil || s.Details["nodejs_version"] != "24.x" || s.Details["size_bytes"] != int64(2048) {
		t.Fatalf("script: %+v", s)
	}
}

func TestGameliftRouting(t *testing.T) {
	collecttest.Require(t)
	got := gameliftRun(t, "alias", 2)
	if a := got.ByID()["alias-2"]; a == nil || a.Details["routing"] != "TERMINAL" || a.Details["fleet_id"] != "" {
		t.Fatalf("alias: %+v", a)
	}
	collecttest.HasEdges(t, got, "alias-1 -targets-> gamelift/fleet:fleet-1")

	got = gameliftRun(t, "game-session-queue", 2)
	if q := got.ByID()["main"]; q == nil || q.Details["timeout_seconds"] != int64(600) || len(q.Details["destinations"].([]string)) != 2 {
		t.Fatalf("queue: %+v", q)
	}
	collecttest.HasEdges(t, got, "main -targets-> gamelift/fleet:fleet-1", "main -targets-> gamelift/alias:alias-1", "main -notifies-> sns/topic:placements")

	got = gameliftRun(t, "matchmaking-configuration", 2)
	if m := got.ByID()["ranked"]; m == nil || m.Details["flexmatch_mode"] != "WITH_QUEUE" || m.Details["acceptance_required"] != true ||
		m.Details["rule_set_name"] != "elo" || m.CreatedAt != "2026-05-01T00:00:00Z" {
		t.Fatalf("matchmaking: %+v", m)
	}
	collecttest.HasEdges(t, got, "ranked -uses-> gamelift/game-session-queue:main")
}

func TestGameliftContainerGroups(t *testing.T) {
	collecttest.Require(t)
	got := gameliftRun(t, "container-group-definition", 2)
	c := got.ByID()["server"]
	if c == nil || c.Details["status"] != "READY" || c.Details["container_group_type"] != "GAME_SERVER" || c.Details["version"] != int64(3) ||
		c.Details["vcpu"] != float64(2) || fmt.Sprint(c.Details["images"]) != "[123.dkr.ecr/game:1 123.dkr.ecr/agent:1]" {
		t.Fatalf("container group definition: %+v", c)
	}
}

func TestGameliftDenied(t *testing.T) {
	collecttest.Require(t)
	lists := map[string]string{"fleet": "DescribeFleetAttributes", "build": "ListBuilds", "script": "ListScripts", "alias": "ListAliases",
		"game-session-queue": "DescribeGameSessionQueues", "matchmaking-configuration": "DescribeMatchmakingConfigurations",
		"container-group-definition": "ListContainerGroupDefinitions"}
	for typ, op := range lists {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny(op), collecttest.Canned(gameliftCanned))})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Chain(collecttest.Deny("ListTagsForResource"), collecttest.Canned(gameliftCanned))})
	got := collecttest.Run(t, cfg, collector.Service, "build", region)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("denied tags are a warning per build: %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
