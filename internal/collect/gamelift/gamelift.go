// Package gamelift collects Amazon GameLift Servers fleets, the builds,
// scripts and container group definitions they run, the aliases and
// queues that route players to them, and FlexMatch matchmaking
// configurations. Container environment values and game properties are
// never stored.
package gamelift

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/gamelift"
	"github.com/aws/aws-sdk-go-v2/service/gamelift/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the GameLift collector.
var Service = &collect.Service{
	Name:        "gamelift",
	Description: "GameLift Servers fleets, builds, scripts, aliases, queues, matchmaking and container group definitions",
	Types: []collect.Type{
		{Name: "fleet", Description: "EC2, Anywhere or container fleet hosting game servers (id = fleet id; terminated fleets skipped)",
			Fields: fleetFields.Declared(), Tags: collect.TagsPerResource, Collect: fleets, DetailCalls: 1},
		{Name: "build", Description: "game server build uploaded to GameLift (id = build id)",
			Fields: buildFields.Declared(), Tags: collect.TagsPerResource, Collect: builds, DetailCalls: 1},
		{Name: "script", Description: "Realtime server script (id = script id)",
			Fields: scriptFields.Declared(), Tags: collect.TagsPerResource, Collect: scripts, DetailCalls: 1},
		{Name: "alias", Description: "alias routing players to a fleet, or terminal with a message (id = alias id)",
			Fields: aliasFields.Declared(), Tags: collect.TagsPerResource, Collect: aliases, DetailCalls: 1},
		{Name: "game-session-queue", Description: "queue placing game sessions on its fleets and aliases (id = name)",
			Fields: queueFields.Declared(), Tags: collect.TagsPerResource, Collect: queues, DetailCalls: 1},
		{Name: "matchmaking-configuration", Description: "FlexMatch matchmaking configuration (id = name); game properties are not stored",
			Fields: matchmakingFields.Declared(), Tags: collect.TagsPerResource, Collect: matchmakingConfigurations, DetailCalls: 1},
		{Name: "container-group-definition", Description: "container group definition, latest version (id = name); environment values are not stored",
			Fields: containerGroupFields.Declared(), Tags: collect.TagsPerResource, Collect: containerGroups, DetailCalls: 1},
	},
	Calls: "fleet: DescribeFleetAttributes. build: ListBuilds. script: ListScripts. alias: ListAliases. game-session-queue: DescribeGameSessionQueues. " +
		"matchmaking-configuration: DescribeMatchmakingConfigurations. container-group-definition: ListContainerGroupDefinitions. " +
		"Every type: + per resource ListTagsForResource",
	Relations: []collect.Relation{
		{From: "fleet", Kind: "runs", To: "gamelift/build"},
		{From: "fleet", Kind: "runs", To: "gamelift/script"},
		{From: "fleet", Kind: "assumes-role", To: "iam/role"},
		{From: "alias", Kind: "targets", To: "gamelift/fleet"},
		{From: "game-session-queue", Kind: "targets", To: "gamelift/fleet"},
		{From: "game-session-queue", Kind: "targets", To: "gamelift/alias"},
		{From: "game-session-queue", Kind: "notifies", To: "sns/topic"},
		{From: "matchmaking-configuration", Kind: "uses", To: "gamelift/game-session-queue"},
		{From: "matchmaking-configuration", Kind: "notifies", To: "sns/topic"},
	},
}

// pageSize is the largest page the listings take (container group
// definitions take at most 10).
const pageSize = 100

func client(t *collect.Task) *gamelift.Client { return gamelift.NewFromConfig(t.Config) }

// tagged pages through a listing and emits the resource resource builds of
// each item, with its tags: GameLift's listings carry none, so each
// resource costs a ListTagsForResource call.
func tagged[Out, T any](ctx context.Context, t *collect.Task, api *gamelift.Client, p collect.Pager[gamelift.Options, Out], items func(*Out) []T,
	resource func(T) *model.Resource) error {
	return collect.EachItem(ctx, p, items, func(ctx context.Context, item T) {
		r := resource(item)
		if r == nil {
			return
		}
		out, err := api.ListTagsForResource(ctx, &gamelift.ListTagsForResourceInput{ResourceARN: aws.String(r.ARN)})
		t.Warn("ListTagsForResource", err)
		if err == nil {
			r.Tags = collect.TagMap(out.Tags, func(tag types.Tag) (*string, *string) { return tag.Key, tag.Value })
		}
		t.Emit(r)
	})
}

// relateTopic links key to the SNS topic an ARN names.
func relateTopic(t *collect.Task, key model.Key, topic *string) {
	if to, ok := collect.TargetKey(aws.ToString(topic)); ok {
		t.Relate(key, "notifies", to)
	}
}

