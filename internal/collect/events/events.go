// Package events collects EventBridge event buses, rules, archives,
// connections, API destinations and global endpoints.
package events

import (
	"context"
	"errors"
	"sync"

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
		{Name: "bus", Description: "EventBridge event bus", Fields: busFields, Tags: collect.TagsBulk, Collect: buses},
		{Name: "rule", Description: "EventBridge rule (id bus/name; plain name on the default bus)", Fields: ruleFields, Tags: collect.TagsBulk, Collect: rules, DetailCalls: 1},
		{Name: "archive", Description: "EventBridge archive of a bus's events (id = name)", Fields: archiveFields.Declared(), Tags: collect.NotTaggable, Collect: archives},
		{Name: "connection", Description: "EventBridge connection: authorization for API destinations (id = name; the credentials are never read)",
			Fields: connectionFields.Declared(), Tags: collect.NotTaggable, Collect: connections},
		{Name: "api-destination", Description: "EventBridge API destination, an HTTP endpoint rules can target (id = name)",
			Fields: apiDestinationFields.Declared(), Tags: collect.NotTaggable, Collect: apiDestinations},
		{Name: "endpoint", Description: "EventBridge global endpoint failing over between buses of two regions (id = name)",
			Fields: endpointFields.Declared(), Tags: collect.NotTaggable, Collect: endpoints},
	},
	Calls: "bus: ListEventBuses + bulk tags. rule: ListRules per bus + per rule ListTargetsByRule + bulk tags (else per bus or rule ListTagsForResource). " +
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

func listBuses(ctx context.Context, t *collect.Task, api *eventbridge.Client) ([]types.EventBus, error) {
	return pages(ctx, func(ctx context.Context, token *string) ([]types.EventBus, *string, error) {
		out, err := api.ListEventBuses(ctx, &eventbridge.ListEventBusesInput{NextToken: token, Limit: t.PageSize(maxLimit)})
		if err != nil {
			return nil, nil, err
		}
		return out.EventBuses, out.NextToken, nil
	})
}

var busFields = []model.Field{
	{Name: "description", Type: "text", Description: "description of the bus"},
	{Name: "policy_present", Type: "boolean", Description: "the bus has a resource policy (e.g. other accounts may put events)"},
	{Name: "last_modified", Type: "timestamp", Description: "last update of the bus"},
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
			Details: map[string]any{
				"description":    aws.ToString(b.Description),
				"policy_present": aws.ToString(b.Policy) != "",
				"last_modified":  model.Time(b.LastModifiedTime),
			},
		})
	})
	return nil
}

var ruleFields = []model.Field{
	{Name: "event_bus", Type: "text", Description: "name of the bus the rule listens on"},
	{Name: "state", Type: "text", Description: "ENABLED, DISABLED, ..."},
	{Name: "description", Type: "text", Description: "description of the rule"},
	{Name: "schedule_expression", Type: "text", Description: "cron() or rate() expression of a scheduled rule"},
	{Name: "event_pattern_present", Type: "boolean", Description: "the rule matches events by pattern"},
	{Name: "role_arn", Type: "text", Description: "role the rule uses to invoke its targets"},
	{Name: "managed_by", Type: "text", Description: "service principal managing the rule, if any"},
	{Name: "target_count", Type: "integer", Description: "number of targets"},
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
	d := map[string]any{
		"event_bus":             bus,
		"state":                 string(r.State),
		"description":           aws.ToString(r.Description),
		"schedule_expression":   aws.ToString(r.ScheduleExpression),
		"event_pattern_present": aws.ToString(r.EventPattern) != "",
		"role_arn":              aws.ToString(r.RoleArn),
		"managed_by":            aws.ToString(r.ManagedBy),
	}
	if targetsKnown {
		d["target_count"] = len(targets)
	}
	key := t.Key("rule", id)
	t.Emit(&model.Resource{Key: key, ARN: aws.ToString(r.Arn), Name: name, Tags: tags, Details: d})
	t.Relate(key, "member-of", t.Key("bus", bus))
	for _, tg := range targets {
		if to, ok := collect.TargetKey(aws.ToString(tg.Arn)); ok {
			t.Relate(key, "triggers", to)
		}
	}
}
