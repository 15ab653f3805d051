package all_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/events"
)

var (
	eventsFnARN = "arn:aws:lambda:" + region + ":" + collecttest.MotoAccount + ":function:ingest"
	queueARN    = "arn:aws:sqs:" + region + ":" + collecttest.MotoAccount + ":audit"
)

func owner(name string) []types.Tag {
	return []types.Tag{{Key: aws.String("Owner"), Value: aws.String(name)}}
}

// setup creates bus "orders" (with a policy) holding rule "placed" with two
// targets, and six scheduled rules on the default bus.
func eventsSetup(t *testing.T, cfg aws.Config) {
	t.Helper()
	ctx := context.Background()
	api := eventbridge.NewFromConfig(cfg)
	if _, err := api.CreateEventBus(ctx, &eventbridge.CreateEventBusInput{Name: aws.String("orders"), Tags: owner("dana")}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.PutPermission(ctx, &eventbridge.PutPermissionInput{EventBusName: aws.String("orders"), Action: aws.String("events:PutEvents"),
		Principal: aws.String("210987654321"), StatementId: aws.String("partner")}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String("placed"), EventBusName: aws.String("orders"),
		EventPattern: aws.String(`{"source":["shop"]}`), Tags: owner("dana")}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.PutTargets(ctx, &eventbridge.PutTargetsInput{Rule: aws.String("placed"), EventBusName: aws.String("orders"),
		Targets: []types.Target{{Id: aws.String("fn"), Arn: aws.String(eventsFnARN)}, {Id: aws.String("q"), Arn: aws.String(queueARN)}}}); err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		if _, err := api.PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String(fmt.Sprintf("nightly-%d", i)),
			ScheduleExpression: aws.String("cron(0 2 * * ? *)"), State: types.RuleStateDisabled, Tags: owner("ops")}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestEventsBuses(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	eventsSetup(t, cfg)
	got := collecttest.Run(t, cfg, collector.Service, "bus", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 2 {
		t.Fatalf("want buses default and orders, got %v", byID)
	}
	def, orders := byID["default"], byID["orders"]
	if !def.IsDefault || orders.IsDefault || def.Details["policy_present"] != false || orders.Details["policy_present"] != true {
		t.Errorf("default %+v orders %+v", def, orders)
	}
	if orders.ARN != "arn:aws:events:"+region+":"+collecttest.MotoAccount+":event-bus/orders" {
		t.Errorf("arn = %q", orders.ARN)
	}
	if orders.Tags["Owner"] != "dana" || len(def.Tags) != 0 {
		t.Errorf("tags: orders %v, default %v", orders.Tags, def.Tags)
	}
	collecttest.AssertNoWarnings(t, got)
}

func TestEventsRules(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	eventsSetup(t, cfg)
	got := collecttest.Run(t, cfg, collector.Service, "rule", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	// moto's GetResources knows buses but not rules: the check of its empty
	// answer finds tags, and rule tags are read per rule, with a warning.
	if w := got.Task.Warnings(); len(w) != 1 || !errors.Is(w[0].Err, collect.ErrBulkTagsMissed) {
		t.Errorf("warnings %v, want the one of moto's incomplete GetResources", w)
	}
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 7 rules over several pages, got %d: %v", len(byID), byID)
	}
	placed := byID["orders/placed"]
	if placed == nil {
		t.Fatalf("rule orders/placed missing: %v", byID)
	}
	checks := map[string]any{"event_bus": "orders", "state": "ENABLED", "event_pattern_present": true, "schedule_expression": "", "target_count": 2}
	for k, want := range checks {
		if placed.Details[k] != want {
			t.Errorf("details[%s] = %v (%T), want %v", k, placed.Details[k], placed.Details[k], want)
		}
	}
	nightly := byID["nightly-0"]
	if nightly.Details["event_bus"] != "default" || nightly.Details["state"] != "DISABLED" || nightly.Details["schedule_expression"] != "cron(0 2 * * ? *)" || nightly.Details["target_count"] != 0 {
		t.Errorf("nightly-0 details = %v", nightly.Details)
	}
	if placed.Tags["Owner"] != "dana" || nightly.Tags["Owner"] != "ops" {
		t.Errorf("tags: placed %v, nightly-0 %v", placed.Tags, nightly.Tags)
	}
	if placed.Name != "placed" || placed.ARN != "arn:aws:events:"+region+":"+collecttest.MotoAccount+":rule/orders/placed" {
		t.Errorf("name %q arn %q", placed.Name, placed.ARN)
	}
	want := map[string]bool{
		"orders/placed -member-of-> events/bus:orders":     false,
		"orders/placed -triggers-> lambda/function:ingest": false,
		"orders/placed -triggers-> sqs/queue:audit":        false,
		"nightly-0 -member-of-> events/bus:default":        false,
	}
	for _, e := range got.Edges() {
		if _, ok := want[e]; ok {
			want[e] = true
		}
	}
	for e, seen := range want {
		if !seen {
			t.Errorf("missing relationship %s in %v", e, got.Edges())
		}
	}
}

func TestEventsPermissions(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListEventBuses")})
	for _, typ := range []string{"bus", "rule"} {
		got := collecttest.Run(t, cfg, collector.Service, typ, region)
		if awsx.Classify(got.Err) != awsx.Denied || len(got.Resources) != 0 {
			t.Fatalf("%s: want a denied error and no resources, got %v and %d", typ, got.Err, len(got.Resources))
		}
	}

	eventsSetup(t, collecttest.Config(t, region, nil))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListTargetsByRule")})
	got := collecttest.Run(t, cfg, collector.Service, "rule", region)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("want the rules despite the denied detail call, got %v and %d", got.Err, len(got.Resources))
	}
	if _, ok := got.ByID()["orders/placed"].Details["target_count"]; ok || len(got.Task.Warnings()) == 0 {
		t.Errorf("want target_count absent and warnings, got %v / %v", got.ByID()["orders/placed"].Details, got.Task.Warnings())
	}
}