var fleetFields = collect.Fields[types.FleetAttributes]{
	collect.Enum("status", "NEW, ACTIVATING, ACTIVE, DELETING, ERROR, ...", func(f types.FleetAttributes) types.FleetStatus { return f.Status }),
	collect.Enum("compute_type", "EC2 or ANYWHERE", func(f types.FleetAttributes) types.ComputeType { return f.ComputeType }),
	collect.Enum("fleet_type", "ON_DEMAND or SPOT", func(f types.FleetAttributes) types.FleetType { return f.FleetType }),
	collect.Enum("instance_type", "EC2 instance type of the fleet", func(f types.FleetAttributes) types.EC2InstanceType { return f.InstanceType }),
	collect.Enum("operating_system", "operating system of the fleet's instances", func(f types.FleetAttributes) types.OperatingSystem { return f.OperatingSystem }),
	collect.Text("description", "fleet description", func(f types.FleetAttributes) *string { return f.Description }),
	collect.Text("build_id", "build the fleet runs", func(f types.FleetAttributes) *string { return f.BuildId }),
	collect.Text("script_id", "Realtime script the fleet runs", func(f types.FleetAttributes) *string { return f.ScriptId }),
	collect.Text("instance_role_arn", "role game servers on the instances can assume", func(f types.FleetAttributes) *string { return f.InstanceRoleArn }),
	collect.Enum("session_protection", "NoProtection or FullProtection: whether scale-in may end active game sessions",
		func(f types.FleetAttributes) types.ProtectionPolicy { return f.NewGameSessionProtectionPolicy }),
	collect.Computed("tls_certificate", model.Boolean, "GameLift generates a TLS certificate for the fleet's game servers", func(f types.FleetAttributes) any {
		return f.CertificateConfiguration != nil && f.CertificateConfiguration.CertificateType == types.CertificateTypeGenerated
	}),
	collect.Computed("stopped_actions", model.JSON, "fleet actions suspended, e.g. AUTO_SCALING", func(f types.FleetAttributes) any {
		return collect.Values(append([]types.FleetAction{}, f.StoppedActions...))
	}),
}

func fleets(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := gamelift.NewDescribeFleetAttributesPaginator(api, &gamelift.DescribeFleetAttributesInput{Limit: t.PageSize(pageSize)})
	items := func(page *gamelift.DescribeFleetAttributesOutput) []types.FleetAttributes {
		return page.FleetAttributes
	}
	return tagged(ctx, t, api, p, items, func(f types.FleetAttributes) *model.Resource {
		if f.Status == types.FleetStatusTerminated {
			return nil
		}
		key := t.Key("fleet", aws.ToString(f.FleetId))
		t.Relate(key, "runs", t.Key("build", aws.ToString(f.BuildId)))
		t.Relate(key, "runs", t.Key("script", aws.ToString(f.ScriptId)))
		if role := aws.ToString(f.InstanceRoleArn); role != "" {
			t.Relate(key, "assumes-role", t.Role(role))
		}
		return &model.Resource{Key: key, Name: aws.ToString(f.Name), ARN: aws.ToString(f.FleetArn), CreatedAt: model.Time(f.CreationTime), Details: fleetFields.Details(f)}
	})
}

var buildFields = collect.Fields[types.Build]{
	collect.Enum("status", "INITIALIZED, READY or FAILED", func(b types.Build) types.BuildStatus { return b.Status }),
	collect.Text("version", "version label of the build", func(b types.Build) *string { return b.Version }),
	collect.Enum("operating_system", "operating system the build runs on", func(b types.Build) types.OperatingSystem { return b.OperatingSystem }),
	collect.Int("size_bytes", "size of the uploaded build", func(b types.Build) *int64 { return b.SizeOnDisk }),
	collect.Text("server_sdk_version", "GameLift server SDK the build uses", func(b types.Build) *string { return b.ServerSdkVersion }),
}

func builds(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := gamelift.NewListBuildsPaginator(api, &gamelift.ListBuildsInput{Limit: t.PageSize(pageSize)})
	items := func(page *gamelift.ListBuildsOutput) []types.Build { return page.Builds }
	return tagged(ctx, t, api, p, items, func(b types.Build) *model.Resource {
		return &model.Resource{Key: t.Key("build", aws.ToString(b.BuildId)), Name: aws.ToString(b.Name), ARN: aws.ToString(b.BuildArn),
			CreatedAt: model.Time(b.CreationTime), Details: buildFields.Details(b)}
	})
}

