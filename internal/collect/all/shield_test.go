package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/shield"
	"github.com/aws/aws-sdk-go-v2/service/shield/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/shield"
	"github.com/awsmap/awsmap/internal/model"
)

const control = "us-east-1"

var shieldStart = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// subscribed cans DescribeSubscription: moto 5.2.1 answers it with
// timestamps as strings, which the SDK cannot read.
var subscribed = map[string]func(any) (any, error){
	"DescribeSubscription": func(any) (any, error) {
		end := shieldStart.AddDate(1, 0, 0)
		return &shield.DescribeSubscriptionOutput{Subscription: &types.Subscription{StartTime: &shieldStart, EndTime: &end, AutoRenew: types.AutoRenewEnabled,
			TimeCommitmentInSeconds: 31536000, ProactiveEngagementStatus: types.ProactiveEngagementStatusDisabled,
			SubscriptionArn: aws.String("arn:aws:shield::" + account + ":subscription/sub-1")}}, nil
	},
}

// run collects typ with the canned subscription, plus deny.
func shieldRun(t *testing.T, typ string, deny ...string) collecttest.Result {
	t.Helper()
	answers := map[string]func(any) (any, error){}
	for op, f := range subscribed {
		answers[op] = f
	}
	for _, op := range deny {
		answers[op] = collecttest.Denied(op)
	}
	o := awsx.Options{Responder: collecttest.Canned(answers)}
	return collecttest.Run(t, collecttest.ConfigWith(t, control, o), collector.Service, typ, model.GlobalRegion)
}

// subscribe protects six resources: five
// CloudFront distributions and a load balancer.
func shieldSubscribe(t *testing.T) map[string]string {
	t.Helper()
	collecttest.Setup(t)
	ctx := context.Background()
	api := shield.NewFromConfig(collecttest.Config(t, control, nil))
	ids := map[string]string{}
	for i := range 6 {
		resource := fmt.Sprintf("arn:aws:cloudfront::%s:distribution/E%d", account, i)
		if i == 5 {
			resource = "arn:aws:elasticloadbalancing:eu-west-1:" + account + ":loadbalancer/app/web/50dc6c495c0c9188"
		}
		out, err := api.CreateProtection(ctx, &shield.CreateProtectionInput{Name: aws.String(fmt.Sprintf("p%d", i)), ResourceArn: aws.String(resource),
			Tags: []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}})
		if err != nil {
			t.Fatal(err)
		}
		ids[fmt.Sprintf("p%d", i)] = aws.ToString(out.ProtectionId)
	}
	return ids
}

func TestShieldSubscription(t *testing.T) {
	shieldSubscribe(t)
	got := shieldRun(t, "subscription")
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("subscription: %v %v", got.Err, got.Resources)
	}
	s := got.ByID()[account]
	if s.Details["auto_renew"] != "ENABLED" || s.Details["end_time"] != "2027-01-01T00:00:00Z" || s.Details["commitment_days"] != int64(365) || s.CreatedAt != "2026-01-01T00:00:00Z" {
		t.Errorf("subscription: %+v", s)
	}
}

func TestShieldProtections(t *testing.T) {
	ids := shieldSubscribe(t)
	got := shieldRun(t, "protection")
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("protections: %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	p := got.ByID()[ids["p2"]]
	if p.Name != "p2" || p.Tags["n"] != "2" || p.ARN == "" || p.Region != model.GlobalRegion || p.Details["resource_type"] != "cloudfront/distribution" ||
		p.Details["layer7_auto_response"] != "DISABLED" {
		t.Errorf("p2: %+v", p)
	}
	if lb := got.ByID()[ids["p5"]]; lb.Details["resource_type"] != "elasticloadbalancing/loadbalancer" {
		t.Errorf("p5: %v", lb.Details)
	}
	collecttest.HasEdges(t, got, ids["p2"]+" -protects-> cloudfront/distribution:E2")
}

func TestShieldNotSubscribedAndDenied(t *testing.T) {
	collecttest.Setup(t)
	for _, typ := range []string{"subscription", "protection"} {
		got := collecttest.Run(t, collecttest.Config(t, control, nil), collector.Service, typ, model.GlobalRegion)
		if awsx.Classify(got.Err) != awsx.Unsupported || awsx.ErrorCode(got.Err) != "NotEnabled" || len(got.Resources) != 0 {
			t.Errorf("%s: want NotEnabled, got %v", typ, got.Err)
		}
	}
	shieldSubscribe(t)
	collecttest.AssertDenied(t, shieldRun(t, "subscription", "DescribeSubscription"))
	collecttest.AssertDenied(t, shieldRun(t, "protection", "ListProtections"))
	got := shieldRun(t, "protection", "ListTagsForResource")
	if got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 6 {
		t.Errorf("want six protections with warnings, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}

func TestShieldProtectionGroups(t *testing.T) {
	collecttest.Setup(t)
	groups := map[string]func(any) (any, error){
		"ListProtectionGroups": func(in any) (any, error) {
			if aws.ToString(in.(*shield.ListProtectionGroupsInput).NextToken) == "" {
				return &shield.ListProtectionGroupsOutput{NextToken: aws.String("2"), ProtectionGroups: []types.ProtectionGroup{{ProtectionGroupId: aws.String("albs"),
					ProtectionGroupArn: aws.String("arn:aws:shield::" + account + ":protection-group/albs"), Aggregation: types.ProtectionGroupAggregationSum,
					Pattern: types.ProtectionGroupPatternByResourceType, ResourceType: types.ProtectedResourceTypeApplicationLoadBalancer, Members: []string{"a", "b"}}}}, nil
			}
			return &shield.ListProtectionGroupsOutput{ProtectionGroups: []types.ProtectionGroup{{ProtectionGroupId: aws.String("all"),
				ProtectionGroupArn: aws.String("arn:aws:shield::" + account + ":protection-group/all"), Aggregation: types.ProtectionGroupAggregationMax,
				Pattern: types.ProtectionGroupPatternAll}}}, nil
		},
		"ListTagsForResource": func(any) (any, error) {
			return &shield.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("Team"), Value: aws.String("edge")}}}, nil
		},
	}
	for op, f := range subscribed {
		groups[op] = f
	}
	got := collecttest.Run(t, collecttest.ConfigWith(t, control, awsx.Options{Responder: collecttest.Canned(groups)}), collector.Service, "protection-group", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("groups: %v %v", got.Err, got.Resources)
	}
	collecttest.AssertNoWarnings(t, got)
	g := got.ByID()["albs"]
	if g.Tags["Team"] != "edge" || g.Details["aggregation"] != "SUM" || g.Details["pattern"] != "BY_RESOURCE_TYPE" || g.Details["member_count"] != 2 ||
		g.Details["resource_type"] != "APPLICATION_LOAD_BALANCER" || g.ARN != "arn:aws:shield::"+account+":protection-group/albs" {
		t.Errorf("albs: %+v", g)
	}
	collecttest.AssertDenied(t, shieldRun(t, "protection-group", "ListProtectionGroups"))
}
