// Package events collects EventBridge event buses, rules, archives,
// connections, API destinations and global endpoints.
package events

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the EventBridge collector.
var Service = &collect.Service{
	Name:        "events",
	Description: "EventBridge event buses, rules, archives, connections, API destinations and global endpoints",
	Types: []collect.Type{
		{Name: "bus", Description: "EventBridge event bus", Fields: busFields.Declared(), Tags: collect.TagsBulk, Collect: buses},
		{Name: "rule", Description: "EventBridge rule (id bus/name; plain name on the default bus)", Fields: ruleFields.Declared(), Tags: collect.TagsBulk, Collect: rules, DetailCalls: 1},
		{Name: "archive", Description: "EventBridge archive of a bus's events (id = name)", Fields: archiveFields.Declared(), Tags: collect.NotTaggable, Collect: archives},
		{Name: "connection", Description: "EventBridge connection: authorization for API destinations (id = name; the credentials are never read)",
			Fields: connectionFields.Declared(), Tags: collect.NotTaggable, Collect: connections},
		{Name: "api-destination", Description: "EventBridge API destination, an HTTP endpoint rules can target (id = name)",
			Fields: apiDestinationFields.Declared(), Tags: collect.NotTaggable, Collect: apiDestinations},
		{Name: "endpoint", Description: "EventBridge global endpoint failing over between buses of two regions (id = name)",
			Fields: endpointFields.Declared(), Tags: collect.NotTaggable, Collect: endpoints},
	},
	Calls: "ListEventBuses once for the bus and rule types; bus: bulk tags. rule: ListRules per bus + per rule ListTargetsByRule + bulk tags (else per bus or rule ListTagsForResource). " +
		"archive: ListArchives. connection: ListConnections. api-destination: ListApiDestinations. endpoint: ListEndpoints",
	Relations: []collect.Relation{
		{From: "rule", Kind: "member-of", To: "events/bus"},
		{From: "rule", Kind: "triggers", To: "lambda/function"},
		{From: "rule", Kind: "triggers", To: "sns/topic"},
		{From: "rule", Kind: "triggers", To: "sqs/queue"},
		{From: "archive", Kind: "archives", To: "events/bus"},
		{From: "api-destination", Kind: "uses-connection", To: "events/connection"},
		{From: "endpoint", Kind: "routes-to", To: "events/bus"},
		{From: "endpoint", Kind: "assumes-role", To: "iam/role"},
	},
}

// defaultBus is the bus every account has; its rules keep their plain names as ids.
const defaultBus = "default"

// maxLimit is the largest Limit the EventBridge list APIs accept.
const maxLimit = 100

func client(t *collect.Task) *eventbridge.Client { return eventbridge.NewFromConfig(t.Config) }

// pages follows NextToken by hand: the EventBridge SDK has no paginators.
func pages[T any](ctx context.Context, fetch func(ctx context.Context, token *string) ([]T, *string, error)) ([]T, error) {
	var all []T
	var token *string
	for {
		items, next, err := fetch(ctx, token)
		if err != nil {
			return all, err
		}
		all = append(all, items...)
		if aws.ToString(next) == "" {
			return all, nil
		}
		token = next
	}
}

// listBuses are the region's event buses, listed once for the bus and rule
// types.
func listBuses(ctx context.Context, t *collect.Task, api *eventbridge.Client) ([]types.EventBus, error) {
	return collect.Reuse(ctx, t, "ListEventBuses", func(ctx context.Context) ([]types.EventBus, error) {
		return pages(ctx, func(ctx context.Context, token *string) ([]types.EventBus, *string, error) {
			out, err := api.ListEventBuses(ctx, &eventbridge.ListEventBusesInput{NextToken: token, Limit: t.PageSize(maxLimit)})
			if err != nil {
				return nil, nil, err
			}
			return out.EventBuses, out.NextToken, nil
		})
	})
}

var busFields = collect.Fields[types.EventBus]{
	collect.Text("description", "description of the bus", func(b types.EventBus) *string { return b.Description }),
	collect.Computed("policy_present", model.Boolean, "the bus has a resource policy (e.g. other accounts may put events)", func(b types.EventBus) any {
		return aws.ToString(b.Policy) != ""
	}),
	collect.Timestamp("last_modified", "last update of the bus", func(b types.EventBus) *time.Time { return b.LastModifiedTime }),
}

// tagsOf is EventBridge's own tag call for arn, BulkTags' fallback.
func tagsOf(api *eventbridge.Client, arn string) func(context.Context) (map[string]string, error) {
	return func(ctx context.Context) (map[string]string, error) {
		out, err := api.ListTagsForResource(ctx, &eventbridge.ListTagsForResourceInput{ResourceARN: aws.String(arn)})
		if err != nil {
			return nil, err
		}
		return collect.TagMap(out.Tags, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value }), nil
	}
}