var scriptFields = collect.Fields[types.Script]{
	collect.Text("version", "version label of the script", func(s types.Script) *string { return s.Version }),
	collect.Text("nodejs_version", "Node.js version the script runs on", func(s types.Script) *string { return s.NodeJsVersion }),
	collect.Int("size_bytes", "size of the uploaded script", func(s types.Script) *int64 { return s.SizeOnDisk }),
}

func scripts(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := gamelift.NewListScriptsPaginator(api, &gamelift.ListScriptsInput{Limit: t.PageSize(pageSize)})
	items := func(page *gamelift.ListScriptsOutput) []types.Script { return page.Scripts }
	return tagged(ctx, t, api, p, items, func(s types.Script) *model.Resource {
		return &model.Resource{Key: t.Key("script", aws.ToString(s.ScriptId)), Name: aws.ToString(s.Name), ARN: aws.ToString(s.ScriptArn),
			CreatedAt: model.Time(s.CreationTime), Details: scriptFields.Details(s)}
	})
}

func routing(a types.Alias) types.RoutingStrategy {
	if a.RoutingStrategy == nil {
		return types.RoutingStrategy{}
	}
	return *a.RoutingStrategy
}

var aliasFields = collect.Fields[types.Alias]{
	collect.Enum("routing", "SIMPLE (to a fleet) or TERMINAL (players get a message)", func(a types.Alias) types.RoutingStrategyType { return routing(a).Type }),
	collect.Computed("fleet_id", model.Text, "fleet a SIMPLE alias routes to", func(a types.Alias) any { return aws.ToString(routing(a).FleetId) }),
	collect.Text("description", "alias description", func(a types.Alias) *string { return a.Description }),
	collect.Timestamp("updated", "last change", func(a types.Alias) *time.Time { return a.LastUpdatedTime }),
}

func aliases(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := gamelift.NewListAliasesPaginator(api, &gamelift.ListAliasesInput{Limit: t.PageSize(pageSize)})
	items := func(page *gamelift.ListAliasesOutput) []types.Alias { return page.Aliases }
	return tagged(ctx, t, api, p, items, func(a types.Alias) *model.Resource {
		key := t.Key("alias", aws.ToString(a.AliasId))
		t.Relate(key, "targets", t.Key("fleet", aws.ToString(routing(a).FleetId)))
		return &model.Resource{Key: key, Name: aws.ToString(a.Name), ARN: aws.ToString(a.AliasArn), CreatedAt: model.Time(a.CreationTime), Details: aliasFields.Details(a)}
	})
}

var queueFields = collect.Fields[types.GameSessionQueue]{
	collect.Int("timeout_seconds", "how long a request waits for a placement", func(q types.GameSessionQueue) *int32 { return q.TimeoutInSeconds }),
	collect.Computed("destinations", model.JSON, "fleet and alias ARNs the queue places sessions on, in order", func(q types.GameSessionQueue) any {
		arns := []string{}
		for _, d := range q.Destinations {
			arns = append(arns, aws.ToString(d.DestinationArn))
		}
		return arns
	}),
	collect.Computed("allowed_locations", model.JSON, "locations the queue may place sessions in; empty: any", func(q types.GameSessionQueue) any {
		if q.FilterConfiguration == nil {
			return []string{}
		}
		return append([]string{}, q.FilterConfiguration.AllowedLocations...)
	}),
	collect.Text("notification_target", "SNS topic told about placements", func(q types.GameSessionQueue) *string { return q.NotificationTarget }),
}

func queues(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := gamelift.NewDescribeGameSessionQueuesPaginator(api, &gamelift.DescribeGameSessionQueuesInput{Limit: t.PageSize(pageSize)})
	items := func(page *gamelift.DescribeGameSessionQueuesOutput) []types.GameSessionQueue {
		return page.GameSessionQueues
	}
	return tagged(ctx, t, api, p, items, func(q types.GameSessionQueue) *model.Resource {
		key := t.Key("game-session-queue", aws.ToString(q.Name))
		for _, d := range q.Destinations {
			// Destinations are fleet-... or alias-... ARNs; their ids are the ARN's last part.
			id := collect.ARNResourceName(aws.ToString(d.DestinationArn))
			if typ, _, ok := strings.Cut(id, "-"); ok && (typ == "fleet" || typ == "alias") {
				t.Relate(key, "targets", t.Key(typ, id))
			}
		}
		relateTopic(t, key, q.NotificationTarget)
		return &model.Resource{Key: key, Name: aws.ToString(q.Name), ARN: aws.ToString(q.GameSessionQueueArn), Details: queueFields.Details(q)}
	})
}

var matchmakingFields = collect.Fields[types.MatchmakingConfiguration]{
	collect.Enum("flexmatch_mode", "STANDALONE or WITH_QUEUE", func(m types.MatchmakingConfiguration) types.FlexMatchMode { return m.FlexMatchMode }),
	collect.Enum("backfill_mode", "AUTOMATIC or MANUAL", func(m types.MatchmakingConfiguration) types.BackfillMode { return m.BackfillMode }),
	collect.Text("rule_set_name", "matchmaking rule set", func(m types.MatchmakingConfiguration) *string { return m.RuleSetName }),
	collect.Text("description", "configuration description", func(m types.MatchmakingConfiguration) *string { return m.Description }),
	collect.Bool("acceptance_required", "players must accept a proposed match", func(m types.MatchmakingConfiguration) *bool { return m.AcceptanceRequired }),
	collect.Int("request_timeout_seconds", "how long a ticket may wait for a match", func(m types.MatchmakingConfiguration) *int32 { return m.RequestTimeoutSeconds }),
	collect.Computed("game_session_queue_arns", model.JSON, "queues that place the matched sessions", func(m types.MatchmakingConfiguration) any {
		return append([]string{}, m.GameSessionQueueArns...)
	}),
	collect.Text("notification_target", "SNS topic told about matchmaking events", func(m types.MatchmakingConfiguration) *string { return m.NotificationTarget }),
}

func matchmakingConfigurations(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := gamelift.NewDescribeMatchmakingConfigurationsPaginator(api, &gamelift.DescribeMatchmakingConfigurationsInput{Limit: t.PageSize(pageSize)})
	items := func(page *gamelift.DescribeMatchmakingConfigurationsOutput) []types.MatchmakingConfiguration {
		return page.Configurations
	}
	return tagged(ctx, t, api, p, items, func(m types.MatchmakingConfiguration) *model.Resource {
		key := t.Key("matchmaking-configuration", aws.ToString(m.Name))
		for _, q := range m.GameSessionQueueArns {
			t.Relate(key, "uses", t.Key("game-session-queue", collect.ARNResourceName(q)))
		}
		relateTopic(t, key, m.NotificationTarget)
		return &model.Resource{Key: key, Name: aws.ToString(m.Name), ARN: aws.ToString(m.ConfigurationArn), CreatedAt: model.Time(m.CreationTime),
			Details: matchmakingFields.Details(m)}
	})
}

var containerGroupFields = collect.Fields[types.ContainerGroupDefinition]{
	collect.Enum("status", "READY, COPYING or FAILED", func(c types.ContainerGroupDefinition) types.ContainerGroupDefinitionStatus { return c.Status }),
	collect.Enum("container_group_type", "GAME_SERVER or PER_INSTANCE", func(c types.ContainerGroupDefinition) types.ContainerGroupType { return c.ContainerGroupType }),
	collect.Enum("operating_system", "operating system of the containers", func(c types.ContainerGroupDefinition) types.ContainerOperatingSystem { return c.OperatingSystem }),
	collect.Int("version", "version number of this definition", func(c types.ContainerGroupDefinition) *int32 { return c.VersionNumber }),
	collect.Int("memory_mib", "memory limit of the whole group", func(c types.ContainerGroupDefinition) *int32 { return c.TotalMemoryLimitMebibytes }),
	collect.Computed("vcpu", model.Real, "vCPU limit of the whole group", func(c types.ContainerGroupDefinition) any { return aws.ToFloat64(c.TotalVcpuLimit) }),
	collect.Computed("images", model.JSON, "container image URIs of the group", func(c types.ContainerGroupDefinition) any {
		images := []string{}
		if g := c.GameServerContainerDefinition; g != nil {
			images = append(images, aws.ToString(g.ImageUri))
		}
		for _, s := range c.SupportContainerDefinitions {
			images = append(images, aws.ToString(s.ImageUri))
		}
		return images
	}),
}

func containerGroups(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := gamelift.NewListContainerGroupDefinitionsPaginator(api, &gamelift.ListContainerGroupDefinitionsInput{Limit: t.PageSize(10)})
	items := func(page *gamelift.ListContainerGroupDefinitionsOutput) []types.ContainerGroupDefinition {
		return page.ContainerGroupDefinitions
	}
	return tagged(ctx, t, api, p, items, func(c types.ContainerGroupDefinition) *model.Resource {
		return &model.Resource{Key: t.Key("container-group-definition", aws.ToString(c.Name)), Name: aws.ToString(c.Name), ARN: aws.ToString(c.ContainerGroupDefinitionArn),
			CreatedAt: model.Time(c.CreationTime), Details: containerGroupFields.Details(c)}
	})
}