func buses(ctx context.Context, t *collect.Task) error {
	api := client(t)
	all, err := listBuses(ctx, t, api)
	if err != nil {
		return err
	}
	bulk := collect.NewBulkTags(t, "events:event-bus")
	collect.ForEach(ctx, all, func(ctx context.Context, b types.EventBus) {
		name, arn := aws.ToString(b.Name), aws.ToString(b.Arn)
		t.Emit(&model.Resource{
			Key:       t.Key("bus", name),
			ARN:       arn,
			Name:      name,
			CreatedAt: model.Time(b.CreationTime),
			IsDefault: name == defaultBus,
			Tags:      bulk.Of(ctx, arn, "ListTagsForResource", tagsOf(api, arn)),
			Details:   busFields.Details(b),
		})
	})
	return nil
}

// rule is a listed rule with its bus and targets (targetsKnown is false
// when ListTargetsByRule failed).
type rule struct {
	types.Rule
	bus          string
	targets      []types.Target
	targetsKnown bool
}

func hasTargets(r rule) bool { return r.targetsKnown }

var ruleFields = collect.Fields[rule]{
	collect.Computed("event_bus", model.Text, "name of the bus the rule listens on", func(r rule) any { return r.bus }),
	collect.Enum("state", "ENABLED, DISABLED, ...", func(r rule) types.RuleState { return r.State }),
	collect.Text("description", "description of the rule", func(r rule) *string { return r.Description }),
	collect.Text("schedule_expression", "cron() or rate() expression of a scheduled rule", func(r rule) *string { return r.ScheduleExpression }),
	collect.Computed("event_pattern_present", model.Boolean, "the rule matches events by pattern", func(r rule) any { return aws.ToString(r.EventPattern) != "" }),
	collect.Text("role_arn", "role the rule uses to invoke its targets", func(r rule) *string { return r.RoleArn }),
	collect.Text("managed_by", "service principal managing the rule, if any", func(r rule) *string { return r.ManagedBy }),
	collect.When(hasTargets, collect.Computed("target_count", model.Integer, "number of targets", func(r rule) any { return len(r.targets) })),
}

func rules(ctx context.Context, t *collect.Task) error {
	api := client(t)
	bs, err := listBuses(ctx, t, api)
	if err != nil {
		return err
	}
	var (
		mu   sync.Mutex
		all  []types.Rule
		errs []error
	)
	collect.ForEach(ctx, bs, func(ctx context.Context, b types.EventBus) {
		rs, err := pages(ctx, func(ctx context.Context, token *string) ([]types.Rule, *string, error) {
			out, err := api.ListRules(ctx, &eventbridge.ListRulesInput{EventBusName: b.Name, NextToken: token, Limit: t.PageSize(maxLimit)})
			if err != nil {
				return nil, nil, err
			}
			return out.Rules, out.NextToken, nil
		})
		mu.Lock()
		defer mu.Unlock()
		all = append(all, rs...)
		if err != nil {
			errs = append(errs, err)
		}
	})
	bulk := collect.NewBulkTags(t, "events:rule")
	collect.ForEach(ctx, all, func(ctx context.Context, r types.Rule) {
		tags := bulk.Of(ctx, aws.ToString(r.Arn), "ListTagsForResource", tagsOf(api, aws.ToString(r.Arn)))
		targets, err := pages(ctx, func(ctx context.Context, token *string) ([]types.Target, *string, error) {
			out, err := api.ListTargetsByRule(ctx, &eventbridge.ListTargetsByRuleInput{Rule: r.Name, EventBusName: r.EventBusName,
				NextToken: token, Limit: t.PageSize(maxLimit)})
			if err != nil {
				return nil, nil, err
			}
			return out.Targets, out.NextToken, nil
		})
		if err != nil {
			t.Warn("ListTargetsByRule", err)
			targets = nil
		}
		emitRule(t, r, tags, targets, err == nil)
	})
	// A bus whose rules could not be listed fails the collection; the rules
	// of the other buses are still kept.
	return errors.Join(errs...)
}

func emitRule(t *collect.Task, r types.Rule, tags map[string]string, targets []types.Target, targetsKnown bool) {
	bus, name := aws.ToString(r.EventBusName), aws.ToString(r.Name)
	if bus == "" {
		bus = defaultBus
	}
	id := name
	if bus != defaultBus {
		id = bus + "/" + name
	}
	key := t.Key("rule", id)
	t.Emit(&model.Resource{Key: key, ARN: aws.ToString(r.Arn), Name: name, Tags: tags,
		Details: ruleFields.Details(rule{Rule: r, bus: bus, targets: targets, targetsKnown: targetsKnown})})
	t.Relate(key, "member-of", t.Key("bus", bus))
	for _, tg := range targets {
		if to, ok := collect.TargetKey(aws.ToString(tg.Arn)); ok {
			t.Relate(key, "triggers", to)
		}
	}
}
